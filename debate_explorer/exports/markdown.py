"""The Markdown handout: question, both sides of every pair, fact checks, questions, terms, sources.

Content is untrusted: every string goes through ``escape.markdown``, which backslash-escapes the
characters that would make links, images, HTML or emphasis, so it renders as the literal text it is.
Only http(s) URLs become (auto)links, through ``escape.markdown_autolink``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import labels
from ..escape import markdown as md
from ..escape import markdown_autolink
from ..model import FactCheck, Position, Side, Source, Topic
from .base import ORIGIN_TEXT, VERDICT_TEXT, Renderer, of_selection, position_fields


def _md_cites(ids: Iterable[str], nums: dict[str, int]) -> str:
    return ", ".join(f"\\[{nums[sid]}\\]" if sid in nums else f"\\[? {md(sid)}\\]" for sid in ids)


def _md_position(topic: Topic, side: Side, position: Position, nums: dict[str, int]) -> list[str]:
    head = f"**{md(topic.sides.label(side))}**"
    if position.held_by.strip():
        head += f" — {labels.HELD_BY.lower()}: {md(position.held_by)}"
    lines = [head, "", f"- **Claim:** {md(position.claim) or '(not written yet)'}"]
    lines += [f"- **{name}:** {md(text)}" for name, text in position_fields(position)]
    if position.sources:
        lines.append(f"- **Sources:** {_md_cites(position.sources, nums)}")
    lines += [f"- *Origin: {ORIGIN_TEXT[position.origin.value]}*", ""]
    return lines


def _md_fact_check(check: FactCheck, nums: dict[str, int]) -> str:
    line = f"- {md(check.claim)} — **{VERDICT_TEXT[check.verdict.value]}**"
    if check.note.strip():
        line += f". {md(check.note)}"
    if check.sources:
        line += f" {_md_cites(check.sources, nums)}"
    return line


def _md_source(n: int, source: Source) -> str:
    parts = [md(source.title)]
    meta = ", ".join(md(x) for x in (source.publisher, source.published or "") if x.strip())
    if meta:
        parts.append(meta)
    parts.append(labels.source_kind(source.kind))
    line = f"- \\[{n}\\] " + " — ".join(parts)  # not "106." : Markdown would renumber a list from 1
    url = markdown_autolink(source.url)
    return line + (f" {url}" if url else "")


def to_markdown(topic: Topic) -> str:
    """A Markdown handout: question, both sides of every pair, fact checks, questions, terms, sources."""
    nums = topic.source_numbers
    out = [f"# {md(topic.title)}", "", f"**Question:** {md(topic.question)}", ""]
    if topic.summary.strip():
        out += [md(topic.summary), ""]
    sides = [
        f"- **{md(topic.sides.label(side))}:** {md(topic.sides.info(side).who)}"
        for side in Side
        if topic.sides.info(side).who.strip()
    ]
    out += [*sides, ""] if sides else []
    if topic.document is not None:
        doc = f"*Source document:* {md(topic.document.title)}"
        if topic.document.author.strip():
            doc += f" by {md(topic.document.author)}"
        url = markdown_autolink(topic.document.url)
        out += [doc + (f" {url}" if url else ""), ""]
    for index, section in enumerate(topic.sections, start=1):
        out += [f"## {index}. {md(section.title)}", ""]
        if section.summary.strip():
            out += [md(section.summary), ""]
        for pair in section.pairs:
            out += [f"### {md(pair.question) or pair.id}", ""]
            for side in Side:
                out += _md_position(topic, side, pair.side(side), nums)
        if section.fact_checks:
            out += ["#### Fact checks", ""]
            out += [_md_fact_check(check, nums) for check in section.fact_checks]
            out.append("")
        if section.questions:
            out += ["#### Discussion questions", ""]
            out += [f"{n}. {md(q)}" for n, q in enumerate(section.questions, start=1)]
            out.append("")
        if section.terms:
            out += ["#### Key terms", ""]
            out += [f"- **{md(t.term)}:** {md(t.definition)}" for t in section.terms]
            out.append("")
    if topic.timeline:
        out += ["## Timeline", ""]
        for event in topic.timeline:
            cites = f" {_md_cites(event.sources, nums)}" if event.sources else ""
            out.append(f"- **{md(event.date)}:** {md(event.event)}{cites}")
        out.append("")
    if topic.sources:
        out += ["## Sources", ""]
        out += [_md_source(nums[source.id], source) for source in topic.sources]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


DESCRIPTION = "A handout to edit or paste into a course page."
RENDERER = Renderer("markdown", "Markdown", "md", "text/markdown", of_selection(to_markdown), DESCRIPTION)
