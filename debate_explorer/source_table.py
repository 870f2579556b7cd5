"""The sources table: every source of a topic with its number, metadata and citing sides, and its filter.

Pure (no Streamlit): the Sources page renders these rows; tests check them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from debate_explorer.model import Side, Topic


@dataclass(frozen=True)
class SourceRow:
    number: int
    id: str
    title: str
    url: str
    publisher: str
    published: str
    kind: str
    footnote: int | None
    sides: tuple[Side, ...]


def source_rows(topic: Topic) -> list[SourceRow]:
    """Every source with its number, metadata and the sides whose positions cite it."""
    citing = topic.citing_sides()
    return [
        SourceRow(
            number=number,
            id=source.id,
            title=source.title,
            url=source.url,
            publisher=source.publisher,
            published=source.published or "",
            kind=source.kind.value,
            footnote=source.footnote,
            sides=tuple(side for side in Side if side in citing.get(source.id, set())),
        )
        for number, source in enumerate(topic.sources, start=1)
    ]


def filter_rows(rows: Iterable[SourceRow], kinds: Iterable[str], sides: Iterable[Side]) -> list[SourceRow]:
    """Rows of the chosen kinds cited by any of the chosen sides; an empty choice means all."""
    kinds, sides = set(kinds), set(sides)
    return [
        row
        for row in rows
        if (not kinds or row.kind in kinds) and (not sides or sides.intersection(row.sides))
    ]
