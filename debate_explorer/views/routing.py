"""The URL and the session, glued to :mod:`debate_explorer.routing` (which decides the place).

Reads ``st.query_params`` and the session's remembered topic and sections, shows the notes on ignored
parameters, keeps the address bar in step with the place shown, and offers the sidebar topic switcher.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from debate_explorer import routing
from debate_explorer.config import CONTENT_DIR_ENV, content_dir
from debate_explorer.loading import Library
from debate_explorer.routing import Place
from debate_explorer.views.library import library, public_folder
from debate_explorer.views.render import md

SECTION_KEY = "section:{}"
"""Session key of the section last shown for a topic id (set by the Compare page)."""


def remember_section(topic_id: str, section_id: str) -> None:
    st.session_state[SECTION_KEY.format(topic_id)] = section_id


def resolve(lib: Library, *, want_section: bool = True) -> Place | None:
    """The place the URL names, falling back to what this session saw last; remembers the topic."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    sections = {
        t.topic.id: st.session_state.get(SECTION_KEY.format(t.topic.id))
        for t in lib.topics
        if SECTION_KEY.format(t.topic.id) in st.session_state
    }
    place = routing.resolve(lib, params, st.session_state.get("topic"), sections, want_section=want_section)
    if place is not None:
        st.session_state["topic"] = place.topic.id
    return place


def place_params(place: Place, *, with_section: bool = True) -> dict[str, str]:
    """``topic``, ``section`` and ``pair`` of a place, as the address bar shows them."""
    wanted = {"topic": place.topic.id}
    if with_section and place.section is not None:
        wanted["section"] = place.section.id
        if place.pair is not None:
            wanted["pair"] = place.pair.id
    return wanted


def sync_url(place: Place, *, with_section: bool = True, extra: Mapping[str, str] | None = None) -> None:
    """Make the address bar show the current place (and ``extra``, e.g. Compare's display), so every view
    can be shared as it is."""
    wanted = place_params(place, with_section=with_section) | dict(extra or {})
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != {key: [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


def display() -> routing.Display:
    """Compare's display (view, swap, blind, page) as the URL asks for it."""
    return routing.display({key: st.query_params.get_all(key) for key in st.query_params})


def place_or_stop(*, want_section: bool = True) -> Place:
    """The current place, with notes shown; stops the page kindly when there is nothing to show."""
    lib = library()
    place = resolve(lib, want_section=want_section)
    if place is None:
        folder = md(public_folder(content_dir()))
        st.info(
            f"No topics to show. Put topic files in the content folder **{folder}** "
            f"(or set {CONTENT_DIR_ENV}); the Topics page lists any file that failed to load."
        )
        st.stop()
    for note in place.notes:
        st.info(note, icon=":material/link_off:")
    topic_picker(lib, place)
    return place


def topic_picker(lib: Library, place: Place) -> None:
    """A sidebar topic switcher; only shown when there is more than one topic."""
    if len(lib.topics) < 2:
        return
    titles = {t.topic.id: t.topic.title for t in lib.topics}
    ids = list(titles)
    st.session_state["topic_pick"] = place.topic.id

    def changed() -> None:
        st.query_params.from_dict({"topic": st.session_state["topic_pick"]})

    st.sidebar.selectbox("Topic", ids, key="topic_pick", format_func=titles.__getitem__, on_change=changed)
