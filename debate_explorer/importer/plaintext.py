"""Plain-text heuristics: headings without markup, hard-wrapped paragraphs (no library does these)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import (
    _ATX,
    _DANGLING,
    _FOOTNOTE_KEYS,
    _FOOTNOTE_WORDS,
    _NOT_HEADING_END,
    _SUPERSCRIPTS,
    _URL,
    MAX_HEADING_CHARS,
    MAX_HEADING_WORDS,
    WRAPPED_LINE,
    _ends_sentence,
    _is_bullet,
    _is_list_item,
    _last_char,
    _strip_emphasis,
)


def _heading_shaped(line: str, allow_colon: bool = False) -> bool:
    """A short line that reads like a title: no closing punctuation, not a bullet, not starting lowercase."""
    s = _strip_emphasis(line)
    if not s or len(s) > MAX_HEADING_CHARS or len(s.split()) > MAX_HEADING_WORDS:
        return False
    if _is_bullet(s) or s.startswith(("[", "^", ">", "|", "(", '"', "“")) or s[0] in _SUPERSCRIPTS:
        return False
    if _URL.fullmatch(s) or not any(ch.isalpha() for ch in s):
        return False
    last = _last_char(s)
    if last in _NOT_HEADING_END and not (allow_colon and last == ":"):
        return False
    first_letter = next(ch for ch in s if ch.isalpha())
    if first_letter.islower():
        return False
    last_word = re.sub(r"\W+$", "", s).rsplit(None, 1)[-1].lower() if s.split() else ""
    return last_word not in _DANGLING or len(s.split()) == 1


def _is_footnote_heading(line: str) -> bool:
    s = _strip_emphasis(line).rstrip(":").strip()
    if not _heading_shaped(s):
        return False
    words = re.findall(r"[\w&]+", s.lower())
    return bool(words) and set(words) <= _FOOTNOTE_WORDS and bool(set(words) & _FOOTNOTE_KEYS)


def _nonblank(lines: list[str], start: int, step: int) -> int | None:
    i = start
    while 0 <= i < len(lines):
        if lines[i].strip():
            return i
        i += step
    return None


def _starts_prose(lines: list[str], start: int, reach: int = 8) -> bool:
    """Whether the adjacent lines from ``start`` form a sentence: a hard-wrapped paragraph's first line."""
    for i in range(start, min(len(lines), start + reach)):
        if not lines[i].strip() or _is_list_item(lines[i]):
            return False
        if _ends_sentence(lines[i]):
            return i > start
    return False


def _plain_headings(lines: list[str], first: int) -> list[int]:
    """Indexes of plain-text headings among lines[first:] (lines[first - 1] is the title).

    A heading is a heading-shaped line that stands between paragraphs: the line before it ends a sentence
    (or is the title, a list item or a blank), the line after it is text that does not continue it, and it
    is not one of a run of short lines (an address, a list without bullets, a verse). A numbered line counts
    only when its neighbours are not list items too.
    """
    shaped = [i >= first and _heading_shaped(line) for i, line in enumerate(lines)]
    # Paragraphs separated by single blank lines: then a heading stands in its own block, and a short line
    # directly below a candidate means the candidate is the first line of a hard-wrapped paragraph.
    separators = sum(
        1
        for i in range(first + 1, len(lines) - 1)
        if not lines[i].strip() and lines[i - 1].strip() and lines[i + 1].strip()
    )
    blank_style = separators >= 2
    found: list[int] = []
    for i in range(first, len(lines)):
        if not shaped[i]:
            continue
        nxt = _nonblank(lines, i + 1, 1)
        prev = _nonblank(lines, i - 1, -1)
        if nxt is None or (shaped[nxt] and not _starts_prose(lines, nxt)):
            continue  # the end, or a run of short lines (a list without bullets, an address)
        nxt_text = _strip_emphasis(lines[nxt])
        first_letter = next((ch for ch in nxt_text if ch.isalpha()), "")
        if first_letter.islower():
            continue  # the next line continues this one: a wrapped sentence, not a heading
        if blank_style and nxt == i + 1 and len(lines[nxt].strip()) <= WRAPPED_LINE:
            continue
        if prev is not None and prev >= first:
            if shaped[prev] and prev == i - 1 and prev not in found:
                continue
            if _last_char(lines[prev]) == ":":
                continue  # introduced by a colon: an item, not a heading
            adjacent = prev == i - 1
            if adjacent and not (_ends_sentence(lines[prev]) or _is_list_item(lines[prev]) or prev in found):
                continue  # inside a hard-wrapped paragraph
        if re.match(r"^\d{1,3}[.)]\s", lines[i].strip()) and (
            (prev is not None and prev >= first and _is_list_item(lines[prev])) or _is_list_item(lines[nxt])
        ):
            continue
        found.append(i)
    return found


def _paragraphs(lines: Iterable[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; list items and long one-line paragraphs stay separate."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
        elif _is_list_item(line) or _ATX.match(line):
            flush()
            paragraphs.append(line)
        else:
            if current and (
                (_ends_sentence(current[-1]) and len(current[-1]) > WRAPPED_LINE)
                or (not _ends_sentence(current[-1]) and len(current[-1]) < 50 and not line[:1].islower())
            ):
                flush()  # a long one-line paragraph ended, or a short line stands on its own
            current.append(line)
    flush()
    return paragraphs
