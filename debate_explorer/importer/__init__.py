"""Another tool's file -> skeleton topic YAML for an author to fill.

Readers, one per format, each produce an :class:`Article` (``structure.py``); one writer (``writer.py``)
emits the skeleton. Articles (plain text or Markdown, ``article.py``) give sections with their text as
comments and one empty pair each; debates from Kialo (``kialo.py``), Argdown (``argdown.py``, through the
Argdown CLI) and AIF JSON (``aif.py``) give the question and filled pairs (``debate.py`` has the pairing
rule). ``detect.py`` picks the reader by content, with the file extension as a hint. Nothing is invented:
every guess is marked for the author to confirm, and values go through the YAML dumper.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .. import files
from ..config import content_dir
from .article import parse_article
from .detect import FORMATS, detect_format, read_file
from .footnotes import footnote_refs, guess_kind
from .sentences import sentences, side_cues, unclear_cue
from .structure import Article, ArticleSection, DraftPair, DraftSide, Footnote, ImportProblem
from .text import MAX_ARTICLE_BYTES, SCHEMA_COMMENT
from .writer import _ID, section_title, skeleton, slugify

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "SCHEMA_COMMENT",
    "Article",
    "ArticleSection",
    "DraftPair",
    "DraftSide",
    "Footnote",
    "ImportProblem",
    "detect_format",
    "footnote_refs",
    "guess_kind",
    "parse_article",
    "read_article",
    "section_title",
    "sentences",
    "side_cues",
    "skeleton",
    "skeleton_from_text",
    "slugify",
    "unclear_cue",
    "write_skeleton",
]


def skeleton_from_text(text: str, topic_id: str | None = None) -> str:
    """Article text -> skeleton topic YAML that loads and passes ``check --draft``. Raises ImportProblem."""
    return skeleton(parse_article(text), topic_id)


def read_article(article: str | os.PathLike[str]) -> str:
    """Read an input file as UTF-8 text (files.read_bytes); binary, oversized, empty or unreadable files raise
    ImportProblem."""
    path = Path(article)
    try:
        data = files.read_bytes(path, MAX_ARTICLE_BYTES, "article")
    except files.FileProblem as exc:
        raise ImportProblem(str(exc)) from None
    if b"\x00" in data:
        raise ImportProblem(f"{path} contains NUL bytes: it looks like a binary file, not a text article")
    try:
        text = files.decode(path, data)
    except files.FileProblem as exc:
        raise ImportProblem(f"{exc}; save it as UTF-8") from None
    if not text.strip():
        raise ImportProblem(f"{path} is empty: an article needs at least a title line")
    return text


def write_skeleton(
    article: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    topic_id: str | None = None,
    force: bool = False,
    input_format: str | None = None,
) -> Path:
    """Write the skeleton of ``article`` to ``output`` (default arguments/<id>.yaml); return the path.

    ``output`` may be a file or a folder (then the file is <folder>/<id>.yaml). The topic id is ``topic_id``,
    else the output file's name, else the slug of the title; the file name must equal the id (the loader
    requires it). An existing file is only replaced with ``force``. ``input_format`` is one of FORMATS; by
    default the content (and the extension as a hint) decides.
    """
    text = read_article(article)
    fmt = detect_format(Path(article), text) if input_format in (None, "auto") else input_format
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
    article_ = read_file(Path(article), text, fmt)
    written = skeleton(article_, topic_id=topic_id)
    if target is None:
        assert folder is not None
        target = folder / f"{yaml.safe_load(written)['id']}.yaml"
    if target.exists() and target.resolve() == Path(article).resolve():
        raise ImportProblem(f"{target} is the article itself; choose another output file")
    if target.exists() and not force:
        raise ImportProblem(f"{target} already exists; pass --force to overwrite it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(written)
    except FileExistsError:
        raise ImportProblem(f"{target} already exists; pass --force to overwrite it") from None
    except OSError as exc:
        raise ImportProblem(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
