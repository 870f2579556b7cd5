"""Words the reader sees for the model's terms: one home, so every page, chart and handout says the same.

Written for a 15-year-old reader. The YAML keeps its own values (``kind: ngo``, ``held_by:``); only the
words shown change. Side labels come from the topic (``Sides.label``); these are the fixed terms around them.
No Streamlit here.
"""

from __future__ import annotations

from .model import Origin, SourceKind

QUESTION = "Question"
QUESTIONS = "Questions"
"""What the model calls pairs: one question with a claim from each side."""
QUESTION_HELP = "Each question has one claim from each side, side by side."

HELD_BY = "Who holds this view"
HELD_BY_HELP = "People or groups who argue this in real life, named in the sources."

REBUTTAL = "Their answer to the other side"
REBUTTAL_HELP = "A rebuttal is one side's answer to the other side's claim on the same question."

SOURCE_TYPES = "Types of sources"
SOURCE_TYPE = "Type of source"

CHECK_FINDINGS = "Problems the content checks found"
CHECK_FINDINGS_HELP = (
    "Automatic checks of the topic file: missing sources, one-sided wording, unfinished parts. "
    "`debate-explorer check` lists the same."
)

SOURCE_KINDS: dict[SourceKind, str] = {
    SourceKind.GOVERNMENT: "Government",
    SourceKind.COURT: "Court",
    SourceKind.NGO: "Non-profit group",
    SourceKind.ADVOCACY: "Campaign group",
    SourceKind.PRESS: "News media",
    SourceKind.ACADEMIC: "Research (university)",
    SourceKind.COMPANY: "Company",
    SourceKind.REFERENCE: "Reference work",
}
"""The display label of each source kind; the YAML value (``ngo``) stays as it is."""


def source_kind(kind: SourceKind | str) -> str:
    """The label of a source kind (its enum or YAML value); an unknown value is shown as it is."""
    try:
        return SOURCE_KINDS[SourceKind(kind)]
    except ValueError:
        return str(kind)


ORIGINS: dict[Origin, str] = {
    Origin.DOCUMENT: "From the topic's source document",
    Origin.RESEARCH: "Added from other research",
}
"""Where a position comes from (short, for badges); :func:`origin` names the document too."""


def origin(value: Origin, document_title: str = "") -> str:
    """Where a position comes from, naming the topic's source document when it has one."""
    if value is Origin.DOCUMENT and document_title.strip():
        return f"From the topic's source document, “{document_title.strip()}”"
    return ORIGINS[value]


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 question``, ``3 questions``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
