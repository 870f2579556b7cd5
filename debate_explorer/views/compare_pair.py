"""One pair on the Compare page, claims first or in full, and the section's fact checks, questions and terms.

Claims first: the question, the two claims side by side and one "details" expander per pair whose
reasoning, evidence, sources and rebuttals are only built when it is opened (``on_change="rerun"``), so a
section is short and cheap. The full view shows reasoning and evidence too. Either way each position's
sources fold into one "3 sources" line that opens them, with the app's ``[n]`` numbers.

Blind mode hides the side labels, the holders and the sources (whose publishers give the side away) until
the reader reveals that pair; the reveal toggles are widgets keyed by section and pair, so they reset when
the section, the page or blind mode changes (Streamlit drops the state of widgets no longer drawn).
"""

from __future__ import annotations

import streamlit as st

from debate_explorer import labels, teaching
from debate_explorer.model import Origin, Pair, Position, Section, Side, Topic, Verdict
from debate_explorer.pages import page
from debate_explorer.routing import Display
from debate_explorer.views import render
from debate_explorer.views.practice_keys import DRILL
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
DETAILS = "Reasoning, evidence, sources and rebuttals"
LINKED = ":blue-badge[:material/link: Linked pair]"


def reveal_key(section: Section, pair: Pair) -> str:
    return f"compare.reveal.{section.id}.{pair.id}"


def details_key(section: Section, pair: Pair) -> str:
    return f"compare.details.{section.id}.{pair.id}"


def sources_label(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''}"


def order(pair: Pair, display: Display) -> tuple[Side, Side]:
    """Left and right side: by the pair's id in blind mode (swap does not apply), else swap decides."""
    left, right = render.blind_order(pair.id) if display.blind else (Side.SUPPORTER, Side.CRITIC)
    return (right, left) if display.swapped else (left, right)


def label(topic: Topic, side: Side, letter: str, display: Display, hidden: bool) -> str:
    if hidden:
        return render.badge(f"Position {letter}")
    if display.blind:
        return f"{render.badge(f'Position {letter}')} {render.side_badge(topic, side)}"
    return render.side_badge(topic, side)


def claim_block(topic: Topic, position: Position, label_md: str, holder: bool) -> str:
    """Label, origin, the claim in bold and (with ``holder``) who holds it, as one Markdown block."""
    parts = [f"{label_md} {ORIGIN[position.origin.value]}"]
    parts.append(f"**{md(position.claim)}**" if position.claim else "No claim written yet.")
    if holder and position.held_by:
        parts.append(held_by(position))
    return "\n\n".join(parts)


def held_by(position: Position) -> str:
    return f"**{labels.HELD_BY}:** {md(position.held_by)}"


def folded_sources(topic: Topic, position: Position, hidden: bool) -> None:
    """The position's sources as one line that opens them, or (blind) how many are hidden."""
    if not position.sources:
        return
    count = sources_label(len(position.sources))
    if hidden:
        st.caption(f":material/visibility_off: {count} hidden until you reveal this pair")
        return
    with st.expander(count, icon=":material/menu_book:"):
        st.markdown(render.source_lines(topic, position.sources))


def rebuttal(position: Position) -> None:
    if position.rebuttal:
        with st.expander(labels.REBUTTAL, icon=":material/reply:"):
            st.markdown(md(position.rebuttal))


def support(topic: Topic, position: Position, hidden: bool, *, holder: bool = False) -> None:
    """(Who holds it,) reasoning and evidence, the folded sources and the rebuttal of one position."""
    parts = [held_by(position)] if holder and not hidden and position.held_by else []
    # support_parts ends with the numbered sources when there are any; here they fold into one line
    parts += render.support_parts(topic, position)[: -1 if position.sources else None]
    if parts:
        st.markdown("\n\n".join(parts))
    folded_sources(topic, position, hidden)
    rebuttal(position)


