"""The data model: strict keys, ids, http(s) links, partial dates, and the word and source helpers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from debate_explorer.loading import load_file
from debate_explorer.model import Origin, Position, Side, Source, SourceKind, Topic, count_words
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def topic() -> Topic:
    return load_file(SAMPLE).topic


def source(**fields: object) -> Source:
    return Source.model_validate({"id": "s", "title": "T", "kind": "press", **fields})


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Topic.model_validate({"id": "t", "title": "T", "question": "Q", "colour": "red"})


@pytest.mark.parametrize("value", ["a", "a-b", "x2-y3", "2024-report"])
def test_valid_ids(value: str) -> None:
    assert source(id=value).id == value


@pytest.mark.parametrize("value", ["", "A", "a_b", "a--b", "-a", "a-", "a b", "é", "a" * 81])
def test_invalid_ids(value: str) -> None:
    with pytest.raises(ValidationError):
        source(id=value)


@pytest.mark.parametrize("url", ["", "http://example.org", "https://example.org/x?y=1#z", "  https://a.b  "])
def test_http_urls_and_empty_are_accepted(url: str) -> None:
    assert source(url=url).url == url.strip()


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "example.org", "https://"]
)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="http"):
        source(url=url)


@pytest.mark.parametrize("date", ["2019", "2019-05", "2019-05-31", "1999-12-01"])
def test_partial_dates(date: str) -> None:
    assert source(published=date).published == date


@pytest.mark.parametrize("date", ["19", "2019-13", "2019-00", "2019-05-32", "May 2019", "2019/05"])
def test_bad_dates(date: str) -> None:
    with pytest.raises(ValidationError):
        source(published=date)


@pytest.mark.parametrize("value", ["2", 2.0, True, 0, 1000])
def test_footnote_is_a_strict_small_integer(value: object) -> None:
    with pytest.raises(ValidationError):
        source(footnote=value)


def test_numbers_are_not_turned_into_text() -> None:
    with pytest.raises(ValidationError):
        source(title=12)


def test_models_are_frozen(topic: Topic) -> None:
    with pytest.raises(ValidationError):
        topic.title = "changed"  # type: ignore[misc]


def test_position_defaults_and_words() -> None:
    position = Position(claim="One two three.", reasoning="Four, five", rebuttal="six")
    assert position.origin is Origin.RESEARCH
    assert position.sources == []
    assert position.words == 6
    # held_by and note are not argued text, so they do not count towards balance.
    assert Position(claim="a", held_by="many words here", note="and here too").words == 1


@pytest.mark.parametrize(
    ("text", "n"),
    [("", 0), ("  ", 0), ("don't stop", 2), ("well-known fact", 2), ("l’état", 1)],
)
def test_count_words(text: str, n: int) -> None:
    assert count_words(text) == n


def test_sections_count_words_and_sources_per_side(topic: Topic) -> None:
    costs = topic.section("costs")
    assert costs is not None
    assert costs.words(Side.SUPPORTER) == sum(p.supporter.words for p in costs.pairs)
    assert costs.sources_of(Side.SUPPORTER) == {"board-budget-note"}
    assert costs.sources_of(Side.CRITIC) == {"parents-survey"}
    assert topic.words(Side.CRITIC) == sum(s.words(Side.CRITIC) for s in topic.sections)
    assert topic.section("nope") is None


def test_topic_helpers(topic: Topic) -> None:
    assert [p.id for _, p in topic.pairs()] == [
        "district-savings",
        "family-costs",
        "attendance",
        "test-results",
    ]
    assert set(topic.source_map) == {
        "board-budget-note",
        "parents-survey",
        "attendance-study",
        "sleep-review",
    }
    assert topic.source_map["attendance-study"].kind is SourceKind.ACADEMIC
    assert topic.citing_sides() == {
        "board-budget-note": {Side.SUPPORTER},
        "parents-survey": {Side.CRITIC},
        "attendance-study": {Side.SUPPORTER},
        "sleep-review": {Side.CRITIC},
    }
    assert topic.sides.info(Side.CRITIC).label == "Critics"
    pair = topic.sections[0].pairs[0]
    assert pair.side(Side.CRITIC) is pair.critic


def test_side_other() -> None:
    assert Side.SUPPORTER.other is Side.CRITIC
    assert Side.CRITIC.other is Side.SUPPORTER
