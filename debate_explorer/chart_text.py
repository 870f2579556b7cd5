"""Text alternatives for the charts: the same figures as tables and sentences, and the map's balance rule.

Pure functions of a Topic (no Streamlit, no plotly): every chart in :mod:`debate_explorer.charts` has a
table here with the numbers it draws, and a sentence that says what it shows, so a screen-reader user (and
anyone who cannot tell the colours apart) reads what a sighted reader sees. The cells are plain text;
the views escape them (``views/a11y.py``).

The balance rule (:func:`lean`) lives here once: the map's colours, its legend and its table all read it.
Two counts within :data:`BALANCED_WITHIN` of each other read as balanced, so a topic within 7 % does not
look lopsided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from . import labels
from .classroom.rules import Choice, Outcome
from .model import Side, SourceKind, Topic

BALANCED_WITHIN = 1.1
"""The larger count at most this many times the smaller reads as balanced."""
STRONG_FROM = 1.5
"""Past this ratio a side leans strongly (the darker shade)."""

Cell = str | int


class Strength(StrEnum):
    BALANCED = "balanced"
    LEANS = "leans"
    STRONG = "leans strongly"


@dataclass(frozen=True)
class Lean:
    """Which way two word counts lean, and how far: the one reading the map draws and writes."""

    supporter: int
    critic: int

    @property
    def ratio(self) -> float:
        """The larger count over the smaller (1.0 when equal, infinite when only one side has words)."""
        low, high = sorted((self.supporter, self.critic))
        if high == 0:
            return 1.0
        return float("inf") if low == 0 else high / low

    @property
    def strength(self) -> Strength:
        if self.ratio <= BALANCED_WITHIN:
            return Strength.BALANCED
        return Strength.STRONG if self.ratio > STRONG_FROM else Strength.LEANS

    @property
    def side(self) -> Side | None:
        """The side with more words, or None when the two read as balanced."""
        if self.strength is Strength.BALANCED:
            return None
        return Side.SUPPORTER if self.supporter > self.critic else Side.CRITIC

    def ratio_text(self) -> str:
        ratio = self.ratio
        if ratio == float("inf"):
            return "one side only"
        return f"{ratio:.2f}x"

    def reading(self, topic: Topic) -> str:
        """'balanced' or 'leans to Supporters (1.32x)' in words, with the topic's side labels."""
        side = self.side
        if side is None:
            return f"balanced ({self.ratio_text()})"
        verb = "leans strongly to" if self.strength is Strength.STRONG else "leans to"
        return f"{verb} {topic.sides.label(side)} ({self.ratio_text()})"


def lean(supporter: int, critic: int) -> Lean:
    return Lean(supporter, critic)


def map_legend(topic: Topic) -> str:
    """The map's colour legend in words (plain text; the view escapes it)."""
    sup, cri = topic.sides.label(Side.SUPPORTER), topic.sides.label(Side.CRITIC)
    return (
        f"Grey: balanced, the side with more words has at most {BALANCED_WITHIN}x the other's. "
        f"Light blue or light orange: leans to {sup} (blue) or {cri} (orange), up to {STRONG_FROM}x. "
        f"Dark blue or dark orange: leans strongly, more than {STRONG_FROM}x or only one side has words. "
        "Size: the number of words on both sides."
    )


@dataclass(frozen=True)
class Table:
    """A chart's numbers as rows of plain-text or integer cells, with a one-sentence summary."""

    title: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def words_table(topic: Topic, left: Side = Side.SUPPORTER) -> Table:
    """Words per side per section (the butterfly), with each section's reading."""
    first, second = left, left.other
    rows = []
    for section in topic.sections:
        reading = lean(section.words(Side.SUPPORTER), section.words(Side.CRITIC)).reading(topic)
        rows.append((section.title, section.words(first), section.words(second), reading))
    whole = lean(topic.words(Side.SUPPORTER), topic.words(Side.CRITIC))
    rows.append(("Whole topic", topic.words(first), topic.words(second), whole.reading(topic)))
    summary = (
        f"{topic.sides.label(Side.SUPPORTER)}: {topic.words(Side.SUPPORTER)} words, "
        f"{topic.sides.label(Side.CRITIC)}: {topic.words(Side.CRITIC)} words over "
        f"{len(topic.sections)} sections; the whole topic reads {whole.reading(topic)}."
    )
    columns = (
        "Section",
        f"{topic.sides.label(first)} words",
        f"{topic.sides.label(second)} words",
        "Reading",
    )
    return Table("Words per side in each section", summary, columns, tuple(rows))


