"""Resolving a link to a place, without Streamlit: query parameters in, a place and notes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_explorer.loading import Library, load_file, load_text
from debate_explorer.routing import MAX_SHOWN, Params, pick, resolve

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FILE = ROOT / "tests" / "fixtures" / "topics" / "sample-topic.yaml"
SAMPLE = load_file(SAMPLE_FILE)
SECOND = load_text(
    SAMPLE_FILE.read_text(encoding="utf-8").replace("id: sample-topic", "id: second-topic"),
    "second-topic.yaml",
)
LIBRARY = Library(topics=[SAMPLE, SECOND])
FIRST_SECTION = SAMPLE.topic.sections[0].id
LONG = "x" * 100_000


def where(
    params: Params, remembered_topic: object = None, remembered_sections: dict[str, str] | None = None
) -> tuple[str, str | None, str | None, int]:
    """(topic id, section id, pair id, number of notes) of the place ``params`` resolve to."""
    place = resolve(LIBRARY, params, remembered_topic, remembered_sections)
    assert place is not None
    section = place.section.id if place.section else None
    pair = place.pair.id if place.pair else None
    return place.topic.id, section, pair, len(place.notes)


def test_a_full_link_selects_exactly_that_place() -> None:
    query = {"topic": "second-topic", "section": "learning", "pair": "attendance"}
    assert where(query) == ("second-topic", "learning", "attendance", 0)


def test_no_parameters_open_the_first_topic_and_section() -> None:
    assert where({}) == ("sample-topic", FIRST_SECTION, None, 0)


def test_an_empty_library_has_no_place() -> None:
    assert resolve(Library(), {"topic": "sample-topic"}) is None


@pytest.mark.parametrize(
    "value",
    ["no-such-id", "", "   ", LONG, "日本語-тема-عربى-ñ", "\u202esample-topic\u200b", "<script>x</script>"],
)
def test_a_bad_topic_falls_back_with_one_note(value: str) -> None:
    place = resolve(LIBRARY, {"topic": value})
    assert place is not None and place.topic.id == "sample-topic"
    assert len(place.notes) == 1
    assert len(place.notes[0]) < 100 + 2 * MAX_SHOWN  # a long value is cut, not echoed whole
    assert "<script>" not in place.notes[0]


def test_a_repeated_parameter_uses_its_last_value() -> None:
    assert where({"topic": ["no-such-id", "second-topic"]})[0] == "second-topic"
    assert where({"topic": ["second-topic", "no-such-id"]})[:2] == ("sample-topic", FIRST_SECTION)
    assert where({"topic": []}) == ("sample-topic", FIRST_SECTION, None, 0)


def test_a_pair_without_section_opens_its_section() -> None:
    assert where({"topic": "sample-topic", "pair": "attendance"}) == (
        "sample-topic",
        "learning",
        "attendance",
        0,
    )
    assert where({"pair": "district-savings", "section": ""})[1:3] == ("costs", "district-savings")


def test_a_pair_of_another_section_is_a_note_not_a_jump() -> None:
    topic, section, pair, notes = where({"topic": "sample-topic", "section": "costs", "pair": "attendance"})
    assert (topic, section, pair, notes) == ("sample-topic", "costs", None, 1)


def test_an_unknown_section_falls_back_to_the_remembered_one() -> None:
    remembered = {"sample-topic": "learning"}
    assert where({"section": "nope"}, remembered_sections=remembered) == ("sample-topic", "learning", None, 1)
    assert where({}, remembered_sections={"sample-topic": "gone"})[1] == FIRST_SECTION


def test_the_remembered_topic_is_used_only_when_it_exists() -> None:
    assert where({}, remembered_topic="second-topic")[0] == "second-topic"
    assert where({}, remembered_topic="deleted-topic")[0] == "sample-topic"
    assert where({}, remembered_topic=["second-topic"])[0] == "sample-topic"  # session junk is ignored
    assert where({"topic": "sample-topic"}, remembered_topic="second-topic")[0] == "sample-topic"


def test_without_sections_wanted_only_the_topic_is_resolved() -> None:
    place = resolve(LIBRARY, {"topic": "second-topic", "section": "nope"}, want_section=False)
    assert place is not None and (place.topic.id, place.section, place.notes) == ("second-topic", None, ())


def test_pick_notes_name_empty_and_unknown_values() -> None:
    assert pick("", ["a"], "section") == (None, "This link's section is empty, so the start is shown.")
    assert pick(
        "b", ["a"], "question", where="this section", instead="the section is shown from the top"
    ) == (
        None,
        "This link asks for a question “b” that this section does not have, "
        "so the section is shown from the top.",
    )
    value, note = pick("**b**", ["a"], "section")
    assert value is None and note is not None and "\\*\\*b\\*\\*" in note


def test_a_drill_link_names_the_pair_and_side_and_resolves_to_them() -> None:
    from debate_explorer.model import Side
    from debate_explorer.routing import drill_params, drill_side, drill_url

    pair = SAMPLE.topic.sections[0].pairs[0]
    params = drill_params("sample-topic", FIRST_SECTION, pair.id, Side.CRITIC)
    assert where(params)[:3] == ("sample-topic", FIRST_SECTION, pair.id)
    assert drill_side(params) == (Side.CRITIC, None)
    assert drill_url("sample-topic", FIRST_SECTION, pair.id, Side.SUPPORTER).startswith(
        "practice?topic=sample-topic"
    )
    side, note = drill_side({"side": "<b>both</b>"})
    assert side is None and note and "<b>" not in note
    assert drill_side({}) == (None, None)