def practise(topic: Topic, section: Section, pair: Pair, side: Side) -> None:
    """Open Practice's rebuttal drill on this pair, arguing for ``side``.

    The drill goes into the session key the drill tab reads, and the address carries the drill link's
    parameters (``?topic=&section=&pair=&side=``), so the Practice page can be shared as it opens.
    """
    st.session_state[DRILL] = teaching.Drill(topic.id, section.id, pair.id, side)
    link = {"topic": topic.id, "section": section.id, "pair": pair.id, "side": side.value}
    st.switch_page(page("practice").path, query_params=link)


def practise_menu(
    topic: Topic, section: Section, pair: Pair, sides: list[tuple[str, Side]], hidden: bool
) -> None:
    if not (pair.supporter.claim.strip() and pair.critic.claim.strip()):
        return
    with st.popover("Practise this pair", icon=":material/edit_note:", type="tertiary"):
        st.caption("Write a rebuttal for one side in the rebuttal drill.")
        for letter, side in sides:
            who = f"position {letter}" if hidden else f"the {render.side_label(topic, side)}"
            if st.button(f"Argue for {who}", key=f"compare.practise.{section.id}.{pair.id}.{side.value}"):
                practise(topic, section, pair, side)


def render_pair(topic: Topic, section: Section, pair: Pair, display: Display, *, linked: bool) -> None:
    with st.container(border=True):
        st.subheader(md(pair.question) or "(no question)", anchor=f"pair-{pair.id}")
        if linked:
            st.markdown(LINKED)
        revealed = display.blind and bool(
            st.toggle("Reveal the sides of this pair", key=reveal_key(section, pair))
        )
        hidden = display.blind and not revealed
        sides = list(zip("AB", order(pair, display), strict=True))
        columns = st.columns(2, gap="medium")
        for column, (letter, side) in zip(columns, sides, strict=True):
            position = pair.side(side)
            with column:
                label_md = label(topic, side, letter, display, hidden)
                # claims first: who holds a claim opens with its reasoning, so the claims sit close together
                st.markdown(claim_block(topic, position, label_md, not hidden and not display.claims_first))
                if not display.claims_first:
                    support(topic, position, hidden)
        if display.claims_first:
            details = st.expander(
                DETAILS, icon=":material/unfold_more:", key=details_key(section, pair), on_change="rerun"
            )
            with details:
                if details.open:
                    for column, (letter, side) in zip(st.columns(2, gap="medium"), sides, strict=True):
                        with column:
                            st.markdown(label(topic, side, letter, display, hidden))
                            support(topic, pair.side(side), hidden, holder=True)
        practise_menu(topic, section, pair, sides, hidden)


def extra(title: str, count: int, body: str, folded: bool) -> None:
    """One of the section's extras: a heading and its Markdown, or (claims first) an expander."""
    if folded:
        with st.expander(f"{title} ({count})"):
            st.markdown(body)
    else:
        st.markdown(f"#### {title}\n{body}")


def section_extras(topic: Topic, section: Section, *, blind: bool = False, folded: bool = False) -> None:
    """Fact checks, discussion questions and key terms, each as one Markdown block (folded: expanders).

    In blind mode the fact checks' sources are only counted: their publishers would give sides away.
    """
    if section.fact_checks:
        lines = []
        for check in section.fact_checks:
            colour, icon, word = VERDICTS[check.verdict]
            line = f"- :{colour}-badge[{icon} {word}] {md(check.claim)}"
            if check.note:
                line += f"  \n  {md(check.note)}"
            if check.sources and blind:
                line += f"  \n  {sources_label(len(check.sources))} hidden in blind mode"
            elif check.sources:
                line += f"  \n  Sources: {render.number_links(topic, check.sources)}"
            lines.append(line)
        extra("Fact checks", len(section.fact_checks), "\n".join(lines), folded)
    if section.questions:
        questions = "\n".join(f"{n}. {md(q)}" for n, q in enumerate(section.questions, start=1))
        extra("Discussion questions", len(section.questions), questions, folded)
    if section.terms:
        terms = "\n".join(f"- **{md(t.term)}**: {md(t.definition)}" for t in section.terms)
        extra("Key terms", len(section.terms), terms, folded)
