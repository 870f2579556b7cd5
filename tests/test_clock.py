"""The speech clock's rules without Streamlit or a browser: countdown, overtime, m:ss, lengths, the face."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debate_explorer import clock
from debate_explorer.clock import Face, Note, Timer, TimerAction


def test_timer_counts_down_pauses_and_resets() -> None:
    timer = Timer(total=180)
    assert not timer.running and timer.remaining(now=1000) == 180
    timer = timer.start(now=1000)
    assert timer.running and timer.remaining(now=1030) == 150
    timer = timer.pause(now=1060)
    assert not timer.running and timer.remaining(now=5000) == 120  # paused: time stands still
    timer = timer.start(now=6000)
    assert timer.remaining(now=6100) == 20
    assert timer.finished(now=6120) and timer.remaining(now=9999) == 0
    assert timer.reset() == Timer(180) and timer.reset(60) == Timer(60)


def test_finished_timer_does_not_restart() -> None:
    done = Timer(total=10, elapsed=10)
    assert done.start(now=5) == done


def test_timer_runs_on_into_overtime_and_a_pause_keeps_it() -> None:
    timer = Timer(total=120).apply(TimerAction.START, now=0)
    assert timer.left(now=132) == -12 and timer.overtime(now=132) == 12 and timer.running
    paused = timer.apply(TimerAction.PAUSE, now=132)
    assert paused.overtime(now=999) == 12  # the class still sees how far over the speaker went
    assert clock.signed(paused.left(now=999)) == "+0:12"
    assert paused.apply(TimerAction.RESET, now=999) == Timer(120)


def test_a_running_timer_survives_a_new_setting_a_stopped_one_takes_it() -> None:
    running = Timer(180).start(now=0)
    assert clock.timer_for(running, 60, same_speech=False) is running
    assert clock.timer_for(Timer(180), 60, same_speech=True) == Timer(60)
    assert clock.timer_for(None, 60, same_speech=True) == Timer(60)


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_clock_never_shows_zero_while_time_is_left(seconds: float) -> None:
    shown = clock.clock(seconds)
    minutes, secs = shown.split(":")
    assert len(secs) == 2
    total = int(minutes) * 60 + int(secs)
    assert total >= seconds - 1e-6 and total < seconds + 1
    assert (total == 0) == (seconds <= 1e-9)


def test_clock_format() -> None:
    assert clock.clock(0) == "0:00"
    assert clock.clock(0.2) == "0:01"
    assert clock.clock(59.5) == "1:00"
    assert clock.clock(360) == "6:00"


@pytest.mark.parametrize(
    ("left", "shown"),
    [(90, "1:30"), (0.4, "0:01"), (0, "+0:00"), (-0.6, "+0:00"), (-12, "+0:12"), (-75.2, "+1:15")],
)
def test_overtime_reads_as_plus(left: float, shown: str) -> None:
    assert clock.signed(left) == shown


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("2:30", 150), ("0:02", 2), (" 4 ", 240), ("10:05", 605), ("60:00", 3600), ("1 : 05", 65)],
)
def test_lengths_read_as_minutes_and_seconds(typed: str, seconds: int) -> None:
    assert clock.parse_length(typed) == seconds


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("1:90", "seconds go up to 59"),
        ("0:00", "between 0:01 and 60:00"),
        ("61:00", "between 0:01 and 60:00"),
        ("2.5", "minutes:seconds"),
        ("", "minutes:seconds"),
        ("-1:00", "minutes:seconds"),
        ("1:2:3", "minutes:seconds"),
        ("x" * 500, "minutes:seconds"),
    ],
)
def test_lengths_that_do_not_read_say_why(typed: str, why: str) -> None:
    with pytest.raises(ValueError, match=why) as error:
        clock.parse_length(typed)
    assert len(str(error.value)) < 120  # a long paste is not echoed back whole


@given(st.integers(min_value=clock.MIN_LENGTH, max_value=clock.MAX_LENGTH))
def test_a_length_written_as_m_ss_reads_back(seconds: int) -> None:
    assert clock.parse_length(clock.clock(seconds)) == seconds


def test_the_face_holds_numbers_and_fixed_notes_only() -> None:
    timer = Timer(total=180).start(now=100)
    face = Face.of("Speech timer", timer, now=130, notes=[Note(0, 60, "Protected time.")], projector=True)
    data = face.data()
    assert data["total"] == 180 and data["used"] == 30 and data["running"] and data["projector"]
    assert face.shown == "2:30"
    assert data["notes"] == [
        (0, 60, "Protected time."),
        (150, 180, clock.WARN_NOTE),  # the last 30 seconds say so in words, not only in colour
        (180, None, clock.OVER_NOTE),
    ]


def test_a_prep_face_stops_at_zero_and_a_short_one_has_no_warning() -> None:
    face = Face("Prep time", total=20, used=25, running=True, overtime=False, warn=0)
    assert face.shown == "0:00"
    assert face.data()["notes"] == [(20, None, clock.OUT_NOTE)]
