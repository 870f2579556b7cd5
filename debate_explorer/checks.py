"""Integrity and balance findings over loaded topics, each with a stable code, file, line and path.

Errors (``E``) mean the topic is wrong or unfinished; warnings (``W``) point at balance problems a careful
author should look at. ``--draft`` turns the "unfilled" errors (a claim, reasoning, summary, URL, ... still to
write) into ``todo`` findings, which never fail, so a fresh skeleton from the importer checks clean.
The codes themselves (severity, draft behaviour, description) are registered in :mod:`.codes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .codes import CODES, PAIR_RATIO, SECTION_RATIO, Severity, severity
from .loading import Library, LoadedTopic, LoadError, Loc, format_loc, located
from .model import Side, Topic

__all__ = ["CODES", "PAIR_RATIO", "SECTION_RATIO", "Finding", "Severity", "check_library", "check_topic"]

LOADED_WORDS: tuple[str, ...] = (
    # Words that take a side when the narrator (not a quoted side) uses them. Attribute them to a side
    # inside a position instead, or describe what happened in neutral terms.
    "apartheid",
    "atrocity",
    "atrocities",
    "brutal",
    "brutality",
    "draconian",
    "evil",
    "genocide",
    "heroic",
    "oppression",
    "oppressive",
    "propaganda",
    "racist",
    "regime",
    "regimes",
    "shameful",
    "sinister",
    "thugs",
    "totalitarian",
    "whitewash",
    "so-called",
    "obviously",
    "clearly",
    "undeniably",
    "extremist",
    "extremists",
    "radical",
    "radicals",
    "terrorists",
)
"""Checked as whole words, case-insensitively, in the narrator's voice only (see ``_narrator``)."""

