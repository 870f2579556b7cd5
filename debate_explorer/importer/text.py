"""Shared pieces of text handling: limits, patterns and line helpers used by every reader."""

from __future__ import annotations

import re

from ..model import ID_PATTERN

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

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)


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


def _ends_sentence(line: str) -> bool:
    return _last_char(line) in _SENTENCE_END
