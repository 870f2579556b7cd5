"""Accessibility glue for the pages: the app's CSS (``a11y.css``, injected once per rerun by views/app.py)
and the text alternative shown next to every chart (a table and a sentence from ``chart_text``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

from debate_explorer.chart_text import Table
from debate_explorer.escape import streamlit_md

CSS = Path(__file__).with_name("a11y.css")


@cache
def _css() -> str:
    return CSS.read_text(encoding="utf-8")


def inject_css() -> None:
    """The app's own CSS (a package file, never content); st.html keeps a style-only block out of flow."""
    st.html(f"<style>{_css()}</style>")


def table_markdown(table: Table) -> str:
    """A chart's table as a Markdown table (a real ``<table>`` for screen readers); every cell escaped."""
    header = "| " + " | ".join(streamlit_md(c) for c in table.columns) + " |"
    rule = "| " + " | ".join("---:" if isinstance(v, int) else "---" for v in _first(table)) + " |"
    rows = ["| " + " | ".join(streamlit_md(cell) or " " for cell in row) + " |" for row in table.rows]
    return "\n".join([header, rule, *rows])


def _first(table: Table) -> tuple[object, ...]:
    return table.rows[0] if table.rows else tuple("" for _ in table.columns)


def text_alternative(table: Table, *, open_table: bool = False) -> None:
    """The chart's summary sentence, then its numbers as a table in an expander a screen reader reaches."""
    st.markdown(f"**{streamlit_md(table.title)}.** {streamlit_md(table.summary)}")
    with st.expander(f"{streamlit_md(table.title)}: the numbers as a table", expanded=open_table):
        if table.rows:
            st.markdown(table_markdown(table))
        else:
            st.markdown("Nothing to show yet.")
