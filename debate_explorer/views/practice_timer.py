"""Practice: the speech timer tab (a countdown per speech format, lengths the teacher can change).

Counting, pausing and when a new setting replaces the timer are :mod:`debate_explorer.teaching` rules;
this module keeps the timer in the session and redraws the clock every second while it runs.
"""

from __future__ import annotations

import time

import streamlit as st

from debate_explorer import teaching
from debate_explorer.teaching import Timer, TimerAction
from debate_explorer.views.practice_keys import LENGTHS, SPEECH, TIMER


def lengths() -> dict[str, float]:
    saved: dict[str, float] = st.session_state.setdefault(LENGTHS, {})
    return {f.name: float(saved.get(f.name, f.minutes)) for f in teaching.SPEECH_FORMATS}


def timer_now() -> float:
    return time.monotonic()


def set_timer(action: TimerAction) -> None:
    timer: Timer = st.session_state[TIMER]
    st.session_state[TIMER] = timer.apply(action, timer_now())


def timer_tab() -> None:
    minutes = lengths()
    names = [f.name for f in teaching.SPEECH_FORMATS]
    speech = st.radio("Speech", names, key="practice.speech", horizontal=True, persist_state="session")
    speech = speech or names[0]
    notes = {f.name: f.note for f in teaching.SPEECH_FORMATS}
    st.caption(notes[speech])
    with st.expander("Speech lengths (minutes)", icon=":material/settings:"):
        columns = st.columns(len(names))
        for column, name in zip(columns, names, strict=True):
            widget = f"practice.length.{name}"
            if widget not in st.session_state:
                st.session_state[widget] = minutes[name]
            value = column.number_input(name, min_value=0.5, max_value=60.0, step=0.5, key=widget)
            st.session_state[LENGTHS][name] = float(value)
    total = st.session_state[LENGTHS][speech] * 60
    timer = teaching.timer_for(st.session_state.get(TIMER), total, st.session_state.get(SPEECH) == speech)
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

    @st.fragment(run_every=1.0 if timer.running else None)
    def clock() -> None:
        """Redrawn every second while running, without rerunning (or blocking) the rest of the page."""
        current: Timer = st.session_state[TIMER]
        now = timer_now()
        left = current.remaining(now)
        st.markdown(f"## {teaching.clock(left)}")
        st.progress(min(1.0, current.used(now) / current.total) if current.total else 1.0)
        if current.finished(now):
            st.error("Time! Finish your sentence.", icon=":material/alarm:")
            if current.running:
                st.session_state[TIMER] = current.pause(now)
                st.rerun(scope="app")  # stop the once-a-second refresh
        elif left <= 30 and current.used(now) > 0:
            st.warning("30 seconds left.", icon=":material/timer:")

    clock()
