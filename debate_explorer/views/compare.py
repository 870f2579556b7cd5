"""Compare page: one section at a time, each pair's two positions side by side with numbered sources.

Performance: each position is one joined Markdown block plus its rebuttal expander, so a section costs a
handful of elements per pair instead of dozens. Columns sit inside each pair, so on a narrow screen they
stack in pair order. Bias controls: swap which side stands left; blind mode hides labels, colours and
holders and orders each pair by a stable hash until the reader reveals them.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer import labels
from debate_explorer.model import Origin, Pair, Position, Section, Side, Topic, Verdict
from debate_explorer.views import render, routing
from debate_explorer.views.render import md

VERDICTS = {
    Verdict.CONFIRMED: ("green", ":material/check_circle:", "Confirmed"),
    Verdict.PARTLY: ("violet", ":material/contrast:", "Partly"),
    Verdict.UNCONFIRMED: ("gray", ":material/help:", "Unconfirmed"),
    Verdict.DISPUTED: ("red", ":material/cancel:", "Disputed"),
}
ORIGIN = {
    "document": f":gray-badge[:material/description: {labels.ORIGINS[Origin.DOCUMENT]}]",
    "research": f":violet-badge[:material/travel_explore: {labels.ORIGINS[Origin.RESEARCH]}]",
}


def position_block(topic: Topic, position: Position, label_md: str, show_holder: bool) -> str:
    """One position as a single Markdown block: label, origin, claim, holder, reasoning, evidence, sources."""
    parts = [f"{label_md} {ORIGIN[position.origin.value]}"]
    parts.append(f"**{md(position.claim)}**" if position.claim else "No claim written yet.")
    if show_holder and position.held_by:
        parts.append(f"**{labels.HELD_BY}:** {md(position.held_by)}")
    parts.extend(render.support_parts(topic, position))
    return "\n\n".join(parts)


def order(pair: Pair, swap: bool, blind: bool) -> tuple[Side, Side]:
    left, right = render.blind_order(pair.id) if blind else (Side.SUPPORTER, Side.CRITIC)
    return (right, left) if swap else (left, right)


def render_pair(topic: Topic, pair: Pair, *, swap: bool, blind: bool, revealed: bool, linked: bool) -> None:
    with st.container(border=True):
        st.subheader(md(pair.question) or "(no question)", anchor=f"pair-{pair.id}")
        if linked:
            st.markdown(":blue-badge[:material/link: Linked pair]")
        hidden = blind and not revealed
        columns = st.columns(2, gap="medium")
        for column, letter, side in zip(columns, "AB", order(pair, swap, blind), strict=True):
            if hidden:
                label_md = render.badge(f"Position {letter}")
            elif blind:
                label_md = f"{render.badge(f'Position {letter}')} {render.side_badge(topic, side)}"
            else:
                label_md = render.side_badge(topic, side)
            position = pair.side(side)
            with column:
                st.markdown(position_block(topic, position, label_md, show_holder=not hidden))
                if position.rebuttal:
                    with st.expander(labels.REBUTTAL, icon=":material/reply:"):
                        st.markdown(md(position.rebuttal))


def section_extras(topic: Topic, section: Section) -> None:
    """Fact checks, discussion questions and key terms, each as one Markdown block."""
    if section.fact_checks:
        lines = ["#### Fact checks"]
        for check in section.fact_checks:
            colour, icon, word = VERDICTS[check.verdict]
            line = f"- :{colour}-badge[{icon} {word}] {md(check.claim)}"
            if check.note:
                line += f"  \n  {md(check.note)}"
            if check.sources:
                line += f"  \n  Sources: {render.number_links(topic, check.sources)}"
            lines.append(line)
        st.markdown("\n".join(lines))
    if section.questions:
        st.markdown(
            "#### Discussion questions\n"
            + "\n".join(f"{n}. {md(q)}" for n, q in enumerate(section.questions, start=1))
        )
    if section.terms:
        st.markdown(
            "#### Key terms\n" + "\n".join(f"- **{md(t.term)}**: {md(t.definition)}" for t in section.terms)
        )


def controls(topic: Topic) -> tuple[bool, bool, bool]:
    """Swap, blind and reveal toggles; turning blind mode on always starts hidden again."""

    def blind_changed() -> None:
        st.session_state["reveal"] = False

    left, middle, right = st.columns(3)
    critic = md(topic.sides.label(Side.CRITIC))
    # No help tooltips and no italics on this page: each costs the browser another lazy download.
    swap = left.toggle(f"{critic} on the left", key="swap")
    blind = middle.toggle("Blind mode: hide the sides", key="blind", on_change=blind_changed)
    revealed = False
    if blind:
        revealed = right.toggle("Reveal sides", key="reveal")
    return swap, blind, revealed


place = routing.place_or_stop()
topic = place.topic
st.title(md(topic.title))
st.markdown(f"**{md(topic.question)}**")

if place.section is None:
    st.info("This topic has no sections yet.")
    st.stop()

section = place.section
ids = [s.id for s in topic.sections]
titles = {s.id: f"{n}. {s.title}" for n, s in enumerate(topic.sections, start=1)}
st.session_state["section_pick"] = section.id
routing.remember_section(topic.id, section.id)


def section_changed() -> None:
    new = st.session_state["section_pick"]
    routing.remember_section(topic.id, new)
    st.query_params.from_dict({"topic": topic.id, "section": new})


st.selectbox("Section", ids, key="section_pick", format_func=titles.__getitem__, on_change=section_changed)
routing.sync_url(place)
swap, blind, revealed = controls(topic)

st.header(md(titles[section.id]), anchor=f"section-{section.id}")  # h1 topic > h2 section > h3 pairs
if section.summary:
    st.markdown(md(section.summary))
if place.pair is not None:
    st.caption(f"You opened a link to one pair: [{md(place.pair.question)}](#pair-{place.pair.id})")
if not section.pairs:
    st.info("This section has no argument pairs yet.")
for pair in section.pairs:
    render_pair(
        topic,
        pair,
        swap=swap,
        blind=blind,
        revealed=revealed,
        linked=place.pair is not None and pair is place.pair,
    )
section_extras(topic, section)

at = ids.index(section.id)
back, forward = st.columns(2)
if at > 0:
    with back:
        render.page_link("compare", f"← {md(titles[ids[at - 1]])}", topic=topic.id, section=ids[at - 1])
if at + 1 < len(ids):
    with forward:
        render.page_link("compare", f"{md(titles[ids[at + 1]])} →", topic=topic.id, section=ids[at + 1])
