"""Practice page: rebuttal drill, which-side quiz, speech timer, handouts and the student's own work.

All rules live in ``debate_explorer.teaching`` (pure, tested without Streamlit); this script only keeps
their small frozen values in ``st.session_state`` under ``practice.*`` keys and renders them. Those keys
are not widget keys, so drafts, quiz rounds and the timer survive a visit to another page; each text
area is refilled from the saved draft when the page is shown again. Content text goes through
``state.md`` and only http(s) URLs become links (``state.link``); the student's own text is only ever
shown inside the text area.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict

import streamlit as st

from debate_explorer import teaching
from debate_explorer.exports import FORMATS, Download, download
from debate_explorer.model import Pair, Position, Section, Side, Topic
from debate_explorer.teaching import Draft, Drill, QuizRound, Timer
from debate_explorer.views import state

DRILL = "practice.drill"  # the current Drill (one per session; re-picked when the topic changes)
REVEALED = "practice.revealed"  # set of drill keys whose real rebuttal is shown
DRAFTS = "practice.drafts"  # dict drill key -> Draft
QUIZ = "practice.quiz"  # the QuizRound in progress
ROUNDS = "practice.rounds"  # earlier QuizRounds with answers, oldest first
LAST = "practice.last_answer"  # the last teaching.Answer, shown as feedback
TIMER = "practice.timer"  # the Timer
SPEECH = "practice.speech_choice"  # the speech format the timer was set for
LENGTHS = "practice.lengths"  # dict format name -> minutes
ANY = ""
DEFAULT_ROUND = 8

ICONS = {
    "markdown": ":material/description:",
    "html": ":material/print:",
    "json": ":material/data_object:",
    "kialo": ":material/forum:",
}
"""Download button icons by export format; formats not listed get an argument-map icon."""
PER_ROW = 3  # download buttons per row


def new_seed() -> int:
    return random.SystemRandom().randrange(2**31)


def label(topic: Topic, side: Side) -> str:
    """A side's label as inert Markdown: widget labels (buttons, radios, text areas) render Markdown too."""
    return state.md(topic.sides.label(side))


def position_md(topic: Topic, position: Position, *, rebuttal: bool) -> str:
    parts = []
    if position.held_by:
        parts.append(f"**Held by:** {state.md(position.held_by)}")
    if rebuttal:
        parts.append(f"**Rebuttal.** {state.md(position.rebuttal) or 'No rebuttal written yet.'}")
    parts.append(f"**Claim.** {state.md(position.claim)}")
    parts.extend(state.support_parts(topic, position))
    return "\n\n".join(parts)


# ---------------------------------------------------------------- rebuttal drill


def current_drill(topic: Topic) -> tuple[Drill, Section, Pair] | None:
    """The session's drill on this topic; a random one is started when there is none yet."""
    drill = st.session_state.get(DRILL)
    located = drill.locate(topic) if isinstance(drill, Drill) and drill.topic_id == topic.id else None
    if located is None:
        drill = teaching.pick_drill(topic, random.Random(new_seed()))
        if drill is None:
            return None
        st.session_state[DRILL] = drill
        located = drill.locate(topic)
    assert located is not None
    return drill, *located


def start_drill(topic: Topic) -> None:
    section = st.session_state.get("practice.pick_section") or None
    pair = st.session_state.get("practice.pick_pair") or None
    side_value = st.session_state.get("practice.pick_side") or None
    side = Side(side_value) if side_value else None
    drill = teaching.pick_drill(topic, random.Random(new_seed()), section, pair, side)
    if drill is not None:
        st.session_state[DRILL] = drill


def switch_sides() -> None:
    drill = st.session_state.get(DRILL)
    if isinstance(drill, Drill):
        st.session_state[DRILL] = drill.switched()


def toggle_reveal(key: str) -> None:
    revealed: set[str] = st.session_state.setdefault(REVEALED, set())
    revealed.symmetric_difference_update({key})


