"""The JSON export: the validated model in a small, versioned envelope (docs/export-format.md)."""

from __future__ import annotations

import json

from .. import __version__
from ..model import Topic
from .base import Renderer, select

JSON_FORMAT = "debate-explorer/topic"
JSON_FORMAT_VERSION = 1
"""Bumped only when a change to the JSON export could break a reader (see docs/export-format.md)."""


def render(topic: Topic, section_id: str | None = None) -> str:
    """The topic (or one section) as the envelope; the same input always gives the same bytes."""
    chosen = select(topic, section_id)
    envelope = {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "generator": f"debate-explorer {__version__}",
        "section": section_id,
        "topic": chosen.model_dump(mode="json"),
        "source_numbers": chosen.source_numbers,
    }
    return json.dumps(envelope, indent=2, ensure_ascii=False) + "\n"


DESCRIPTION = "The validated topic model in a versioned envelope, for other programs."
RENDERER = Renderer("json", "JSON", "json", "application/json", render, DESCRIPTION)
