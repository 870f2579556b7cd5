"""`debate-explorer`: check topics, print the schema, export handouts, import an article, serve the app.

Exit codes: 0 clean, 1 findings that fail (errors; with --strict warnings too), 2 unusable input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import CONTENT_DIR_ENV, content_dir
from .pages import VIEWS_DIR

APP_SCRIPT = VIEWS_DIR / "app.py"
"""The app's entry script inside the package; its .streamlit/config.toml holds the server settings."""


def _cmd_check(args: argparse.Namespace) -> int:
    from .checks import Severity, check_library, failing
    from .files import shown_path
    from .loading import load_library

    paths = args.paths or [str(content_dir())]
    # lexists: a symbolic link loop or a dangling link is reported by the loader as a load error (as the app
    # does), not mistaken for a missing path.
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        print(
            f"error: no such file or folder: {', '.join(shown_path(p) for p in missing[:5])}", file=sys.stderr
        )
        return 2
    library = load_library(paths)
    findings = check_library(library, draft=args.draft)
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        counts = {s: sum(f.severity is s for f in findings) for s in Severity}
        summary = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        print(f"{len(library.topics)} topic(s) checked: {summary or 'no findings'}", file=sys.stderr)
    if not library.topics:
        # Nothing usable: every file was broken, or the folders held no topic files at all.
        if not library.errors:
            print(f"error: no topic files (*.yaml, *.yml) in {', '.join(paths)}", file=sys.stderr)
        return 2
    return 1 if failing(findings, strict=args.strict) else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_json

    print(schema_json())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .exports import export_topic
    from .loading import LoadError, load_file

    try:
        loaded = load_file(args.topic)
    except LoadError as exc:
        for problem in exc.all():
            print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        text = export_topic(loaded.topic, args.format, section_id=args.section)
    except (KeyError, ValueError) as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    if not args.output:
        sys.stdout.write(text)
        return 0
    from .files import FileProblem, write_text

    try:
        # newline="": the bytes are the export's own (Kialo's CRLF stays CRLF on every system).
        write_text(args.output, text, force=args.force, inputs=(args.topic,))
    except FileProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from .importer import ImportProblem, write_skeleton

    try:
        written = write_skeleton(
            args.article,
            output=args.output,
            topic_id=args.id,
            force=args.force,
            input_format=args.input_format,
        )
    except ImportProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {written}; next: debate-explorer check --draft {written}", file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser() if args.folder else content_dir()
    if not folder.is_dir():
        print(
            f"error: no such folder: {folder} (give a FOLDER or set {CONTENT_DIR_ENV})",
            file=sys.stderr,
        )
        return 2
    command = [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT)]
    if args.port is not None:
        command.append(f"--server.port={args.port}")
    if args.address is not None:
        command.append(f"--server.address={args.address}")
    env = {**os.environ, CONTENT_DIR_ENV: str(folder.resolve())}
    # This process becomes the server (same interpreter, no Streamlit import here): signals from a
    # terminal, a supervisor or a container stop the server itself, not a wrapper that would orphan it.
    sys.stdout.flush()
    os.execve(sys.executable, command, env)


def _export_formats() -> dict[str, str]:
    """Export format names and descriptions, from the registry (the only list of formats)."""
    from .exports import FORMATS

    return {name: renderer.description for name, renderer in FORMATS.items()}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="debate-explorer", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate topic files and report balance findings")
    check.add_argument("paths", nargs="*", help="topic files or folders (default: the content folder)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--draft", action="store_true", help="report unfilled fields as to-dos, not errors")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(run=_cmd_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of a topic file")
    schema.set_defaults(run=_cmd_schema)

    formats = _export_formats()
    export = commands.add_parser(
        "export",
        help="export a topic as a handout or data",
        epilog="formats:\n" + "\n".join(f"  {name:<9} {text}" for name, text in formats.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("topic", help="topic YAML file")
    export.add_argument("--format", choices=list(formats), default="markdown")
    export.add_argument("--section", help="only this section id")
    export.add_argument("-o", "--output", help="write to this file instead of standard output")
    export.add_argument("--force", action="store_true", help="overwrite an existing output file")
    export.set_defaults(run=_cmd_export)

    new = commands.add_parser(
        "new", help="turn an article (text, Markdown) or a Kialo, Argdown or AIF debate into a skeleton topic"
    )
    new.add_argument("article", help="the file to import")
    new.add_argument(
        "--from",
        dest="input_format",
        choices=["auto", "article", "kialo", "argdown", "aif"],
        default="auto",
        help="the file's format (default: recognised from its content and extension)",
    )
    new.add_argument("-o", "--output", help="where to write (default: arguments/<id>.yaml)")
    new.add_argument("--id", help="topic id (default: from the title)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=_cmd_new)

    serve = commands.add_parser("serve", help="run the app in a web server")
    serve.add_argument("folder", nargs="?", help="the topic folder (default: the content folder)")
    serve.add_argument("--port", type=int, help="port to listen on (default: Streamlit's, 8501)")
    serve.add_argument("--address", help="address to listen on, e.g. 127.0.0.1 (default: every interface)")
    serve.set_defaults(run=_cmd_serve)

    from .cli_classroom import register as register_classroom

    register_classroom(commands)
    from .cli_rounds import register as register_rounds

    register_rounds(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
