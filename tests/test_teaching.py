"""Practice logic without Streamlit: drills, quiz rounds and scores, speech lengths, drafts as Markdown."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from debate_explorer import teaching
from debate_explorer.limits import MAX_DRAFTS
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic
from debate_explorer.teaching import Draft, Drill
from tests.conftest import FIXTURES
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic
HOSTILE = load_file(FIXTURES / "render" / "render-hostile.yaml").topic
PAIRS = [(s.id, p.id) for s, p in SAMPLE.pairs()]


def with_empty_claim(topic: Topic, pair_index: int, side: Side) -> Topic:
    """A copy of ``topic`` where one position's claim is still empty (a draft)."""
    section = topic.sections[0]
    pair = section.pairs[pair_index]
    pair = pair.model_copy(update={side.value: pair.side(side).model_copy(update={"claim": ""})})
    pairs = [pair if i == pair_index else p for i, p in enumerate(section.pairs)]
    return topic.model_copy(
        update={"sections": [section.model_copy(update={"pairs": pairs}), *topic.sections[1:]]}
    )


# ---------------------------------------------------------------- drills


def test_chosen_pair_and_side_give_exactly_that_drill() -> None:
    drill = teaching.pick_drill(SAMPLE, random.Random(0), "learning", "attendance", Side.CRITIC)
    assert drill == Drill("sample-topic", "learning", "attendance", Side.CRITIC)
    section, pair = drill.locate(SAMPLE)
    assert (section.id, pair.id) == ("learning", "attendance")
    assert drill.opponent is Side.SUPPORTER


def test_random_drills_cover_every_pair_and_both_sides() -> None:
    rng = random.Random(7)
    seen = {(d.section_id, d.pair_id, d.side) for d in (teaching.pick_drill(SAMPLE, rng) for _ in range(200))}
    assert seen == {(s, p, side) for s, p in PAIRS for side in Side}


def test_random_drill_within_a_section_stays_there() -> None:
    rng = random.Random(1)
    for _ in range(30):
        drill = teaching.pick_drill(SAMPLE, rng, section_id="costs", side=Side.SUPPORTER)
        assert drill.section_id == "costs" and drill.side is Side.SUPPORTER


def test_same_seed_same_drill() -> None:
    first = [teaching.pick_drill(SAMPLE, random.Random(42)) for _ in range(3)]
    assert len(set(first)) == 1


def test_switch_sides_keeps_the_pair_and_has_its_own_key() -> None:
    drill = Drill("sample-topic", "costs", "family-costs", Side.SUPPORTER)
    other = drill.switched()
    assert (other.pair_id, other.side) == ("family-costs", Side.CRITIC)
    assert other.key != drill.key and other.switched() == drill


def test_pairs_with_an_empty_claim_are_not_drilled_or_quizzed() -> None:
    draft = with_empty_claim(SAMPLE, 0, Side.CRITIC)
    empty = draft.sections[0].pairs[0].id
    assert empty not in {p.id for _, p in teaching.drillable(draft)}
    assert teaching.pick_drill(draft, random.Random(0), "costs", empty) is None
    items = teaching.quiz_items(draft)
    assert len(items) == 2 * len(PAIRS) - 1
    assert all(item.claim.strip() for item in items)


def test_unknown_pair_or_section_gives_no_drill() -> None:
    assert teaching.pick_drill(SAMPLE, random.Random(0), pair_id="nope") is None
    assert teaching.pick_drill(SAMPLE, random.Random(0), section_id="nope") is None
    assert Drill("sample-topic", "costs", "nope", Side.CRITIC).locate(SAMPLE) is None


def test_steps_used_finds_the_four_signal_words() -> None:
    text = "They say buses cost money. But wages rise, because days are longer. Therefore no saving."
    assert teaching.steps_used(text) == ["They say", "But", "Because", "Therefore"]
    assert teaching.steps_used("Butter is not a step; neither is 'theysay'.") == []
    assert teaching.steps_used("") == []


def test_placeholder_walks_through_the_four_steps() -> None:
    assert [line.split(" …")[0] for line in teaching.PLACEHOLDER.splitlines()] == [
        step.label for step in teaching.REFUTATION_STEPS
    ]


# ---------------------------------------------------------------- quiz


