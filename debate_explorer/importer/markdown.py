"""Markdown structure through markdown-it-py: headings, front matter and footnote definitions by line.

The parser decides what is a heading (ATX indented up to three spaces, setext), what is code (any fence,
indented code) and what is raw HTML (a comment), so a ``#`` line inside a fence or a comment is text. Its
token line maps give the line of each piece; the importer keeps working on those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

_TITLE = re.compile(r"^title:\s*(?P<t>.+?)\s*$")


@dataclass
class MarkdownLayout:
    """Where the structure is, by line index of the text given to :func:`layout`."""

    front_matter_end: int = 0
    """First line after the front matter (0 without one)."""
    front_title: str = ""
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)
    """Heading line -> (level, title text)."""
    underlines: set[int] = field(default_factory=set)
    """Setext underline lines (``===``/``---`` below a heading)."""
    definitions: list[tuple[str, str]] = field(default_factory=list)
    """Footnote definitions ``[^label]: text`` in order: (label, text)."""
    definition_lines: set[int] = field(default_factory=set)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin)


def layout(lines: list[str]) -> MarkdownLayout:
    """Parse ``lines`` (already split and cleaned) and locate headings, front matter and footnotes."""
    tokens = _parser().parse("\n".join(lines))
    found = MarkdownLayout()
    footnote: list[Token] | None = None
    label = ""
    for index, token in enumerate(tokens):
        if token.type == "front_matter" and token.map:
            found.front_matter_end = token.map[1]
            found.front_title = (
                next((m["t"] for line in token.content.splitlines() if (m := _TITLE.match(line))), "")
                .strip("'\"")
                .strip()
            )
        elif token.type == "heading_open" and token.map:
            start, end = token.map
            inline = tokens[index + 1]
            found.headings[start] = (int(token.tag[1:]), inline.content.strip())
            if token.markup in ("=", "-"):
                found.underlines.add(end - 1)
        elif token.type == "footnote_open":
            footnote, label = [], str(token.meta.get("label", ""))
        elif token.type == "footnote_close" and footnote is not None:
            texts = [t.content for t in footnote if t.type == "inline"]
            found.definitions.append((label, " ".join(" ".join(texts).split())))
            for t in footnote:
                if t.map:
                    found.definition_lines.update(range(t.map[0], t.map[1]))
            footnote = None
        elif footnote is not None:
            footnote.append(token)
    return found
