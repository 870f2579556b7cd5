"""The flow sheet: one column per speech, rows pre-filled with the section's claims for each side.

A row is an argument a debater expects to meet; its claim sits in the column of the first speech its
side gives, and the student writes what happens to it in the columns after. CSV and printable HTML.
"""

from __future__ import annotations

import csv
import io

from ..escape import csv_cell
from ..escape import html as esc
from ..model import Side, Topic
from . import printable
from .formats import Format
from .state import RoundState

ARGUMENT = "Argument"


def columns(fmt: Format) -> list[str]:
    """The speech columns, numbered so two speeches of the same name stay apart."""
    return [f"{n}. {speech.name}" for n, speech in enumerate(fmt.speeches, start=1)]


def rows(fmt: Format, state: RoundState, topic: Topic) -> list[dict[str, str]]:
    """One row per position of the chosen section (or all), its claim under its side's first speech."""
    cols = columns(fmt)
    first: dict[Side, str] = {}
    for col, speech in zip(cols, fmt.speeches, strict=True):
        side = state.side_of(fmt.bench_of(speech))
        if side is not None and not speech.cross_examination:
            first.setdefault(side, col)
    out: list[dict[str, str]] = []
    for section, pair in topic.pairs():
        if state.section_id is not None and section.id != state.section_id:
            continue
        for side in (state.proposition, state.proposition.other):
            claim = pair.side(side).claim
            row = {ARGUMENT: f"{topic.sides.label(side)}: {pair.question}"} | dict.fromkeys(cols, "")
            if side in first:
                row[first[side]] = claim
            out.append(row)
    return out


def to_csv(table: list[dict[str, str]], fmt: Format) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = [ARGUMENT, *columns(fmt)]
    writer.writerow(header)
    for row in table:
        writer.writerow([csv_cell(row.get(col, "")) for col in header])
    return out.getvalue()


def to_html(table: list[dict[str, str]], fmt: Format, topic: Topic) -> str:
    header = [ARGUMENT, *columns(fmt)]
    head = "".join(f"<th>{esc(col)}</th>" for col in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(row.get(col, ''))}</td>" for col in header) + "</tr>" for row in table
    )
    title = f"Flow sheet: {topic.title} ({fmt.name})"
    return printable.page(title, f"<h1>{esc(title)}</h1><table><tr>{head}</tr>{body}</table>")