_LOADED = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(LOADED_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


UNFILLED: frozenset[str] = frozenset(
    {
        "held_by",
        "claim",
        "reasoning",
        "evidence",
        "rebuttal",
        "sources",
        "url",
        "summary",
        "question@topic",
        "question@pair",
    }
)
"""What a draft may leave empty: with ``draft=True`` these become ``todo`` instead of ``error``.
The debatable question is one of them: an article rarely states it, so the importer leaves it blank.
Titles, terms, fact-check claims and timeline events stay errors: a draft has them."""


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        return located(self.file, self.line, self.path, f"{self.code} {self.severity.value}: {self.message}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "message": self.message,
        }


def _sort_key(finding: Finding) -> tuple[str, int]:
    return finding.file, finding.line or 0


class _Collector:
    """Builds findings for one loaded topic, locating each path in the raw YAML."""

    def __init__(self, loaded: LoadedTopic, draft: bool) -> None:
        self.loaded = loaded
        self.draft = draft
        self.found: list[Finding] = []

    def add(self, code: str, loc: Loc, message: str, unfilled: bool = False) -> None:
        self.found.append(
            Finding(
                code,
                severity(code, draft=self.draft, unfilled=unfilled),
                self.loaded.file,
                self.loaded.line_of(loc),
                format_loc(loc),
                message,
            )
        )

    def empty(self, loc: Loc, text: str, what: str, kind: str | None = None) -> None:
        """E106 when ``text`` is blank; ``kind`` names the UNFILLED entry that makes it a draft to-do."""
        if not text.strip():
            self.add("E106", loc, f"{what} is empty", unfilled=(kind or str(loc[-1])) in UNFILLED)


def _cited(topic: Topic) -> Iterator[tuple[Loc, str]]:
    """Every source reference in the topic with its path."""
    for si, section in enumerate(topic.sections):
        for pi, pair in enumerate(section.pairs):
            for side in Side:
                for k, sid in enumerate(pair.side(side).sources):
                    yield ("sections", si, "pairs", pi, side.value, "sources", k), sid
        for fi, check in enumerate(section.fact_checks):
            for k, sid in enumerate(check.sources):
                yield ("sections", si, "fact_checks", fi, "sources", k), sid
    for ti, event in enumerate(topic.timeline):
        for k, sid in enumerate(event.sources):
            yield ("timeline", ti, "sources", k), sid


def _duplicates(c: _Collector, items: Iterable[tuple[Loc, str]], what: str) -> None:
    first: dict[str, Loc] = {}
    for loc, value in items:
        if value in first:
            where = f"line {c.loaded.line_of(first[value])}, {format_loc(first[value])}"
            c.add("E102", loc, f"duplicate {what} id {value!r} (first at {where})")
        else:
            first[value] = loc


def _integrity(c: _Collector, topic: Topic) -> None:
    known = topic.source_map
    for loc, sid in _cited(topic):
        if sid not in known:
            c.add("E101", loc, f"unknown source {sid!r}")
    _duplicates(c, ((("sections", si, "id"), s.id) for si, s in enumerate(topic.sections)), "section")
    _duplicates(
        c,
        (
            (("sections", si, "pairs", pi, "id"), p.id)
            for si, s in enumerate(topic.sections)
            for pi, p in enumerate(s.pairs)
        ),
        "pair",
    )
    _duplicates(c, ((("sources", i, "id"), s.id) for i, s in enumerate(topic.sources)), "source")


def _texts(c: _Collector, topic: Topic) -> None:
    c.empty(("title",), topic.title, "topic title")
    c.empty(("question",), topic.question, "topic question", kind="question@topic")
    c.empty(("summary",), topic.summary, "topic summary")
    if topic.document is not None:
        c.empty(("document", "title"), topic.document.title, "document title")
    for side in Side:
        c.empty(("sides", side.value, "label"), topic.sides.info(side).label, f"{side.value} label")
    for si, section in enumerate(topic.sections):
        at: Loc = ("sections", si)
        c.empty((*at, "title"), section.title, "section title")
        c.empty((*at, "summary"), section.summary, "section summary")
        for pi, pair in enumerate(section.pairs):
            pat: Loc = (*at, "pairs", pi)
            c.empty((*pat, "question"), pair.question, "pair question", kind="question@pair")
            for side in Side:
                position = pair.side(side)
                sat: Loc = (*pat, side.value)
                if not position.claim.strip():
                    c.add("E103", (*sat, "claim"), f"the {side.value} side has no claim", unfilled=True)
                for name, text in (
                    ("held_by", position.held_by),
                    ("reasoning", position.reasoning),
                    ("evidence", position.evidence),
                    ("rebuttal", position.rebuttal),
                ):
                    c.empty((*sat, name), text, f"{side.value} {name.replace('_', ' ')}")
                if not position.sources:
                    c.add("E104", (*sat, "sources"), f"the {side.value} position cites no sources", True)
        for qi, question in enumerate(section.questions):
            c.empty((*at, "questions", qi), question, "discussion question", kind="question")
        for ti, term in enumerate(section.terms):
            c.empty((*at, "terms", ti, "term"), term.term, "term")
            c.empty((*at, "terms", ti, "definition"), term.definition, f"definition of {term.term!r}")
        for fi, check in enumerate(section.fact_checks):
            c.empty((*at, "fact_checks", fi, "claim"), check.claim, "fact-checked claim")
    for ti, event in enumerate(topic.timeline):
        c.empty(("timeline", ti, "event"), event.event, "timeline event")
    for i, source in enumerate(topic.sources):
        c.empty(("sources", i, "title"), source.title, f"title of source {source.id!r}", kind="title")
        if not source.url:
            c.add("E105", ("sources", i, "url"), f"source {source.id!r} has no url", unfilled=True)


def _ratio(a: int, b: int) -> float:
    return max(a, b) / min(a, b)


def _balance(c: _Collector, topic: Topic) -> None:
    for si, section in enumerate(topic.sections):
        at: Loc = ("sections", si)
        for pi, pair in enumerate(section.pairs):
            s, k = pair.supporter.words, pair.critic.words
            # A side with no words at all is already an E103/E106 finding; a ratio adds nothing.
            if s and k and _ratio(s, k) > PAIR_RATIO:
                c.add(
                    "W201",
                    (*at, "pairs", pi),
                    f"pair {pair.id!r} is unbalanced: supporter {s} words, critic {k} words "
                    f"({_ratio(s, k):.2f}x > {PAIR_RATIO}x)",
                )
        s, k = section.words(Side.SUPPORTER), section.words(Side.CRITIC)
        if s and k and _ratio(s, k) > SECTION_RATIO:
            c.add(
                "W202",
                at,
                f"section {section.id!r} is unbalanced: supporter {s} words, critic {k} words "
                f"({_ratio(s, k):.2f}x > {SECTION_RATIO}x)",
            )
        counts = {side: len(section.sources_of(side)) for side in Side}
        for side in Side:
            if counts[side] < counts[side.other]:
                c.add(
                    "W203",
                    (*at, "pairs"),
                    f"in section {section.id!r} the {side.value} side cites {counts[side]} distinct "
                    f"source(s), the {side.other.value} side {counts[side.other]}",
                )
        if not section.questions:
            c.add("W206", at, f"section {section.id!r} has no discussion questions")


def _sources(c: _Collector, topic: Topic) -> None:
    cited = {sid for _, sid in _cited(topic)}
    first_url: dict[str, str] = {}
    for i, source in enumerate(topic.sources):
        if source.id not in cited:
            c.add("W204", ("sources", i, "id"), f"source {source.id!r} is never cited")
        if source.url:
            key = source.url.rstrip("/")
            if key in first_url:
                c.add(
                    "W207",
                    ("sources", i, "url"),
                    f"source {source.id!r} has the same url as {first_url[key]!r}",
                )
            else:
                first_url[key] = source.id


def _narrator(topic: Topic) -> Iterator[tuple[Loc, str]]:
    """The texts written in the narrator's voice (not a side's), with their paths."""
    yield ("summary",), topic.summary
    for si, section in enumerate(topic.sections):
        yield ("sections", si, "summary"), section.summary
        for pi, pair in enumerate(section.pairs):
            yield ("sections", si, "pairs", pi, "question"), pair.question
        for qi, question in enumerate(section.questions):
            yield ("sections", si, "questions", qi), question
        for fi, check in enumerate(section.fact_checks):
            yield ("sections", si, "fact_checks", fi, "note"), check.note


def loaded_words(text: str) -> list[str]:
    """The loaded words in ``text``, lowercased, in order of first appearance."""
    return list(dict.fromkeys(m.group(1).lower() for m in _LOADED.finditer(text)))


def _wording(c: _Collector, topic: Topic) -> None:
    for loc, text in _narrator(topic):
        words = loaded_words(text)
        if words:
            shown = ", ".join(repr(w) for w in words)
            c.add(
                "W205",
                loc,
                f"loaded word(s) {shown} in the narrator's voice; describe neutrally or attribute to a side",
            )


ORGANISATION_WORDS = frozenset(
    [
        "Agency",
        "Alliance",
        "Assembly",
        "Association",
        "Authority",
        "Board",
        "Bureau",
        "Campaign",
        "Center",
        "Centre",
        "Coalition",
        "College",
        "Commission",
        "Committee",
        "Company",
        "Congress",
        "Corporation",
        "Council",
        "Court",
        "Department",
        "Federation",
        "Forum",
        "Foundation",
        "Fund",
        "Government",
        "Group",
        "Inc",
        "Institute",
        "International",
        "League",
        "Ltd",
        "Ministry",
        "Network",
        "Office",
        "Organisation",
        "Organization",
        "Parliament",
        "Party",
        "Police",
        "Project",
        "Senate",
        "Service",
        "Society",
        "Trust",
        "Union",
        "University",
        "Watch",
    ]
)
"""A capitalised name in ``held_by`` with one of these words is taken for an organisation (W211)."""
NOT_ORGANISATIONS = frozenset(
    [
        "AI",
        "EU",
        "MEP",
        "MEPs",
        "MP",
        "MPs",
        "MS",
        "MSP",
        "UK",
        "UN",
        "US",
        "USA",
        "II",
        "III",
        "IV",
        "PhD",
        "QC",
        "KC",
    ]
)
"""All-capital words that are titles, places or numerals rather than an organisation's acronym."""
_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{1,9}s?(?![\w&])")
_NAME = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:\s+(?:(?:of|for|on|the|and|&)\s+)*[A-Z][\w'’.&-]*)+")


def organisations(held_by: str) -> list[str]:
    """Organisation names in a ``held_by`` text: acronyms and capitalised names with an organisation word."""
    found = [m.group(0) for m in _ACRONYM.finditer(held_by) if m.group(0) not in NOT_ORGANISATIONS]
    for match in _NAME.finditer(held_by):
        words = match.group(0).split()
        if any(word.strip(".,'’") in ORGANISATION_WORDS for word in words):
            found.append(match.group(0))
    return list(dict.fromkeys(found))


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text) is not None


def named_organisations(claim: str, held_by: str, question: str = "") -> list[str]:
    """The organisations of ``held_by`` that ``claim`` names (whole words, case as written).

    An organisation the pair's ``question`` names is the debate's subject, which both sides discuss, so
    naming it gives nothing away.
    """
    return [name for name in organisations(held_by) if _names(claim, name) and not _names(question, name)]


def _self_naming(c: _Collector, topic: Topic) -> None:
    for si, section in enumerate(topic.sections):
        for pi, pair in enumerate(section.pairs):
            for side in Side:
                position = pair.side(side)
                names = named_organisations(position.claim, position.held_by, pair.question)
                if names:
                    shown = ", ".join(repr(name) for name in names)
                    c.add(
                        "W211",
                        ("sections", si, "pairs", pi, side.value, "claim"),
                        f"the {side.value} claim of pair {pair.id!r} names {shown}, which its held_by names; "
                        "a blind reader would know the side",
                    )


def check_topic(loaded: LoadedTopic, draft: bool = False) -> list[Finding]:
    """All findings for one loaded topic, sorted by line."""
    c = _Collector(loaded, draft)
    topic = loaded.topic
    _integrity(c, topic)
    _texts(c, topic)
    _balance(c, topic)
    _sources(c, topic)
    _wording(c, topic)
    _self_naming(c, topic)
    return sorted(c.found, key=_sort_key)


def load_findings(errors: Sequence[LoadError]) -> list[Finding]:
    """One E001 finding per problem of each file that did not load (drafts cannot soften these)."""
    return [
        Finding("E001", severity("E001"), problem.file, problem.line, problem.path, problem.message)
        for error in errors
        for problem in error.all()
    ]


def check_library(library: Library, draft: bool = False) -> list[Finding]:
    """Load errors and the findings of every topic, sorted by file and line."""
    found = load_findings(library.errors)
    for loaded in library.topics:
        found.extend(check_topic(loaded, draft=draft))
    return sorted(found, key=_sort_key)


def failing(findings: Iterable[Finding], strict: bool) -> bool:
    """Errors always fail; warnings fail only when strict; to-dos never fail."""
    failing_severities = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(f.severity in failing_severities for f in findings)
