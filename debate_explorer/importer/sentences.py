"""Sentences (sentencex, plus footnote markers kept with their sentence) and the cues that name a side."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sentencex import segment  # type: ignore[import-untyped]

from ..model import Side
from .text import _MARKER

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

_LEADING_MARKERS = re.compile(rf"^(?:(?:{_MARKER.pattern})\s*)+")


def sentences(paragraph: str, language: str = "en") -> list[str]:
    """Split a paragraph into sentences with sentencex (abbreviations, decimals and quotes stay inside).

    A footnote marker that the splitter left at the start of the next sentence ("... spoke. ¹ Then") goes
    back to the sentence it cites.
    """
    out: list[str] = []
    for piece in segment(language, paragraph):
        text = piece.strip()
        lead = _LEADING_MARKERS.match(text) if out else None
        if lead:
            out[-1] = f"{out[-1]} {lead.group(0).strip()}"
            text = text[lead.end() :].strip()
        if text:
            out.append(text)
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
