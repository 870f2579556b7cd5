"""The Rounds page's parts: setup, speech order, clocks, and the flow / cards / ballot tabs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import streamlit as st

from debate_explorer.clock import Face, Note
from debate_explorer.model import Side, Topic
from debate_explorer.rounds import flow
from debate_explorer.rounds.cards import cards, cards_html
from debate_explorer.rounds.formats import Format, shipped_formats
from debate_explorer.rounds.state import NEAR_END_SECONDS, RoundError, RoundState, assign_sides
from debate_explorer.views import clock as clock_view
from debate_explorer.views import rounds_ballot, routing
from debate_explorer.views.render import md

STATE = "rounds.state"
WRITTEN = "rounds.url"
"""The ``?round=`` value this session last wrote: a different one arrived by a link or a refresh."""
SCALE_ENV = "DEBATE_EXPLORER_ROUND_SCALE"
"""Test-only: multiplies every length, so a browser test runs a whole round in seconds."""
RANDOM = "random"


def now() -> float:
    return time.time()  # wall time: the round in the URL must survive a reload in another process


def scale() -> float:
    try:
        value = float(os.environ.get(SCALE_ENV, "1"))
    except ValueError:
        return 1.0
    return value if 0 < value <= 1 else 1.0


def current_round(topic: Topic, formats: dict[str, Format]) -> RoundState | None:
    """The round from the session, or from ``?round=`` when a link or a refresh brought a new one."""
    value = st.query_params.get("round")
    state: RoundState | None = st.session_state.get(STATE)
    if value and value != st.session_state.get(WRITTEN):
        try:
            state = RoundState.decode(value, formats)
        except RoundError as exc:
            st.info(f"Ignored the round in the link: {md(exc)}.", icon=":material/link_off:")
            state = None
    if state is not None and state.topic_id != topic.id:
        state = None
    if state is not None and state.section_id is not None and topic.section(state.section_id) is None:
        state = None
    st.session_state[STATE] = state
    return state


def save(state: RoundState | None, topic: Topic) -> None:
    st.session_state[STATE] = state
    wanted = {"topic": topic.id}
    if state is not None:
        wanted["round"] = state.encode()
        st.session_state[WRITTEN] = wanted["round"]
    current = {key: st.query_params.get(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def setup(topic: Topic, formats: dict[str, Format]) -> None:
    """The start form: format, section, which topic side the proposition argues."""
    ids = list(formats)
    fmt_id = st.selectbox("Format", ids, format_func=lambda i: formats[i].name, key="rounds.format")
    sections = {"": "Every section", **{s.id: s.title for s in topic.sections}}
    section = st.selectbox("Section", list(sections), format_func=sections.__getitem__, key="rounds.section")
    labels = {side.value: topic.sides.label(side) for side in Side}
    choice = st.radio(
        "Proposition argues",
        [RANDOM, *labels],
        format_func=lambda v: "Toss a coin" if v == RANDOM else labels[v],
        horizontal=True,
        key="rounds.sides",
    )
    fmt = formats[fmt_id or ids[0]]
    st.caption(
        f"{md(fmt.name)}: {len(fmt.speeches)} speeches, {fmt.total_minutes:g} minutes of speaking"
        + (
            f", {fmt.prep_minutes:g} minutes of prep per team"
            if fmt.prep_minutes
            else ", no prep in the round"
        )
        + ". Figures and their rule pages: docs/formats.md."
    )

    def start() -> None:
        side = None if choice in (None, RANDOM) else Side(choice)
        state = RoundState(
            format_id=fmt.id,
            topic_id=topic.id,
            section_id=section or None,
            proposition=assign_sides(side),
            scale=scale(),
        )
        save(state, topic)

    st.button("Start the round", type="primary", on_click=start, icon=":material/play_arrow:")


def act(state: RoundState, fmt: Format, topic: Topic, action: Callable[[RoundState, float], None]) -> None:
    try:
        action(state, now())
    except RoundError as exc:
        st.session_state["rounds.error"] = str(exc)
    save(state, topic)


def bench_label(state: RoundState, fmt: Format, topic: Topic, team_id: str | None) -> str:
    team = fmt.team(team_id)
    if team is None:
        return "Both sides"
    side = state.side_of(team.bench)
    return f"{team.name} ({topic.sides.label(side)})" if side else team.name


def order(state: RoundState, fmt: Format, topic: Topic) -> None:
    lines = []
    for number, speech in enumerate(fmt.speeches):
        mark = "▶ " if number == state.index else ""
        who = bench_label(state, fmt, topic, speech.team)
        kind = " · cross-examination" if speech.cross_examination else ""
        text = f"{mark}{number + 1}. {speech.name}: {who}, {speech.minutes:g} min{kind}"
        lines.append(f"- **{md(text)}**" if number == state.index else f"- {md(text)}")
    st.markdown("\n".join(lines))


POI_OPEN = "Points of information may be offered."
POI_CLOSED = "Protected time: no points of information."
MINUTE_NOTE = "One minute left."
PROJECTOR = "rounds.projector"


def speech_face(state: RoundState, fmt: Format, moment: float, projector: bool) -> Face:
    """The speech clock as the browser counts it: signals and protected time as fixed notes."""
    length = state.length(fmt)
    notes = [Note(a, b, POI_OPEN if open_ else POI_CLOSED) for a, b, open_ in state.poi_marks(fmt)]
    minute, half = (mark * state.scale for mark in NEAR_END_SECONDS)
    if length > minute:
        notes.append(Note(length - minute, length - half, MINUTE_NOTE))
    status = "running" if state.running() else ("paused" if state.elapsed else "ready")
    return Face(
        f"Speech clock ({status})",
        length,
        state.used(moment),
        state.running(),
        warn=half,
        notes=notes,
        projector=projector,
    )


def clocks(state: RoundState, fmt: Format, topic: Topic) -> None:
    """The speech clock and prep clocks, counted in the browser (views/clock.py).

    The server draws them when something happens (a button, or the browser's ``ended`` when a clock runs
    out, which reruns the page once: a spent prep pool stops here and the buttons and the URL show it).
    """
    moment = now()
    prepping = state.prep_team
    state.tick(fmt, moment)
    if prepping is not None and state.prep_team is None:
        save(state, topic)
    speech = state.speech(fmt)
    projector = st.toggle(
        "Projector view", key=PROJECTOR, help="Large digits a class can read; Full screen fills the screen"
    )
    clock_view.show(speech_face(state, fmt, moment, projector), key="rounds.clock.speech")
    signal = state.signal(fmt, moment)
    if signal == "over":
        st.error("Time is up.", icon=":material/alarm:")
    if speech.cross_examination:
        st.caption("Cross-examination: questions and answers, no prep during it.")
    if fmt.prep_minutes:
        columns = st.columns(len(fmt.teams))
        for column, team in zip(columns, fmt.teams, strict=True):
            running = state.prep_team == team.id
            with column:
                st.markdown(f"**Prep {md(team.name)}{' (running)' if running else ''}**")
                pool = state.pool(fmt)
                face = Face(
                    "Prep time",
                    pool,
                    pool - state.prep_left(fmt, team.id, moment),
                    running,
                    overtime=False,
                    warn=0,
                )
                clock_view.show(face, key=f"rounds.clock.prep.{team.id}")


def show() -> None:
    place = routing.place_or_stop(want_section=False)
    topic = place.topic
    formats = shipped_formats()
    st.title("Debate round")
    st.caption(f"{md(topic.title)} · {md(topic.question)}")
    state = current_round(topic, formats)
    if state is None:
        save(None, topic)
        setup(topic, formats)
        return
    save(state, topic)
    fmt = formats[state.format_id]
    proposition = topic.sides.label(state.proposition)
    opposition = topic.sides.label(state.proposition.other)
    section = topic.section(state.section_id) if state.section_id else None
    st.markdown(
        f"**{md(fmt.name)}** · proposition: **{md(proposition)}** · opposition: **{md(opposition)}**"
        + (f" · section: {md(section.title)}" if section else "")
    )
    class_teams(state, topic)
    if error := st.session_state.pop("rounds.error", None):
        st.warning(md(error))
    clock_tab, flow_tab, cards_tab, ballot_tab = st.tabs(
        [
            ":material/timer: Round",
            ":material/table: Flow sheet",
            ":material/style: Cards",
            ":material/gavel: Ballot",
        ]
    )
    with clock_tab:
        round_tab(state, fmt, topic)
    with flow_tab:
        flow_sheet(state, fmt, topic)
    with cards_tab:
        card_files(state, topic)
    with ballot_tab:
        rounds_ballot.ballot_tab(state, fmt, topic)


def round_tab(state: RoundState, fmt: Format, topic: Topic) -> None:
    speech = state.speech(fmt)
    left, right = st.columns([3, 2])
    with left:
        st.subheader(f"Now: {md(speech.name)}")
        st.caption(f"{md(bench_label(state, fmt, topic, speech.team))} · {speech.minutes:g} minutes")
        if state.index + 1 < len(fmt.speeches):
            following = fmt.speeches[state.index + 1]
            st.caption(f"Next: {md(following.name)} ({md(bench_label(state, fmt, topic, following.team))})")
        else:
            st.caption("This is the last speech.")
        with st.container():  # one block: a message appearing in it never shifts the buttons below
            clocks(state, fmt, topic)
        buttons = st.columns(5)
        if state.running():
            buttons[0].button(
                "Pause", key="rounds.pause", icon=":material/pause:", on_click=act,
                args=(state, fmt, topic, lambda s, t: s.pause(t)),
            )  # fmt: skip
        else:
            buttons[0].button(
                "Resume" if state.elapsed else "Start", key="rounds.start", icon=":material/play_arrow:",
                type="primary", on_click=act, args=(state, fmt, topic, lambda s, t: s.start(fmt, t)),
            )  # fmt: skip
        buttons[1].button(
            "Reset", key="rounds.reset", icon=":material/restart_alt:", on_click=act,
            args=(state, fmt, topic, lambda s, t: s.reset_speech()),
        )  # fmt: skip
        buttons[2].button(
            "Back", key="rounds.back", icon=":material/skip_previous:", disabled=state.index == 0,
            on_click=act, args=(state, fmt, topic, lambda s, t: s.back(fmt, t)),
        )  # fmt: skip
        buttons[3].button(
            "Next speech", key="rounds.next", icon=":material/skip_next:",
            disabled=state.index + 1 >= len(fmt.speeches),
            on_click=act, args=(state, fmt, topic, lambda s, t: s.next(fmt, t)),
        )  # fmt: skip
        buttons[4].button(
            "New round", key="rounds.new", icon=":material/close:", on_click=save, args=(None, topic)
        )
        if fmt.prep_minutes:
            prep = st.columns(len(fmt.teams))
            for column, team in zip(prep, fmt.teams, strict=True):
                if state.prep_team == team.id:
                    column.button(
                        f"Stop prep: {team.name}", key=f"rounds.prep.{team.id}", icon=":material/stop:",
                        on_click=act, args=(state, fmt, topic, lambda s, t: s.stop_prep(fmt, t)),
                    )  # fmt: skip
                else:
                    column.button(
                        f"Prep: {team.name}", key=f"rounds.prep.{team.id}", icon=":material/hourglass_top:",
                        disabled=state.prep_left(fmt, team.id, now()) <= 0, on_click=act,
                        args=(state, fmt, topic, lambda s, t, team_id=team.id: s.start_prep(fmt, team_id, t)),
                    )  # fmt: skip
    with right:
        st.markdown("##### Speech order")
        order(state, fmt, topic)
        if state.scale != 1:
            st.caption(f"Lengths scaled by {state.scale:g} for testing; the format's real minutes are above.")


def flow_sheet(state: RoundState, fmt: Format, topic: Topic) -> None:
    st.caption("One column per speech; each row is an argument you expect to meet. Write in the cells.")
    table = flow.rows(fmt, state, topic)
    header = [flow.ARGUMENT, *flow.columns(fmt)]
    edited: dict[str, list[object]] = st.data_editor(
        {col: [row[col] for row in table] for col in header},
        key=f"rounds.flow.{fmt.id}.{state.section_id}",
        hide_index=True,
        disabled=[flow.ARGUMENT],
        width="stretch",
    )
    rows = [
        {col: "" if edited[col][n] is None else str(edited[col][n]) for col in header}
        for n in range(len(table))
    ]
    a, b = st.columns(2)
    a.download_button(
        "Flow sheet (CSV)", flow.to_csv(rows, fmt), f"{topic.id}-flow.csv", "text/csv",
        key="rounds.flow.csv", on_click="ignore", icon=":material/table_view:",
    )  # fmt: skip
    b.download_button(
        "Flow sheet (printable HTML)", flow.to_html(rows, fmt, topic), f"{topic.id}-flow.html", "text/html",
        key="rounds.flow.html", on_click="ignore", icon=":material/print:",
    )  # fmt: skip


def card_files(state: RoundState, topic: Topic) -> None:
    st.caption(
        "Evidence cards: tag (the claim), cite (publisher, date, title, URL) and card text (the evidence)."
    )
    columns = st.columns(len(Side))
    for column, side in zip(columns, Side, strict=True):
        found = cards(topic, side, state.section_id)
        column.markdown(f"**{md(topic.sides.label(side))}**: {len(found)} cards")
        column.download_button(
            f"Cards: {topic.sides.label(side)}",
            cards_html(topic, side, state.section_id),
            f"{topic.id}-{side.value}-cards.html",
            "text/html",
            key=f"rounds.cards.{side.value}",
            on_click="ignore",
            icon=":material/print:",
        )


def class_teams(state: RoundState, topic: Topic) -> None:
    """With a class on this topic open in this session: its students per bench, from its team assignment."""
    memo = st.session_state.get(rounds_ballot.TEACHER_KEY)
    if not memo:
        return
    from debate_explorer.classroom import ClassroomError
    from debate_explorer.views.classroom_common import service_or_stop

    (code, _), key = memo
    try:
        board = service_or_stop().dashboard(key)
    except ClassroomError:
        return
    if board.info.topic_id != topic.id:
        return
    benches: dict[str, list[str]] = {"Proposition": [], "Opposition": []}
    for label, names in board.teams.items():
        side = next((s for s in Side if label.lower().startswith(s.value)), None)
        if side is not None:
            bench = "Proposition" if side is state.proposition else "Opposition"
            benches[bench].extend(f"{name} ({label})" for name in names)
    shown = " · ".join(f"{bench}: {', '.join(names) or 'nobody yet'}" for bench, names in benches.items())
    st.caption(f"Class {md(code)}, sides from its team assignment: {md(shown)}")
