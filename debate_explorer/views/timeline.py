"""Timeline page: the topic's dated events on a plotly timeline, with each event's sources listed below."""

from __future__ import annotations

import streamlit as st

from debate_explorer import chart_text, charts
from debate_explorer.views import a11y, render, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title(f"Timeline · {md(topic.title)}")

if not topic.timeline:
    st.info("This topic has no dated events yet.")
    st.stop()

st.plotly_chart(charts.timeline(topic), config={"displayModeBar": False})
a11y.text_alternative(chart_text.timeline_table(topic))
st.header("Events and their sources")
lines = []
for event in sorted(topic.timeline, key=lambda e: chart_text.date_value(e.date)):
    links = render.number_links(topic, event.sources)
    lines.append(f"- **{md(event.date)}** {md(event.event)} {links}".rstrip())
st.markdown("\n".join(lines))
