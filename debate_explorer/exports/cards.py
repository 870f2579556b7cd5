"""Evidence cards as an export: both sides' cards in one printable page (``rounds.cards`` builds them)."""

from __future__ import annotations

from ..model import Topic
from ..rounds.cards import cards_html
from .base import Renderer


def _render(topic: Topic, section_id: str | None = None) -> str:
    if section_id is not None and topic.section(section_id) is None:
        raise KeyError(f"unknown section '{section_id}'")
    return cards_html(topic, None, section_id)


RENDERER = Renderer(
    name="cards",
    label="Evidence cards",
    extension="cards.html",
    mime="text/html",
    description="Evidence cards for debate rounds: tag, cite and card text, grouped by side; print it.",
    accepts_section=True,
    render=_render,
)
