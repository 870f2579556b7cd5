"""Practice: the rebuttal drill tab (a pair, a side, the other side's claim, the student's answer).

The rules (which pairs can be drilled, picking, switching sides, which refutation steps a draft uses) live
in :mod:`debate_explorer.teaching`; this module keeps the drill and drafts in the session and renders them.
The student's own text is only ever shown inside the text area.
"""

from __future__ import annotations

import random

import streamlit as st

from debate_explorer import labels, teaching
from debate_explorer.limits import MAX_DRAFTS, MAX_REBUTTAL_CHARS
from debate_explorer.model import Pair, Position, Section, Side, Topic
from debate_explorer.teaching import Draft, Drill
from debate_explorer.views import render
from debate_explorer.views.practice_keys import ANY, DRAFTS, DRILL, REVEALED, SWITCHED, TICKS
from debate_explorer.views.render import md


def position_md(topic: Topic, position: Position, *, rebuttal: bool) -> str:
    parts = []
    if position.held_by:
        parts.append(f"**{labels.HELD_BY}:** {md(position.held_by)}")
    if rebuttal:
        parts.append(f"**{labels.REBUTTAL}:** {md(position.rebuttal) or 'Not written yet.'}")
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


def open_pair(topic: Topic, section: Section, pair: Pair, side: Side | None) -> str | None:
    """Start the drill a link names (a pair, and a side or a random one); a note when it cannot."""
    drill = teaching.pick_drill(topic, random.Random(teaching.new_seed()), section.id, pair.id, side)
    if drill is None:
        return (
            "That question does not have both claims written yet, so it cannot be drilled; here is another."
        )
    st.session_state[DRILL] = drill
    st.session_state.pop(SWITCHED, None)
    return None


def switch_sides() -> None:
    drill = st.session_state.get(DRILL)
    if isinstance(drill, Drill):
        st.session_state[DRILL] = drill.switched()
        st.session_state[SWITCHED] = drill


def tick(drill_key: str, index: int) -> None:
    """Remember a self-check tick outside the widget, so "My work" has it after the box is hidden."""
    ticked: set[int] = st.session_state.setdefault(TICKS, {}).setdefault(drill_key, set())
    if st.session_state.get(f"practice.check.{drill_key}.{index}"):
        ticked.add(index)
    else:
        ticked.discard(index)


def switched_note(topic: Topic, drill: Drill) -> str | None:
    """After "Switch sides": which side the student now argues, and where the other draft is kept."""
    old = st.session_state.get(SWITCHED)
    if not isinstance(old, Drill) or old.switched() != drill:
        return None
    drafts: dict[str, Draft] = st.session_state.get(DRAFTS, {})
    old_side = render.side_label(topic, old.side)
    words = len(drafts[old.key].text.split()) if old.key in drafts else 0
    kept = (
        f"Your draft for the {old_side} ({words} word{'s' if words != 1 else ''}) is kept: press "
        "**Switch sides** again to go back to it. Handouts → My work saves both drafts."
        if words
        else f"You had not written a draft for the {old_side} yet."
    )
    return f"You now argue for the {render.side_label(topic, drill.side)}: answer the claim above. {kept}"


def toggle_reveal(key: str) -> None:
    revealed: set[str] = st.session_state.setdefault(REVEALED, set())
    revealed.symmetric_difference_update({key})


def drill_picker(topic: Topic) -> None:
    sections = {s.id: s for s, _ in teaching.drillable(topic)}
    with st.expander("Choose the question and side", icon=":material/tune:"):
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
            labels.QUESTION,
            pair_ids,
            key="practice.pick_pair",
            format_func=lambda pid: "Any question (random)" if pid == ANY else questions[pid] or pid,
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
        st.info("This topic has no question with both claims written yet, so there is nothing to drill.")
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
    st.button(
        "Switch sides",
        key="practice.switch",
        help=f"Argue the same question for the {render.side_label(topic, theirs)}; your draft is kept",
        icon=":material/swap_horiz:",
        on_click=switch_sides,
    )
    if note := switched_note(topic, drill):
        st.info(note, icon=":material/swap_horiz:")
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
        max_chars=MAX_REBUTTAL_CHARS,
    )
    text = text or ""  # max_chars: the browser stops typing there and Streamlit cuts anything longer
    if text != (drafts[drill.key].text if drill.key in drafts else ""):
        if teaching.can_keep(drafts, drill.key):
            drafts[drill.key] = Draft(drill, text)
        else:
            st.warning(
                f"This draft is not kept: this page keeps {MAX_DRAFTS} drafts at most. Download "
                "“My work” (Handouts & my work) to save them, then reload the page to start afresh.",
                icon=":material/inventory_2:",
            )
    st.caption(
        f"Up to {MAX_REBUTTAL_CHARS:,} characters a draft; this page keeps up to {MAX_DRAFTS} drafts "
        f"({len(drafts)} so far). Download “My work” to keep them for good."
    )
    if text.strip():
        used = teaching.steps_used(text)
        missing = [s.label for s in teaching.REFUTATION_STEPS if s.label not in used]
        st.caption(
            f"{len(text.split())} words · steps used: {', '.join(used) or 'none yet'}"
            + (f" · still to add: {', '.join(missing)}" if missing else "")
        )

    revealed = drill.key in st.session_state.get(REVEALED, set())
    left, right = st.columns(2)
    left.button(
        "Hide the real rebuttal" if revealed else "Reveal the real rebuttal",
        key="practice.reveal",
        help=labels.REBUTTAL_HELP,
        icon=":material/visibility:",
        on_click=toggle_reveal,
        args=(drill.key,),
        type="primary",
    )
    right.button(
        "New random drill",
        key="practice.random",
        icon=":material/shuffle:",
        on_click=lambda: st.session_state.update(
            {DRILL: teaching.pick_drill(topic, random.Random(teaching.new_seed())), SWITCHED: None}
        ),
    )
    if revealed:
        with st.container(border=True):
            st.markdown(
                f"## What the {render.side_label(topic, mine)} actually say\n\n"
                + position_md(topic, pair.side(mine), rebuttal=True)
            )
        st.markdown("**Self-check**")
        ticked = st.session_state.get(TICKS, {}).get(drill.key, set())
        for n, item in enumerate(teaching.SELF_CHECK):
            st.checkbox(
                item,
                value=n in ticked,
                key=f"practice.check.{drill.key}.{n}",
                on_change=tick,
                args=(drill.key, n),
            )
