"""The JSON Schema of a topic file, generated from the model so editors and the loader never disagree.

``schema/topic.schema.json`` is this output, committed; a test keeps it current (``make schema`` rewrites
it). With the YAML language server, the first line ``# yaml-language-server: $schema=...`` of a topic file
gives completion and validation while typing.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Topic

SCHEMA_ID = "urn:debate-explorer:topic"
"""A stable identifier (not a download address): the schema ships in the repository."""


def topic_schema() -> dict[str, Any]:
    """The validation-mode schema of Topic, with the keys editors use to name and identify it."""
    schema = Topic.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Debate Explorer topic",
        "description": (
            "One contested question: sections of supporter/critic argument pairs tied to sources. "
            "Generated from debate_explorer/model.py by `debate-explorer schema`; do not edit by hand."
        ),
    }


def schema_json() -> str:
    """The schema as stable, indented JSON text (no trailing newline; the CLI's print adds one)."""
    return json.dumps(topic_schema(), indent=2, ensure_ascii=False)
