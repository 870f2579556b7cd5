"""The Rounds page's ballot tab: winner or ranks, an editable rubric, points per team, a reason; printable."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from debate_explorer.classroom import ClassroomService, TeacherKey
from debate_explorer.model import Topic
from debate_explorer.rounds import ballot as ballots
from debate_explorer.rounds.ballot import DEFAULT_RUBRIC, Ballot, Criterion
from debate_explorer.rounds.formats import Format, shipped_formats
from debate_explorer.rounds.state import RoundState
from debate_explorer.views.render import md


def ballot_tab(state: RoundState, fmt: Format, topic: Topic) -> None:
    key = f"rounds.ballot.{fmt.id}"
    judge = st.text_input("Judge", key=f"{key}.judge", max_chars=120)
    names = {team.id: team.name for team in fmt.teams}
    winner = ""
    ranks: dict[str, int] = {}
    if fmt.results == "ranks":
        st.caption(f"Rank the teams 1 (best) to {len(fmt.teams)}.")
        columns = st.columns(len(fmt.teams))
        places = list(range(1, len(fmt.teams) + 1))
        for n, (column, team) in enumerate(zip(columns, fmt.teams, strict=True)):
            ranks[team.id] = int(
                column.selectbox(team.name, places, index=n, key=f"{key}.rank.{team.id}") or 1
            )
    else:
        winner = (
            st.radio("Winner", list(names), format_func=names.__getitem__, key=f"{key}.winner", index=None)
            or ""
        )
    with st.expander("Rubric (criteria and their points)", icon=":material/tune:"):
        rubric_frame: dict[str, list[object]] = st.data_editor(
            {"name": [c.name for c in DEFAULT_RUBRIC], "max_points": [c.max_points for c in DEFAULT_RUBRIC]},
            key=f"{key}.rubric",
            num_rows="dynamic",
            hide_index=True,
        )
    rubric = [
        Criterion(name=str(name), max_points=int(str(points)))
        for name, points in zip(rubric_frame["name"], rubric_frame["max_points"], strict=False)
        if str(name or "").strip() and points
    ]
    st.caption("Points per team for each criterion.")
    scores_frame: dict[str, list[object]] = st.data_editor(
        {"Team": [t.name for t in fmt.teams], **{c.name: [0] * len(fmt.teams) for c in rubric}},
        key=f"{key}.scores.{'|'.join(c.name for c in rubric)}",
        disabled=["Team"],
        hide_index=True,
    )
    scores = {
        team.id: {c.name: int(str(scores_frame[c.name][n] or 0)) for c in rubric}
        for n, team in enumerate(fmt.teams)
    }
    reason = st.text_area("Reason for decision", key=f"{key}.reason", max_chars=ballots.MAX_TEXT)
    try:
        ballot = Ballot(
            format_id=fmt.id,
            topic_id=topic.id,
            judge=judge,
            winner=winner,
            ranks=ranks,
            rubric=rubric,
            scores=scores,
            reason=reason,
        )
    except ValidationError as exc:
        st.warning(md(exc.errors()[0]["msg"].removeprefix("Value error, ")))
        return
    totals = " · ".join(f"{md(names[t])}: {ballot.total(t)}" for t in names)
    st.markdown(f"**Totals** · {totals}")
    for problem in ballot.check_for(fmt):
        st.caption(f"To finish the ballot: {md(problem)}.")
    save_to_class(ballot)
    st.download_button(
        "Ballot (printable HTML)",
        ballots.to_html(ballot, fmt, topic.title),
        f"{topic.id}-ballot.html",
        "text/html",
        key=f"{key}.download",
        on_click="ignore",
        icon=":material/print:",
    )


TEACHER_KEY = "class.teacher_key"
"""Where the Classroom page keeps the teacher's key for this session: ((code, digest), TeacherKey)."""


def save_to_class(ballot: Ballot) -> None:
    """With a class's teacher dashboard open in this session, the ballot can be stored with the class."""
    memo = st.session_state.get(TEACHER_KEY)
    if not memo:
        st.caption("Open your class's teacher dashboard in this browser to store ballots with the class.")
        return
    (code, _), key = memo
    if st.button(f"Save the ballot to class {md(code)}", key="rounds.ballot.save", icon=":material/save:"):
        from debate_explorer.classroom import ClassroomError
        from debate_explorer.views.classroom_common import service_or_stop

        try:
            service_or_stop().submit_ballot(key, ballot)
        except ClassroomError as exc:
            st.warning(md(exc))
        else:
            st.success(f"Saved to class {md(code)}; the teacher's dashboard lists it.")


def class_ballots(service: ClassroomService, key: TeacherKey) -> None:
    """The teacher dashboard's list of the class's ballots (stored from the Rounds page)."""
    st.subheader("Ballots")
    stored = service.ballots(key)
    if not stored:
        st.caption("No ballots yet: judge a round on the Rounds page and save its ballot to this class.")
        return
    formats = shipped_formats()
    rows = []
    for ballot in stored:
        fmt = formats.get(ballot.format_id)
        names = {t.id: t.name for t in fmt.teams} if fmt else {}
        if ballot.ranks:
            result = ", ".join(names.get(t, t) for t, _ in sorted(ballot.ranks.items(), key=lambda i: i[1]))
        else:
            result = names.get(ballot.winner, ballot.winner)
        totals = ", ".join(f"{names.get(t, t)} {ballot.total(t)}" for t in ballot.scores)
        rows.append(
            {
                "Format": fmt.name if fmt else ballot.format_id,
                "Judge": ballot.judge,
                "Winner / ranks": result,
                "Rubric totals": totals,
                "Reason for decision": ballot.reason,
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")
