"""Practice: the speech timer tab (a countdown per speech format, lengths typed as minutes and seconds).

Counting, pausing, overtime and reading ``m:ss`` are :mod:`debate_explorer.clock` rules; the seconds are
counted in the browser by views/clock.py, so a running timer reruns nothing on the server: the page runs
at start, pause and reset (its buttons) and once when the browser reports that the time ran out.
"""

from __future__ import annotations

import time

import streamlit as st

from debate_explorer import clock, teaching
from debate_explorer.clock import Face, Timer, TimerAction
from debate_explorer.views import clock as clock_view
from debate_explorer.views.practice_keys import LENGTHS, SPEECH, TIMER

PROJECTOR = "practice.projector"


def lengths() -> dict[str, int]:
    """Seconds per speech format: the student's setting, else the default."""
    saved: dict[str, int] = st.session_state.setdefault(LENGTHS, {})
    return {f.name: int(saved.get(f.name, f.seconds)) for f in teaching.SPEECH_FORMATS}


def timer_now() -> float:
    return time.monotonic()


def set_timer(action: TimerAction) -> None:
    timer: Timer = st.session_state[TIMER]
    st.session_state[TIMER] = timer.apply(action, timer_now())


def length_inputs(names: list[str]) -> None:
    """One ``m:ss`` box per speech; a length that does not read stays as it was, with a sentence why."""
    seconds = lengths()
    with st.expander("Speech lengths (minutes:seconds)", icon=":material/settings:"):
        problems = []
        for column, name in zip(st.columns(len(names)), names, strict=True):
            widget = f"practice.length.{name}"
            if widget not in st.session_state:
                st.session_state[widget] = clock.clock(seconds[name])
            typed = column.text_input(name, key=widget, max_chars=6, help="For example 2:30 or 0:45")
            try:
                st.session_state[LENGTHS][name] = clock.parse_length(typed or "")
            except ValueError as exc:
                problems.append(f"{name}: {exc}; still {clock.clock(seconds[name])}.")
        for problem in problems:
            st.warning(problem, icon=":material/edit:")


def timer_tab() -> None:
    names = [f.name for f in teaching.SPEECH_FORMATS]
    speech = st.radio("Speech", names, key="practice.speech", horizontal=True, persist_state="session")
    speech = speech or names[0]
    notes = {f.name: f.note for f in teaching.SPEECH_FORMATS}
    st.caption(notes[speech])
    length_inputs(names)
    total = lengths()[speech]
    timer = clock.timer_for(st.session_state.get(TIMER), total, st.session_state.get(SPEECH) == speech)
    st.session_state[TIMER] = timer
    st.session_state[SPEECH] = speech

    buttons = (
        (TimerAction.START, "Start", ":material/play_arrow:", timer.running),
        (TimerAction.PAUSE, "Pause", ":material/pause:", not timer.running),
        (TimerAction.RESET, "Reset", ":material/restart_alt:", False),
    )
    for column, (action, label, icon, disabled) in zip(st.columns(3), buttons, strict=True):
        column.button(
            label,
            key=f"practice.timer_{action.value}",
            on_click=set_timer,
            args=(action,),
            icon=icon,
            disabled=disabled,
            use_container_width=True,
        )
    projector = st.toggle(
        "Projector view", key=PROJECTOR, help="Large digits a class can read; Full screen fills the screen"
    )
    now = timer_now()
    clock_view.show(Face.of("Speech timer", timer, now, projector=projector), key="practice.clock")
    if timer.finished(now):
        st.error("Time! Finish your sentence.", icon=":material/alarm:")