def test_a_round_holds_every_claim_once_in_a_seeded_shuffle() -> None:
    first = teaching.quiz_round(SAMPLE, seed=3)
    assert sorted(first, key=repr) == sorted(teaching.quiz_items(SAMPLE), key=repr)
    assert teaching.quiz_round(SAMPLE, seed=3) == first
    orders = {tuple(teaching.quiz_round(SAMPLE, seed=s)) for s in range(10)}
    assert len(orders) > 1  # different seeds give different orders


def test_each_item_is_the_claim_of_its_side() -> None:
    for item in teaching.quiz_items(SAMPLE):
        section = SAMPLE.section(item.section_id)
        pair = next(p for p in section.pairs if p.id == item.pair_id)
        assert pair.side(item.side).claim == item.claim


def test_round_size_and_section_limit_the_items() -> None:
    assert len(teaching.quiz_round(SAMPLE, 1, size=3)) == 3
    learning = teaching.quiz_round(SAMPLE, 1, section_id="learning")
    assert {i.section_id for i in learning} == {"learning"} and len(learning) == 4


def test_right_and_wrong_answers_change_the_score() -> None:
    quiz = teaching.new_round(SAMPLE, seed=5, size=3)
    first = quiz.current
    quiz, answer = quiz.answer(first.side)
    assert answer.correct and str(quiz.score) == "1 right out of 1"
    quiz, answer = quiz.answer(quiz.current.side.other)
    assert not answer.correct and quiz.score == teaching.Score(1, 2)
    quiz, _ = quiz.answer(quiz.current.side)
    assert quiz.done and quiz.score == teaching.Score(2, 3) and quiz.score.percent == 67
    with pytest.raises(ValueError, match="round is over"):
        quiz.answer(Side.SUPPORTER)


def test_empty_round_is_done_at_once() -> None:
    quiz = teaching.new_round(SAMPLE, seed=0, size=0)
    assert quiz.done and quiz.score.percent is None


# ------------------------------------------------------- speech lengths (the countdown: test_clock.py)


def test_default_formats_cover_the_common_speeches() -> None:
    names = [f.name for f in teaching.SPEECH_FORMATS]
    assert names == ["Constructive", "Rebuttal", "Cross-examination"]


# ---------------------------------------------------------------- drafts as Markdown


def test_drafts_markdown_holds_each_draft_with_its_claim_and_the_quiz_scores() -> None:
    drill = Drill("sample-topic", "costs", "district-savings", Side.CRITIC)
    drafts = [
        Draft(drill, "They say it saves money.\nBut wages rise."),
        Draft(drill.switched(), "   "),  # empty drafts are left out
    ]
    quiz = teaching.new_round(SAMPLE, seed=1, size=2)
    quiz, _ = quiz.answer(quiz.current.side)
    quiz, _ = quiz.answer(quiz.current.side.other)
    out = teaching.drafts_markdown(
        drafts, {"sample-topic": SAMPLE}, [quiz], now=datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    )
    assert "2026-01-02 03:04 UTC" in out
    assert "### Would the district save money?" in out
    assert "*I argued for:* Critics" in out
    assert SAMPLE.sections[0].pairs[0].supporter.claim in out  # the claim the student answered
    assert "> They say it saves money.\n> But wages rise." in out
    assert out.count("### ") == 1
    assert "1 right out of 2" in out and "(50%)" in out


def test_drafts_markdown_escapes_topic_text_but_keeps_student_text() -> None:
    section, pair = next(HOSTILE.pairs())
    drill = Drill(HOSTILE.id, section.id, pair.id, Side.SUPPORTER)
    out = teaching.drafts_markdown([Draft(drill, "my *own* words")], {HOSTILE.id: HOSTILE})
    assert "<script>" not in out.replace("\\<script\\>", "")
    assert "> my *own* words" in out


def test_drafts_markdown_without_work() -> None:
    out = teaching.drafts_markdown([], {})
    assert "No drafts yet." in out and "quiz" not in out


def test_speech_lengths_are_whole_seconds() -> None:
    assert [f.seconds for f in teaching.SPEECH_FORMATS] == [360, 240, 180]


def test_drafts_are_capped_in_number_but_a_kept_one_can_always_change() -> None:
    drill = teaching.pick_drill(SAMPLE, random.Random(1))
    assert drill is not None
    full = {f"key-{n}": Draft(drill, "text") for n in range(MAX_DRAFTS)}
    assert not teaching.can_keep(full, "a-new-key")  # one more would be silently too many
    assert teaching.can_keep(full, "key-3")  # editing a kept draft is always fine
    assert teaching.can_keep(dict(list(full.items())[:-1]), "a-new-key")
