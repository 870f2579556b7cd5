"""Practice page: rebuttal drill, which-side quiz, speech timer, handouts and the student's own work.

One module per tool (``practice_drill``, ``practice_quiz``, ``practice_timer``, ``practice_handouts``);
their rules live in :mod:`debate_explorer.teaching`, tested without Streamlit. Content text goes through
``render.md`` and only http(s) URLs become links.

A link ``?topic=&section=&pair=&side=`` (``routing.drill_params``; Compare's "Practise this pair") opens
the drill on that pair and side once; the address bar then keeps only the topic, so later reruns and
"Switch sides" are not undone by the link.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer import routing as links
from debate_explorer.views import practice_drill, practice_handouts, practice_quiz, practice_timer, routing
from debate_explorer.views.render import md

TABS = (
    ":material/edit_note: Drill",
    ":material/quiz: Quiz",
    ":material/timer: Timer",
    ":material/download: Handouts",
)
"""Short labels: the tab row must fit a 390 px phone (each tool explains itself inside its tab)."""

place = routing.place_or_stop()
params = {key: st.query_params.get_all(key) for key in st.query_params}
if place.pair is not None and place.section is not None and links.param(params, "pair"):
    side, note = links.drill_side(params)
    for message in (note, practice_drill.open_pair(place.topic, place.section, place.pair, side)):
        if message:
            st.info(message, icon=":material/link_off:")
routing.sync_url(place, with_section=False)
topic = place.topic
st.title("Practice")
st.caption(f"{md(topic.title)} · {md(topic.question)}")
drill, quiz, timer, handouts = st.tabs(list(TABS))
with drill:
    practice_drill.drill_tab(topic)
with quiz:
    practice_quiz.quiz_tab(topic)
with timer:
    practice_timer.timer_tab()
with handouts:
    practice_handouts.handouts_tab(place)
