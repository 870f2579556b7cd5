"""An article (plain text or Markdown) -> Article."""

from __future__ import annotations

import textwrap

from .footnotes import _footnote_entries, _number_footnotes
from .markdown import MarkdownLayout, layout
from .plaintext import _is_footnote_heading, _nonblank, _paragraphs, _plain_headings
from .structure import Article, ArticleSection, ImportProblem
from .text import (
    MAX_FOOTNOTES,
    MAX_HEADING_CHARS,
    MAX_SECTIONS,
    _clean,
    _strip_emphasis,
    _strip_markers,
)


def _markdown_headings(md: MarkdownLayout, first: int) -> list[int]:
    """The section headings: the top level used after the title, plus any footnote-list heading."""
    levels = {i: level for i, (level, _) in md.headings.items() if i >= first}
    footnote_like = {i for i in levels if _is_footnote_heading(md.headings[i][1])}
    sections = [i for i in levels if i not in footnote_like]
    top = min((levels[i] for i in sections), default=1)
    return sorted({i for i in sections if levels[i] == top} | footnote_like)


def parse_article(text: str) -> Article:
    """Read the structure of an article. Raises ImportProblem for text that is empty or not text."""
    if "\x00" in text:
        raise ImportProblem("the article contains NUL bytes: it looks like a binary file, not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportProblem("the article is not valid Unicode text") from None
    lines = _clean(text)
    md = layout(lines)
    start, front_title = md.front_matter_end, md.front_title
    title_index = _nonblank(lines, start, 1)
    if title_index is None:
        raise ImportProblem("the article is empty: it needs at least a title line")

    title_line = lines[title_index].strip()
    heading = md.headings.get(title_index)
    title = front_title or _strip_markers(_strip_emphasis(heading[1] if heading else title_line))
    first = title_index + 1
    if first in md.underlines:
        first += 1  # the title's own setext underline
    extra_intro: list[str] = []
    if len(title) > MAX_HEADING_CHARS * 2 or not any(ch.isalnum() for ch in title):
        # No title line: the first line is already text. Keep it as text and shorten it into a title.
        extra_intro = [title_line]
        title = textwrap.shorten(_strip_markers(title_line), width=MAX_HEADING_CHARS, placeholder=" …")
        if not any(ch.isalnum() for ch in title):
            title = "Untitled article"

    md_headings = _markdown_headings(md, first)
    if md_headings:
        heading_indexes = md_headings
        titles = {i: md.headings[i][1] for i in md_headings}
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
    definitions = md.definitions
    body = list(lines)
    for i in md.definition_lines | md.underlines:
        if i >= first:
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
        title_text = _strip_markers(titles[index]) or f"Section {n + 1}"
        sections.append(ArticleSection(title_text, _paragraphs(body[index + 1 : stop])))
    if not sections:
        sections = [ArticleSection(title, list(intro))]
        intro = intro[:1]
    return Article(title, intro, sections, footnotes, bool(heading_indexes), labels)
