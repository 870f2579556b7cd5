"""Practice: the handouts and "my work" tab (exports of the topic, the student's work as Markdown)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import streamlit as st

from debate_explorer import teaching
from debate_explorer.exports import FORMATS, Download, download
from debate_explorer.model import Topic
from debate_explorer.routing import Place
from debate_explorer.teaching import Draft
from debate_explorer.views.library import library
from debate_explorer.views.practice_keys import ANY, DRAFTS, NAME, QUIZ, ROUNDS, TICKS

ICONS = {
    "markdown": ":material/description:",
    "html": ":material/print:",
    "sheet": ":material/view_agenda:",
    "worksheet": ":material/edit_document:",
    "json": ":material/data_object:",
    "kialo": ":material/forum:",
}
"""Download button icons by export format; formats not listed get an argument-map icon."""
PER_ROW = 3  # download buttons per row


@st.cache_data(max_entries=64, show_spinner=False)
def handout(_topic: Topic, file: str, mtime_ns: int, fmt: str, section_id: str | None) -> Download:
    """An export, built once per topic file version and format (from ``exports.FORMATS``)."""
    return download(_topic, fmt, section_id)


def handouts_tab(place: Place) -> None:
    topic = place.topic
    st.markdown("## Handouts")
    sections = {s.id: s.title for s in topic.sections}
    scope = st.selectbox(
        "Covers",
        [ANY, *sections],
        key="practice.handout_scope",
        format_func=lambda sid: "The whole topic" if sid == ANY else sections[sid],
    )
    chosen = scope or None
    st.caption(
        "Each file covers the choice above; hover a button to see what it is for. For a class: the claims "
        "sheet (one or two pages a section) and the worksheet (blank lines, no answers printed)."
    )
    names = list(FORMATS)
    for start in range(0, len(names), PER_ROW):
        for column, fmt in zip(st.columns(PER_ROW), names[start : start + PER_ROW], strict=False):
            info = FORMATS[fmt]
            whole_only = chosen is not None and not info.accepts_section
            section = None if whole_only else chosen
            column.download_button(
                info.label,
                **asdict(handout(topic, place.loaded.file, place.loaded.mtime_ns, fmt, section)),
                key=f"practice.download.{fmt}",
                help=info.description + (" (Whole topic only.)" if whole_only else ""),
                icon=ICONS.get(fmt, ":material/account_tree:"),
                on_click="ignore",
                use_container_width=True,
            )

    st.markdown("## My work")
    drafts: dict[str, Draft] = st.session_state.get(DRAFTS, {})
    written = [d for d in drafts.values() if d.text.strip()]
    rounds = [r for r in [*st.session_state.get(ROUNDS, []), st.session_state.get(QUIZ)] if r and r.answers]
    st.caption(
        f"{len(written)} rebuttal draft{'s' if len(written) != 1 else ''} and "
        f"{sum(len(r.answers) for r in rounds)} quiz answers in this session. They stay while you visit "
        "other pages, and are gone when you close the tab: download them to keep them."
    )
    name = st.text_input(
        "Your name (optional)",
        key=NAME,
        max_chars=teaching.MAX_NAME,
        placeholder="e.g. Sam P.",
        help="Goes at the top of the file and into its name, so a teacher can tell whose work it is.",
    )
    topics = {t.topic.id: t.topic for t in library().topics}
    now = datetime.now(UTC)
    st.download_button(
        "Download my work (Markdown)",
        data=teaching.drafts_markdown(
            written, topics, rounds, now=now, name=name, ticks=st.session_state.get(TICKS, {})
        ),
        file_name=teaching.work_file_name(name, now),
        mime="text/markdown",
        key="practice.download.work",
        icon=":material/download:",
        on_click="ignore",
        disabled=not (written or rounds),
    )
