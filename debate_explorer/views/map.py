"""Map page: a sunburst of the topic's sections and pairs, sized by words, coloured by the wordier side."""

from __future__ import annotations

import streamlit as st

from debate_explorer import charts
from debate_explorer.model import Side
from debate_explorer.views import render, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title(f"Map · {md(topic.title)}")
st.markdown(
    f"Each ring is a level: topic, sections, pairs. Size is the number of words; colour is the side "
    f"with more words ({render.side_badge(topic, Side.SUPPORTER)} or "
    f"{render.side_badge(topic, Side.CRITIC)}; "
    f"grey when even). Click a section to zoom in."
)
st.plotly_chart(charts.sunburst(topic), config={"displayModeBar": False})
