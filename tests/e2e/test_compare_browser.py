"""Compare in headless Chromium: a linked pair scrolls into view, marked; claims first is short on a phone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.loading import load_file
from tests.conftest import ROOT
from tests.test_compare import big_topic

AppServer = Callable[[Path], str]
Ready = Callable[[object], None]

pytestmark = pytest.mark.e2e

IN_VIEW = """id => {
  const el = document.getElementById(id);
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""
"""True once the element with that id lies inside the viewport (whichever element scrolls)."""
HEIGHT = (
    "() => document.querySelector(\"[data-testid='stMainBlockContainer']\").getBoundingClientRect().height"
)
SHIPPED = ROOT / "arguments" / "us-israel-law-enforcement-cooperation.yaml"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One section of 30 pairs: the linked pair starts far below the first screen."""
    folder = tmp_path_factory.mktemp("big")
    (folder / "big-topic.yaml").write_text(big_topic(30), encoding="utf-8")
    return folder


def marked_and_in_view(page: object, pair_id: str) -> None:
    page.get_by_text("Linked pair").first.wait_for(state="visible")  # type: ignore[attr-defined]
    page.wait_for_function(IN_VIEW, arg=f"pair-{pair_id}")  # type: ignore[attr-defined]


def test_deep_link_scrolls_the_pair_into_view(
    app_server: AppServer, page: object, ready: Ready, big: Path
) -> None:
    page.goto(f"{app_server(big)}/compare?topic=big-topic&section=all&pair=p24")  # type: ignore[attr-defined]
    ready(page)
    marked_and_in_view(page, "p24")
    assert not page.evaluate(IN_VIEW, "pair-p1")  # type: ignore[attr-defined]  # it did scroll


def test_search_hit_lands_on_its_pair(app_server: AppServer, page: object, ready: Ready, big: Path) -> None:
    page.goto(app_server(big))  # type: ignore[attr-defined]
    ready(page)
    box = page.get_by_label("Search every claim, reasoning, evidence, rebuttal and source title")  # type: ignore[attr-defined]
    box.fill("number 27")
    box.press("Enter")
    ready(page)
    page.get_by_test_id("stPageLink").filter(has_text="27").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/compare?**pair=p27**")  # type: ignore[attr-defined]
    ready(page)
    marked_and_in_view(page, "p27")


def test_claims_first_is_much_shorter_than_everything_on_a_phone(
    app_server: AppServer, page: object, ready: Ready
) -> None:
    topic = load_file(SHIPPED).topic
    section = max(topic.sections, key=lambda s: len(s.pairs))
    base = f"{app_server(SHIPPED.parent)}/compare?topic={topic.id}&section={section.id}"
    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    heights = {}
    for view in ("full", "claims"):
        page.goto(f"{base}&view={view}")  # type: ignore[attr-defined]
        ready(page)
        page.get_by_text(section.pairs[-1].question).first.wait_for()  # type: ignore[attr-defined]
        heights[view] = page.evaluate(HEIGHT)  # type: ignore[attr-defined]
    assert heights["claims"] * 2 < heights["full"], heights
