"""A topic as Argdown (https://argdown.org), so it can be drawn as an argument map in Argdown's tools.

Mapping: the topic question is the thesis statement ``[<topic-id>]``; each section is a heading; each
position becomes one argument, ``<section-id/pair-id (supporter)>`` supporting the thesis (``+>``) or
``<section-id/pair-id (critic)>`` attacking it (``->``), described by its claim and its sources as links.
So a topic with N pairs gives exactly 2N arguments.

Argument titles are built from ids only (lowercase words and '-', checked by the model), so content can
never end a title early. Content text is folded onto one line and every character Argdown treats as
syntax is backslash-escaped; the Argdown parser removes the backslashes again, so the text it reads is
exactly the topic's text (tests/test_argdown.py checks this with the real parser). Only http(s) URLs
(``links.safe_url``) become links.
"""

from __future__ import annotations

from ..escape import argdown as escape
from ..escape import argdown_front_matter, argdown_url
from ..links import safe_url
from ..model import Position, Section, Side, Topic
from .base import Renderer, of_selection

_RELATION = {Side.SUPPORTER: "+>", Side.CRITIC: "->"}


def argument_title(section: Section, pair_id: str, side: Side) -> str:
    """The argument's title (without brackets); unique within a topic because ids are."""
    return f"{section.id}/{pair_id} ({side.value})"


def _description(topic: Topic, position: Position) -> str:
    sources = topic.source_map
    cited = []
    for sid in position.sources:
        source = sources.get(sid)
        url = safe_url(source.url) if source is not None else None
        if url is not None:
            cited.append(f"[{sid}]({argdown_url(url)})")
        else:
            cited.append(escape(sid))
    text = escape(position.claim)
    if cited:
        text += (" " if text else "") + "Sources: " + ", ".join(cited)
    return text


def _front_matter(topic: Topic) -> str:
    return f"===\ntitle: {argdown_front_matter(topic.title)}\n===\n"


def to_argdown(topic: Topic) -> str:
    """The topic as an Argdown document."""
    thesis = topic.id
    lines = [_front_matter(topic), f"[{thesis}]: {escape(topic.question) or escape(topic.title)}", ""]
    for section in topic.sections:
        lines += [f"# {escape(section.title) or section.id}", ""]
        for pair in section.pairs:
            for side in Side:
                title = argument_title(section, pair.id, side)
                description = _description(topic, pair.side(side))
                head = f"<{title}>: {description}" if description else f"<{title}>"
                lines += [head, f"  {_RELATION[side]} [{thesis}]", ""]
    return "\n".join(lines)


DESCRIPTION = "An argument map source for Argdown's tools (argdown.org)."
RENDERER = Renderer("argdown", "Argdown", "argdown", "text/plain", of_selection(to_argdown), DESCRIPTION)
