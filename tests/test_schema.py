"""The committed JSON Schema is current, valid, and agrees with the loader on the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from debate_explorer.loading import LoadError, load_file
from debate_explorer.model import Topic
from debate_explorer.schema import SCHEMA_ID, schema_json
from tests.conftest import ROOT, TOPICS

COMMITTED = ROOT / "schema" / "topic.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_json() + "\n", "run `make schema` and commit"


def test_schema_names_itself_and_forbids_unknown_keys() -> None:
    schema = json.loads(schema_json())
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "Debate Explorer topic"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "question"}
    assert all(
        d.get("additionalProperties") is False for d in schema["$defs"].values() if d["type"] == "object"
    )


@pytest.mark.parametrize("path", sorted(TOPICS.rglob("*.yaml")), ids=lambda p: p.stem)
def test_schema_and_loader_agree_on_fixtures(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema_ok = validator.is_valid(data)
    try:
        load_file(path)
        loader_ok = True
    except LoadError:
        loader_ok = False
    assert schema_ok == loader_ok
    assert loader_ok == (path.stem != "e001-load-error")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("", True),
        ("https://example.org/a?b=c", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("ftp://example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
    ],
)
def test_url_rule_is_the_same_in_schema_and_model(
    validator: jsonschema.Draft202012Validator, url: str, ok: bool
) -> None:
    topic = {"id": "t", "title": "T", "question": "Q", "document": {"title": "D", "url": url}}
    assert validator.is_valid(topic) is ok
    try:
        Topic.model_validate(topic)
        model_ok = True
    except ValueError:
        model_ok = False
    assert model_ok is ok