def drill_picker(topic: Topic) -> None:
    sections = {s.id: s for s, _ in teaching.drillable(topic)}
    with st.expander("Choose the pair and side", icon=":material/tune:"):
        section_ids = [ANY, *sections]
        st.selectbox(
            "Section",
            section_ids,
            key="practice.pick_section",
            format_func=lambda sid: "Any section (random)" if sid == ANY else topic.section(sid).title,
        )
        chosen = st.session_state.get("practice.pick_section") or None
        pairs = [p for _, p in teaching.drillable(topic, chosen)] if chosen else []
        pair_ids = [ANY, *[p.id for p in pairs]]
        questions = {p.id: p.question for p in pairs}
        if st.session_state.get("practice.pick_pair") not in pair_ids:
            st.session_state["practice.pick_pair"] = ANY
        st.selectbox(
            "Pair",
            pair_ids,
            key="practice.pick_pair",
            format_func=lambda pid: "Any pair (random)" if pid == ANY else questions[pid] or pid,
            disabled=not chosen,
        )
        st.radio(
            "You argue for",
            [ANY, Side.SUPPORTER.value, Side.CRITIC.value],
            key="practice.pick_side",
            format_func=lambda v: "Random side" if v == ANY else label(topic, Side(v)),
            horizontal=True,
        )
        st.button("Start drill", key="practice.start", on_click=start_drill, args=(topic,), type="primary")


def drill_tab(topic: Topic) -> None:
    found = current_drill(topic)
    drill_picker(topic)
    if found is None:
        st.info("This topic has no pair with both claims written yet, so there is nothing to drill.")
        return
    drill, section, pair = found
    mine, theirs = drill.side, drill.opponent
    st.markdown(
        f"**{state.md(pair.question) or state.md(pair.id)}**  \n"
        f"{state.badge(section.title)} You argue for {state.side_badge(topic, mine)}"
    )
    st.markdown(f"**They say** ({state.side_badge(topic, theirs)}):")
    st.info(state.md(pair.side(theirs).claim), icon=":material/record_voice_over:")
    opposing = pair.side(theirs)
    if opposing.reasoning or opposing.evidence:
        with st.expander("Their reasoning and evidence"):
            st.markdown(position_md(topic, opposing, rebuttal=False))
    st.markdown(
        "Answer in four steps: "
        + " → ".join(
            f"**{step.label}** ({step.hint[0].lower()}{step.hint[1:-1]})"
            for step in teaching.REFUTATION_STEPS
        )
    )

    drafts: dict[str, Draft] = st.session_state.setdefault(DRAFTS, {})
    widget = f"practice.text.{drill.key}"
    if widget not in st.session_state:
        st.session_state[widget] = drafts[drill.key].text if drill.key in drafts else ""
    text = st.text_area(
        f"Your rebuttal for the {label(topic, mine)}",
        key=widget,
        placeholder=teaching.PLACEHOLDER,
        height=220,
    )
    text = text or ""
    if text != (drafts[drill.key].text if drill.key in drafts else ""):
        drafts[drill.key] = Draft(drill, text)
    if text.strip():
        used = teaching.steps_used(text)
        missing = [s.label for s in teaching.REFUTATION_STEPS if s.label not in used]
        st.caption(
            f"{len(text.split())} words · steps used: {', '.join(used) or 'none yet'}"
            + (f" · still to add: {', '.join(missing)}" if missing else "")
        )

    revealed = drill.key in st.session_state.get(REVEALED, set())
    left, middle, right = st.columns(3)
    left.button(
        "Hide the real rebuttal" if revealed else "Reveal the real rebuttal",
        key="practice.reveal",
        icon=":material/visibility:",
        on_click=toggle_reveal,
        args=(drill.key,),
        type="primary",
    )
    middle.button(
        "Switch sides",
        key="practice.switch",
        help=f"Argue the same pair for the {label(topic, theirs)}",
        icon=":material/swap_horiz:",
        on_click=switch_sides,
    )
    right.button(
        "New random drill",
        key="practice.random",
        icon=":material/shuffle:",
        on_click=lambda: st.session_state.update(
            {DRILL: teaching.pick_drill(topic, random.Random(new_seed()))}
        ),
    )
    if revealed:
        with st.container(border=True):
            st.markdown(
                f"#### What the {label(topic, mine)} actually say\n\n"
                + position_md(topic, pair.side(mine), rebuttal=True)
            )
        st.markdown("**Self-check**")
        for n, item in enumerate(teaching.SELF_CHECK):
            st.checkbox(item, key=f"practice.check.{drill.key}.{n}")


# ---------------------------------------------------------------- which side? quiz


def round_size(topic: Topic) -> int:
    available = len(teaching.quiz_items(topic))
    return max(1, min(int(st.session_state.get("practice.round_size", DEFAULT_ROUND)), available))


def start_round(topic: Topic) -> None:
    old = st.session_state.get(QUIZ)
    if isinstance(old, QuizRound) and old.answers:
        st.session_state.setdefault(ROUNDS, []).append(old)
    st.session_state[QUIZ] = teaching.new_round(topic, new_seed(), round_size(topic))
    st.session_state.pop(LAST, None)


