"""Pure data shaping for the pages (no Streamlit): search over all topics and the sources table.

Kept apart from the page scripts so it can be tested directly and stays fast: the search is a plain scan
of a few thousand short strings, which takes milliseconds for the shipped content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from debate_explorer.model import Side, Topic

MAX_HITS = 50
SNIPPET = 160


@dataclass(frozen=True)
class Hit:
    """One search match: where it is (topic, section, pair) and what matched."""

    topic_id: str
    topic_title: str
    section_id: str
    pair_id: str
    pair_question: str
    field: str
    text: str

    def snippet(self, query: str, width: int = SNIPPET) -> str:
        """The matched text cut to ``width`` characters around the first match."""
        text = " ".join(self.text.split())
        if len(text) <= width:
            return text
        at = max(text.casefold().find(query.casefold()), 0)
        start = max(0, min(at - width // 3, len(text) - width))
        cut = text[start : start + width]
        return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")


def _fields(topic: Topic) -> Iterator[tuple[str, str, str, str, str]]:
    """(section id, pair id, pair question, field label, text) for everything a reader may search."""
    labels = {side: topic.sides.label(side) for side in Side}
    citing: dict[str, tuple[str, str, str]] = {}
    for section, pair in topic.pairs():
        yield section.id, pair.id, pair.question, "question", pair.question
        for side in Side:
            position = pair.side(side)
            for name, text in position.texts():
                yield section.id, pair.id, pair.question, f"{labels[side]} {name}", text
            for sid in position.sources:
                citing.setdefault(sid, (section.id, pair.id, pair.question))
    for source in topic.sources:
        if source.id in citing:
            section_id, pair_id, question = citing[source.id]
            yield section_id, pair_id, question, "source title", source.title


def search(topics: Iterable[Topic], query: str, limit: int = MAX_HITS) -> tuple[list[Hit], int]:
    """Case-insensitive match of every word of ``query``; returns up to ``limit`` hits and the total."""
    words = query.casefold().split()
    if not words:
        return [], 0
    hits: list[Hit] = []
    total = 0
    for topic in topics:
        for section_id, pair_id, question, field, text in _fields(topic):
            folded = text.casefold()
            if all(word in folded for word in words):
                total += 1
                if len(hits) < limit:
                    hits.append(Hit(topic.id, topic.title, section_id, pair_id, question, field, text))
    return hits, total


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
