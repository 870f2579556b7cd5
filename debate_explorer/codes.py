"""The check codes: one registry of every code's severity, draft behaviour and description.

``checks.py`` decides severities from here, and the tables in README.md and docs/checks.md are tested
against it (tests/test_codes.py), so a code, its severity or its wording changes in one place. The
thresholds some codes name live here too, since their descriptions quote them. Codes never change meaning;
a new check gets a new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PAIR_RATIO = 1.5
"""A pair whose longer side has more than this many times the words of the shorter one is flagged."""

SECTION_RATIO = 1.25
"""The same for a whole section: small per-pair differences must not add up to a one-sided section."""

MAX_TOKEN = 200
"""A run of non-space characters longer than this in a text field is flagged (a paste error, or abuse)."""

MAX_PAIRS = 40
"""A section with more pairs than this is flagged: readers page through it (``paging.PAIRS_PER_PAGE``)."""

MAX_SOURCES = 500
"""A topic with more sources than this is flagged: the Sources page pages through them."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    TODO = "todo"


class Draft(StrEnum):
    """What ``check --draft`` does to a code's findings."""

    KEEP = "keep"
    """Never softened."""
    TODO = "todo"
    """Always a to-do in a draft: the finding is an unfilled part of a skeleton."""
    UNFILLED = "unfilled"
    """A to-do only for unfilled fields (``checks.UNFILLED``)."""


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    summary: str
    """One line, as in the README table."""
    detail: str
    """The full description, as in docs/checks.md."""
    where: str = ""
    """Where the finding's line points (errors; docs/checks.md)."""
    draft: Draft = Draft.KEEP

    @property
    def severity_text(self) -> str:
        """The README's severity column."""
        if self.draft is Draft.TODO:
            return f"{self.severity.value} (to-do with `--draft`)"
        if self.draft is Draft.UNFILLED:
            return f"{self.severity.value} (to-do with `--draft` for unfilled fields)"
        return self.severity.value


REGISTRY: tuple[Code, ...] = (
    Code(
        "E001",
        Severity.ERROR,
        "the file could not be loaded: YAML, unknown or missing key, wrong type, size, text too long, "
        "encoding, id ≠ file name",
        "The file could not be loaded: not YAML, a duplicate key, an anchor/alias or tag, a missing or "
        "unknown key, a wrong type, an invalid id, date or url, non-UTF-8 bytes, over 4 MB, a text over its "
        "field's length cap (1,000, 2,000 or 20,000 characters: `model.MAX_SHORT`, `MAX_SENTENCE`, "
        "`MAX_LONG`), or a topic id different from the file name (or already used by another file). One "
        "finding per problem the loader reports.",
        "the offending key or item; for a missing key, its parent",
    ),
    Code(
        "E101",
        Severity.ERROR,
        "unknown source id in a position, fact check or timeline event",
        "A source id cited in a position, a fact check or a timeline event is not in `sources`.",
        "the cited id",
    ),
    Code(
        "E102",
        Severity.ERROR,
        "duplicate id: section ids, pair ids across the topic, source ids",
        "An id used twice: section ids, pair ids (across the whole topic, so links stay unique), source ids. "
        "The message names the first use.",
        "the second id",
    ),
    Code(
        "E103",
        Severity.ERROR,
        "a side of a pair has an empty claim",
        "A side of a pair has an empty `claim`.",
        "the claim",
        Draft.TODO,
    ),
    Code(
        "E104",
        Severity.ERROR,
        "a position cites no sources",
        "A position has no `sources`.",
        "the position's `sources` (or the position)",
        Draft.TODO,
    ),
    Code(
        "E105",
        Severity.ERROR,
        "a source has an empty url",
        "A source has an empty `url`.",
        "the source's `url` (or the source)",
        Draft.TODO,
    ),
    Code(
        "E106",
        Severity.ERROR,
        "required text is empty",
        "Required text is empty: topic `title`, `question` and `summary`; document `title`; side labels; "
        "section `title` and `summary`; pair `question`; a position's `held_by`, `reasoning`, `evidence`, "
        "`rebuttal`; discussion questions; term and definition; fact-check `claim`; timeline `event`; "
        "source `title`.",
        "the field",
        Draft.UNFILLED,
    ),
    Code(
        "W201",
        Severity.WARNING,
        f"a pair's sides differ in words by more than {PAIR_RATIO}x",
        f"A pair whose longer side has more than {PAIR_RATIO}x the words of the shorter (`PAIR_RATIO`).",
    ),
    Code(
        "W202",
        Severity.WARNING,
        f"a section's sides differ in words by more than {SECTION_RATIO}x",
        f"A section whose supporter and critic word totals differ by more than {SECTION_RATIO}x "
        "(`SECTION_RATIO`).",
    ),
    Code(
        "W203",
        Severity.WARNING,
        "in a section, one side cites fewer distinct sources than the other",
        "In a section, one side cites fewer distinct sources than the other.",
    ),
    Code(
        "W204",
        Severity.WARNING,
        "a source is never cited",
        "A source that nothing cites: no position, fact check or timeline event.",
    ),
    Code(
        "W205",
        Severity.WARNING,
        "a loaded word in the narrator's voice (summaries, questions, fact-check notes)",
        "A loaded word in the narrator's voice.",
    ),
    Code(
        "W206",
        Severity.WARNING,
        "a section has no discussion questions",
        "A section without discussion questions.",
    ),
    Code(
        "W207",
        Severity.WARNING,
        "two sources share a url",
        "Two sources with the same url (ignoring a trailing `/`).",
    ),
    Code(
        "W208",
        Severity.WARNING,
        f"a word longer than {MAX_TOKEN} characters in a text field",
        f"A run of more than {MAX_TOKEN} characters without a space (`MAX_TOKEN`) in any text field "
        "(ids, urls and dates aside): usually a paste error. Pages break such runs so they still display.",
    ),
    Code(
        "W209",
        Severity.WARNING,
        f"a section has more than {MAX_PAIRS} pairs",
        f"A section with more than {MAX_PAIRS} pairs (`MAX_PAIRS`): split it; Compare shows it a page "
        "at a time.",
    ),
    Code(
        "W210",
        Severity.WARNING,
        f"a topic has more than {MAX_SOURCES} sources",
        f"A topic with more than {MAX_SOURCES} sources (`MAX_SOURCES`): split it; the Sources page shows "
        "them a page at a time.",
    ),
    Code(
        "W211",
        Severity.WARNING,
        "a claim names an organisation that its own `held_by` names (gives the side away in blind mode)",
        "A claim that names an organisation its own `held_by` names: an acronym (`ADL`, `ACLU`) or a "
        "capitalised name with an organisation word (`Electoral Reform Society`) that the pair's question "
        "does not name. Blind readers judge the claim alone, so state what is claimed and leave who holds it "
        "to `held_by`.",
    ),
)

BY_CODE: dict[str, Code] = {code.code: code for code in REGISTRY}

CODES: dict[str, str] = {code.code: code.summary for code in REGISTRY}
"""Code -> one-line description, in registry order."""


def severity(code: str, *, draft: bool = False, unfilled: bool = False) -> Severity:
    """The severity of a finding of ``code``; in a draft, unfilled parts of a skeleton are to-dos."""
    entry = BY_CODE[code]
    softened = entry.draft is Draft.TODO or (entry.draft is Draft.UNFILLED and unfilled)
    return Severity.TODO if draft and softened else entry.severity
