"""Plain-text or Markdown article -> skeleton topic YAML for an author to fill.

The importer reads structure, never meaning: the first line is the title, the paragraphs before the first
heading are the draft summary, each heading starts a section, and a "Footnotes"/"Sources" list at the end
becomes source stubs. Each section gets one empty pair; the section's own text is kept as YAML comments
above it, and sentences that introduce a side ("supporters argue", "critics contend") are copied into that
side's ``note``. Nothing is invented: urls stay empty and every guess (heading, side, source kind) is marked
as one for the author to confirm. Values are written with ``yaml.safe_dump`` so quoting is always right;
only the comments are written by hand, from text with YAML line breaks and unprintable characters removed.
"""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import content_dir
from .loading import MAX_BYTES
from .model import ID_PATTERN, Side, SourceKind

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/topic.schema.json"
MAX_ARTICLE_BYTES = 1024 * 1024
"""Largest article accepted: far above any article, and keeps the skeleton under the loader's cap."""
MAX_SECTIONS = 200
MAX_FOOTNOTES = 999
"""More headings or footnotes than this is not an article (footnote numbers stop at 999 in the model)."""
MAX_ID_LENGTH = 60
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 100
WRAPPED_LINE = 100
"""Lines at most this long that end a sentence may be hard-wrapped; longer ones are whole paragraphs."""
COMMENT_WIDTH = 100

_ID = re.compile(ID_PATTERN)
# Characters YAML does not allow anywhere in a stream (not even in comments); tab and newline are fine.
_UNPRINTABLE = re.compile("[^\t\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_MARKER = re.compile(
    r"\[\^(?P<label>[^\]\s]{1,20})\]"  # Markdown footnote reference [^1] or [^label]
    r"|\[(?P<nums>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]"  # [1], [1, 2], [1-3]
    rf"|(?P<sup>[{_SUPERSCRIPTS}]+)"  # ¹, ²³
)
_BULLET = re.compile(r"^(?:[-*+•‣◦–—]\s+)(?P<rest>.*)$")
_NUMBERED = re.compile(
    rf"^(?:\[(?P<b>\d{{1,3}})\]|(?P<n>\d{{1,3}})[.)]|\^?(?P<s>[{_SUPERSCRIPTS}]+))\s*(?P<rest>.*)$"
)
_MD_FOOTNOTE_DEF = re.compile(r"^\[\^(?P<label>[^\]\s]{1,20})\]:\s*(?P<rest>.*)$")
_ATX = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(?:=+|-+)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CLOSING = "\"'”’»)]*_"
_SENTENCE_END = ".!?…"
_NOT_HEADING_END = _SENTENCE_END + ",;:"
_FOOTNOTE_WORDS = {
    "footnotes", "footnote", "sources", "source", "references", "reference", "notes", "endnotes",
    "bibliography", "citations", "works", "cited", "further", "reading", "and", "&", "list", "of",
}  # fmt: skip
_FOOTNOTE_KEYS = {
    "footnotes", "sources", "references", "notes", "endnotes", "bibliography", "citations", "cited",
}  # fmt: skip
_DANGLING = {
    "the", "a", "an", "of", "in", "to", "and", "or", "for", "with", "on", "at", "by", "from", "as", "that",
    "which", "its", "their", "our", "his", "her", "is", "are", "was", "were", "but", "than", "into",
}  # fmt: skip
"""Words a heading does not end with, but a hard-wrapped line often does."""
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "inc", "jr", "sr", "co",
}  # fmt: skip

SIDE_CUES: dict[Side, tuple[str, ...]] = {
    Side.SUPPORTER: (
        "supporters?", "proponents?", "advocates?", "defenders?", "backers?", "champions",
        r"those in fa(?:v|vo)u?r", "in favou?r of",
    ),
    Side.CRITIC: (
        "critics?", "opponents?", "detractors?", "skeptics?", "sceptics?", "objectors?",
        "those opposed", "opposed to",
    ),
}  # fmt: skip
"""Words that introduce a side. The match is a whole word; the author confirms every copied sentence."""
_ADVOCATES_OF = re.compile(r"\badvocates?\s+(?:of|for)\b", re.IGNORECASE)
_CUE_RES = {
    side: re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE) for side, words in SIDE_CUES.items()
}

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
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)


