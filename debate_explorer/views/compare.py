"""Compare page: one section at a time, each question with its two positions side by side.

The address bar holds everything the reader sees (``?topic=&section=&pair=&view=claims|full&swap=1&blind=1
&page=N``, read and written through :mod:`debate_explorer.routing`), so a teacher can hand out exactly this
view. The controls write the URL in their callbacks; each run reads it back. Pairs are shown
:data:`~debate_explorer.paging.PAIRS_PER_PAGE` at a time. How a pair is drawn lives in ``compare_pair``.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from debate_explorer.exports import FORMATS, export_topic, file_name
from debate_explorer.model import Side, Topic
from debate_explorer.paging import PAIRS_PER_PAGE, paginate
from debate_explorer.routing import VIEWS, Display, Place
from debate_explorer.views import compare_pair, render, routing
from debate_explorer.views.render import md

PRINT_FORMAT = "html"
"""The export behind "Print this section": the printable handout (exports/registry.py)."""
VIEW_LABELS = {"claims": "Claims first", "full": "Everything"}


def url_for(place: Place, display: Display, *, section: str | None = None) -> dict[str, str]:
    """The query parameters for this place and display (another section starts on its first page)."""
    params = routing.place_params(place)
    if section is not None:
        params = {"topic": place.topic.id, "section": section}
        display = replace(display, page=1)
    return params | display.params()


def controls(topic: Topic, place: Place, display: Display) -> None:
    """View, swap and blind controls; each change is written to the URL, which the next run reads."""
    st.session_state["view"] = display.view
    st.session_state["swap"] = display.swapped
    st.session_state["blind"] = display.blind

    def changed() -> None:
        wanted = Display(
            view=st.session_state["view"] or display.view,
            swap=bool(st.session_state["swap"]),
            blind=bool(st.session_state["blind"]),
            page=display.page,
        )
        st.query_params.from_dict(url_for(place, wanted))

    left, middle, right = st.columns([2, 1, 1], vertical_alignment="center")
    left.segmented_control(
        "View", list(VIEWS), key="view", format_func=VIEW_LABELS.__getitem__, on_change=changed
    )
    critic = md(topic.sides.label(Side.CRITIC))
    # No help tooltips and no italics on this page: each costs the browser another lazy download.
    middle.toggle(f"{critic} on the left", key="swap", on_change=changed, disabled=display.blind)
    right.toggle("Blind mode: hide the sides", key="blind", on_change=changed)
    if display.blind:
        st.info(
            "Blind mode: guess which side holds each position, then reveal that pair to check. "
            "Sides, holders and sources stay hidden until you do; the left/right order is mixed, "
            f"so “{critic} on the left” is off.",
            icon=":material/visibility_off:",
        )


def print_button(topic: Topic, section_id: str) -> None:
    """ "Print this section": the section's printable handout, built only when clicked."""
    st.download_button(
        "Print this section",
        data=lambda: export_topic(topic, PRINT_FORMAT, section_id),
        file_name=file_name(topic, PRINT_FORMAT, section_id),
        mime=FORMATS[PRINT_FORMAT].mime,
        key="compare.print",
        icon=":material/print:",
        on_click="ignore",
    )


place = routing.place_or_stop()
topic = place.topic
st.title(md(topic.title))
st.markdown(f"**{md(topic.question)}**")

if place.section is None:
    st.info("This topic has no sections yet.")
    st.stop()

section = place.section
display = routing.display()
for note in display.notes:
    st.info(note, icon=":material/link_off:")
if place.pair is not None:  # a link to one pair opens the page that holds it
    display = replace(display, page=section.pairs.index(place.pair) // PAIRS_PER_PAGE + 1)
shown = paginate(section.pairs, display.page, PAIRS_PER_PAGE)
display = replace(display, page=shown.number)
end = shown.start + len(shown.items)

ids = [s.id for s in topic.sections]
titles = {s.id: f"{n}. {s.title}" for n, s in enumerate(topic.sections, start=1)}
st.session_state["section_pick"] = section.id
routing.remember_section(topic.id, section.id)


def section_changed() -> None:
    new = st.session_state["section_pick"]
    routing.remember_section(topic.id, new)
    st.query_params.from_dict(url_for(place, display, section=new))


st.selectbox("Section", ids, key="section_pick", format_func=titles.__getitem__, on_change=section_changed)
routing.sync_url(place, extra=display.params())
controls(topic, place, display)

st.header(md(titles[section.id]), anchor=f"section-{section.id}")  # h1 topic > h2 section > h3 pairs
if section.summary:
    st.markdown(md(section.summary))
if not section.pairs:
    st.info("This section has no argument pairs yet.")
else:
    count = f"{shown.total} question{'s' if shown.total != 1 else ''}"
    if shown.pages > 1:
        count += f", {shown.start + 1}–{shown.end} on this page"
    st.markdown(
        f"**In this section** ({count}):\n"
        + "\n".join(
            f"{n}. [{md(pair.question) or md(pair.id)}](#pair-{pair.id})"
            for n, pair in enumerate(shown.items, start=shown.start + 1)
        )
    )
    print_button(topic, section.id)
if place.pair is not None:
    st.caption(f"You opened a link to one pair: [{md(place.pair.question)}](#pair-{place.pair.id})")

for pair in shown.items:
    linked = place.pair is not None and pair is place.pair
    compare_pair.render_pair(topic, section, pair, display, linked=linked)
    if linked:
        render.scroll_to(f"pair-{pair.id}")


def page_links() -> None:
    """Links to the previous and next page of pairs (the pair link is dropped: a page is asked for)."""
    base = Place(place.loaded, section, None)
    back, forward = st.columns(2)
    for column, number, text in (
        (back, shown.number - 1, f"← Questions {shown.start - PAIRS_PER_PAGE + 1}–{shown.start}"),
        (
            forward,
            shown.number + 1,
            f"Questions {end + 1}–{min(end + PAIRS_PER_PAGE, shown.total)} →",
        ),
    ):
        if 1 <= number <= shown.pages:
            with column:
                render.page_link("compare", text, **url_for(base, replace(display, page=number)))


if shown.pages > 1:
    st.caption(f"Page {shown.number} of {shown.pages}: {PAIRS_PER_PAGE} questions a page.")
    page_links()
compare_pair.section_extras(topic, section, blind=display.blind, folded=display.claims_first)

at = ids.index(section.id)
back, forward = st.columns(2)
if at > 0:
    with back:
        render.page_link(
            "compare", f"← {md(titles[ids[at - 1]])}", **url_for(place, display, section=ids[at - 1])
        )
if at + 1 < len(ids):
    with forward:
        render.page_link(
            "compare", f"{md(titles[ids[at + 1]])} →", **url_for(place, display, section=ids[at + 1])
        )
