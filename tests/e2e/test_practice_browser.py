"""The Practice page in headless Chromium: the timer counts down without blocking, handouts download."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from debate_explorer import exports as export
from debate_explorer.loading import load_file
from tests.conftest import SAMPLE as SAMPLE_FILE
from tests.conftest import TOPICS

SAMPLE = load_file(SAMPLE_FILE).topic
AppServer = Callable[[Path], str]
CLOCK = re.compile(r"^\d+:\d\d$")

pytestmark = pytest.mark.e2e


def clock_text(page: object) -> str:
    """The timer's clock, read from the visible tab panel."""
    headings = page.locator("[role='tabpanel']:visible h2").all_inner_texts()  # type: ignore[attr-defined]
    return next(text.strip() for text in headings if CLOCK.match(text.strip()))


def wait_clock(page: object, pattern: str, timeout: float = 15_000) -> None:
    """Wait until the visible clock matches ``pattern`` (a JavaScript regex source)."""
    page.wait_for_function(  # type: ignore[attr-defined]
        """(pattern) => [...document.querySelectorAll("[role='tabpanel'] h2")]
                 .some(h => h.offsetParent !== null && new RegExp(pattern).test(h.innerText.trim()))""",
        arg=pattern,
        timeout=timeout,
    )


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def start_timer(page: object, base: str, ready: Callable[[object], None]) -> None:
    """Open the Practice page's speech timer, set to a 3:00 cross-examination, and start it."""
    page.goto(f"{base}/practice?topic=sample-topic")  # type: ignore[attr-defined]
    ready(page)
    page.get_by_role("tab", name="Timer").click()  # type: ignore[attr-defined]
    page.get_by_role("radiogroup", name="Speech").get_by_text("Cross-examination").click()  # type: ignore[attr-defined]
    wait_clock(page, "^3:00$")
    page.get_by_role("button", name="Start").click()  # type: ignore[attr-defined]


def test_timer_counts_down_while_the_page_stays_usable(
    app_server: AppServer, browser: object, page: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    from playwright.sync_api import expect

    base = app_server(TOPICS)
    start_timer(page, base, ready)
    # The fragment redraws the clock on its own (no click needed): wait for it to move.
    wait_clock(page, "^2:5\\d$")
    page.screenshot(path=str(output_dir / "practice-timer.png"))  # type: ignore[attr-defined]

    # While it runs, the quiz still answers clicks: the page is not blocked.
    page.get_by_role("tab", name="Quiz").click()  # type: ignore[attr-defined]
    panel = page.locator("[role='tabpanel']:visible")  # type: ignore[attr-defined]
    panel.get_by_role("button", name="Supporters").click()
    page.get_by_text(re.compile(r"^(Right|Not quite)")).first.wait_for(state="visible")  # type: ignore[attr-defined]
    assert panel.get_by_test_id("stMetricValue").first.inner_text() in ("0 / 1", "1 / 1")

    page.get_by_role("tab", name="Timer").click()  # type: ignore[attr-defined]
    page.get_by_role("button", name="Pause").click()  # type: ignore[attr-defined]
    expect(page.get_by_role("button", name="Start")).to_be_enabled()  # type: ignore[attr-defined]
    ready(page)
    paused = clock_text(page)
    assert seconds(paused) < 180
    # A running timer in a second session is the stopwatch: once it has moved two seconds, ours would have.
    reference = browser.new_page()  # type: ignore[attr-defined]
    try:
        start_timer(reference, base, ready)
        wait_clock(reference, "^2:5[0-7]$")
    finally:
        reference.close()
    assert clock_text(page) == paused  # paused: the clock stands still
    page.get_by_role("button", name="Reset").click()  # type: ignore[attr-defined]
    wait_clock(page, "^3:00$")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.append(tag)


def test_printable_handout_downloads_from_the_page(
    app_server: AppServer, page: object, ready: Callable[[object], None], tmp_path: Path
) -> None:
    page.goto(f"{app_server(TOPICS)}/practice?topic=sample-topic")  # type: ignore[attr-defined]
    ready(page)
    page.get_by_role("tab", name="Handouts").click()  # type: ignore[attr-defined]
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.get_by_role("button", name="HTML (printable)").click()  # type: ignore[attr-defined]
    download = info.value
    assert download.suggested_filename == "sample-topic.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text == export.export_topic(SAMPLE, "html")
    tags = Tags()
    tags.feed(text)
    assert "script" not in tags.names
