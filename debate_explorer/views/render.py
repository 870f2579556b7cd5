"""Rendering helpers the pages share: inert Markdown, links, badges, numbered sources, blind order.

All content text goes through :func:`md` so Markdown and HTML in it stay literal, and only http(s) URLs
become links (:func:`link`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from debate_explorer.escape import streamlit_link, streamlit_md
from debate_explorer.memo import by_identity
from debate_explorer.model import Position, Side, Topic
from debate_explorer.pages import page
from debate_explorer.paging import Page, page_count, paginate
from debate_explorer.search import segments

T = TypeVar("T")

BADGE = {Side.SUPPORTER: "blue", Side.CRITIC: "orange"}
"""Streamlit badge colours per side: blue versus orange reads for the common colour-vision deficiencies."""

md = streamlit_md
"""Content text as Streamlit Markdown that renders literally (:func:`debate_explorer.escape.streamlit_md`)."""
link = streamlit_link
"""An http(s) link with a Markdown label, or the label alone (see :mod:`debate_explorer.escape`)."""


def badge(text: str, colour: str = "gray") -> str:
    """A Streamlit Markdown badge with escaped text."""
    return f":{colour}-badge[{md(text)}]"


def side_label(topic: Topic, side: Side) -> str:
    """A side's label as inert Markdown: widget labels (buttons, radios, text areas) render Markdown too."""
    return md(topic.sides.label(side))


def side_badge(topic: Topic, side: Side) -> str:
    return badge(topic.sides.label(side), BADGE[side])


@by_identity(maxsize=4096)
def support_parts(topic: Topic, position: Position, *, with_sources: bool = True) -> tuple[str, ...]:
    """A position's reasoning, evidence and numbered sources as Markdown paragraphs (empty ones left out).

    Memoised per (topic, position) object, like :func:`number_links`: every rerun of Compare asks again.
    """
    parts = []
    if position.reasoning:
        parts.append(f"**Reasoning.** {md(position.reasoning)}")
    if position.evidence:
        parts.append(f"**Evidence.** {md(position.evidence)}")
    if position.sources:
        parts.append("**Sources**\n\n" + source_lines(topic, position.sources))
    return tuple(parts)


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


@by_identity(maxsize=4096)
def number_links(topic: Topic, ids: Sequence[str]) -> str:
    """``[1] [4]``: each cited source's number, linked to its URL when that is http(s)."""
    numbers, sources = topic.source_numbers, topic.source_map
    return " ".join(
        link(f"\\[{numbers[sid]}\\]", sources[sid].url, sources[sid].title)
        if sid in sources
        else f"\\[?\\] {md(sid)}"
        for sid in ids
    )


def highlighted(text: str, query: str) -> str:
    """``text`` as inert Markdown with every query word on an orange background (each piece escaped)."""
    out: list[str] = []
    for piece, matched in segments(text, query):
        marked = f":orange-background[{md(piece)}]" if matched else md(piece)
        # md() folds away the spaces at either end; put one back where the piece had one
        before = " " if piece[:1].isspace() and out else ""
        after = " " if piece[-1:].isspace() and marked else ""
        out.append(before + marked + after)
    return "".join(out).strip()


ANCHOR = re.compile(r"[a-z0-9][a-z0-9-]{0,199}")
SCROLL = """<script>
(() => {{
  const id = {anchor};
  let frames = 0;
  const go = () => {{
    const target = document.getElementById(id);
    if (target) {{
      const box = target.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({{block: "start"}});
      return;
    }}
    if (frames++ < 600) requestAnimationFrame(go);
  }};
  go();
}})();
</script>"""
"""Scroll the page to one heading anchor once it is drawn (gives up after about ten seconds of frames)."""


def scroll_to(anchor: str) -> None:
    """Scroll the browser to the heading with this anchor, once, when the page is opened on it.

    Streamlit scrolls to a ``#anchor`` only on a full page load; an in-app link (``st.page_link``) drops the
    fragment, so a search hit would land at the top of the section. One of the app's few fixed scripts
    (with views/phone.py and the clock component), whose one input is an anchor of the app's own making
    (``pair-<id>``, ids are lowercase words and '-'), checked against :data:`ANCHOR` and JSON-encoded.
    Content never reaches it.
    """
    if not ANCHOR.fullmatch(anchor):
        return
    st.html(SCROLL.format(anchor=json.dumps(anchor)), unsafe_allow_javascript=True, width="content")


def blind_order(pair_id: str) -> tuple[Side, Side]:
    """A stable, id-derived order for blind mode, so the left column is not always the same side."""
    flip = hashlib.sha256(pair_id.encode()).digest()[0] & 1
    return (Side.CRITIC, Side.SUPPORTER) if flip else (Side.SUPPORTER, Side.CRITIC)


def page_link(key: str, label: str, **params: str) -> None:
    """A link to one of the app's pages with query parameters (ids only; they are validated on arrival)."""
    # The absolute path: st.page_link resolves a relative one against whichever entry script runs, which
    # differs between `streamlit run app.py` and the installed `debate-explorer serve`.
    st.page_link(str(page(key).path), label=label, query_params=params or None)


def guarded(render: Callable[[], None], what: str) -> None:
    """Run an optional part of a page; a failure there shows a note instead of breaking the page."""
    try:
        render()
    except Exception as exc:
        st.warning(f"Could not show {what}: {md(type(exc).__name__)}.")


def paged(items: Sequence[T], size: int, key: str, what: str) -> Page[T]:
    """The page of ``items`` the reader chose: a page picker appears only when there is more than one.

    The page sizes live in :mod:`debate_explorer.paging`; a remembered page past the end (the list
    shrank, e.g. after filtering) is clamped to the last page before the widget is drawn.
    """
    pages = page_count(len(items), size)
    if pages == 1:
        return paginate(items, 1, size)
    remembered = st.session_state.get(key)
    if not isinstance(remembered, int) or not 1 <= remembered <= pages:
        st.session_state[key] = min(max(1, remembered if isinstance(remembered, int) else 1), pages)
    number = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key=key)
    shown = paginate(items, int(number), size)
    last = shown.start + len(shown.items)
    st.caption(f"Showing {what} {shown.start + 1}–{last} of {shown.total} ({size} per page).")
    return shown
