"""The app in headless Chromium: deep links, both columns, real source links, section switching, stacking."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.loading import load_file, topic_files
from tests.conftest import ROOT, TOPICS
from tests.conftest import SAMPLE as SAMPLE_FILE
from tests.e2e.test_compare_browser import IN_VIEW

AppServer = Callable[[Path], str]

pytestmark = pytest.mark.e2e

SAMPLE = load_file(SAMPLE_FILE).topic
LEARNING = SAMPLE.sections[1]
COSTS = SAMPLE.sections[0]
DOCS_SCREENSHOT = ROOT / "docs" / "compare.png"


def visible_text(page: object, text: str) -> object:
    locator = page.get_by_text(text, exact=True)  # type: ignore[attr-defined]
    locator.first.wait_for(state="visible")
    return locator.first


def test_deep_link_shows_both_columns_links_sources_and_switches_section(
    app_server: AppServer, page: object, ready: Callable[[object], None], output_dir: Path, tmp_path: Path
) -> None:
    base = app_server(TOPICS)
    page.goto(f"{base}/compare?topic=sample-topic&section=learning&pair=attendance")  # type: ignore[attr-defined]
    ready(page)
    pair = LEARNING.pairs[0]
    # the linked pair is scrolled into view first (a scroll closes an open dropdown)
    page.wait_for_function(IN_VIEW, arg=f"pair-{pair.id}")  # type: ignore[attr-defined]
    left = visible_text(page, pair.supporter.claim)
    right = visible_text(page, pair.critic.claim)
    left_box, right_box = left.bounding_box(), right.bounding_box()  # type: ignore[attr-defined]
    assert left_box["x"] + left_box["width"] <= right_box["x"]  # side by side, supporter on the left
    assert abs(left_box["y"] - right_box["y"]) < 40

    link = page.locator("a", has_text="[3]").first  # type: ignore[attr-defined]
    assert link.get_attribute("href") == "https://example.org/university/attendance-study"
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    page.screenshot(path=str(tmp_path / "compare-learning.png"))  # type: ignore[attr-defined]

    page.get_by_test_id("stSelectbox").first.click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=f"1. {COSTS.title}").click()  # type: ignore[attr-defined]
    visible_text(page, COSTS.pairs[0].supporter.claim)
    ready(page)
    page.wait_for_url("**section=costs**")  # type: ignore[attr-defined]
    assert page.get_by_text(pair.supporter.claim, exact=True).count() == 0  # type: ignore[attr-defined]
    page.screenshot(path=str(output_dir / "compare.png"))  # type: ignore[attr-defined]
    page.screenshot(path=str(tmp_path / "compare-costs.png"))  # type: ignore[attr-defined]
    assert (tmp_path / "compare-costs.png").stat().st_size > 10_000


def test_narrow_screen_stacks_columns_in_pair_order(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    page.set_viewport_size({"width": 420, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{app_server(TOPICS)}/compare?topic=sample-topic&section=costs")  # type: ignore[attr-defined]
    ready(page)
    first, second = COSTS.pairs[0], COSTS.pairs[1]
    order = [first.supporter.claim, first.critic.claim, second.supporter.claim, second.critic.claim]
    tops = [visible_text(page, claim).bounding_box()["y"] for claim in order]  # type: ignore[attr-defined]
    assert tops == sorted(tops) and len(set(tops)) == 4


def test_search_hit_opens_its_pair(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    page.goto(app_server(TOPICS))  # type: ignore[attr-defined]
    ready(page)
    box = page.get_by_label("Search every claim, reasoning, evidence, rebuttal and source title")  # type: ignore[attr-defined]
    box.fill("tire younger")
    box.press("Enter")
    ready(page)
    page.get_by_test_id("stPageLink").filter(has_text="Critics claim").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/compare?**pair=attendance**")  # type: ignore[attr-defined]
    visible_text(page, LEARNING.pairs[0].critic.claim)
    page.get_by_text("Linked pair").first.wait_for(state="visible")  # type: ignore[attr-defined]


def test_unknown_deep_link_is_a_friendly_note(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    page.goto(f"{app_server(TOPICS)}/compare?topic=sample-topic&section=%E2%9C%93nope&pair=")  # type: ignore[attr-defined]
    ready(page)
    page.get_by_text("This link asks for a section").first.wait_for()  # type: ignore[attr-defined]
    visible_text(page, COSTS.pairs[0].supporter.claim)
    assert page.get_by_test_id("stException").count() == 0  # type: ignore[attr-defined]


@pytest.mark.skipif(
    os.environ.get("DEBATE_EXPLORER_UPDATE_DOCS") != "1", reason="set DEBATE_EXPLORER_UPDATE_DOCS=1"
)
def test_update_docs_screenshot(
    app_server: AppServer, page: object, ready: Callable[[object], None], tmp_path: Path
) -> None:
    """Refresh docs/compare.png from the shipped topic (or the sample when none is shipped yet)."""
    shipped = ROOT / "arguments"
    content = shipped if shipped.is_dir() and topic_files(shipped) else TOPICS
    page.set_viewport_size({"width": 1440, "height": 1300})  # type: ignore[attr-defined]
    page.goto(f"{app_server(content)}/compare")  # type: ignore[attr-defined]
    ready(page)
    page.locator("[data-testid='stColumn']").first.wait_for()  # type: ignore[attr-defined]
    page.evaluate("document.fonts.ready.then(() => true)")  # type: ignore[attr-defined]  # icon font loaded
    shot = tmp_path / "compare.png"
    page.screenshot(path=str(shot))  # type: ignore[attr-defined]
    shutil.copy(shot, DOCS_SCREENSHOT)
