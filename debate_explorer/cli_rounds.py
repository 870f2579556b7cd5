"""`debate-explorer cards` and `debate-explorer check-format`: the round tools on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .model import Side


def _cmd_cards(args: argparse.Namespace) -> int:
    from .loading import LoadError, load_file
    from .rounds.cards import cards_html

    try:
        topic = load_file(args.topic).topic
    except LoadError as exc:
        for problem in exc.all():
            print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.section and topic.section(args.section) is None:
        print(f"error: unknown section '{args.section}'", file=sys.stderr)
        return 2
    text = cards_html(topic, Side(args.side), args.section)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_check_format(args: argparse.Namespace) -> int:
    from .loading import LoadError
    from .rounds.formats import load_format_file

    status = 0
    for path in args.files:
        try:
            fmt = load_format_file(path)
        except LoadError as exc:
            for problem in exc.all():
                print(f"error: {problem}", file=sys.stderr)
            status = 2
            continue
        print(f"{path}: {fmt.name}: {len(fmt.speeches)} speeches, {fmt.total_minutes:g} minutes of speaking")
    return status


def register(commands: Any) -> None:
    cards = commands.add_parser("cards", help="write a topic's evidence cards for one side as printable HTML")
    cards.add_argument("topic", help="topic YAML file")
    cards.add_argument("--side", choices=[s.value for s in Side], required=True)
    cards.add_argument("--section", help="only this section id")
    cards.add_argument("-o", "--output", help="write to this file instead of standard output")
    cards.set_defaults(run=_cmd_cards)

    check = commands.add_parser("check-format", help="validate custom debate format files (YAML)")
    check.add_argument("files", nargs="+", help="format YAML files")
    check.set_defaults(run=_cmd_check_format)
