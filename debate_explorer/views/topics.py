"""Topics page: a card per topic, one search over every topic, and a card for each file that failed."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from debate_explorer.config import content_dir
from debate_explorer.escape import shorten
from debate_explorer.model import Side
from debate_explorer.pages import page
from debate_explorer.search import group, search
from debate_explorer.views import render
from debate_explorer.views.classroom_student import join_box
from debate_explorer.views.library import library
from debate_explorer.views.render import md

MAX_ERRORS_PER_FILE = 5
QUESTION_CHARS = 90
"""A search hit's question is cut to this many characters: the matching field comes first."""

lib = library()
st.title("Debate Explorer")
st.markdown(
    "The strongest supporter and critic positions on contested questions, section by section, "
    "side by side, each claim tied to sources you can open."
)

join_box()

query = st.text_input(
    "Search every claim, reasoning, evidence, rebuttal and source title",
    key="search",
    placeholder="Type words to find; every word must match",
    max_chars=200,
)
if query.strip():
    hits, total = search([t.topic for t in lib.topics], query)
    if not hits:
        st.info("Nothing matches every word of that search.")
    else:
        groups = group(hits)
        more = f" (showing the first {len(hits)})" if total > len(hits) else ""
        in_questions = f"{len(groups)} question{'s' if len(groups) != 1 else ''}"
        st.caption(f"{total} match{'es' if total != 1 else ''} in {in_questions}{more}")
        many = len(lib.topics) > 1
        for found in groups:
            hit = found.first
            field = md(hit.field)
            st.page_link(
                page("compare").script,
                label=f"**{field}**: {render.highlighted(hit.snippet(query), query)}",
                icon=":material/search:",
                query_params={"topic": hit.topic_id, "section": hit.section_id, "pair": hit.pair_id},
            )
            where = f"{md(hit.topic_title)} · " if many else ""
            also = [name for name in dict.fromkeys(found.fields) if name != hit.field]
            st.caption(
                f"In: {where}{md(shorten(hit.pair_question, QUESTION_CHARS))}"
                + (f" · also in: {md(', '.join(also))}" if also else "")
            )
    st.divider()

for error in lib.errors:
    with st.container(border=True):
        st.error(f"**Could not load** {md(error.file)}", icon=":material/error:")
        problems = error.all()
        lines = [
            f"- line {problem.line if problem.line is not None else '?'}"
            + (f", at {md(problem.path)}" if problem.path else "")
            + f": {md(problem.message)}"
            for problem in problems[:MAX_ERRORS_PER_FILE]
        ]
        if len(problems) > MAX_ERRORS_PER_FILE:
            lines.append(f"- … and {len(problems) - MAX_ERRORS_PER_FILE} more")
        st.markdown("\n".join(lines))
        st.caption("The other topics keep working. `debate-explorer check` shows every problem.")

if not lib.topics and not lib.errors:
    st.info(f"No topic files in {md(content_dir())} yet.")

columns = st.columns(2) if len(lib.topics) > 1 else [st.container()]
for index, loaded in enumerate(lib.topics):
    topic = loaded.topic
    pairs = sum(len(section.pairs) for section in topic.sections)
    changed = datetime.fromtimestamp(loaded.mtime_ns / 1e9, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    with columns[index % len(columns)], st.container(border=True):
        sides = " vs ".join(
            f"{render.side_badge(topic, side)} {md(topic.sides.info(side).who)}" for side in Side
        )
        st.markdown(
            f"### {md(topic.title)}\n\n**{md(topic.question)}**\n\n{md(topic.summary)}\n\n"
            f"{sides}\n\n"
            f"{len(topic.sections)} sections · {pairs} pairs · "
            f"{len(topic.sources)} sources · last change {changed}"
        )
        render.page_link("compare", "Compare the positions", topic=topic.id)
