"""Where a link points: query parameters in, a place in the library out (no Streamlit).

Query parameters only ever *select* among known ids. An unknown, empty, repeated, overlong or non-ASCII
value falls back to a default with a note for the reader, never an error: links get truncated, mangled by
chat apps and edited by hand. The views read the parameters and the session's remembered choices, call
:func:`resolve`, and show the notes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from debate_explorer.escape import shorten, streamlit_md
from debate_explorer.loading import Library, LoadedTopic
from debate_explorer.model import Pair, Section, Topic

MAX_SHOWN = 40
"""Longest part of a bad query value echoed back to the reader."""

Params = Mapping[str, Sequence[str] | str]
"""Query parameters as a browser sends them: each name with one value or all its values."""


@dataclass(frozen=True)
class Place:
    """Where the reader is: a topic, a section of it, optionally one pair; plus notes on ignored params.

    Notes are Streamlit Markdown: any query value they quote is shortened and escaped.
    """

    loaded: LoadedTopic
    section: Section | None
    pair: Pair | None
    notes: tuple[str, ...] = ()

    @property
    def topic(self) -> Topic:
        return self.loaded.topic


def param(params: Params, name: str) -> str | None:
    """The value of ``name`` (the last one if repeated), or None if absent."""
    values = params.get(name)
    if values is None or isinstance(values, str):
        return values
    return values[-1] if values else None


def shown(value: str) -> str:
    """A bad query value, shortened and escaped so it can be quoted back to the reader."""
    return streamlit_md(shorten(value, MAX_SHOWN + 1))


def pick(value: str | None, known: Sequence[str], what: str) -> tuple[str | None, str | None]:
    """Select ``value`` if it is one of ``known``; else (None, a note for the reader, if one is due)."""
    if value is None:
        return None, None
    if value in known:
        return value, None
    if not value.strip():
        return None, f"The link has an empty {what}; showing the start instead."
    return None, f"There is no {what} “{shown(value)}” here; showing the start instead."


def resolve(
    library: Library,
    params: Params,
    remembered_topic: object = None,
    remembered_sections: Mapping[str, object] | None = None,
    *,
    want_section: bool = True,
) -> Place | None:
    """The place ``?topic=&section=&pair=`` names, or None when the library has no topic.

    Falls back to the remembered topic and then the first topic; to the topic's remembered section
    (``remembered_sections[topic id]``) and then its first section. A pair alone opens its section.
    Remembered values come from a session, so anything that is not a known id is ignored.
    """
    if not library.topics:
        return None
    notes: list[str] = []
    ids = [t.topic.id for t in library.topics]
    picked, note = pick(param(params, "topic"), ids, "topic")
    notes += [note] if note else []
    fallback = remembered_topic if isinstance(remembered_topic, str) and remembered_topic in ids else ids[0]
    topic_id = picked or fallback
    loaded = library.topics[ids.index(topic_id)]
    topic = loaded.topic
    if not want_section or not topic.sections:
        return Place(loaded, None, None, tuple(notes))

    section_value = param(params, "section")
    section_id, note = pick(section_value, [s.id for s in topic.sections], "section")
    notes += [note] if note else []
    pair_value = param(params, "pair")
    if section_id is None and pair_value and section_value in (None, ""):
        found = topic.find_pair(pair_value)
        section_id = found[0].id if found else None  # a link to a pair alone opens its section
    section = topic.section(section_id) if section_id else None
    if section is None:
        remembered = (remembered_sections or {}).get(topic_id)
        section = topic.section(remembered) if isinstance(remembered, str) else None
    section = section or topic.sections[0]
    pair_id, note = pick(pair_value, [p.id for p in section.pairs], "pair in this section")
    notes += [note] if note else []
    pair = section.pair(pair_id) if pair_id else None
    return Place(loaded, section, pair, tuple(notes))


# ---------------------------------------------------------------- how the Compare page shows a section

VIEWS = ("claims", "full")
"""``?view=``: claims first (reasoning, evidence and sources open on demand) or everything at once."""
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class Display:
    """How Compare shows a section: ``?view=claims|full&swap=1&blind=1&page=N``, plus notes on bad values.

    Blind mode orders each pair by its id, so "swap" does nothing while blind: :attr:`swapped` says whether
    the swap applies, and :meth:`params` leaves it out of a blind link.
    """

    view: str = VIEWS[0]
    swap: bool = False
    blind: bool = False
    page: int = 1
    notes: tuple[str, ...] = ()

    @property
    def claims_first(self) -> bool:
        return self.view == "claims"

    @property
    def swapped(self) -> bool:
        return self.swap and not self.blind

    def params(self) -> dict[str, str]:
        """The query parameters that reproduce this display (the view always; flags and page when set)."""
        out = {"view": self.view}
        if self.swapped:
            out["swap"] = "1"
        if self.blind:
            out["blind"] = "1"
        if self.page > 1:
            out["page"] = str(self.page)
        return out


def _flag(params: Params, name: str, notes: list[str]) -> bool:
    value = param(params, name)
    if value is None or value in ("0", ""):
        return False
    if value == "1":
        return True
    notes.append(f"The link's {name} “{shown(value)}” is not 1 or 0; it is off.")
    return False


def display(params: Params) -> Display:
    """The Compare display the query parameters ask for; anything unknown falls back with a note."""
    notes: list[str] = []
    value = param(params, "view")
    view, note = pick(value, VIEWS, "view")
    if note:
        notes.append(note.replace("showing the start instead", f"showing the {VIEWS[0]} view"))
    number = param(params, "page")
    page = 1
    if number is not None and number != "":
        if number.isascii() and number.isdigit() and 0 < len(number) <= len(str(MAX_PAGE)):
            page = max(1, min(int(number), MAX_PAGE))
        else:
            notes.append(f"There is no page “{shown(number)}”; showing the first page.")
    swap = _flag(params, "swap", notes)
    blind = _flag(params, "blind", notes)
    return Display(view or VIEWS[0], swap, blind, page, tuple(notes))
