"""Evidence cards from a topic: for each position its tag (the claim), cite (publisher, date, title, URL)
and card text (the evidence), grouped by side; printable HTML per side or for both."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..escape import html as esc
from ..model import Side, Source, Topic
from . import printable


@dataclass(frozen=True)
class Card:
    side: Side
    section: str
    tag: str
    text: str
    cites: tuple[Source, ...]


def cards(topic: Topic, side: Side, section_id: str | None = None) -> list[Card]:
    """The side's cards, in section and pair order; a position without claim or evidence gives none."""
    sources = topic.source_map
    out: list[Card] = []
    for section, pair in topic.pairs():
        if section_id is not None and section.id != section_id:
            continue
        pos = pair.side(side)
        if not (pos.claim.strip() or pos.evidence.strip()):
            continue
        cites = tuple(sources[sid] for sid in pos.sources if sid in sources)
        out.append(Card(side, section.title, pos.claim, pos.evidence or pos.reasoning, cites))
    return out


def cite_text(source: Source) -> str:
    """Publisher, date, title, URL: the cite line as plain text (CSV, terminal)."""
    parts = [source.publisher, source.published or "n.d.", f"“{source.title}”", source.url]
    return ", ".join(part for part in parts if part)


def _cite_html(source: Source) -> str:
    parts = [esc(p) for p in (source.publisher, source.published or "n.d.") if p]
    parts.append(f"“{esc(source.title)}”")
    if source.url:
        parts.append(printable.link(source.url))
    return ", ".join(parts)


def _side_html(topic: Topic, side: Side, found: Iterable[Card]) -> str:
    body = [f'<section class="side"><h2>{esc(topic.sides.label(side))}</h2>']
    any_card = False
    for card in found:
        any_card = True
        cites = "".join(f'<p class="cite">{_cite_html(s)}</p>' for s in card.cites) or (
            '<p class="cite">(no source cited)</p>'
        )
        body.append(
            f'<div class="card"><p class="tag">{esc(card.tag or "(no claim written)")}</p>{cites}'
            f'<p class="text">{esc(card.text or "(no evidence written)")}</p>'
            f'<p class="cite">Section: {esc(card.section)}</p></div>'
        )
    if not any_card:
        body.append("<p>No cards: this side has no written positions here.</p>")
    body.append("</section>")
    return "".join(body)


def cards_html(topic: Topic, side: Side | None = None, section_id: str | None = None) -> str:
    """A printable card file: one side, or both (each side starting a new page)."""
    sides = list(Side) if side is None else [side]
    title = f"Evidence cards: {topic.title}"
    body = f"<h1>{esc(title)}</h1>" + "".join(
        _side_html(topic, s, cards(topic, s, section_id)) for s in sides
    )
    return printable.page(title, body)
