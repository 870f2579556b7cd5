"""What every page shares: the cached library, the place chosen by the URL, and inert Markdown.

Pages read validated topics from here and never touch YAML. The library is cached per content folder
fingerprint (each file's path, mtime_ns and size), so an edited file reloads on the next run and an
unchanged one costs nothing. Query parameters only ever *select* among known ids: an unknown, empty,
repeated, overlong or non-ASCII value falls back to a default with a friendly note, never a traceback.
All content text goes through :func:`md` so Markdown and HTML in it stay literal, and only http(s) URLs
become links (:func:`link`).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from debate_explorer.config import CONTENT_DIR_ENV, content_dir
from debate_explorer.escape import streamlit_link, streamlit_md
from debate_explorer.loading import TOPIC_SUFFIXES, Library, LoadedTopic, LoadError, load_file, load_library
from debate_explorer.model import Pair, Position, Section, Side, Topic
from debate_explorer.pages import PAGES as PAGE_SPECS

ENV_DIR = CONTENT_DIR_ENV

PAGES = {page.key: str(page.path) for page in PAGE_SPECS}
"""Absolute page scripts for st.page_link: right whichever entry (app.py, views/app.py) runs the app."""

BADGE = {Side.SUPPORTER: "blue", Side.CRITIC: "orange"}
"""Streamlit badge colours per side: blue versus orange reads for the common colour-vision deficiencies."""

MAX_SHOWN = 40
"""Longest part of a bad query value echoed back to the reader."""


HEAVY_MODULES = ("numpy", "pandas", "pyarrow", "plotly.graph_objects", "plotly.io")
"""Imported once, under a lock, before any page runs (see :func:`warm_imports`)."""

_import_lock = threading.Lock()
_warmed = False


def warm_imports() -> None:
    """Import the heavy libraries once, one thread at a time, before the first page of any session runs.

    Streamlit runs each session's script in its own thread. When several first visits import numpy at the
    same moment (plotly and st.dataframe import it lazily), a thread can see numpy half-initialised and
    fail with "partially initialized module". Holding one lock across the whole import makes the others
    wait for the finished modules instead; afterwards this is a flag check.
    """
    global _warmed
    if _warmed:
        return
    with _import_lock:
        if not _warmed:
            for name in HEAVY_MODULES:
                try:
                    importlib.import_module(name)
                except ImportError:
                    continue  # optional (pyarrow) or missing: the page that needs it will say so
            _warmed = True


# ---------------------------------------------------------------- inert Markdown


md = streamlit_md
"""Content text as Streamlit Markdown that renders literally (:func:`debate_explorer.escape.streamlit_md`)."""
link = streamlit_link
"""An http(s) link with a Markdown label, or the label alone (see :mod:`debate_explorer.escape`)."""


def badge(text: str, colour: str = "gray") -> str:
    """A Streamlit Markdown badge with escaped text."""
    return f":{colour}-badge[{md(text)}]"


# ---------------------------------------------------------------- the library


Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(folder: Path) -> Fingerprint:
    """(path, mtime_ns, size) of each topic file, sorted: changes whenever any topic file changes.

    One ``scandir`` pass with one ``stat`` per file: this runs on every rerun of every page.
    """
    out = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(TOPIC_SUFFIXES):
                continue
            path = str(folder / entry.name)
            try:
                if not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError:
                out.append((path, -1, -1))
                continue
            out.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(out))


@st.cache_resource(show_spinner=False, max_entries=4096)
def _load_file(path: str, mtime_ns: int, size: int) -> LoadedTopic | LoadError:
    """One topic file per (path, mtime, size): editing one topic reloads that file only."""
    try:
        return load_file(path)
    except LoadError as exc:
        return exc


@st.cache_resource(show_spinner=False, max_entries=16)
def _load(folder: str, digest: str, _files: Fingerprint) -> Library:
    """The library for one state of the folder; topics are frozen models, so sessions can share them.

    Keyed by a short digest of the fingerprint: hashing a long tuple on every rerun cost more than
    computing the digest once (benchmarks/scale.py, 1,000 topics).
    """
    stats = {path: (mtime, size) for path, mtime, size in _files}

    def load(path: Path) -> LoadedTopic:
        result = _load_file(str(path), *stats[str(path)])
        if isinstance(result, LoadError):
            raise replace(result)  # a fresh exception: the cached one is shared between sessions
        return result

    return load_library([Path(path) for path, _, _ in _files], load=load)


def library() -> Library:
    """Every topic in the content folder (cached), or one error explaining why the folder can't be read."""
    folder = content_dir()
    try:
        key = fingerprint(folder)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Library(errors=[LoadError(str(folder), None, "", f"cannot read the content folder: {reason}")])
    return _load(str(folder), hashlib.sha1(repr(key).encode()).hexdigest(), key)


# ---------------------------------------------------------------- the URL


@dataclass(frozen=True)
class Place:
    """Where the reader is: a topic, a section of it, optionally one pair; plus notes on ignored params."""

    loaded: LoadedTopic
    section: Section | None
    pair: Pair | None
    notes: tuple[str, ...] = ()

    @property
    def topic(self) -> Topic:
        return self.loaded.topic


def param(name: str) -> str | None:
    """The query value for ``name`` (the last one if repeated), or None if absent."""
    values = st.query_params.get_all(name)
    return values[-1] if values else None


