"""A pro/con tree from another tool (Kialo, Argdown, AIF) -> Article with filled pairs.

The pairing rule (docs/import.md): the main claim becomes the question (and, without a title of its own, the
title). Its direct pro children and con children, each in the order of the source, are paired: the i-th pro
with the i-th con; a pro or con left over gets a pair whose other side is empty, to be written. Everything
deeper stays with the top-level claim it argues about, as an indented outline in that side's ``note`` (a
``Pro:``/``Con:`` label says which way each line argues), and every link in that branch becomes a source stub
the side cites. Claims that hang from no main claim (a map with several roots) become further sections,
built by the same rule, so no claim's text is lost.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..links import safe_url
from .structure import Article, ArticleSection, DraftPair, DraftSide, Footnote
from .text import _UNPRINTABLE, MAX_HEADING_CHARS

Stance = Literal["pro", "con", ""]
MAX_NOTE_DEPTH = 12
"""Deeper outline lines are not indented further (the text is kept, the indent capped)."""


@dataclass
class Claim:
    """One claim of a debate map, its stance toward its parent, and what argues about it."""

    text: str
    stance: Stance = ""
    children: list[Claim] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(link text, target) as the source gives them; only http(s) targets become source urls."""
    ref: str = ""
    """The source's own name for the claim (a Kialo number, an Argdown title, an AIF node id)."""
    see: str = ""
    """A cross-link: this entry only points at another claim (Kialo ``-> See 1.2.``)."""
    label: str = ""
    """How it relates when it is not a pro or con (an Argdown premise or conclusion)."""


def clean(text: str) -> str:
    """Text for the skeleton: characters YAML cannot hold become U+FFFD (visible, never silently dropped)."""
    return _UNPRINTABLE.sub("\ufffd", text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n"))


def flat(text: str) -> str:
    """Cleaned text on one line (claims, titles, outline lines)."""
    return " ".join(clean(text).split())


def shorten(text: str, width: int = MAX_HEADING_CHARS) -> str:
    flat = " ".join(text.split())
    return textwrap.shorten(flat, width=width, placeholder=" …") or flat[:width] or "Untitled"


class _Sources:
    """Links -> footnote stubs, one per distinct target, indexed for DraftSide.sources."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.footnotes: list[Footnote] = []
        self._seen: dict[tuple[str, str], int] = {}

    def add(self, text: str, target: str) -> int:
        key = (text, target)
        if key not in self._seen:
            url = safe_url(target) or ""
            origin = f"Stub from a link in the {self.kind} file: {target!r}."
            if not url:
                origin += " Not an http(s) address, so not used as the url."
            title = flat(text) or f"Link {len(self.footnotes) + 1}"
            self.footnotes.append(Footnote(None, title, url=url, origin=clean(origin)))
            self._seen[key] = len(self.footnotes) - 1
        return self._seen[key]


def _walk(claim: Claim) -> Iterator[tuple[int, Claim]]:
    """The claims below ``claim`` with their depth (1 = children), depth-first, without recursion."""
    stack = [(1, child) for child in reversed(claim.children)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        stack.extend((depth + 1, child) for child in reversed(node.children))


def _label(claim: Claim) -> str:
    return {"pro": "Pro", "con": "Con"}.get(claim.stance, claim.label or "Related")


def _line(claim: Claim) -> str:
    text = flat(claim.text)
    if claim.see:
        return f"(cross-link to {claim.see}{': ' + text if text else ''})"
    return text


def _side(claim: Claim | None, sources: _Sources) -> DraftSide:
    if claim is None:
        return DraftSide()
    cited = [sources.add(text, target) for text, target in claim.links]
    outline: list[str] = []
    for depth, node in _walk(claim):
        cited.extend(sources.add(text, target) for text, target in node.links)
        indent = "  " * (min(depth, MAX_NOTE_DEPTH) - 1)
        outline.append(f"{indent}- {_label(node)}: {_line(node)}")
    note = ""
    if claim.see:
        note = f"The source points here at another claim: {_line(claim)}."
    if outline:
        note = (note + "\n" if note else "") + "Deeper in the imported debate:\n" + "\n".join(outline)
    return DraftSide(
        claim=flat(claim.text),
        note=note,
        sources=list(dict.fromkeys(cited)),
    )


def _section(root: Claim, sources: _Sources) -> ArticleSection:
    pros = [c for c in root.children if c.stance == "pro"]
    cons = [c for c in root.children if c.stance == "con"]
    loose = [c for c in root.children if c.stance == ""]
    pairs = [
        DraftPair(
            _side(pros[i] if i < len(pros) else None, sources),
            _side(cons[i] if i < len(cons) else None, sources),
        )
        for i in range(max(len(pros), len(cons)))
    ]
    text = flat(root.text)
    summary = text
    if loose:
        related: list[str] = []
        for c in loose:
            related.append(f"- {_line(c)}")
            related.extend(f"{'  ' * min(d, MAX_NOTE_DEPTH)}- {_label(n)}: {_line(n)}" for d, n in _walk(c))
            for node in [c, *(n for _, n in _walk(c))]:
                for link_text, target in node.links:
                    sources.add(link_text, target)
        summary += "\n\nRelated without a side (place them in pairs or drop them):\n" + "\n".join(related)
    for link_text, target in root.links:
        sources.add(link_text, target)
    if not pairs:
        pairs = [DraftPair()]
    return ArticleSection(shorten(text) if text else "Main claim", [], summary=summary, pairs=pairs)


def debate_article(
    roots: list[Claim], kind: str, title: str = "", remarks: list[str] | None = None
) -> Article:
    """Roots (the main claim first) -> Article: question, one section per root, pairs by the pairing rule."""
    remarks = list(remarks or [])
    sources = _Sources(kind)
    if not roots:
        remarks.append(f"the {kind} file holds no claims; write the question and pairs yourself")
        main_text = ""
    else:
        main_text = flat(roots[0].text)
    sections = [_section(root, sources) for root in roots] or [
        ArticleSection("Main claim", [], pairs=[DraftPair()])
    ]
    heading = flat(title)
    return Article(
        title=shorten(heading or main_text or f"Imported {kind} debate"),
        intro=[],
        sections=sections,
        footnotes=sources.footnotes,
        has_headings=True,
        question=main_text,
        kind=f"{kind} debate",
        remarks=[flat(r) for r in remarks],
    )


_MD_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")


def markdown_links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``[text](url)`` -> ``text`` plus (text, url): link text stays in the claim, the url makes a stub."""
    links: list[tuple[str, str]] = []

    def keep(match: re.Match[str]) -> str:
        links.append((match["text"], match["url"]))
        return match["text"]

    return _MD_LINK.sub(keep, text), links