class ImportProblem(Exception):
    """The article cannot become a skeleton (binary, empty, unreadable) or the output is not writable."""


@dataclass
class Footnote:
    number: int | None
    text: str
    problem: str = ""


@dataclass
class ArticleSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Article:
    """What the importer read: the structure only, in the article's own words."""

    title: str
    intro: list[str]
    sections: list[ArticleSection]
    footnotes: list[Footnote]
    has_headings: bool
    labels: dict[str, int] = field(default_factory=dict)
    """Markdown footnote labels ([^label]) -> footnote number."""


# --- reading the article ----------------------------------------------------------------------------------


def _clean(text: str) -> list[str]:
    """Text -> lines without YAML line breaks (NEL, U+2028 ...), unprintable characters or trailing blanks."""
    text = text.replace("\ufeff", "")
    return [_UNPRINTABLE.sub("\ufffd", line).rstrip() for line in text.splitlines()]


def _strip_emphasis(line: str) -> str:
    stripped = line.strip()
    for mark in ("**", "__", "*", "_"):
        if len(stripped) > 2 * len(mark) and stripped.startswith(mark) and stripped.endswith(mark):
            return stripped[len(mark) : -len(mark)].strip()
    return stripped


def _strip_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER.sub("", text)).strip()


def _last_char(line: str) -> str:
    """The last meaningful character: closing quotes, brackets and footnote markers don't count."""
    core = _MARKER.sub("", line).rstrip().rstrip(_CLOSING).rstrip()
    return core[-1:] if core else ""


def _is_list_item(line: str) -> bool:
    s = line.strip()
    return bool(_BULLET.match(s) or re.match(r"^(?:\d{1,3}[.)]|\[\d{1,3}\])\s+\S", s))


def _is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line.strip()))


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


def _ends_sentence(line: str) -> bool:
    return _last_char(line) in _SENTENCE_END


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


def _markdown_headings(lines: list[str], first: int) -> tuple[list[int], dict[int, str], set[int]]:
    """ATX (#) and setext headings outside code fences -> (indexes, titles by index, underline indexes)."""
    levels: dict[int, int] = {}
    titles: dict[int, str] = {}
    underlines: set[int] = set()
    fenced = False
    for i in range(first, len(lines)):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        match = _ATX.match(line)
        if match:
            levels[i], titles[i] = len(match["hashes"]), match["text"].strip()
        elif (
            _SETEXT.match(line)
            and len(line.strip()) >= 3
            and i - 1 >= first
            and lines[i - 1].strip()
            and i - 1 not in levels
            and not _is_list_item(lines[i - 1])
        ):
            levels[i - 1] = 1 if line.strip()[0] == "=" else 2
            titles[i - 1] = lines[i - 1].strip()
            underlines.add(i)
    footnote_like = {i for i, title in titles.items() if _is_footnote_heading(title)}
    sections = [i for i in levels if i not in footnote_like]
    top = min((levels[i] for i in sections), default=1)
    chosen = sorted({i for i in sections if levels[i] == top} | footnote_like)
    return chosen, titles, underlines


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


def _front_matter(lines: list[str]) -> tuple[int, str]:
    """Skip a Markdown front-matter block (--- ... ---); return (first line after it, its title if any)."""
    if not lines or lines[0].strip() != "---":
        return 0, ""
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            title = next(
                (m["t"] for line in lines[1:end] if (m := re.match(r"^title:\s*(?P<t>.+?)\s*$", line))), ""
            )
            return end + 1, title.strip("'\"").strip()
    return 0, ""


