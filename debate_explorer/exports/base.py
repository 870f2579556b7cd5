"""What every export shares: the :class:`Renderer` record and the choice of what an export covers.

Sources keep the number the app shows (``Topic.source_numbers``: the place in the whole topic's source
list), in every format: a one-section export keeps only the sources that section cites, under their
topic-wide numbers ([106] on the handout where the app shows [106]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .. import labels
from ..model import Position, Section, Side, Topic

Render = Callable[[Topic, str | None], str]
"""``render(topic, section_id=None) -> str``; raises KeyError("unknown section 'x'")."""


@dataclass(frozen=True)
class Renderer:
    """One export format, as the CLI, the Practice page and docs/export-format.md list it."""

    name: str
    """The ``--format`` value and the registry key."""
    label: str
    """The download button's label."""
    extension: str
    """File extension without the dot."""
    mime: str
    """Media type of the file."""
    render: Render
    description: str
    """One line: what the file is for."""
    accepts_section: bool = True
    """Whether ``render`` can export one section alone."""


def of_selection(to_text: Callable[[Topic], str]) -> Render:
    """A format's ``render``: ``to_text`` applied to the whole topic or to one section (:func:`select`)."""

    def render(topic: Topic, section_id: str | None = None) -> str:
        return to_text(select(topic, section_id))

    return render


ORIGIN_TEXT = {"document": "stated in the source document", "research": "added from research"}
VERDICT_TEXT = {
    "confirmed": "Confirmed",
    "partly": "Partly confirmed",
    "unconfirmed": "Unconfirmed",
    "disputed": "Disputed",
}


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
    """The topic, or a copy holding only one section, the sources it cites (numbers kept), no timeline.

    Raises KeyError("unknown section 'x'") for a section id the topic does not have.
    """
    if section_id is None:
        return topic
    section = topic.section(section_id)
    if section is None:
        raise KeyError(f"unknown section '{section_id}'")
    return topic.excerpt([section], cited_ids([section]))


def position_fields(position: Position) -> Iterator[tuple[str, str]]:
    """The position's non-empty argued fields after the claim, as (heading, text)."""
    for name, text in (
        ("Reasoning", position.reasoning),
        ("Evidence", position.evidence),
        (labels.REBUTTAL, position.rebuttal),
    ):
        if text.strip():
            yield name, text
