"""Search over every topic: which claims, reasonings, evidence, rebuttals and source titles match.

Pure (no Streamlit), so the Topics page and tests share it. A plain scan of a few thousand short strings
takes milliseconds for the shipped content.
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
        at = first_match(text, query)
        start = max(0, min(at - width // 3, len(text) - width))
        cut = text[start : start + width]
        return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")


def first_match(text: str, query: str) -> int:
    """Where the first of the query's words occurs in ``text`` (0 when none does)."""
    folded = text.casefold()
    found = [at for word in query.casefold().split() if (at := folded.find(word)) >= 0]
    return min(found, default=0)


def segments(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, matched) runs: every occurrence of every query word is a matched run.

    Case-insensitive; overlapping matches merge. Joining the pieces gives ``text`` back, so a view can
    escape each piece and mark the matched ones without ever building markup from the raw text.
    """
    folded = text.casefold()
    if len(folded) != len(text):  # a case fold that changes lengths (ß -> ss): match nothing, stay exact
        return [(text, False)] if text else []
    marks = [False] * len(text)
    for word in set(query.casefold().split()):
        at = folded.find(word)
        while at >= 0:
            marks[at : at + len(word)] = [True] * len(word)
            at = folded.find(word, at + 1)
    runs: list[tuple[str, bool]] = []
    for char, marked in zip(text, marks, strict=True):
        if runs and runs[-1][1] == marked:
            runs[-1] = (runs[-1][0] + char, marked)
        else:
            runs.append((char, marked))
    return runs


@dataclass(frozen=True)
class PairHits:
    """Every hit in one pair: the pair once, its matching fields below it (the most telling one first)."""

    hits: tuple[Hit, ...]

    @property
    def first(self) -> Hit:
        return self.hits[0]

    @property
    def fields(self) -> list[str]:
        return [hit.field for hit in self.hits]


def group(hits: Iterable[Hit]) -> list[PairHits]:
    """Hits grouped by pair, pairs in order of their first hit; within a pair, a match in the question
    comes last, since the question is shown with every group anyway."""
    by_pair: dict[tuple[str, str, str], list[Hit]] = {}
    for hit in hits:
        by_pair.setdefault((hit.topic_id, hit.section_id, hit.pair_id), []).append(hit)
    return [
        PairHits(tuple(sorted(found, key=lambda hit: hit.field == "question"))) for found in by_pair.values()
    ]


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
