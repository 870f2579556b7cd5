"""Sources page: every source with its link, metadata and the sides that cite it; filter by kind and side."""

from __future__ import annotations

import streamlit as st

from debate_explorer import labels as words
from debate_explorer.links import safe_url
from debate_explorer.model import Side
from debate_explorer.paging import SOURCE_ROWS_PER_PAGE
from debate_explorer.source_table import filter_rows, source_rows
from debate_explorer.views import render, routing
from debate_explorer.views.render import md

place = routing.place_or_stop(want_section=False)
routing.sync_url(place, with_section=False)
topic = place.topic
st.title(f"Sources · {md(topic.title)}")

rows = source_rows(topic)
kinds = sorted({row.kind for row in rows})
labels = {side: topic.sides.label(side) for side in Side}
left, right = st.columns(2)
chosen_kinds = left.multiselect(
    words.SOURCE_TYPE, kinds, key="source_kinds", format_func=words.source_kind, placeholder="All types"
)
chosen_sides = right.multiselect(
    "Cited by", list(Side), key="source_sides", format_func=labels.__getitem__, placeholder="Either side"
)
shown = filter_rows(rows, chosen_kinds, chosen_sides)
st.caption(f"{len(shown)} of {len(rows)} sources. The number is the one shown next to claims on Compare.")
page = render.paged(shown, SOURCE_ROWS_PER_PAGE, key="source_page", what="sources")
st.dataframe(
    [
        {
            "No.": row.number,
            "Title": row.title,
            "Link": safe_url(row.url),
            "Publisher": row.publisher,
            "Date": row.published,
            words.SOURCE_TYPE: words.source_kind(row.kind),
            "Footnote": row.footnote,
            "Cited by": ", ".join(labels[side] for side in row.sides) or "not cited",
        }
        for row in page.items
    ],
    hide_index=True,
    column_config={
        "No.": st.column_config.NumberColumn(width="small"),
        "Link": st.column_config.LinkColumn("Link", display_text="open ↗"),
        "Footnote": st.column_config.NumberColumn("Footnote", help="The source document's footnote number"),
    },
)
