"""The student's side of a class debate: join by code, vote before, read and hand in rebuttals, vote after."""

from __future__ import annotations

import streamlit as st

from debate_explorer import teaching
from debate_explorer.classroom import ClassroomError, ClassroomService, Phase, SeatKey, SeatState, SideMode
from debate_explorer.classroom.names import MAX_NICKNAME
from debate_explorer.classroom.report import choice_labels
from debate_explorer.classroom.rules import MAX_SUBMISSION, PHASE_TITLES, VOTING_PHASES, Choice
from debate_explorer.classroom.tokens import normalise_code
from debate_explorer.model import Pair, Section, Side, Topic
from debate_explorer.pages import page
from debate_explorer.views import render
from debate_explorer.views.classroom_common import client_address, digest, guarded, topic_of

POLL_SECONDS = 3


def join_form(service: ClassroomService, code: str | None) -> None:
    """Type the code (or arrive with it from the join link) and take a seat."""
    st.header("Join a class debate")
    with st.form("class.join"):
        typed = st.text_input(
            "Class code", value=code or "", max_chars=12, key="class.code", placeholder="e.g. K7QX3M"
        )
        nickname = st.text_input(
            "Nickname (only if your teacher allows it)",
            max_chars=MAX_NICKNAME,
            key="class.nickname",
            help="Otherwise you get an anonymous name like “Brave Otter”. Don't use your real name.",
        )
        go = st.form_submit_button("Join", type="primary")
    if go:
        with guarded():
            seat, token = service.join(typed, client=client_address(), nickname=nickname or None)
        st.query_params.from_dict({"class": seat.info.code, "seat": token})
        st.rerun()


def seat_key(service: ClassroomService, token: str) -> SeatKey:
    """Check the seat token once per session, then reuse the key (a refresh checks it again)."""
    memo = st.session_state.get("class.seat_key")
    if isinstance(memo, tuple) and memo[0] == digest(token):
        return memo[1]
    with guarded():
        key = service.seat(token)
    st.session_state["class.seat_key"] = (digest(token), key)
    return key


FRESH_SEAT = "class.fresh_seat"
"""The seat as a vote's own transaction returned it, for the run that follows the click (read once)."""
HANDED_IN = "Handed in. Your teacher can read it now; you can hand in more."
PHASE_READ = "class.phase_read"
"""Set by a full run that has just read the phase, so the phase poll skips its read in that same run."""


def seat_page(service: ClassroomService, key: SeatKey) -> None:
    fresh = st.session_state.pop(FRESH_SEAT, None)
    if isinstance(fresh, tuple) and fresh[0] == key:
        seat = fresh[1]  # the vote's acknowledgement already read the seat: no second round trip
    else:
        with guarded():
            seat = service.seat_state(key)
    st.session_state[PHASE_READ] = True
    info = seat.info
    topic = topic_of(info.topic_id)
    st.title("Class debate")
    side = f" · you argue for {render.side_badge(topic, seat.side)}" if topic and seat.side else ""
    team = f" (team {seat.team})" if seat.team and info.teams_per_side > 1 else ""
    st.markdown(
        f"You are **{render.md(seat.name)}**{side}{team} · class {info.code} · now: "
        f"**{PHASE_TITLES[info.phase]}**"
    )
    st.caption("Keep this page's address: it brings you back to your seat after a refresh.")
    flash()
    follow_phase(service, key, info.phase)
    if topic is None:
        st.warning("This class's topic is not in the library any more; ask your teacher.")
        return
    if info.side_mode is SideMode.CHOOSE and seat.side is None and info.phase is not Phase.CLOSED:
        choose_side(service, key, topic)
    if info.phase in VOTING_PHASES:
        vote(service, key, seat, topic)
    if info.phase in (Phase.DEBATE, Phase.AFTER):
        read_and_rebut(service, key, seat, topic)
    if info.phase in (Phase.RESULTS, Phase.CLOSED):
        show_results(service, key, topic, seat)
    my_work(seat, topic)


@st.fragment(run_every=POLL_SECONDS)
def follow_phase(service: ClassroomService, key: SeatKey, shown: Phase) -> None:
    """Check every few seconds whether the teacher moved the class on; if so, redraw the page."""
    if st.session_state.pop(PHASE_READ, False):
        return  # a full run of the page, which read the phase a moment ago
    try:
        now = service.seat_state(key).info.phase
    except Exception:  # a passing database fault: the next poll tries again
        return
    if now is not shown:
        st.rerun(scope="app")


def choose_side(service: ClassroomService, key: SeatKey, topic: Topic) -> None:
    st.header("Choose your side")
    for column, side in zip(st.columns(2), Side, strict=True):
        if column.button(f"Argue for the {topic.sides.label(side)}", key=f"class.choose.{side.value}"):
            with guarded():
                service.choose_side(key, side)
            st.rerun()


def vote(service: ClassroomService, key: SeatKey, seat: SeatState, topic: Topic) -> None:
    poll = VOTING_PHASES[seat.info.phase]
    labels = choice_labels(topic)
    st.header("Vote before the debate" if poll == "before" else "Vote after the debate")
    st.markdown(f"**{render.md(topic.question)}**")
    current = seat.votes.get(poll)
    choices = list(Choice)
    st.radio(
        "Your vote",
        choices,
        format_func=lambda c: labels[c],
        key=f"class.vote.{poll}",
        index=choices.index(current) if current else None,
    )
    if poll == "after":
        pairs = {pair.id: pair.question for _, pair in state_pairs(topic, seat.info.section_id)}
        options = ["", *pairs]
        st.selectbox(
            "Which question moved your thinking most? (optional)",
            options,
            format_func=lambda p: pairs.get(p, "—"),
            key="class.moved",
            index=options.index(seat.moved_by) if seat.moved_by in options else 0,
        )
    st.button(
        "Save my vote",
        type="primary",
        key=f"class.cast.{poll}",
        on_click=cast_vote,
        args=(service, key, poll),
    )
    if current:
        st.success(f"Your vote: **{render.md(labels[current])}**. You can change it until the vote closes.")


