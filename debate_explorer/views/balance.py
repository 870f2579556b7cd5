"""Balance page: how much each side says and cites, per section, and what the checks found."""

from __future__ import annotations

import importlib

import streamlit as st

from debate_explorer import chart_text, charts, labels
from debate_explorer.model import Side
from debate_explorer.views import a11y, render, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title(f"Balance · {md(topic.title)}")
words = {side: topic.words(side) for side in Side}
st.markdown(
    " · ".join(f"{render.side_badge(topic, side)} {words[side]:,} words" for side in Side)
    + " · the Map shows where a section or pair leans"
)

tab_words, tab_sources, tab_kinds = st.tabs(["Words", "Sources", labels.SOURCE_TYPES])
with tab_words:
    st.plotly_chart(charts.words_butterfly(topic), config={"displayModeBar": False})
    a11y.text_alternative(chart_text.words_table(topic))
with tab_sources:
    st.plotly_chart(charts.sources_per_side(topic), config={"displayModeBar": False})
    a11y.text_alternative(chart_text.sources_table(topic))
with tab_kinds:
    st.plotly_chart(charts.source_kinds(topic), config={"displayModeBar": False})
    a11y.text_alternative(chart_text.kinds_table(topic))


def findings() -> None:
    """The checks' findings as a table; checks.py is imported lazily so the page works without it."""
    try:
        checks = importlib.import_module("debate_explorer.checks")
    except ImportError:
        st.info("The checks module is not available in this installation.")
        return
    found = checks.check_topic(place.loaded)
    if not found:
        st.success("No problems found: the content checks have nothing to report for this topic.")
        return
    st.dataframe(
        [
            {
                "severity": str(f.severity),
                "code": f.code,
                "line": f.line,
                "where": f.path,
                "message": f.message,
            }
            for f in found
        ],
        hide_index=True,
    )


st.header(labels.CHECK_FINDINGS, help=labels.CHECK_FINDINGS_HELP)
render.guarded(findings, "the results of the content checks")
