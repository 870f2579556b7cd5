"""Hostile content in the browser: script tags, HTML, javascript: and data: links stay text on every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

AppServer = Callable[[Path], str]

pytestmark = pytest.mark.e2e

RENDER = FIXTURES / "render"
PAGES = {
    "topics": "",
    "compare": "compare",
    "balance": "balance",
    "sources": "sources",
    "timeline": "timeline",
    "map": "map",
}
CHARTS = {"balance", "timeline", "map"}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_script_runs_and_no_unsafe_link_exists(
    app_server: AppServer,
    page: object,
    ready: Callable[[object], None],
    nothing_ran: Callable[[object, str], None],
    name: str,
) -> None:
    base = app_server(RENDER)
    page.add_init_script("window.__pwned = undefined;")  # type: ignore[attr-defined]
    page.goto(f"{base}/{PAGES[name]}?topic=render-hostile&section=section-2")  # type: ignore[attr-defined]
    ready(page)
    if name == "topics":
        box = page.get_by_label("Search every claim, reasoning, evidence, rebuttal and source title")  # type: ignore[attr-defined]
        box.fill("script")
        box.press("Enter")
        ready(page)
        page.get_by_test_id("stPageLink").first.wait_for()  # type: ignore[attr-defined]
    if name == "compare":
        for expander in page.get_by_test_id("stExpander").all():  # type: ignore[attr-defined]
            expander.locator("summary").click()
    if name in CHARTS:
        page.locator(".js-plotly-plot").first.wait_for()  # type: ignore[attr-defined]
        marks = page.locator(".js-plotly-plot .point, .js-plotly-plot .slice")  # type: ignore[attr-defined]
        marks.first.hover(force=True)  # hover labels are where plotly renders text as HTML
        page.locator(".hoverlayer .hovertext").first.wait_for(state="attached")  # type: ignore[attr-defined]
    nothing_ran(page, base)
    if name in {"topics", "compare", "timeline"}:
        body = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
        assert "<script>window.__pwned=1" in body  # shown literally, as text


def test_the_odd_url_cannot_break_out_of_its_link(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    page.goto(f"{app_server(RENDER)}/compare?topic=render-hostile&view=full")  # type: ignore[attr-defined]
    ready(page)
    link = page.locator("a", has_text="[1]").first  # type: ignore[attr-defined]
    href = link.get_attribute("href")
    assert href.startswith("https://example.org/a_(b)?q=")
    assert link.get_attribute("onmouseover") is None
