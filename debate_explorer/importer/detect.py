"""Which reader a file needs: by content, with the extension as a hint where the content is ambiguous."""

from __future__ import annotations

from pathlib import Path

from .aif import looks_like_aif, read_aif
from .argdown import looks_like_argdown, read_argdown
from .article import parse_article
from .kialo import looks_like_kialo, read_kialo
from .structure import Article, ImportProblem

FORMATS = ("article", "kialo", "argdown", "aif")
_SUFFIX_HINTS = {".argdown": "argdown", ".ad": "argdown", ".json": "aif"}


def detect_format(path: Path, text: str) -> str:
    """'kialo', 'aif', 'argdown' or 'article'. Content decides; an .argdown extension settles Argdown."""
    if looks_like_aif(text):
        return "aif"
    if looks_like_kialo(text):
        return "kialo"
    hint = _SUFFIX_HINTS.get(path.suffix.lower())
    if hint == "argdown" or (
        path.suffix.lower() not in (".md", ".markdown", ".txt") and looks_like_argdown(text)
    ):
        return "argdown"
    if hint == "aif":
        raise ImportProblem(f"{path} ends in .json but is not AIF JSON (a 'nodes' and an 'edges' list)")
    return "article"


def read_file(path: Path, text: str, fmt: str) -> Article:
    """Run the reader for ``fmt`` on the file's text (Argdown reads the file through its CLI)."""
    if fmt == "kialo":
        return read_kialo(text)
    if fmt == "aif":
        return read_aif(text)
    if fmt == "argdown":
        return read_argdown(path, text)
    if fmt == "article":
        return parse_article(text)
    raise ImportProblem(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
