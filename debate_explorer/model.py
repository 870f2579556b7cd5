"""The one data model of Debate Explorer.

Every page, chart, export and check reads these validated objects; nothing downstream reads YAML.
The models are strict: unknown keys are errors, ids are lowercase-hyphenated, links are http(s) only
and dates are strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) so YAML 1.1 cannot turn them into
other types. Empty texts are allowed here so that drafts load; ``checks`` reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
MAX_ID = 80

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID)]
_ID = re.compile(ID_PATTERN)


def valid_id(value: str) -> bool:
    """The model's id rule, for entry points that take an id before any model exists (``new --id``)."""
    return len(value) <= MAX_ID and _ID.match(value) is not None


PartialDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]

MAX_SHORT = 1_000
"""Longest title, label, name or publisher (characters). Caps are generous: they stop abuse, not authors."""
MAX_SENTENCE = 2_000
"""Longest claim, question, event or side description."""
MAX_LONG = 20_000
"""Longest summary, reasoning, evidence, rebuttal, definition or note."""
MAX_URL = 2_000
"""Longest URL (browsers and servers commonly refuse longer ones)."""

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT)]
Sentence = Annotated[str, StringConstraints(max_length=MAX_SENTENCE)]
LongText = Annotated[str, StringConstraints(max_length=MAX_LONG)]


def _check_url(value: str) -> str:
    """Empty (a stub to fill) or an absolute http(s) URL; every other scheme is refused."""
    value = value.strip()
    if value and not URL_PATTERN.match(value):
        raise ValueError("must be an http:// or https:// URL")
    return value


URL_SCHEMA_PATTERN = r"^$|^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#]\S*$"
"""URL_PATTERN for editors (JSON Schema regexes have no flags): empty or an absolute http(s) URL."""

Url = Annotated[
    str,
    StringConstraints(max_length=MAX_URL),
    AfterValidator(_check_url),
    Field(json_schema_extra={"pattern": URL_SCHEMA_PATTERN}),
]


class Strict(BaseModel):
    """Base: unknown keys are errors; pydantic's lax mode never turns numbers or booleans into strings."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Side(StrEnum):
    SUPPORTER = "supporter"
    CRITIC = "critic"

    @property
    def other(self) -> Side:
        return Side.CRITIC if self is Side.SUPPORTER else Side.SUPPORTER


class Origin(StrEnum):
    DOCUMENT = "document"  # the position is stated in the source document
    RESEARCH = "research"  # added from research beyond the document


class Verdict(StrEnum):
    CONFIRMED = "confirmed"
    PARTLY = "partly"
    UNCONFIRMED = "unconfirmed"
    DISPUTED = "disputed"


class SourceKind(StrEnum):
    GOVERNMENT = "government"
    COURT = "court"
    NGO = "ngo"
    ADVOCACY = "advocacy"
    PRESS = "press"
    ACADEMIC = "academic"
    COMPANY = "company"
    REFERENCE = "reference"


class Source(Strict):
    id: Id
    title: ShortText
    publisher: ShortText = ""
    url: Url = ""
    published: PartialDate | None = None
    kind: SourceKind
    footnote: Annotated[int, Field(ge=1, le=999, strict=True)] | None = None
    note: LongText = ""


class Position(Strict):
    """One side's answer to a pair's question, built the way debate is taught."""

    held_by: ShortText = Field("", description="Who actually holds this position in the real world")
    claim: Sentence = Field(description="One sentence a debater could say aloud")
    reasoning: LongText = ""
    evidence: LongText = ""
    sources: list[Id] = Field(default_factory=list)
    origin: Origin = Origin.RESEARCH
    rebuttal: LongText = ""
    note: LongText = Field("", description="Working note for authors (the importer puts side cues here)")

    def texts(self) -> Iterator[tuple[str, str]]:
        """The argued text fields (name, text) that count as this side's words."""
        yield "claim", self.claim
        yield "reasoning", self.reasoning
        yield "evidence", self.evidence
        yield "rebuttal", self.rebuttal

    @property
    def words(self) -> int:
        return sum(count_words(text) for _, text in self.texts())


class Pair(Strict):
    id: Id
    question: Sentence
    supporter: Position
    critic: Position

    def side(self, side: Side) -> Position:
        return self.supporter if side is Side.SUPPORTER else self.critic


class Term(Strict):
    term: ShortText
    definition: LongText


class FactCheck(Strict):
    claim: Sentence
    verdict: Verdict
    note: LongText = ""
    sources: list[Id] = Field(default_factory=list)