def answer(side: Side) -> None:
    quiz = st.session_state.get(QUIZ)
    if isinstance(quiz, QuizRound) and not quiz.done:
        st.session_state[QUIZ], st.session_state[LAST] = quiz.answer(side)


def quiz_tab(topic: Topic) -> None:
    items = teaching.quiz_items(topic)
    if not items:
        st.info("This topic has no written claims yet, so there is nothing to quiz.")
        return
    quiz = st.session_state.get(QUIZ)
    if not isinstance(quiz, QuizRound) or quiz.topic_id != topic.id:
        start_round(topic)
        quiz = st.session_state[QUIZ]
    total = teaching.Score()
    for done in [*st.session_state.get(ROUNDS, []), quiz]:
        for given in done.answers:
            total = total.add(given.correct)
    st.markdown(
        "Each claim is shown without its side. Decide who says it: "
        f"{state.side_badge(topic, Side.SUPPORTER)} or {state.side_badge(topic, Side.CRITIC)}."
    )
    score_col, total_col, size_col = st.columns(3)
    score_col.metric("This round", f"{quiz.score.right} / {quiz.score.answered}")
    total_col.metric("All rounds", f"{total.right} / {total.answered}")
    size_col.number_input(
        "Claims per round",
        min_value=1,
        max_value=len(items),
        value=min(DEFAULT_ROUND, len(items)),
        key="practice.round_size",
        persist_state="session",
    )

    last = st.session_state.get(LAST)
    if last is not None and last in quiz.answers:
        item = last.item
        section = topic.section(item.section_id)
        pair = next((p for p in section.pairs if p.id == item.pair_id), None) if section else None
        right = label(topic, item.side)
        if last.correct:
            st.success(f"Right: this claim is one the {right} make.", icon=":material/check_circle:")
        else:
            st.error(f"Not quite: that claim belongs to the {right}.", icon=":material/cancel:")
        if pair is not None:
            position = pair.side(item.side)
            sources = state.source_lines(topic, position.sources)
            with st.container(border=True):
                st.markdown(
                    f"{state.side_badge(topic, item.side)} on *{state.md(pair.question)}*\n\n"
                    f"> {state.md(item.claim)}\n\n"
                    + (f"**Held by:** {state.md(position.held_by)}\n\n" if position.held_by else "")
                    + (f"**Sources**\n\n{sources}" if sources else "")
                )

    current = quiz.current
    if current is not None:
        n = len(quiz.answers) + 1
        st.markdown(f"**Claim {n} of {len(quiz.items)}**\n\n> {state.md(current.claim)}")
        left, right = st.columns(2)
        for column, side in zip((left, right), Side, strict=True):
            column.button(
                label(topic, side),
                key=f"practice.answer.{side.value}",
                on_click=answer,
                args=(side,),
                use_container_width=True,
            )
    else:
        st.success(f"Round complete: {quiz.score} ({quiz.score.percent}%).", icon=":material/flag:")
    st.button(
        "New shuffled round",
        key="practice.new_round",
        on_click=start_round,
        args=(topic,),
        icon=":material/shuffle:",
    )


# ---------------------------------------------------------------- speech timer


def lengths() -> dict[str, float]:
    saved: dict[str, float] = st.session_state.setdefault(LENGTHS, {})
    return {f.name: float(saved.get(f.name, f.minutes)) for f in teaching.SPEECH_FORMATS}


def timer_now() -> float:
    return time.monotonic()


def set_timer(action: str) -> None:
    timer: Timer = st.session_state[TIMER]
    now = timer_now()
    if action == "start":
        st.session_state[TIMER] = timer.start(now)
    elif action == "pause":
        st.session_state[TIMER] = timer.pause(now)
    else:
        st.session_state[TIMER] = timer.reset()


