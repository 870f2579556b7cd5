"""The teacher's side of a class debate: start one, then the dashboard (phases, counts, results, work)."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from debate_explorer.classroom import ClassroomService, Dashboard, Outcome, Phase, SideMode, TeacherKey
from debate_explorer.classroom.report import choice_labels, results_html, winner_sentence
from debate_explorer.classroom.rules import MAX_TEAMS_PER_SIDE, PHASE_TITLES, Choice
from debate_explorer.model import Topic
from debate_explorer.routing import shown
from debate_explorer.views import render, rounds_ballot
from debate_explorer.views.classroom_common import (
    class_link,
    digest,
    guarded,
    pair_questions,
    qr_png,
    query,
    topic_of,
)
from debate_explorer.views.library import library

REFRESH_SECONDS = 3
SIDE_MODES = {
    SideMode.RANDOM: "Assign at random, balanced",
    SideMode.CHOOSE: "Students choose",
    SideMode.NONE: "No sides",
}


def start_form(service: ClassroomService) -> None:
    """Start a class debate on a topic (optionally one section) with the class's options."""
    topics = [t.topic for t in library().topics]
    if not topics:
        st.info("There are no topics to debate yet: add topic files first.")
        return
    titles = {t.id: t.title for t in topics}
    wanted = query("topic") or st.session_state.get("topic")
    if wanted is not None and wanted not in titles:
        st.info(f"There is no topic “{shown(wanted)}” here; pick one below.", icon=":material/link_off:")
    if wanted in titles and "class.topic" not in st.session_state:
        st.session_state["class.topic"] = wanted  # "Debate this in class" from a topic opens on that topic
    topic_id = st.selectbox("Topic", list(titles), format_func=lambda i: titles[i], key="class.topic")
    topic = next(t for t in topics if t.id == topic_id)
    st.markdown(f"**{render.md(topic.title)}**: {render.md(topic.question)}")
    sections = {"": "All sections", **{s.id: s.title for s in topic.sections}}
    section_id = st.selectbox(
        "Section",
        list(sections),
        format_func=lambda i: sections[i],
        key="class.section",
        help="Pick one section for a short lesson, or debate the whole topic.",
    )
    with st.form("class.start"):
        mode = st.radio(
            "Sides", list(SIDE_MODES), format_func=lambda m: SIDE_MODES[m], key="class.mode", horizontal=True
        )
        teams = st.number_input("Teams per side", 1, MAX_TEAMS_PER_SIDE, 1, key="class.teams")
        blind = st.checkbox(
            "Students read in blind mode (sides hidden until they reveal them)", key="class.blind"
        )
        show = st.checkbox("Show the class results to students", value=True, key="class.show")
        nick = st.checkbox("Let students type their own nickname", key="class.nick")
        started = st.form_submit_button("Start the class debate", type="primary")
    if not started:
        return
    with guarded():
        info, secret = service.create_class(
            topic_id,
            section_id or None,
            title=titles[topic_id],
            side_mode=mode,
            blind=blind,
            show_results=show,
            allow_nicknames=nick,
            teams_per_side=int(teams),
        )
    st.session_state["class.created"] = info.code
    st.query_params.from_dict({"class": info.code, "teacher": secret})
    st.rerun()


def teacher_key(service: ClassroomService, code: str, secret: str) -> TeacherKey:
    """Check the teacher secret once per session (scrypt is deliberately slow), then reuse the key."""
    memo = st.session_state.get("class.teacher_key")
    if isinstance(memo, tuple) and memo[0] == (code.upper(), digest(secret)):
        return memo[1]
    with guarded():
        key = service.teacher(code, secret)
    st.session_state["class.teacher_key"] = ((code.upper(), digest(secret)), key)
    return key


def dashboard(service: ClassroomService, key: TeacherKey, secret: str) -> None:
    with guarded():
        board = service.dashboard(key)
    info = board.info
    topic = topic_of(info.topic_id)
    section = topic.section(info.section_id) if topic and info.section_id else None
    st.title("Class debate: teacher's dashboard")
    what = render.md(topic.title if topic else info.topic_id) + (
        f" · {render.md(section.title)}" if section else ""
    )
    st.markdown(f"**{what}**")
    join = class_link(**{"class": info.code})
    if st.session_state.pop("class.created", None) == info.code:
        st.warning(
            "**Save your private teacher link now.** It opens this dashboard and is shown only this once: "
            "bookmark this page or copy the link below. Do not share it with students.",
            icon=":material/key:",
        )
        st.code(class_link(**{"class": info.code, "teacher": secret}), language=None)
    left, right = st.columns([2, 1])
    with left:
        st.markdown(f"Join code: **{info.code}**")
        st.markdown(
            f"Students open {render.link(render.md(join), join)} or type the code on the Topics page."
        )
    with right, st.expander("QR code to project"):
        st.image(qr_png(join), caption=f"Join class {info.code}", width=240)

    phase_controls(service, key, info.phase)
    live(service, key)
    if topic is not None:
        render.page_link(
            "compare",
            "Open the reading on Compare",
            topic=topic.id,
            **({"section": section.id} if section else {}),
        )
    work(service, key, board, topic)
    rounds_ballot.class_ballots(service, key)


