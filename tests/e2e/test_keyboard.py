"""Keyboard only: Topics -> a topic -> Compare -> another section -> blind mode -> reveal -> a source link ->
Practice -> the drill's reveal, with Tab, Shift+Tab, Enter, Space and typing, never the mouse.

After every key press the focused element must be a real element (focus never lost to <body>), show a
focus ring (outline or box-shadow on it or the label around it) and move on (never trapped). Controls are
found by role and accessible name, so a re-laid-out page keeps the walk valid while its labels stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.loading import load_file
from debate_explorer.model import Side
from tests.conftest import SAMPLE, TOPICS

pytestmark = pytest.mark.e2e

AppServer = Callable[[Path], str]
TOPIC = load_file(SAMPLE).topic
MAIN = "[data-testid='stMain']"
LIMIT = 120
"""Key presses allowed to reach one control before the walk calls it unreachable."""
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let ring = false;
  for (let node = el, up = 0; node && up < 4 && !ring; node = node.parentElement, up++) {
    const s = getComputedStyle(node);
    ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  }
  window.__kbIds = window.__kbIds || new WeakMap();
  if (!window.__kbIds.has(el)) window.__kbIds.set(el, (window.__kbN = (window.__kbN || 0) + 1));
  const name = el.getAttribute('aria-label') || el.innerText || el.getAttribute('placeholder') || '';
  return {ring, id: String(window.__kbIds.get(el)) + el.tagName, what: el.tagName + ' ' + name.slice(0, 60)};
}"""
IS_FOCUSED = "el => el === document.activeElement"


class Walk:
    """The keyboard walk over one page; every press is checked for a visible, moving, kept focus."""

    def __init__(self, page: object, ready: Callable[[object], None]) -> None:
        self.page = page
        self.ready = ready
        self.trail: list[str] = []

    def focus_state(self) -> dict[str, object]:
        state = self.page.evaluate(FOCUS)  # type: ignore[attr-defined]
        assert state is not None, f"focus lost to the page body after: {self.trail[-5:]}"
        assert state["ring"], f"no visible focus on {state['what']!r}"
        return state  # type: ignore[no-any-return]

    def press(self, key: str) -> dict[str, object]:
        self.page.keyboard.press(key)  # type: ignore[attr-defined]
        state = self.focus_state()
        self.trail.append(str(state["what"]))
        return state

    def to(self, target: object, key: str = "Tab") -> None:
        """Press ``key`` until ``target`` has the focus; the same element three times running is a trap."""
        target.wait_for()  # type: ignore[attr-defined]
        repeats, last = 0, None
        for _ in range(LIMIT):
            state = self.press(key)
            if target.evaluate(IS_FOCUSED):  # type: ignore[attr-defined]
                return
            repeats = repeats + 1 if state["id"] == last else 0
            assert repeats < 2, f"focus trapped on {state['what']!r}"
            last = state["id"]
        raise AssertionError(f"{LIMIT} presses of {key} never reached the control; last: {self.trail[-5:]}")

    def activate(self, target: object, key: str) -> None:
        """Press ``key`` on the focused ``target``, wait for the rerun; the focus must stay on a control."""
        assert target.evaluate(IS_FOCUSED)  # type: ignore[attr-defined]
        self.page.keyboard.press(key)  # type: ignore[attr-defined]
        self.ready(self.page)


def test_keyboard_only_walk_from_topics_to_the_practice_reveal(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    base = app_server(TOPICS)
    page.context.route(  # type: ignore[attr-defined]
        lambda url: not url.startswith(base), lambda route: route.fulfill(body="source page", status=200)
    )
    page.goto(base)  # type: ignore[attr-defined]
    ready(page)
    walk = Walk(page, ready)
    main = page.locator(MAIN)  # type: ignore[attr-defined]

    # Topics -> the topic's Compare button
    walk.to(main.get_by_role("button", name=re.compile("Compare the positions")).first)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/compare\?"))  # type: ignore[attr-defined]
    ready(page)

    # Compare: switch to the second section by typing into the section picker
    second = TOPIC.sections[1]
    picker = main.get_by_role("combobox", name=re.compile("Section"))
    walk.to(picker)
    page.keyboard.type(second.title)  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(rf"section={second.id}"))  # type: ignore[attr-defined]
    ready(page)
    walk.focus_state()  # the focus survived the section's rerun

    # blind mode, then reveal
    blind = main.get_by_role("switch", name=re.compile("Blind mode"))
    walk.to(blind)
    walk.activate(blind, "Space")
    assert blind.is_checked()
    walk.focus_state()
    reveal = main.get_by_role("switch", name=re.compile("Reveal")).first  # the first pair's own reveal
    walk.to(reveal)
    walk.activate(reveal, "Space")
    assert reveal.is_checked()
    walk.focus_state()
    main.get_by_text(TOPIC.sides.label(Side.SUPPORTER), exact=True).first.wait_for()  # sides shown again

    # claims first: open the first pair's details, then its sources, by keyboard
    details = main.locator("summary").filter(has_text="Reasoning, evidence, sources and rebuttals").first
    walk.to(details)
    walk.activate(details, "Enter")
    pair = second.pairs[0]
    count = len(pair.supporter.sources)
    sources = main.locator("summary").filter(has_text=f"{count} source{'s' if count != 1 else ''}").first
    walk.to(sources)
    walk.activate(sources, "Enter")

    # a source link opens the real source in a new tab; focus stays on the link here
    source_id = pair.supporter.sources[0]
    url = TOPIC.source_map[source_id].url
    link = main.locator(f"a[href='{url}']").first
    walk.to(link)
    with page.context.expect_page() as opened:  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
    opened.value.wait_for_load_state()
    assert opened.value.url == url
    opened.value.close()
    assert link.evaluate(IS_FOCUSED)

    # back up to the navigation, on to Practice, and reveal the drill's real rebuttal
    walk.to(page.get_by_role("link", name="Practice", exact=True), key="Shift+Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/practice"))  # type: ignore[attr-defined]
    ready(page)
    button = main.get_by_role("button", name=re.compile("Reveal the real rebuttal"))
    walk.to(button)
    walk.activate(button, "Enter")
    main.get_by_text(re.compile("actually say")).first.wait_for()
    walk.focus_state()
