"""Map page: a sunburst of the topic's sections and pairs, sized by words, coloured by the balance ratio.

The colours, the legend in words and the table alternative all read ``chart_text.lean``; every section and
pair links to its place on the Compare page (plotly's sunburst clicks zoom and send no selection events).
"""

from __future__ import annotations

import streamlit as st

from debate_explorer import chart_text, charts
from debate_explorer.views import a11y, render, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title(f"Map · {md(topic.title)}")
st.markdown(
    "Each ring is a level: topic, sections, pairs. Size is the number of words; colour says how far a "
    "section or pair leans to one side. Click a section to zoom in; the links below open a pair on Compare."
)
st.markdown(f"**Legend.** {md(chart_text.map_legend(topic))}")
st.plotly_chart(charts.sunburst(topic), config={"displayModeBar": False})
a11y.text_alternative(chart_text.map_table(topic))

st.header("Open a section or pair on Compare")
for row in chart_text.map_rows(topic):
    level = "Section" if row.pair_id is None else "Pair"
    where = {"topic": topic.id, "section": row.section_id} | ({"pair": row.pair_id} if row.pair_id else {})
    render.page_link("compare", f"{level}: {md(row.label)} — {md(row.lean.reading(topic))}", **where)