def phase_controls(service: ClassroomService, key: TeacherKey, current: Phase) -> None:
    st.header("Phase")
    st.caption("Students' screens follow the phase you choose.")
    columns = st.columns(len(Phase))
    for column, phase in zip(columns, Phase, strict=True):
        label = ("● " if phase is current else "") + PHASE_TITLES[phase]
        locked = phase is current or current is Phase.CLOSED
        kind: Literal["primary", "secondary"] = "primary" if phase is current.next else "secondary"
        if column.button(
            label, key=f"class.phase.{phase.value}", disabled=locked, type=kind, width="stretch"
        ):
            with guarded():
                service.set_phase(key, phase)
            st.rerun()


@st.fragment(run_every=REFRESH_SECONDS)
def live(service: ClassroomService, key: TeacherKey) -> None:
    """Counts and results, refreshed on their own every few seconds without rerunning the page.

    Reads the summary only (aggregate queries): the refresh costs the same for 30 students as for 300.
    """
    with guarded():
        board = service.summary(key)
    topic = topic_of(board.info.topic_id)
    joined, before, after = st.columns(3)
    joined.metric("Joined", board.joined)
    before.metric("Voted before", board.voted_before)
    after.metric("Voted after", board.voted_after)
    results(board.outcome, topic, board.moved_most)


def results(outcome: Outcome, topic: Topic | None, moved_most: dict[str, int] | None = None) -> None:
    """The vote before and after as a chart and a table, the Open-to-Debate verdict, and what moved people."""
    from debate_explorer import chart_text, charts

    labels = choice_labels(topic)
    st.header("Results")
    st.markdown(render.md(winner_sentence(outcome, labels)))
    if outcome.before.total or outcome.after.total:
        st.plotly_chart(charts.class_vote(outcome, labels), width="stretch", key=None)
        st.markdown(render.md(chart_text.vote_table(outcome, labels).summary))  # counts: the table below
    rows = [
        {
            "Vote": labels[c],
            "Before": outcome.before.counts[c],
            "Before %": round(outcome.before.share(c)),
            "After": outcome.after.counts[c],
            "After %": round(outcome.after.share(c)),
        }
        for c in Choice
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    st.caption(
        f"{outcome.changed_vote} of the {outcome.both_polls} students who voted twice changed their vote; "
        f"{outcome.switched_sides} moved from one side to the other. The side whose share grew most wins "
        "(the Open to Debate rule)."
    )
    if moved_most:
        questions = pair_questions(topic)
        st.dataframe(
            [
                {"Pair that moved students most": questions.get(p, p), "Students": n}
                for p, n in moved_most.items()
            ],
            hide_index=True,
            width="stretch",
        )


def work(service: ClassroomService, key: TeacherKey, board: Dashboard, topic: Topic | None) -> None:
    st.header("Teams")
    if board.teams:
        st.dataframe(
            [
                {"Team": team or "No side", "Students": ", ".join(names), "Size": len(names)}
                for team, names in board.teams.items()
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No students have joined yet.")
    st.header("Rebuttals handed in")
    questions = pair_questions(topic)
    if board.submissions:
        st.dataframe(
            [
                {
                    "Student": s.student,
                    "Team": s.team,
                    "Pair": questions.get(s.pair_id, s.pair_id),
                    "Side": s.side,
                    "Rebuttal": s.text,
                }
                for s in board.submissions
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No rebuttals yet.")
    code = board.info.code
    with guarded():
        votes_csv, subs_csv = service.votes_csv(key), service.submissions_csv(key)
    a, b, c = st.columns(3)
    a.download_button("Votes (CSV)", votes_csv, f"class-{code}-votes.csv", "text/csv", key="class.votes_csv")
    b.download_button(
        "Rebuttals (CSV)", subs_csv, f"class-{code}-rebuttals.csv", "text/csv", key="class.subs_csv"
    )
    c.download_button(
        "Printable results (HTML)",
        results_html(board, topic, questions),
        f"class-{code}-results.html",
        "text/html",
        key="class.results_html",
    )
    st.header("End of the lesson")
    left, right = st.columns(2)
    if left.button("Close the class", key="class.close", disabled=board.info.phase is Phase.CLOSED):
        with guarded():
            service.close(key)
        st.rerun()
    sure = right.checkbox("I want to delete this class and all its votes and rebuttals", key="class.sure")
    if right.button("Delete the class's data", key="class.delete", disabled=not sure):
        with guarded():
            service.delete(key)
        st.session_state.pop("class.teacher_key", None)
        st.query_params.clear()
        st.session_state["class.deleted"] = code
        st.rerun()