def cast_vote(service: ClassroomService, key: SeatKey, poll: str) -> None:
    """Button callback: runs before the page redraws, so a click made on a page the teacher has since moved
    on from still reaches the service and gets its answer (for example "voting is not open")."""
    picked = st.session_state.get(f"class.vote.{poll}")
    if picked is None:
        st.session_state["class.flash"] = ("warning", "Choose For, Against or Undecided first.")
        return
    moved = st.session_state.get("class.moved") or None if poll == "after" else None
    try:
        st.session_state[FRESH_SEAT] = (key, service.vote(key, picked, moved_by=moved))
    except ClassroomError as exc:
        st.session_state["class.flash"] = ("error", str(exc))
        return
    st.session_state["class.flash"] = ("success", "Vote saved.")


def flash() -> None:
    """Show the message a callback left for this run, once."""
    message = st.session_state.pop("class.flash", None)
    if isinstance(message, tuple):
        kind, text = message
        {"error": st.error, "warning": st.warning}.get(kind, st.success)(render.md(text))


def state_pairs(topic: Topic, section_id: str | None) -> list[tuple[Section, Pair]]:
    return [(s, p) for s, p in topic.pairs() if section_id in (None, s.id)]


def read_and_rebut(service: ClassroomService, key: SeatKey, seat: SeatState, topic: Topic) -> None:
    info = seat.info
    st.header("Read, then write a rebuttal")
    if info.blind:
        st.caption("Your teacher chose blind reading: guess each position's side before you reveal it.")
    params = {"topic": topic.id, **({"section": info.section_id} if info.section_id else {})}
    if info.blind:
        params["blind"] = "1"  # Compare opens in blind mode for this class (the URL holds the display)
    render.page_link("compare", "Read the positions on Compare", **params)
    pairs = state_pairs(topic, info.section_id)
    if not pairs:
        return
    questions = {pair.id: pair.question for _, pair in pairs}
    pair_id = st.selectbox("Question", list(questions), format_func=lambda p: questions[p], key="class.pair")
    found = topic.find_pair(pair_id)
    if found is None:
        return
    _, pair = found
    mine = seat.side or st.radio(
        "Your side for this rebuttal",
        list(Side),
        format_func=topic.sides.label,
        key="class.side",
        horizontal=True,
    )
    if mine is None:  # no side chosen yet (the radio starts on the first side, so only in theory)
        return
    theirs = pair.side(mine.other)
    st.markdown(f"**They say** ({render.side_badge(topic, mine.other)}): {render.md(theirs.claim)}")
    draft = f"class.draft.{pair.id}.{mine.value}"
    st.text_area(
        "Your rebuttal",
        key=draft,
        max_chars=MAX_SUBMISSION,
        height=180,
        placeholder=teaching.PLACEHOLDER,
    )
    st.caption(f"Your teacher reads what you hand in; up to {MAX_SUBMISSION:,} characters.")
    st.button(
        "Hand in to your teacher",
        type="primary",
        key="class.submit",
        on_click=hand_in,
        args=(service, key, pair.id, mine, draft),
    )


def hand_in(service: ClassroomService, key: SeatKey, pair_id: str, side: Side, draft: str) -> None:
    """Button callback, like :func:`cast_vote`: the rebuttal is stored and the seat read in one transaction
    before the page redraws, so the page that follows shows it without reading the seat again."""
    try:
        fresh = service.submit(key, pair_id, side, st.session_state.get(draft) or "")
    except ClassroomError as exc:
        st.session_state["class.flash"] = ("error", str(exc))
        return
    st.session_state[FRESH_SEAT] = (key, fresh)
    st.session_state["class.flash"] = (
        "success",
        "Handed in. Your teacher can read it now; you can hand in more.",
    )


def show_results(service: ClassroomService, key: SeatKey, topic: Topic, seat: SeatState) -> None:
    from debate_explorer.views.classroom_teacher import results

    if not seat.info.show_results:
        st.info("Your teacher will discuss the results with the class.")
        return
    with guarded():
        outcome = service.results_for_student(key)
    results(outcome, topic)


def my_work(seat: SeatState, topic: Topic) -> None:
    if not seat.submissions:
        return
    questions = {pair.id: pair.question for _, pair in topic.pairs()}
    with st.expander(f"My rebuttals ({len(seat.submissions)})"):
        for sub in seat.submissions:
            st.markdown(
                f"**{render.md(questions.get(sub.pair_id, sub.pair_id))}** · {render.md(sub.side)}\n\n"
                f"{render.md(sub.text)}"
            )


def join_box() -> None:
    """A compact "join a class" field for the Topics page; the Classroom page takes it from there."""
    with st.form("class.join_box", border=False):
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        typed = left.text_input("Joining a class debate? Type the code from your teacher", max_chars=12)
        if right.form_submit_button("Go to the class"):
            code = normalise_code(typed)
            if code is None:
                st.error("A class code has 6 letters and digits, like K7QX3M.")
            else:
                st.switch_page(str(page("classroom").path), query_params={"class": code})