def parse_article(text: str) -> Article:
    """Read the structure of an article. Raises ImportProblem for text that is empty or not text."""
    if "\x00" in text:
        raise ImportProblem("the article contains NUL bytes: it looks like a binary file, not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportProblem("the article is not valid Unicode text") from None
    lines = _clean(text)
    start, front_title = _front_matter(lines)
    title_index = _nonblank(lines, start, 1)
    if title_index is None:
        raise ImportProblem("the article is empty: it needs at least a title line")

    title_line = lines[title_index].strip()
    atx = _ATX.match(title_line)
    title = front_title or _strip_markers(_strip_emphasis(atx["text"] if atx else title_line))
    first = title_index + 1
    if first < len(lines) and _SETEXT.match(lines[first]) and len(lines[first].strip()) >= 3:
        first += 1  # the title's own setext underline
    extra_intro: list[str] = []
    if len(title) > MAX_HEADING_CHARS * 2 or not any(ch.isalnum() for ch in title):
        # No title line: the first line is already text. Keep it as text and shorten it into a title.
        extra_intro = [title_line]
        title = textwrap.shorten(_strip_markers(title_line), width=MAX_HEADING_CHARS, placeholder=" …")
        if not any(ch.isalnum() for ch in title):
            title = "Untitled article"

    md_headings, md_titles, underlines = _markdown_headings(lines, first)
    markdown = bool(md_headings)
    if markdown:
        heading_indexes = md_headings
        titles = md_titles
    else:
        heading_indexes = _plain_headings(lines, first)
        titles = {i: _strip_emphasis(lines[i]) for i in heading_indexes}
        # A footnote heading may end with ':' and needs no paragraph after it: find it separately.
        for i in range(len(lines) - 1, first - 1, -1):
            if _is_footnote_heading(lines[i]) and _nonblank(lines, i + 1, 1) is not None:
                if i not in heading_indexes:
                    heading_indexes = sorted([*heading_indexes, i])
                    titles[i] = _strip_emphasis(lines[i]).rstrip(":").strip()
                break

    # Markdown footnote definitions ([^1]: text) can stand anywhere; take them out of the text.
    definitions: list[tuple[str, str]] = []
    body = list(lines)
    for i in range(first, len(body)):
        match = _MD_FOOTNOTE_DEF.match(body[i].strip())
        if match:
            definitions.append((match["label"], match["rest"].strip()))
            body[i] = ""
    for i in underlines:
        body[i] = ""

    # The footnote list: the last footnote heading, if something follows it.
    footnote_at = next((i for i in reversed(heading_indexes) if _is_footnote_heading(titles[i])), None)
    end = len(body)
    entries: list[tuple[int | None, str]] = []
    if footnote_at is not None:
        entries = _footnote_entries(body[footnote_at + 1 :])
        if entries or (definitions and not any(line.strip() for line in body[footnote_at + 1 :])):
            end = footnote_at
        heading_indexes = [i for i in heading_indexes if i < footnote_at or end > footnote_at]
        heading_indexes = [i for i in heading_indexes if i != footnote_at]

    labels: dict[str, int] = {}
    if definitions:
        numbered: list[tuple[int | None, str]] = []
        for label, rest in definitions:
            numbered.append((int(label) if label.isdigit() else None, rest))
        offset = len(entries)
        entries = entries + numbered
        footnotes = _number_footnotes(entries)
        for (label, _), note in zip(definitions, footnotes[offset:], strict=True):
            if note.number is not None:
                labels[label] = note.number
    else:
        footnotes = _number_footnotes(entries)

    if len(heading_indexes) > MAX_SECTIONS:
        raise ImportProblem(
            f"found {len(heading_indexes)} headings; a topic takes at most {MAX_SECTIONS} sections: "
            "split the article, or remove lines that are not headings"
        )
    if len(footnotes) > MAX_FOOTNOTES:
        raise ImportProblem(f"found {len(footnotes)} footnotes; the importer takes at most {MAX_FOOTNOTES}")
    first_heading = heading_indexes[0] if heading_indexes else end
    intro = extra_intro + _paragraphs(body[first : min(first_heading, end)])
    sections: list[ArticleSection] = []
    for n, index in enumerate(heading_indexes):
        stop = heading_indexes[n + 1] if n + 1 < len(heading_indexes) else end
        heading = _strip_markers(titles[index]) or f"Section {n + 1}"
        sections.append(ArticleSection(heading, _paragraphs(body[index + 1 : stop])))
    if not sections:
        sections = [ArticleSection(title, list(intro))]
        intro = intro[:1]
    return Article(title, intro, sections, footnotes, bool(heading_indexes), labels)


# --- sentences, side cues, footnote markers ---------------------------------------------------------------

_SPLIT = re.compile(rf"(?<=[{_SENTENCE_END}])(?P<tail>[{re.escape(_CLOSING)}{_SUPERSCRIPTS}\d\[\]^,]*)\s+")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; abbreviations such as "U.S." or "Dr." do not end one."""
    out: list[str] = []
    start = 0
    for match in _SPLIT.finditer(paragraph):
        before = paragraph[max(start, match.start() - 40) : match.start()]
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        bare = word.rstrip(".").lower()
        rest = paragraph[match.end() : match.end() + 1]
        if (
            not match["tail"]
            and word.endswith(".")
            and (bare in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare) or rest[:1].islower())
        ):
            continue
        out.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


def side_cues(paragraphs: Iterable[str]) -> dict[Side, list[str]]:
    """Sentences that introduce each side, in article order (a sentence naming both goes to both)."""
    found: dict[Side, list[str]] = {side: [] for side in Side}
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            for side, pattern in _CUE_RES.items():
                if pattern.search(sentence):
                    found[side].append(sentence)
    return found


def unclear_cue(sentence: str) -> bool:
    """'Advocates' without 'of'/'for' may be rights advocates, who are often on the critic side."""
    words = [m.group(0).lower() for m in _CUE_RES[Side.SUPPORTER].finditer(sentence)]
    return bool(words) and all(w.startswith("advocate") for w in words) and not _ADVOCATES_OF.search(sentence)


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


# --- ids and guesses --------------------------------------------------------------------------------------


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """'U.S.–Israel: Policing & More' -> 'u-s-israel-policing-more': lowercase words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > max_length:
            while len(kept) > 1 and kept[-1] in _DANGLING:
                kept.pop()  # a cut-off id should not end in "-of-the"
            break
        kept.append(word)
    if not kept and words:
        return words[0][:max_length]
    return "-".join(kept)


def _unique(base: str, used: set[str], fallback: str) -> str:
    base = base or fallback
    candidate, n = base, 2
    while candidate in used:
        suffix = f"-{n}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        n += 1
    used.add(candidate)
    return candidate


def guess_kind(text: str) -> SourceKind | None:
    """The source kind whose hint word comes first in the footnote text; None when nothing hints."""
    best: tuple[int, int, SourceKind] | None = None
    for rank, (kind, pattern) in enumerate(_KIND_RES.items()):
        match = pattern.search(text)
        if match and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, kind)
    return best[2] if best else None


