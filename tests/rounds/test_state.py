"""Round state and clocks with the clock passed in: no real time passes in these tests."""

from __future__ import annotations

import random

import pytest

from debate_explorer.model import Side
from debate_explorer.rounds.formats import shipped_formats
from debate_explorer.rounds.state import RoundError, RoundState, assign_sides

FORMATS = shipped_formats()
PF = FORMATS["public-forum"]
WS = FORMATS["world-schools"]


def fresh(fmt_id: str = "public-forum") -> RoundState:
    return RoundState(format_id=fmt_id, topic_id="universal-basic-income")


def test_start_pause_resume_counts_only_running_time() -> None:
    state = fresh()
    first = PF.speeches[0].minutes * 60
    state.start(PF, 100.0)
    assert state.remaining(PF, 130.0) == first - 30
    state.pause(130.0)
    assert state.remaining(PF, 500.0) == first - 30  # paused: time does not run
    state.start(PF, 500.0)
    assert state.remaining(PF, 510.0) == first - 40
    assert state.signal(PF, 510.0) is None
    assert state.signal(PF, 500.0 + first - 40 - 50) == "60s"
    assert state.signal(PF, 500.0 + first - 40 - 20) == "30s"
    assert state.signal(PF, 500.0 + first) == "over" and state.remaining(PF, 500.0 + first) < 0


def test_next_and_back_move_a_speech_and_reset_its_clock() -> None:
    state = fresh()
    state.start(PF, 0.0)
    state.next(PF, 50.0)
    assert state.index == 1 and not state.running() and state.used(999.0) == 0
    state.back(PF, 60.0)
    assert state.index == 0
    with pytest.raises(RoundError, match="first speech"):
        state.back(PF, 61.0)
    for _ in range(len(PF.speeches) - 1):
        state.next(PF, 70.0)
    with pytest.raises(RoundError, match="last speech"):
        state.next(PF, 71.0)


def test_prep_is_drawn_from_the_right_pool_and_pauses_the_speech() -> None:
    state = fresh()
    pool = PF.prep_minutes * 60
    state.start(PF, 0.0)
    state.start_prep(PF, "team-b", 10.0)
    assert not state.running() and state.used(50.0) == 10
    assert state.prep_left(PF, "team-b", 70.0) == pool - 60
    assert state.prep_left(PF, "team-a", 70.0) == pool
    state.stop_prep(PF, 70.0)
    assert state.prep_used == {"team-b": 60.0}
    state.start_prep(PF, "team-a", 100.0)
    state.start(PF, 130.0)  # starting the speech stops prep
    assert state.prep_used == {"team-b": 60.0, "team-a": 30.0} and state.prep_team is None


def test_a_pool_running_out_stops_and_refuses_more_prep() -> None:
    state = fresh()
    pool = PF.prep_minutes * 60
    state.start_prep(PF, "team-a", 0.0)
    assert state.prep_left(PF, "team-a", pool + 30) == 0
    state.tick(PF, pool + 30)
    assert state.prep_team is None and state.prep_used["team-a"] == pool
    with pytest.raises(RoundError, match="no prep time left"):
        state.start_prep(PF, "team-a", pool + 40)
    state.start_prep(PF, "team-b", pool + 40)  # the other pool is untouched
    assert state.prep_team == "team-b"


def test_formats_without_prep_refuse_it() -> None:
    with pytest.raises(RoundError, match="no prep time"):
        fresh("world-schools").start_prep(WS, "proposition", 0.0)


def test_protected_time_follows_the_clock() -> None:
    state = fresh("world-schools")
    state.start(WS, 0.0)
    assert state.poi_open(WS, 30.0) is False
    assert state.poi_open(WS, 120.0) is True
    assert state.poi_open(WS, 7.5 * 60) is False


def test_scale_shortens_every_length_but_not_the_format() -> None:
    state = RoundState(format_id="public-forum", topic_id="t", scale=0.01)
    assert state.length(PF) == pytest.approx(PF.speeches[0].minutes * 60 * 0.01)
    assert state.pool(PF) == pytest.approx(PF.prep_minutes * 60 * 0.01)
    assert PF.speeches[0].minutes == 4


def test_the_round_survives_its_url_form() -> None:
    state = fresh()
    state.section_id = "costs"
    state.proposition = Side.CRITIC
    state.start(PF, 5.0)
    state.next(PF, 6.0)
    state.start_prep(PF, "team-a", 7.0)
    restored = RoundState.decode(state.encode(), FORMATS)
    assert restored == state
    assert restored.prep_left(PF, "team-a", 20.0) == state.prep_left(PF, "team-a", 20.0)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "x" * 5000,
        "!!!",
        "bm90IGpzb24",  # "not json"
        RoundState(format_id="no-such-format", topic_id="t").encode(),
        RoundState(format_id="public-forum", topic_id="t", index=40).encode(),
        RoundState(format_id="public-forum", topic_id="t", prep_used={"team-z": 1}).encode(),
    ],
)
def test_a_bad_round_in_the_url_is_refused(value: str) -> None:
    with pytest.raises(RoundError):
        RoundState.decode(value, FORMATS)


def test_sides_are_chosen_or_tossed() -> None:
    assert assign_sides(Side.CRITIC) is Side.CRITIC
    tossed = {assign_sides(None, random.Random(seed)) for seed in range(20)}
    assert tossed == set(Side)


@pytest.mark.parametrize("fmt_id", sorted(FORMATS))
@pytest.mark.parametrize("scale", [1.0, 0.01])
def test_poi_marks_tell_the_browser_what_poi_open_says(fmt_id: str, scale: float) -> None:
    """The clock shows protected time from these spans without asking the server: they must agree."""
    fmt = FORMATS[fmt_id]
    for index in range(len(fmt.speeches)):
        state = RoundState(format_id=fmt_id, topic_id="t", index=index, scale=scale)
        marks = state.poi_marks(fmt)
        length = state.length(fmt)
        for step in range(0, 101):
            used = length * step / 100 * 1.2
            state.elapsed = used
            expected = state.poi_open(fmt, 0.0)
            found = [open_ for a, b, open_ in marks if a <= used and (b is None or used < b)]
            assert found == ([] if expected is None else [expected]), (fmt_id, index, used)