def sources_table(topic: Topic) -> Table:
    """Distinct sources each side cites, per section and over the whole topic."""
    rows: list[tuple[Cell, ...]] = [
        (s.title, len(s.sources_of(Side.SUPPORTER)), len(s.sources_of(Side.CRITIC))) for s in topic.sections
    ]
    whole = {side: len({sid for s in topic.sections for sid in s.sources_of(side)}) for side in Side}
    rows.append(("Whole topic", whole[Side.SUPPORTER], whole[Side.CRITIC]))
    summary = (
        f"Over the whole topic {topic.sides.label(Side.SUPPORTER)} cite {whole[Side.SUPPORTER]} distinct "
        f"sources and {topic.sides.label(Side.CRITIC)} cite {whole[Side.CRITIC]}."
    )
    columns = ("Section", *(f"{topic.sides.label(side)} sources" for side in Side))
    return Table("Distinct sources per side", summary, columns, tuple(rows))


def kind_counts(topic: Topic) -> dict[Side, Counter[SourceKind]]:
    """How many distinct sources of each kind each side cites (the kinds chart reads this too)."""
    kinds = {source.id: source.kind for source in topic.sources}
    cited = topic.citing_sides()
    return {
        side: Counter(kinds[sid] for sid, sides in cited.items() if side in sides and sid in kinds)
        for side in Side
    }


def kinds_table(topic: Topic) -> Table:
    counts = kind_counts(topic)
    present = [kind for kind in SourceKind if any(counts[side][kind] for side in Side)]
    rows = tuple(
        (labels.source_kind(kind), counts[Side.SUPPORTER][kind], counts[Side.CRITIC][kind])
        for kind in present
    )
    parts = []
    for side in Side:
        top = counts[side].most_common(1)
        if top:
            kind, n = top[0]
            parts.append(
                f"{topic.sides.label(side)} cite {labels.source_kind(kind).lower()} sources most ({n})"
            )
        else:
            parts.append(f"{topic.sides.label(side)} cite no sources yet")
    columns = ("Type", *(f"{topic.sides.label(side)} sources" for side in Side))
    return Table(f"{labels.SOURCE_TYPES} per side", "; ".join(parts) + ".", columns, rows)


def date_value(partial: str) -> str:
    """'2014' -> '2014-01-01', '2014-03' -> '2014-03-01': a plottable, sortable date for a partial one."""
    parts = partial.split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts[:3])


def timeline_table(topic: Topic) -> Table:
    """Every dated event in date order with the titles of its sources."""
    titles = {source.id: source.title for source in topic.sources}
    events = sorted(topic.timeline, key=lambda e: date_value(e.date))
    rows = tuple((e.date, e.event, "; ".join(titles.get(sid, sid) for sid in e.sources)) for e in events)
    if events:
        summary = f"{len(events)} dated events from {events[0].date} to {events[-1].date}."
    else:
        summary = "No dated events yet."
    return Table("Timeline", summary, ("Date", "Event", "Sources"), rows)


@dataclass(frozen=True)
class MapRow:
    """One section or pair of the map: where it is, its counts, its reading, and its Compare address."""

    section_id: str
    section_title: str
    pair_id: str | None
    label: str
    supporter: int
    critic: int

    @property
    def lean(self) -> Lean:
        return lean(self.supporter, self.critic)


def map_rows(topic: Topic) -> list[MapRow]:
    """The map's nodes below the topic, in reading order: each section, then its pairs."""
    rows = []
    for section in topic.sections:
        rows.append(
            MapRow(
                section.id,
                section.title,
                None,
                section.title,
                section.words(Side.SUPPORTER),
                section.words(Side.CRITIC),
            )
        )
        rows.extend(
            MapRow(section.id, section.title, pair.id, pair.question, pair.supporter.words, pair.critic.words)
            for pair in section.pairs
        )
    return rows


def map_table(topic: Topic) -> Table:
    whole = lean(topic.words(Side.SUPPORTER), topic.words(Side.CRITIC))
    rows = tuple(
        (
            "Section" if row.pair_id is None else "Pair",
            row.label,
            row.supporter,
            row.critic,
            row.lean.reading(topic),
        )
        for row in map_rows(topic)
    )
    counts = Counter(row.lean.strength for row in map_rows(topic) if row.pair_id is not None)
    summary = (
        f"The whole topic reads {whole.reading(topic)}. Of {sum(counts.values())} pairs, "
        f"{counts[Strength.BALANCED]} read balanced, {counts[Strength.LEANS]} lean and "
        f"{counts[Strength.STRONG]} lean strongly to one side."
    )
    columns = (
        "Level",
        "Section or pair",
        f"{topic.sides.label(Side.SUPPORTER)} words",
        f"{topic.sides.label(Side.CRITIC)} words",
        "Reading",
    )
    return Table("Map of the topic: sections and pairs", summary, columns, rows)


def vote_table(outcome: Outcome, labels: Mapping[Choice, str]) -> Table:
    """The class vote before and after, as shares per choice."""
    rows = tuple(
        (labels[choice], f"{outcome.before.share(choice):.0f}%", f"{outcome.after.share(choice):.0f}%")
        for choice in Choice
    )
    summary = "; ".join(
        f"{labels[c]}: {outcome.before.share(c):.0f}% before, {outcome.after.share(c):.0f}% after"
        for c in Choice
    )
    return Table(
        "The class vote, before and after the debate", summary + ".", ("Choice", "Before", "After"), rows
    )