class Section(Strict):
    id: Id
    title: ShortText
    summary: LongText = ""
    pairs: list[Pair] = Field(default_factory=list)
    questions: list[Sentence] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    fact_checks: list[FactCheck] = Field(default_factory=list)

    def words(self, side: Side) -> int:
        return sum(pair.side(side).words for pair in self.pairs)

    def pair(self, pair_id: str) -> Pair | None:
        return next((p for p in self.pairs if p.id == pair_id), None)

    def sources_of(self, side: Side) -> set[str]:
        return {sid for pair in self.pairs for sid in pair.side(side).sources}


class SideInfo(Strict):
    label: ShortText
    who: Sentence = ""


class Sides(Strict):
    supporter: SideInfo = SideInfo(label="Supporters")
    critic: SideInfo = SideInfo(label="Critics")

    def info(self, side: Side) -> SideInfo:
        return self.supporter if side is Side.SUPPORTER else self.critic

    def label(self, side: Side) -> str:
        """The side's label as every page, chart and export shows it: folded, or "Supporter"/"Critic"."""
        return " ".join(self.info(side).label.split()) or side.value.title()


class Document(Strict):
    title: ShortText
    author: ShortText = ""
    url: Url = ""
    note: LongText = ""


class TimelineEvent(Strict):
    date: PartialDate
    event: Sentence
    sources: list[Id] = Field(default_factory=list)


@dataclass(frozen=True)
class SourceIndex:
    """A topic's sources by id and their numbers; shared by every caller, so never change them."""

    by_id: dict[str, Source]
    numbers: dict[str, int]


def index_sources(sources: Sequence[Source]) -> SourceIndex:
    """Build the source map and numbering (a duplicate id, an error ``check`` reports, keeps its last use)."""
    by_id: dict[str, Source] = {}
    numbers: dict[str, int] = {}
    for number, source in enumerate(sources, start=1):
        by_id[source.id] = source
        numbers[source.id] = number
    return SourceIndex(by_id, numbers)


_SOURCE_INDEX = "source_index_cache"


class Topic(Strict):
    id: Id
    title: ShortText
    question: Sentence
    summary: LongText = ""
    updated: PartialDate | None = Field(
        None, description="When the content last changed (YYYY-MM-DD); the Topics page shows it"
    )
    document: Document | None = None
    sides: Sides = Sides()
    sections: list[Section] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    _numbers: dict[str, int] | None = PrivateAttr(default=None)
    """Set only on an :meth:`excerpt`: the full topic's numbers of the sources it kept."""

    def source_index(self) -> SourceIndex:
        """The source map and numbering, built once per source list (:func:`index_sources`).

        Kept in the instance dict (outside the fields, so equality and dumps ignore it) and keyed on the
        identity of the ``sources`` list, so a copy with other sources (``model_copy(update=...)``, a
        reloaded file) never sees another list's numbers.
        """
        cached = self.__dict__.get(_SOURCE_INDEX)
        if cached is None or cached[0] is not self.sources:
            cached = (self.sources, index_sources(self.sources))
            self.__dict__[_SOURCE_INDEX] = cached
        return cached[1]

    @property
    def source_map(self) -> dict[str, Source]:
        return self.source_index().by_id

    @property
    def source_numbers(self) -> dict[str, int]:
        """Each source's number on every page and handout: its 1-based place in the topic's source list.

        An :meth:`excerpt` (one section's handout) keeps the whole topic's numbers, so a handout shows
        [106] where the app shows [106].
        """
        if self._numbers is not None:
            return dict(self._numbers)
        return self.source_index().numbers

    def excerpt(self, sections: list[Section], source_ids: set[str]) -> Topic:
        """A copy with only ``sections``, the sources in ``source_ids`` and no timeline; numbers kept."""
        numbers = self.source_numbers
        kept = [source for source in self.sources if source.id in source_ids]
        copy = self.model_copy(update={"sections": sections, "timeline": [], "sources": kept})
        copy._numbers = {source.id: numbers[source.id] for source in kept}
        return copy

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def find_pair(self, pair_id: str, section_id: str | None = None) -> tuple[Section, Pair] | None:
        """The pair with this id (pair ids are unique in a topic), optionally only in one section."""
        for section, pair in self.pairs():
            if pair.id == pair_id and section_id in (None, section.id):
                return section, pair
        return None

    def pairs(self) -> Iterator[tuple[Section, Pair]]:
        for section in self.sections:
            for pair in section.pairs:
                yield section, pair

    def words(self, side: Side) -> int:
        return sum(section.words(side) for section in self.sections)

    def citing_sides(self) -> dict[str, set[Side]]:
        """Which sides cite each source id (positions only)."""
        cited: dict[str, set[Side]] = {}
        for _, pair in self.pairs():
            for side in Side:
                for sid in pair.side(side).sources:
                    cited.setdefault(sid, set()).add(side)
        return cited


_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
