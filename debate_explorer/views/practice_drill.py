"""Practice: the rebuttal drill tab (a pair, a side, the other side's claim, the student's answer).

The rules (which pairs can be drilled, picking, switching sides, which refutation steps a draft uses) live
in :mod:`debate_explorer.teaching`; this module keeps the drill and drafts in the session and renders them.
The student's own text is only ever shown inside the text area.
"""

from __future__ import annotations

import random

import streamlit as st

from debate_explorer import teaching
from debate_explorer.model import Pair, Position, Section, Side, Topic
from debate_explorer.teaching import Draft, Drill
from debate_explorer.views import render
from debate_explorer.views.practice_keys import ANY, DRAFTS, DRILL, REVEALED
from debate_explorer.views.render import md


def position_md(topic: Topic, position: Position, *, rebuttal: bool) -> str:
    parts = []
    if position.held_by:
        parts.append(f"**Held by:** {md(position.held_by)}")
    if rebuttal:
        parts.append(f"**Rebuttal.** {md(position.rebuttal) or 'No rebuttal written yet.'}")
    parts.append(f"**Claim.** {md(position.claim)}")
    parts.extend(render.support_parts(topic, position))
    return "\n\n".join(parts)


def current_drill(topic: Topic) -> tuple[Drill, Section, Pair] | None:
    """The session's drill on this topic; a random one is started when there is none yet."""
    saved = st.session_state.get(DRILL)
    if isinstance(saved, Drill) and saved.topic_id == topic.id and (located := saved.locate(topic)):
        return saved, *located
    drill = teaching.pick_drill(topic, random.Random(teaching.new_seed()))
    located = drill.locate(topic) if drill is not None else None
    if drill is None or located is None:
        return None
    st.session_state[DRILL] = drill
    return drill, *located


def start_drill(topic: Topic) -> None:
    section = st.session_state.get("practice.pick_section") or None
    pair = st.session_state.get("practice.pick_pair") or None
    side_value = st.session_state.get("practice.pick_side") or None
    side = Side(side_value) if side_value else None
    drill = teaching.pick_drill(topic, random.Random(teaching.new_seed()), section, pair, side)
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
        section_ids: list[str] = [ANY, *sections]
        st.selectbox(
            "Section",
            section_ids,
            key="practice.pick_section",
            format_func=lambda sid: "Any section (random)" if sid == ANY else sections[sid].title,
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
            format_func=lambda v: "Random side" if v == ANY else render.side_label(topic, Side(v)),
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
        f"**{md(pair.question) or md(pair.id)}**  \n"
        f"{render.badge(section.title)} You argue for {render.side_badge(topic, mine)}"
    )
    st.markdown(f"**They say** ({render.side_badge(topic, theirs)}):")
    st.info(md(pair.side(theirs).claim), icon=":material/record_voice_over:")
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
        f"Your rebuttal for the {render.side_label(topic, mine)}",
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
        help=f"Argue the same pair for the {render.side_label(topic, theirs)}",
        icon=":material/swap_horiz:",
        on_click=switch_sides,
    )
    right.button(
        "New random drill",
        key="practice.random",
        icon=":material/shuffle:",
        on_click=lambda: st.session_state.update(
            {DRILL: teaching.pick_drill(topic, random.Random(teaching.new_seed()))}
        ),
    )
    if revealed:
        with st.container(border=True):
            st.markdown(
                f"## What the {render.side_label(topic, mine)} actually say\n\n"
                + position_md(topic, pair.side(mine), rebuttal=True)
            )
        st.markdown("**Self-check**")
        for n, item in enumerate(teaching.SELF_CHECK):
            st.checkbox(item, key=f"practice.check.{drill.key}.{n}")
