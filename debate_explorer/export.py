"""Handouts and data: a topic (or one section of it) as Markdown, printable HTML, JSON or Argdown.

Pure functions of the validated model; no Streamlit. The CLI calls :func:`export_topic`; app pages call
:func:`download` and pass its fields to ``st.download_button``.

Safety: content is untrusted text. The HTML handout escapes every content string with ``html.escape``,
carries no script and a Content-Security-Policy that forbids scripts and remote loads, and only an
absolute http(s) URL ever becomes an ``<a href>``. The Markdown handout backslash-escapes the characters
that would make links, images, HTML or emphasis, so content renders as the literal text it is.

Sources are numbered by their position in the exported topic's source list: for a whole topic that is
the same number the app shows; a one-section export keeps only the sources that section cites.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import __version__
from .argdown import to_argdown
from .escape import html as h
from .escape import markdown as md
from .escape import markdown_autolink
from .links import safe_url
from .model import FactCheck, Pair, Position, Section, Side, Source, Topic

JSON_FORMAT = "debate-explorer/topic"
JSON_FORMAT_VERSION = 1
"""Bumped only when a change to the JSON export could break a reader (see docs/export-format.md)."""


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    label: str


FORMATS: dict[str, Format] = {
    "markdown": Format("md", "text/markdown", "Markdown"),
    "html": Format("html", "text/html", "HTML (printable)"),
    "json": Format("json", "application/json", "JSON"),
    "argdown": Format("argdown", "text/plain", "Argdown"),
}

ORIGIN_TEXT = {"document": "stated in the source document", "research": "added from research"}
VERDICT_TEXT = {
    "confirmed": "Confirmed",
    "partly": "Partly confirmed",
    "unconfirmed": "Unconfirmed",
    "disputed": "Disputed",
}


@dataclass(frozen=True)
class Download:
    """What ``st.download_button`` needs: ``st.download_button(label, **asdict(download))``."""

    data: str
    file_name: str
    mime: str


# ---------------------------------------------------------------- selection


def cited_ids(sections: Iterable[Section]) -> set[str]:
    """Source ids cited by the positions and fact checks of ``sections``."""
    cited: set[str] = set()
    for section in sections:
        for pair in section.pairs:
            for side in Side:
                cited.update(pair.side(side).sources)
        for check in section.fact_checks:
            cited.update(check.sources)
    return cited


def select(topic: Topic, section_id: str | None = None) -> Topic:
    """The topic, or a copy holding only one section, the sources it cites and no timeline.

    Raises KeyError("unknown section 'x'") for a section id the topic does not have.
    """
    if section_id is None:
        return topic
    section = topic.section(section_id)
    if section is None:
        raise KeyError(f"unknown section '{section_id}'")
    cited = cited_ids([section])
    return topic.model_copy(
        update={
            "sections": [section],
            "timeline": [],
            "sources": [s for s in topic.sources if s.id in cited],
        }
    )


def _position_fields(position: Position) -> Iterator[tuple[str, str]]:
    for name, text in (
        ("Reasoning", position.reasoning),
        ("Evidence", position.evidence),
        ("Rebuttal", position.rebuttal),
    ):
        if text.strip():
            yield name, text


# ---------------------------------------------------------------- Markdown


def _md_cites(ids: Iterable[str], nums: dict[str, int]) -> str:
    return ", ".join(f"\\[{nums[sid]}\\]" if sid in nums else f"\\[? {md(sid)}\\]" for sid in ids)


def _md_position(topic: Topic, side: Side, position: Position, nums: dict[str, int]) -> list[str]:
    head = f"**{md(topic.sides.label(side))}**"
    if position.held_by.strip():
        head += f" — held by {md(position.held_by)}"
    lines = [head, "", f"- **Claim:** {md(position.claim) or '(not written yet)'}"]
    lines += [f"- **{name}:** {md(text)}" for name, text in _position_fields(position)]
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
    parts.append(source.kind.value)
    line = f"{n}. " + " — ".join(parts)
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
        out += [_md_source(n, source) for n, source in enumerate(topic.sources, start=1)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- HTML

_CSS = """
:root { --supporter: #1f5fa8; --critic: #b45309; --muted: #555; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; } h2 { border-bottom: 2px solid #ccc; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; } h4 { margin: 0 0 .3rem; font-size: 1rem; }
.question { font-size: 1.15rem; font-weight: bold; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
.side { border: 1px solid #ccc; border-top-width: 4px; padding: .5rem .7rem; border-radius: 4px; }
.side.supporter { border-top-color: var(--supporter); } .side.supporter h4 { color: var(--supporter); }
.side.critic { border-top-color: var(--critic); } .side.critic h4 { color: var(--critic); }
.held, .origin, .meta { color: var(--muted); font-size: .9em; }
.claim { font-weight: bold; }
dl { margin: .3rem 0; } dt { font-weight: bold; font-size: .9em; } dd { margin: 0 0 .3rem 0; }
.pair, .side, li { break-inside: avoid; page-break-inside: avoid; }
.sources li { overflow-wrap: anywhere; margin-bottom: .25rem; }
.url { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .3rem; }
@media (max-width: 40rem) { .sides { grid-template-columns: 1fr; } }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } a { color: inherit; }
  h2 { break-after: avoid; } h3 { break-after: avoid; } }
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""The handout needs nothing but its own inline style: no script, frame, font or remote load is allowed."""


def _h_cites(ids: Iterable[str], nums: dict[str, int]) -> str:
    return " ".join(f"[{nums[sid]}]" if sid in nums else f"[? {h(sid)}]" for sid in ids)


def _h_link(url: str) -> str:
    """The full URL as visible text, linked only when it is http(s)."""
    good = safe_url(url)
    if good is None:
        return f'<span class="url">{h(url)}</span>' if url.strip() else ""
    escaped = h(good)
    return f'<a class="url" href="{escaped}" rel="noopener noreferrer">{escaped}</a>'


def _h_position(topic: Topic, side: Side, position: Position, nums: dict[str, int]) -> str:
    parts = [f'<div class="side {side.value}">', f"<h4>{h(topic.sides.label(side))}</h4>"]
    if position.held_by.strip():
        parts.append(f'<p class="held">Held by {h(position.held_by)}</p>')
    parts.append(f'<p class="claim">{h(position.claim) or "(not written yet)"}</p>')
    fields = list(_position_fields(position))
    if fields:
        items = "".join(f"<dt>{name}</dt><dd>{h(text)}</dd>" for name, text in fields)
        parts.append(f"<dl>{items}</dl>")
    if position.sources:
        parts.append(f'<p class="cites">Sources: {_h_cites(position.sources, nums)}</p>')
    parts.append(f'<p class="origin">Origin: {ORIGIN_TEXT[position.origin.value]}</p></div>')
    return "".join(parts)


def _h_pair(topic: Topic, pair: Pair, nums: dict[str, int]) -> str:
    sides = "".join(_h_position(topic, side, pair.side(side), nums) for side in Side)
    question = h(pair.question) or h(pair.id)
    return f'<div class="pair"><h3>{question}</h3><div class="sides">{sides}</div></div>'


def _h_section(topic: Topic, index: int, section: Section, nums: dict[str, int]) -> str:
    out = [f"<section><h2>{index}. {h(section.title)}</h2>"]
    if section.summary.strip():
        out.append(f"<p>{h(section.summary)}</p>")
    out += [_h_pair(topic, pair, nums) for pair in section.pairs]
    if section.fact_checks:
        rows = "".join(
            f"<tr><td>{h(c.claim)}</td><td>{VERDICT_TEXT[c.verdict.value]}</td>"
            f"<td>{h(c.note)} {_h_cites(c.sources, nums)}</td></tr>"
            for c in section.fact_checks
        )
        out.append(
            "<h3>Fact checks</h3><table><thead><tr><th>Claim</th><th>Verdict</th><th>Note</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    if section.questions:
        items = "".join(f"<li>{h(q)}</li>" for q in section.questions)
        out.append(f"<h3>Discussion questions</h3><ol>{items}</ol>")
    if section.terms:
        items = "".join(f"<dt>{h(t.term)}</dt><dd>{h(t.definition)}</dd>" for t in section.terms)
        out.append(f"<h3>Key terms</h3><dl>{items}</dl>")
    out.append("</section>")
    return "".join(out)


def _h_source(source: Source) -> str:
    meta = ", ".join(h(x) for x in (source.publisher, source.published or "") if x.strip())
    text = f"{h(source.title)}"
    if meta:
        text += f' <span class="meta">— {meta} ({source.kind.value})</span>'
    else:
        text += f' <span class="meta">({source.kind.value})</span>'
    link = _h_link(source.url)
    return f"<li>{text}<br>{link}</li>" if link else f"<li>{text}</li>"


def to_html(topic: Topic) -> str:
    """One self-contained, printable HTML page: no scripts, no external resources, all content escaped."""
    nums = topic.source_numbers
    body = [f"<header><h1>{h(topic.title)}</h1>", f'<p class="question">{h(topic.question)}</p>']
    if topic.summary.strip():
        body.append(f"<p>{h(topic.summary)}</p>")
    sides = "".join(
        f"<li><strong>{h(topic.sides.label(side))}</strong>: {h(topic.sides.info(side).who)}</li>"
        for side in Side
        if topic.sides.info(side).who.strip()
    )
    if sides:
        body.append(f"<ul>{sides}</ul>")
    if topic.document is not None:
        doc = f"Source document: {h(topic.document.title)}"
        if topic.document.author.strip():
            doc += f" by {h(topic.document.author)}"
        link = _h_link(topic.document.url)
        body.append(f'<p class="meta">{doc}{"<br>" + link if link else ""}</p>')
    body.append("</header>")
    body += [_h_section(topic, n, section, nums) for n, section in enumerate(topic.sections, start=1)]
    if topic.timeline:
        rows = "".join(
            f"<tr><td>{h(e.date)}</td><td>{h(e.event)} {_h_cites(e.sources, nums)}</td></tr>"
            for e in topic.timeline
        )
        body.append(f"<section><h2>Timeline</h2><table><tbody>{rows}</tbody></table></section>")
    if topic.sources:
        items = "".join(_h_source(source) for source in topic.sources)
        body.append(f'<section class="sources"><h2>Sources</h2><ol>{items}</ol></section>')
    body.append(f'<p class="meta">Exported by Debate Explorer {h(__version__)}.</p>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{h(topic.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- JSON


def to_json(topic: Topic, section_id: str | None = None) -> str:
    """The validated model wrapped in a small, versioned envelope (docs/export-format.md)."""
    envelope = {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "generator": f"debate-explorer {__version__}",
        "section": section_id,
        "topic": topic.model_dump(mode="json"),
    }
    return json.dumps(envelope, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- entry points


def export_topic(topic: Topic, fmt: str, section_id: str | None = None) -> str:
    """The topic (or one section) in ``fmt``: markdown, html, json or argdown.

    Raises KeyError("unknown section 'x'") for an unknown section and ValueError for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    chosen = select(topic, section_id)
    if fmt == "markdown":
        return to_markdown(chosen)
    if fmt == "html":
        return to_html(chosen)
    if fmt == "json":
        return to_json(chosen, section_id)
    return to_argdown(chosen)


def file_name(topic: Topic, fmt: str, section_id: str | None = None) -> str:
    """``<topic-id>[-<section-id>].<ext>``: ids are lowercase words and '-', so always a safe name."""
    stem = topic.id if section_id is None else f"{topic.id}-{section_id}"
    return f"{stem}.{FORMATS[fmt].extension}"


def download(topic: Topic, fmt: str, section_id: str | None = None) -> Download:
    """Data, file name and MIME type of an export, ready for ``st.download_button``."""
    return Download(
        data=export_topic(topic, fmt, section_id),
        file_name=file_name(topic, fmt, section_id),
        mime=FORMATS[fmt].mime,
    )
