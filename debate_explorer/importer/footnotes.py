"""Footnote lists, footnote markers and source kinds."""

from __future__ import annotations

import re

from ..model import SourceKind
from .structure import Footnote
from .text import _BULLET, _MARKER, _NUMBERED, _SUP_TO_DIGIT, _is_bullet

KIND_KEYWORDS: dict[SourceKind, tuple[str, ...]] = {
    SourceKind.COURT: ("court", "tribunal", "ruling", "judgment", "lawsuit", r"v\.", "vs\\."),
    SourceKind.GOVERNMENT: (
        "government", "department", "ministry", "agency", "inspector general", "congress", "congressional",
        "senate", "parliament", "federal", "procurement", "municipal", "council", "minutes", "office",
        "official records", "county", "mayor", "gao", "dhs", "doj",
    ),
    SourceKind.ACADEMIC: (
        "university", "journal", "study", "studies", "professor", "academic", "doi", "thesis",
    ),
    SourceKind.NGO: (
        "human rights", "amnesty", "aclu", "watch", "foundation", "civil liberties", "civil rights", "ngo",
        "nonprofit", "non-profit", "charity", "trust", "union", "organization", "organisation", "b'tselem",
        "b’tselem",
    ),
    SourceKind.PRESS: (
        "reporting", "reported", "news", "times", "post", "guardian", "reuters", "associated press",
        "magazine", "newspaper", "journalist", "investigative", "interview", "press", "broadcast",
    ),
    SourceKind.COMPANY: ("inc", "ltd", "llc", "corp", "corporation", "company", "press release"),
    SourceKind.REFERENCE: ("wikipedia", "encyclopedia", "encyclopaedia", "dictionary", "britannica"),
}  # fmt: skip
"""Words that hint at a source's kind; the earliest hint in the footnote wins (it names the author)."""
DEFAULT_KIND = SourceKind.REFERENCE
_KIND_RES = {
    kind: re.compile(rf"(?<![\w]){'|'.join(f'(?:{w})' for w in words)}(?![\w])", re.IGNORECASE)
    for kind, words in KIND_KEYWORDS.items()
}


def _superscript_number(sup: str) -> int:
    return int(sup.translate(_SUP_TO_DIGIT))


def _footnote_entries(lines: list[str]) -> list[tuple[int | None, str]]:
    """Footnote-list lines -> (number or None, text). Numbered ("1.", "[1]", "¹") or bullets; an indented or
    directly following line continues the entry before it; after the list, other text (page chrome) ends it.
    """
    items = [line for line in lines if line.strip()]
    listed = any(_NUMBERED.match(line.strip()) or _is_bullet(line) for line in items)
    entries: list[tuple[int | None, str]] = []
    gap = False
    for line in lines:
        s = line.strip()
        if not s:
            gap = True
            continue
        numbered = _NUMBERED.match(s)
        bullet = _BULLET.match(s)
        if listed and numbered and (numbered["rest"] or numbered["b"]):
            digits = numbered["b"] or numbered["n"]
            number = int(digits) if digits else _superscript_number(numbered["s"])
            entries.append((number, numbered["rest"].strip()))
        elif listed and bullet:
            entries.append((None, bullet["rest"].strip()))
        elif not listed:
            entries.append((None, s))
        elif entries and (not gap or line[:1].isspace()):
            last_number, text = entries[-1]
            entries[-1] = (last_number, f"{text} {s}".strip())
        else:
            break  # text after the list: comments, share buttons, an author box
        gap = False
    return entries


def _number_footnotes(entries: list[tuple[int | None, str]]) -> list[Footnote]:
    """Give unnumbered entries the next number in order; flag duplicates and numbers out of range."""
    footnotes: list[Footnote] = []
    used: set[int] = set()
    last = 0
    for number, text in entries:
        problem = ""
        if number is None:
            number = last + 1
        if number in used:
            problem = f"the article numbers two footnotes {number}"
            number = None
        elif not 1 <= number <= 999:
            problem = f"footnote number {number} is outside 1-999"
            number = None
        if number is not None:
            used.add(number)
            last = number
        footnotes.append(Footnote(number, text, problem))
    return footnotes


def footnote_refs(text: str, known: set[int], labels: dict[str, int] | None = None) -> list[int]:
    """Footnote numbers cited by markers in ``text`` (¹, [1], [1-3], [^1]), in order, without repeats.

    A run of superscripts such as ¹² is footnote 12 when there is one, else footnotes 1 and 2; markers of
    footnotes that are not in the list are ignored (a ² in m² is not a citation).
    """
    labels = labels or {}
    out: list[int] = []
    for match in _MARKER.finditer(text):
        numbers: list[int] = []
        if match["label"] is not None:
            number = labels.get(match["label"])
            numbers = [number] if number is not None else []
        elif match["nums"] is not None:
            for part in re.split(r"\s*,\s*", match["nums"]):
                bounds = [int(n) for n in re.split(r"\s*[–-]\s*", part) if n]
                low, high = bounds[0], bounds[-1]
                numbers.extend(range(low, high + 1) if 0 <= high - low <= 50 else [low, high])
        else:
            whole = _superscript_number(match["sup"])
            numbers = [whole] if whole in known else [_superscript_number(ch) for ch in match["sup"]]
        out.extend(n for n in numbers if n in known and n not in out)
    return out


def guess_kind(text: str) -> SourceKind | None:
    """The source kind whose hint word comes first in the footnote text; None when nothing hints."""
    best: tuple[int, int, SourceKind] | None = None
    for rank, (kind, pattern) in enumerate(_KIND_RES.items()):
        match = pattern.search(text)
        if match and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, kind)
    return best[2] if best else None
