"""Topics page: a card per topic (paged: ``paging.TOPIC_CARDS_PER_PAGE``), one search over every topic,
and a card for each file that failed."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from debate_explorer import labels
from debate_explorer.config import content_dir
from debate_explorer.content_date import last_changed
from debate_explorer.escape import shorten
from debate_explorer.model import Side, Topic
from debate_explorer.pages import page
from debate_explorer.paging import TOPIC_CARDS_PER_PAGE
from debate_explorer.search import group, search
from debate_explorer.views import render
from debate_explorer.views.classroom_student import join_box
from debate_explorer.views.library import library, public_folder
from debate_explorer.views.render import md

MAX_ERRORS_PER_FILE = 5
MAX_MORE_NAMES = 200
"""Error cards beyond the first page are named in one line, up to this many names."""
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

for error in lib.errors[:TOPIC_CARDS_PER_PAGE]:
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

rest = lib.errors[TOPIC_CARDS_PER_PAGE:]
if rest:
    # One element for the rest, not a card each: a folder of thousands of broken files stays one page.
    names = ", ".join(md(error.file) for error in rest[:MAX_MORE_NAMES])
    more = f" and {len(rest) - MAX_MORE_NAMES} more" if len(rest) > MAX_MORE_NAMES else ""
    st.warning(
        f"{len(rest)} more files could not be loaded: {names}{more}. "
        "`debate-explorer check` shows every problem."
    )

if not lib.topics and not lib.errors:
    st.info(f"No topic files in the content folder {md(public_folder(content_dir()))} yet.")


@st.cache_data(max_entries=256, show_spinner=False)
def changed_on(_topic: Topic, file: str, mtime_ns: int) -> tuple[str, str] | None:
    """The content's own date (``updated``, else git), once per file version; never the file's mtime."""
    return last_changed(_topic, Path(file))


def open_compare(topic_id: str) -> None:
    st.switch_page(str(page("compare").path), query_params={"topic": topic_id})


cards = render.paged(lib.topics, TOPIC_CARDS_PER_PAGE, key="topic_page", what="topics")
columns = st.columns(2) if len(cards.items) > 1 else [st.container()]
for index, loaded in enumerate(cards.items):
    topic = loaded.topic
    pairs = sum(len(section.pairs) for section in topic.sections)
    changed = changed_on(topic, loaded.file, loaded.mtime_ns)
    with columns[index % len(columns)], st.container(border=True):
        sides = " vs ".join(
            f"{render.side_badge(topic, side)} {md(topic.sides.info(side).who)}" for side in Side
        )
        counts = [
            labels.plural(len(topic.sections), "section"),
            labels.plural(pairs, "question"),
            labels.plural(len(topic.sources), "source"),
        ]
        if changed is not None:
            counts.append(f"last changed {changed[0]}")
        st.markdown(
            f"## {md(topic.title)}\n\n**{md(topic.question)}**\n\n{md(topic.summary)}\n\n"
            f"{sides}\n\n" + " · ".join(counts)
        )
        if st.button(
            "Compare the positions",
            key=f"open.{topic.id}",
            type="primary",
            icon=":material/compare_arrows:",
            help="Both sides' claims on each question, side by side, with their sources",
        ):
            open_compare(topic.id)
        st.caption("Then practise on the Practice page: a rebuttal drill, a which-side quiz and handouts.")
        render.page_link("practice", ":material/school: Practise this topic", topic=topic.id)