# --- writing YAML -----------------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """safe_dump with readable multi-line text and never an anchor (the loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    # Literal style only when requested and valid; the emitter itself falls back to quoting otherwise.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: Any, indent: int = 0) -> str:
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=COMMENT_WIDTH,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def _comment(text: str, indent: int = 0, prefix: str = "") -> list[str]:
    """Text -> wrapped comment lines. Text comes from _clean, so it holds no YAML line break."""
    pad = " " * indent
    width = max(COMMENT_WIDTH - indent - len(prefix) - 2, 40)
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    return [f"{pad}# {prefix}{line}".rstrip() + "\n" for line in lines]


def _position(
    note_lines: list[str], refs: dict[str, list[int]], source_ids: dict[int, str]
) -> dict[str, Any]:
    note = ""
    if note_lines:
        quoted = []
        for sentence in note_lines:
            cited = [f"footnote {n} = {source_ids[n]}" for n in refs.get(sentence, [])]
            if unclear_cue(sentence):
                cited.append("side unclear: 'advocates' may be rights advocates on the critic side")
            quoted.append(f"- {sentence}" + (f" ({'; '.join(cited)})" if cited else ""))
        note = "The article introduces this side (check the side, then write the position):\n" + "\n".join(
            quoted
        )
    return {
        "held_by": "",
        "claim": "",
        "reasoning": "",
        "evidence": "",
        "sources": [],
        "origin": "document" if note_lines else "research",
        "rebuttal": "",
        "note": note,
    }


