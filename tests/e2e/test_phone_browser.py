"""A 390x844 phone in headless Chromium: the menu gets out of the way, the Practice tabs fit, the drill
keeps the reader at the claim after "Switch sides", and the Balance chart's labels fit and do not overlap.

The viewport is a phone's; the browser says it is a desktop (as a narrow desktop window, a tablet in split
view or a phone asking for the desktop site do), which is where Streamlit on its own left the menu open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.routing import drill_url
from tests.conftest import SAMPLE as SAMPLE_FILE
from tests.conftest import TOPICS

pytestmark = pytest.mark.e2e

AppServer = Callable[[Path], str]
SAMPLE = load_file(SAMPLE_FILE).topic
PHONE = {"width": 390, "height": 844}
SIDEBAR_OPEN = "() => document.querySelector(\"[data-testid='stSidebar']\").getBoundingClientRect().right > 0"


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()


def covered(page: object, selector: str) -> bool:
    """Whether what is drawn at the centre of the first ``selector`` is something else (e.g. the sidebar)."""
    return bool(
        page.evaluate(  # type: ignore[attr-defined]
            """(sel) => { const el = document.querySelector(sel); const r = el.getBoundingClientRect();
                 const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                 return !(top && (el.contains(top) || top.contains(el))); }""",
            selector,
        )
    )


def test_choosing_a_page_closes_the_menu_and_the_page_is_visible(
    app_server: AppServer, phone: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    phone.goto(app_server(TOPICS))  # type: ignore[attr-defined]
    ready(phone)
    phone.get_by_test_id("stExpandSidebarButton").click()  # type: ignore[attr-defined]
    phone.wait_for_function(SIDEBAR_OPEN)  # type: ignore[attr-defined]
    phone.get_by_test_id("stSidebarNav").get_by_text("Practice", exact=True).click()  # type: ignore[attr-defined]
    phone.get_by_role("heading", name="Practice", exact=True).wait_for()  # type: ignore[attr-defined]
    phone.wait_for_function(f"() => !({SIDEBAR_OPEN})()")  # type: ignore[attr-defined]
    ready(phone)
    phone.screenshot(path=str(output_dir / "phone-after-navigation.png"))  # type: ignore[attr-defined]
    assert not covered(phone, "[data-testid='stMain'] h1")

    # The four Practice tabs fit in the phone's width, none cut off or scrolled away.
    tabs = phone.get_by_role("tab")  # type: ignore[attr-defined]
    boxes = [tabs.nth(i).bounding_box() for i in range(tabs.count())]
    assert len(boxes) == 4
    assert all(box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in boxes), boxes
    assert not covered(phone, "[role='tab']:last-of-type")


def test_switch_sides_keeps_the_new_claim_in_view_and_says_where_the_draft_is(
    app_server: AppServer, phone: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    pair = SAMPLE.section("learning").pair("test-results")  # type: ignore[union-attr]
    assert pair is not None
    phone.goto(f"{app_server(TOPICS)}/{drill_url(SAMPLE.id, 'learning', pair.id, Side.SUPPORTER)}")  # type: ignore[attr-defined]
    ready(phone)
    draft = phone.locator("textarea")  # type: ignore[attr-defined]
    draft.fill("They say results fell. But")
    draft.press("Control+Enter")  # Streamlit keeps a text area's value on Ctrl+Enter (or leaving it)
    phone.get_by_text("5 words").wait_for()  # type: ignore[attr-defined]
    switch = phone.get_by_role("button", name="Switch sides")  # type: ignore[attr-defined]
    switch.scroll_into_view_if_needed()
    switch.click()
    note = phone.get_by_text("You now argue for")  # type: ignore[attr-defined]
    note.wait_for()
    ready(phone)
    phone.screenshot(path=str(output_dir / "phone-switch-sides.png"))  # type: ignore[attr-defined]
    drill = phone.get_by_role("tabpanel", name=re.compile("Drill"))  # type: ignore[attr-defined]
    claim = drill.get_by_text(pair.supporter.claim, exact=True)  # now they say the supporters' claim
    box = claim.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert "is kept" in note.inner_text()


def test_balance_chart_labels_fit_a_phone_and_do_not_overlap(
    app_server: AppServer, phone: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    phone.goto(f"{app_server(TOPICS)}/balance?topic=sample-topic")  # type: ignore[attr-defined]
    ready(phone)
    phone.locator(".js-plotly-plot .ytick text").first.wait_for()  # type: ignore[attr-defined]
    phone.screenshot(path=str(output_dir / "phone-balance.png"), full_page=True)  # type: ignore[attr-defined]
    boxes = phone.evaluate(  # type: ignore[attr-defined]
        """() => { const plot = document.querySelector('.js-plotly-plot');
             const p = plot.getBoundingClientRect();
             const rect = (e) => { const r = e.getBoundingClientRect();
                                   return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
             return { plot: {l: p.left, r: p.right},
                      labels: [...plot.querySelectorAll('.xtick text, .ytick text, .legendtext, .gtitle')]
                               .filter(e => e.textContent.trim()).map(rect) }; }"""
    )
    plot, labels = boxes["plot"], boxes["labels"]
    assert plot["r"] <= PHONE["width"] + 0.5
    for box in labels:  # nothing cut at the chart's (or the screen's) edges
        assert box["l"] >= max(plot["l"], 0) - 0.5 and box["r"] <= min(plot["r"], PHONE["width"]) + 0.5, box
    for i, a in enumerate(labels):  # and no two labels drawn over each other
        for b in labels[i + 1 :]:
            overlap = (
                min(a["r"], b["r"]) - max(a["l"], b["l"]) > 1
                and min(a["b"], b["b"]) - max(a["t"], b["t"]) > 1
            )
            assert not overlap, (a, b)
