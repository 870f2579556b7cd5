"""Practice page: rebuttal drill, which-side quiz, speech timer, handouts and the student's own work.

One module per tool (``practice_drill``, ``practice_quiz``, ``practice_timer``, ``practice_handouts``);
their rules live in :mod:`debate_explorer.teaching`, tested without Streamlit. Content text goes through
``render.md`` and only http(s) URLs become links.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer.views import practice_drill, practice_handouts, practice_quiz, practice_timer, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title("Practice")
st.caption(f"{md(topic.title)} · {md(topic.question)}")
drill, quiz, timer, handouts = st.tabs(
    [
        ":material/edit_note: Rebuttal drill",
        ":material/quiz: Which side?",
        ":material/timer: Speech timer",
        ":material/download: Handouts & my work",
    ]
)
with drill:
    practice_drill.drill_tab(topic)
with quiz:
    practice_quiz.quiz_tab(topic)
with timer:
    practice_timer.timer_tab()
with handouts:
    practice_handouts.handouts_tab(place)