def _source_stubs(article: Article, used: set[str]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    stubs: list[dict[str, Any]] = []
    by_number: dict[int, str] = {}
    for index, note in enumerate(article.footnotes, start=1):
        urls = _URL.findall(note.text)
        title = (
            re.sub(r"\s+", " ", _URL.sub("", note.text)).strip(" -–—;,:")
            or f"Footnote {note.number or index}"
        )
        source_id = _unique(slugify(title, 40), used, f"footnote-{note.number or index}")
        kind = guess_kind(note.text)
        remarks = [
            f"Stub from the article's footnote {note.number}."
            if note.number
            else "Stub from the article's notes.",
            "Find the real page (primary source first), then fill url, publisher and published.",
            f"Kind guessed from the footnote text ({kind.value}); confirm it."
            if kind
            else f"Kind not recognised; set it (default {DEFAULT_KIND.value}).",
        ]
        if urls:
            remarks.append(
                f"The footnote gives {', '.join(urls)}; open it and confirm before using it as url."
            )
        if note.problem:
            remarks.append(f"Note: {note.problem}.")
        stub: dict[str, Any] = {"id": source_id, "title": title, "publisher": "", "url": ""}
        stub["kind"] = (kind or DEFAULT_KIND).value
        if note.number is not None:
            stub["footnote"] = note.number
            by_number[note.number] = source_id
        stub["note"] = " ".join(remarks)
        stubs.append(stub)
    return stubs, by_number


def _section_yaml(
    section: ArticleSection, section_id: str, pair_id: str, article: Article, source_ids: dict[int, str]
) -> Iterator[str]:
    known = set(source_ids)
    cues = side_cues(section.paragraphs)
    refs = {s: footnote_refs(s, known, article.labels) for side in Side for s in cues[side]}
    yield from _comment(f"── Section: {section.title} " + "─" * 20, 2)
    yield from _dump([{"id": section_id, "title": section.title, "summary": ""}], 2)
    yield "    # Article text of this section: write the pair from it in your own words, never copy it.\n"
    if not section.paragraphs:
        yield "    # (no text under this heading)\n"
    for n, paragraph in enumerate(section.paragraphs):
        if n:
            yield "    #\n"
        yield from _comment(paragraph, 4, "> ")
    cited = footnote_refs(" ".join(section.paragraphs), known, article.labels)
    if cited:
        listed = ", ".join(f"{n} = {source_ids[n]}" for n in cited)
        yield from _comment(f"Footnotes cited in this section: {listed}", 4)
    pair = {
        "id": pair_id,
        "question": "",
        "supporter": _position(cues[Side.SUPPORTER], refs, source_ids),
        "critic": _position(cues[Side.CRITIC], refs, source_ids),
    }
    yield "    # One pair to start: the sub-question both sides answer, then each side's best position.\n"
    yield from _dump({"pairs": [pair], "questions": [], "terms": [], "fact_checks": []}, 4)


def skeleton_from_text(text: str, topic_id: str | None = None) -> str:
    """Article text -> skeleton topic YAML that loads and passes ``check --draft``. Raises ImportProblem."""
    article = parse_article(text)
    if topic_id is not None and not _ID.match(topic_id):
        raise ImportProblem(f"{topic_id!r} is not a valid id: use lowercase letters and digits joined by '-'")
    topic_id = topic_id or slugify(article.title) or "topic"
    used: set[str] = set()  # section, pair and source ids; the topic id has its own namespace
    sources, source_ids = _source_stubs(article, set())

    out: list[str] = [
        SCHEMA_COMMENT + "\n",
        "# Skeleton made by `debate-explorer new`. Fill every empty '' field in your own words,\n",
        "# rewrite the summary in a neutral narrator's voice and find each source's real page\n",
        "# (docs/authoring.md).\n",
        "# Then `debate-explorer check --draft FILE` lists what is left to fill.\n",
        "\n",
    ]
    out.append(_dump({"id": topic_id, "title": article.title}))
    out.append("# The debatable question, phrased so both sides can answer it.\n")
    out.append(_dump({"question": ""}))
    out.append("# Draft summary: the article's introduction. Rewrite it neutrally, in 2-4 sentences.\n")
    out.append(_dump({"summary": "\n\n".join(article.intro)}))
    out.append("# The article this topic comes from; note how it leans and what you researched beyond it.\n")
    out.append(_dump({"document": {"title": article.title, "note": ""}}))
    intro_cues = side_cues(article.intro)
    for side in Side:
        for sentence in intro_cues[side]:
            out.extend(_comment(f"The introduction names the {side.value} side: {sentence}", 0))
    out.append("# Who holds each side in the real world: its strongest real advocates.\n")
    out.append(
        _dump(
            {
                "sides": {
                    "supporter": {"label": "Supporters", "who": ""},
                    "critic": {"label": "Critics", "who": ""},
                }
            }
        )
    )
    if not article.has_headings:
        out.append("# The article has no headings, so all its text is one section; split it if it helps.\n")
    out.append("sections:\n")
    for section in article.sections:
        section_id = _unique(slugify(section.title), used, "section")
        pair_id = _unique(f"{section_id}-pair"[:MAX_ID_LENGTH].rstrip("-"), used, "pair")
        out.extend(_section_yaml(section, section_id, pair_id, article, source_ids))
    out.append("timeline: []\n")
    if sources:
        out.append("# One stub per footnote of the article; urls stay empty until you open the real page.\n")
        out.append(_dump({"sources": sources}))
    else:
        out.append("# The article has no footnote list; add the sources you use here.\n")
        out.append("sources: []\n")
    skeleton = "".join(out)
    if len(skeleton.encode("utf-8")) > MAX_BYTES:
        raise ImportProblem(f"the skeleton would exceed the topic file limit of {MAX_BYTES:,} bytes")
    return skeleton


# --- files ------------------------------------------------------------------------------------------------


def read_article(article: str | os.PathLike[str]) -> str:
    """Read an article as UTF-8 text; binary, oversized, empty or unreadable files raise ImportProblem."""
    path = Path(article)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except IsADirectoryError:
        raise ImportProblem(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise ImportProblem(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ImportProblem(f"{path} is larger than {MAX_ARTICLE_BYTES:,} bytes; an article is much smaller")
    if b"\x00" in data:
        raise ImportProblem(f"{path} contains NUL bytes: it looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblem(
            f"{path} is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise ImportProblem(f"{path} is empty: an article needs at least a title line")
    return text


def write_skeleton(
    article: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    topic_id: str | None = None,
    force: bool = False,
) -> Path:
    """Write the skeleton of ``article`` to ``output`` (default arguments/<id>.yaml); return the path.

    ``output`` may be a file or a folder (then the file is <folder>/<id>.yaml). The topic id is ``topic_id``,
    else the output file's name, else the slug of the title; the file name must equal the id (the loader
    requires it). An existing file is only replaced with ``force``.
    """
    text = read_article(article)
    folder: Path | None = content_dir() if output is None else None
    target: Path | None = None
    if output is not None:
        path = Path(output)
        if path.is_dir() or (not path.suffix and not path.exists()):
            folder = path  # a folder: the file name comes from the id
        elif path.suffix not in (".yaml", ".yml"):
            raise ImportProblem(f"{path} must end in .yaml: topic files are YAML")
        elif topic_id is None:
            if not _ID.match(path.stem):
                raise ImportProblem(
                    f"the file name {path.stem!r} is not a valid topic id (lowercase words joined by '-'); "
                    "rename it or pass --id"
                )
            topic_id, target = path.stem, path
        elif path.stem != topic_id:
            raise ImportProblem(f"the file name {path.name!r} must equal the topic id {topic_id!r}")
        else:
            target = path
    skeleton = skeleton_from_text(text, topic_id=topic_id)
    if target is None:
        assert folder is not None
        target = folder / f"{yaml.safe_load(skeleton)['id']}.yaml"
    if target.exists() and target.resolve() == Path(article).resolve():
        raise ImportProblem(f"{target} is the article itself; choose another output file")
    if target.exists() and not force:
        raise ImportProblem(f"{target} already exists; pass --force to overwrite it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(skeleton)
    except FileExistsError:
        raise ImportProblem(f"{target} already exists; pass --force to overwrite it") from None
    except OSError as exc:
        raise ImportProblem(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