def shown(value: str) -> str:
    """A bad query value, shortened and escaped so it can be quoted back to the reader."""
    cut = value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…"
    return md(cut)


def pick(value: str | None, known: Sequence[str], what: str) -> tuple[str | None, str | None]:
    """Select ``value`` if it is one of ``known``; else (None, a note for the reader, if one is due)."""
    if value is None:
        return None, None
    if value in known:
        return value, None
    if not value.strip():
        return None, f"The link has an empty {what}; showing the start instead."
    return None, f"There is no {what} “{shown(value)}” here; showing the start instead."


def resolve(lib: Library, *, want_section: bool = True) -> Place | None:
    """Read ?topic=&section=&pair=, falling back to the session's topic and then the first topic."""
    if not lib.topics:
        return None
    notes: list[str] = []
    ids = [t.topic.id for t in lib.topics]
    topic_id, note = pick(param("topic"), ids, "topic")
    notes += [note] if note else []
    if topic_id is None:
        remembered = st.session_state.get("topic")
        topic_id = remembered if remembered in ids else ids[0]
    loaded = lib.topics[ids.index(topic_id)]
    topic = loaded.topic
    st.session_state["topic"] = topic_id
    if not want_section or not topic.sections:
        return Place(loaded, None, None, tuple(notes))

    section_id, note = pick(param("section"), [s.id for s in topic.sections], "section")
    notes += [note] if note else []
    pair_value = param("pair")
    all_pairs = {pair.id: section for section, pair in topic.pairs()}
    if section_id is None and pair_value in all_pairs and param("section") in (None, ""):
        section_id = all_pairs[pair_value].id  # a link to a pair alone opens its section
    section = topic.section(section_id) if section_id else None
    if section is None:
        remembered = st.session_state.get(f"section:{topic_id}")
        section = topic.section(remembered) if isinstance(remembered, str) else None
    section = section or topic.sections[0]
    pair_id, note = pick(pair_value, [p.id for p in section.pairs], "pair in this section")
    notes += [note] if note else []
    pair = next((p for p in section.pairs if p.id == pair_id), None)
    return Place(loaded, section, pair, tuple(notes))


def sync_url(place: Place, *, with_section: bool = True) -> None:
    """Make the address bar show the current place, so every view can be shared as it is."""
    wanted = {"topic": place.topic.id}
    if with_section and place.section is not None:
        wanted["section"] = place.section.id
        if place.pair is not None:
            wanted["pair"] = place.pair.id
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != {key: [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


def place_or_stop(*, want_section: bool = True) -> Place:
    """The current place, with notes shown; stops the page kindly when there is nothing to show."""
    lib = library()
    place = resolve(lib, want_section=want_section)
    if place is None:
        st.info(
            f"No topics to show. Put topic files in **{md(content_dir())}** "
            f"(or set {ENV_DIR}); the Topics page lists any file that failed to load."
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


# ---------------------------------------------------------------- sides and numbering


def side_badge(topic: Topic, side: Side) -> str:
    return badge(topic.sides.label(side), BADGE[side])


def support_parts(topic: Topic, position: Position) -> list[str]:
    """A position's reasoning, evidence and numbered sources as Markdown paragraphs (empty ones left out)."""
    parts = []
    if position.reasoning:
        parts.append(f"**Reasoning.** {md(position.reasoning)}")
    if position.evidence:
        parts.append(f"**Evidence.** {md(position.evidence)}")
    if position.sources:
        parts.append("**Sources**\n\n" + source_lines(topic, position.sources))
    return parts


def source_lines(topic: Topic, ids: Sequence[str]) -> str:
    """Numbered source lines: ``[n]`` links to the real URL (http(s) only); title, publisher, date follow."""
    sources, numbers = topic.source_map, topic.source_numbers
    lines = []
    for sid in ids:
        source = sources.get(sid)
        if source is None:
            lines.append(f"- \\[?\\] {md(sid)} (unknown source)")
            continue
        number = link(f"\\[{numbers[sid]}\\]", source.url, source.title)
        meta = " · ".join(md(x) for x in (source.publisher, source.published or "") if x)
        lines.append(f"- {number} {md(source.title)}" + (f" · {meta}" if meta else ""))
    return "\n".join(lines)


def number_links(topic: Topic, ids: Sequence[str]) -> str:
    """``[1] [4]``: each cited source's number, linked to its URL when that is http(s)."""
    numbers, sources = topic.source_numbers, topic.source_map
    return " ".join(
        link(f"\\[{numbers[sid]}\\]", sources[sid].url, sources[sid].title)
        if sid in sources
        else f"\\[?\\] {md(sid)}"
        for sid in ids
    )


def blind_order(pair_id: str) -> tuple[Side, Side]:
    """A stable, id-derived order for blind mode, so the left column is not always the same side."""
    flip = hashlib.sha256(pair_id.encode()).digest()[0] & 1
    return (Side.CRITIC, Side.SUPPORTER) if flip else (Side.SUPPORTER, Side.CRITIC)


def page_link(page: str, label: str, **params: str) -> None:
    """A link to one of the app's pages with query parameters (ids only; they are validated on arrival)."""
    st.page_link(PAGES[page], label=label, query_params=params or None)


def guarded(render: Callable[[], None], what: str) -> None:
    """Run an optional part of a page; a failure there shows a note instead of breaking the page."""
    try:
        render()
    except Exception as exc:
        st.warning(f"Could not show {what}: {md(type(exc).__name__)}.")