def timer_tab() -> None:
    minutes = lengths()
    names = [f.name for f in teaching.SPEECH_FORMATS]
    speech = st.radio("Speech", names, key="practice.speech", horizontal=True, persist_state="session")
    speech = speech or names[0]
    notes = {f.name: f.note for f in teaching.SPEECH_FORMATS}
    st.caption(notes[speech])
    with st.expander("Speech lengths (minutes)", icon=":material/settings:"):
        columns = st.columns(len(names))
        for column, name in zip(columns, names, strict=True):
            widget = f"practice.length.{name}"
            if widget not in st.session_state:
                st.session_state[widget] = minutes[name]
            value = column.number_input(name, min_value=0.5, max_value=60.0, step=0.5, key=widget)
            st.session_state[LENGTHS][name] = float(value)
    total = st.session_state[LENGTHS][speech] * 60
    timer = st.session_state.get(TIMER)
    if not isinstance(timer, Timer) or (
        not timer.running and (st.session_state.get(SPEECH) != speech or timer.total != total)
    ):
        timer = Timer(total)
        st.session_state[TIMER] = timer
    st.session_state[SPEECH] = speech

    start, pause, reset = st.columns(3)
    start.button(
        "Start",
        key="practice.timer_start",
        on_click=set_timer,
        args=("start",),
        icon=":material/play_arrow:",
        disabled=timer.running,
        use_container_width=True,
    )
    pause.button(
        "Pause",
        key="practice.timer_pause",
        on_click=set_timer,
        args=("pause",),
        icon=":material/pause:",
        disabled=not timer.running,
        use_container_width=True,
    )
    reset.button(
        "Reset",
        key="practice.timer_reset",
        on_click=set_timer,
        args=("reset",),
        icon=":material/restart_alt:",
        use_container_width=True,
    )

    @st.fragment(run_every=1.0 if timer.running else None)
    def clock() -> None:
        """Redrawn every second while running, without rerunning (or blocking) the rest of the page."""
        current: Timer = st.session_state[TIMER]
        now = timer_now()
        left = current.remaining(now)
        st.markdown(f"## {teaching.clock(left)}")
        st.progress(min(1.0, current.used(now) / current.total) if current.total else 1.0)
        if current.finished(now):
            st.error("Time! Finish your sentence.", icon=":material/alarm:")
            if current.running:
                st.session_state[TIMER] = current.pause(now)
                st.rerun(scope="app")  # stop the once-a-second refresh
        elif left <= 30 and current.used(now) > 0:
            st.warning("30 seconds left.", icon=":material/timer:")

    clock()


# ---------------------------------------------------------------- handouts and the student's work


@st.cache_data(max_entries=64, show_spinner=False)
def handout(_topic: Topic, file: str, mtime_ns: int, fmt: str, section_id: str | None) -> Download:
    """An export, built once per topic file version and format (from ``exports.FORMATS``)."""
    return download(_topic, fmt, section_id)


def handouts_tab(place: state.Place) -> None:
    topic = place.topic
    st.markdown("#### Handouts")
    sections = {s.id: s.title for s in topic.sections}
    scope = st.selectbox(
        "Covers",
        [ANY, *sections],
        key="practice.handout_scope",
        format_func=lambda sid: "The whole topic" if sid == ANY else sections[sid],
    )
    chosen = scope or None
    st.caption("Each file covers the choice above; hover a button to see what it is for.")
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

    st.markdown("#### My work")
    drafts: dict[str, Draft] = st.session_state.get(DRAFTS, {})
    written = [d for d in drafts.values() if d.text.strip()]
    rounds = [r for r in [*st.session_state.get(ROUNDS, []), st.session_state.get(QUIZ)] if r and r.answers]
    st.caption(
        f"{len(written)} rebuttal draft{'s' if len(written) != 1 else ''} and "
        f"{sum(len(r.answers) for r in rounds)} quiz answers in this session. They stay while you visit "
        "other pages, and are gone when you close the tab: download them to keep them."
    )
    topics = {t.topic.id: t.topic for t in state.library().topics}
    st.download_button(
        "Download my work (Markdown)",
        data=teaching.drafts_markdown(written, topics, rounds),
        file_name="my-debate-practice.md",
        mime="text/markdown",
        key="practice.download.work",
        icon=":material/download:",
        on_click="ignore",
        disabled=not (written or rounds),
    )


# ---------------------------------------------------------------- the page

place = state.place_or_stop(want_section=False)
state.sync_url(place, with_section=False)
topic = place.topic
st.title("Practice")
st.caption(f"{state.md(topic.title)} · {state.md(topic.question)}")
drill, quiz, timer, handouts = st.tabs(
    [
        ":material/edit_note: Rebuttal drill",
        ":material/quiz: Which side?",
        ":material/timer: Speech timer",
        ":material/download: Handouts & my work",
    ]
)
with drill:
    drill_tab(topic)
with quiz:
    quiz_tab(topic)
with timer:
    timer_tab()
with handouts:
    handouts_tab(place)
