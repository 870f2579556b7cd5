"""The Practice page in headless Chromium: the timer counts in the browser (no reruns), handouts download."""

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

pytestmark = pytest.mark.e2e


DIGITS = ".clock .digits"
"""The browser clock's digits (views/clock.py; Playwright's CSS reaches into its shadow root)."""


def clock_text(page: object) -> str:
    """The timer's clock as the browser shows it."""
    return str(page.locator(DIGITS).inner_text()).strip()  # type: ignore[attr-defined]


def wait_clock(page: object, pattern: str, timeout: float = 15_000) -> None:
    """Wait until the clock's digits match ``pattern`` (a regular expression)."""
    from playwright.sync_api import expect

    expect(page.locator(DIGITS)).to_have_text(re.compile(pattern), timeout=timeout)  # type: ignore[attr-defined]


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def open_timer(page: object, base: str, ready: Callable[[object], None], speech: str) -> None:
    page.goto(f"{base}/practice?topic=sample-topic")  # type: ignore[attr-defined]
    ready(page)
    page.get_by_role("tab", name="Timer").click()  # type: ignore[attr-defined]
    page.get_by_role("radiogroup", name="Speech").get_by_text(speech).click()  # type: ignore[attr-defined]
    ready(page)


def set_length(page: object, ready: Callable[[object], None], speech: str, length: str) -> None:
    """Type a length as minutes:seconds into the speech's box (under "Speech lengths")."""
    page.get_by_text("Speech lengths (minutes:seconds)").click()  # type: ignore[attr-defined]
    box = page.get_by_role("textbox", name=speech)  # type: ignore[attr-defined]
    box.fill(length)
    box.press("Enter")
    ready(page)


def start_timer(page: object, base: str, ready: Callable[[object], None]) -> None:
    """Open the Practice page's speech timer, set to a 3:00 cross-examination, and start it."""
    open_timer(page, base, ready, "Cross-examination")
    wait_clock(page, "^3:00$")
    page.get_by_role("button", name="Start").click()  # type: ignore[attr-defined]


def server_messages(page: object) -> list[int]:
    """A counter of the WebSocket frames the server sends this page (each script run sends several)."""
    count = [0]

    def on_socket(socket: object) -> None:
        socket.on("framereceived", lambda _frame: count.__setitem__(0, count[0] + 1))  # type: ignore[attr-defined]

    page.on("websocket", on_socket)  # type: ignore[attr-defined]
    return count


def test_timer_counts_down_in_the_browser_while_the_server_stays_quiet(
    app_server: AppServer, browser: object, page: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    from playwright.sync_api import expect

    base = app_server(TOPICS)
    sent = server_messages(page)
    start_timer(page, base, ready)
    # The browser counts on its own (no click, no rerun): three seconds pass without a word from the server.
    wait_clock(page, "^2:58$")
    before = sent[0]
    wait_clock(page, "^2:55$")
    assert sent[0] - before <= 1, f"{sent[0] - before} server messages while the clock counted 3 seconds"
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
    expect(page.locator(".clock .live")).to_have_text(re.compile("^Clock paused at"))  # type: ignore[attr-defined]
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


def test_a_short_speech_runs_into_overtime_and_the_server_hears_the_end(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    from playwright.sync_api import expect

    page.add_init_script(BEEP_COUNTER)  # type: ignore[attr-defined]
    open_timer(page, app_server(TOPICS), ready, "Rebuttal")
    set_length(page, ready, "Rebuttal", "0:02")
    wait_clock(page, "^0:02$")
    beep = page.get_by_label("Beep at the end")  # type: ignore[attr-defined]
    expect(beep).not_to_be_checked()  # off unless a teacher wants it
    beep.check()
    page.get_by_role("button", name="Start").click()  # type: ignore[attr-defined]
    expect(page.locator(".clock .live")).to_have_text(re.compile("^Clock started"))  # type: ignore[attr-defined]
    # At zero the clock counts on as overtime, says so in words, and tells the server once ("ended"):
    # only the server writes "Time! Finish your sentence." under the clock, on the rerun that event causes.
    wait_clock(page, r"^\+0:0[1-9]$")
    clock = page.locator(".clock")  # type: ignore[attr-defined]
    expect(clock).to_have_attribute("data-phase", "over")
    expect(clock.locator(".notes")).to_have_text("Time is up: over time.")
    expect(page.get_by_text("Time! Finish your sentence.")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator(".clock .live")).to_have_text("Time is up: over time.")  # type: ignore[attr-defined]
    assert page.evaluate("window.__beeps") == 1  # type: ignore[attr-defined]  # one short tone, at the end


BEEP_COUNTER = """
window.__beeps = 0;
const Original = window.AudioContext;
window.AudioContext = class extends Original {
  createOscillator() { window.__beeps += 1; return super.createOscillator(); }
};
"""


def test_the_last_thirty_seconds_change_colour_and_say_so(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    from playwright.sync_api import expect

    open_timer(page, app_server(TOPICS), ready, "Rebuttal")
    set_length(page, ready, "Rebuttal", "0:31")
    clock = page.locator(".clock")  # type: ignore[attr-defined]
    expect(clock).to_have_attribute("data-phase", "ok")
    calm = clock.evaluate("e => getComputedStyle(e).backgroundColor")
    page.get_by_role("button", name="Start").click()  # type: ignore[attr-defined]
    expect(clock).to_have_attribute("data-phase", "warn")
    expect(clock.locator(".notes")).to_have_text("30 seconds left.")
    expect(clock.locator(".live")).to_have_text("30 seconds left.")  # announced once, not every second
    assert clock.evaluate("e => getComputedStyle(e).backgroundColor") != calm
    page.get_by_role("button", name="Pause").click()  # type: ignore[attr-defined]


def test_projector_view_digits_are_big_enough_for_a_class(
    app_server: AppServer, page: object, ready: Callable[[object], None], output_dir: Path
) -> None:
    open_timer(page, app_server(TOPICS), ready, "Constructive")
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    assert page.locator(DIGITS).evaluate(size) < 120  # type: ignore[attr-defined]
    page.get_by_text("Projector view").click()  # type: ignore[attr-defined]
    ready(page)
    page.locator(".clock.projector").wait_for()  # type: ignore[attr-defined]
    assert page.locator(DIGITS).evaluate(size) >= 120  # type: ignore[attr-defined]
    page.locator(".clock").screenshot(path=str(output_dir / "practice-timer-projector.png"))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Full screen").click()  # type: ignore[attr-defined]
    page.wait_for_function("() => document.fullscreenElement !== null")  # type: ignore[attr-defined]
    assert page.locator(DIGITS).evaluate(size) >= 120  # type: ignore[attr-defined]
    page.get_by_role("button", name="Full screen").click()  # type: ignore[attr-defined]
    page.wait_for_function("() => document.fullscreenElement === null")  # type: ignore[attr-defined]


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
