"""A full Public Forum round in headless Chromium, with prep used by both teams.

The server runs with DEBATE_EXPLORER_ROUND_SCALE so the 35-minute round takes seconds; the page still lists
the format's real minutes (checked below). Nothing waits a fixed time: every step waits for a state.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.rounds.formats import shipped_formats
from tests.conftest import TOPICS

AppServer = Callable[[Path], str]
PF = shipped_formats()["public-forum"]
SCALE = "0.01"

pytestmark = pytest.mark.e2e


def test_a_public_forum_round_from_first_speech_to_last(
    app_server: AppServer,
    page: object,
    ready: Callable[[object], None],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from playwright.sync_api import expect

    # A folder of its own, so this server (with the scale) is not shared with other browser tests.
    content = tmp_path_factory.mktemp("rounds-topics")
    shutil.copy(TOPICS / "sample-topic.yaml", content)
    monkeypatch.setenv("DEBATE_EXPLORER_ROUND_SCALE", SCALE)
    base = app_server(content)
    p = page
    p.goto(f"{base}/rounds?topic=sample-topic")  # type: ignore[attr-defined]
    ready(p)
    main = p.get_by_test_id("stMain")  # type: ignore[attr-defined]
    main.get_by_text("Public Forum: 11 speeches, 35 minutes of speaking").wait_for()
    main.get_by_role("button", name="Start the round").click()
    expect(main.get_by_text(f"Now: {PF.speeches[0].name}")).to_be_visible()
    # The order lists the format's real minutes; a caption says this server scales them.
    expect(main.get_by_text("Lengths scaled by 0.01 for testing")).to_be_visible()
    expect(main.get_by_text(f"{PF.speeches[0].name}: Team A", exact=False).first).to_contain_text("4 min")
    for number, speech in enumerate(PF.speeches):
        expect(main.get_by_text(f"Now: {speech.name}")).to_be_visible()
        if number == 3:  # Team A preps before its rebuttal until its pool runs out
            main.get_by_role("button", name="Prep: Team A", exact=True).click()
            expect(main.get_by_role("button", name="Prep: Team A", exact=True)).to_be_disabled(timeout=20_000)
        if number == 4:  # Team B takes a little prep and stops it
            main.get_by_role("button", name="Prep: Team B", exact=True).click()
            main.get_by_text("Prep Team B (running)").wait_for()
            main.get_by_role("button", name="Stop prep: Team B").click()
            expect(main.get_by_role("button", name="Prep: Team B", exact=True)).to_be_enabled()
        main.get_by_role("button", name="Start", exact=True).click()
        # The clock runs without blocking the page: the signals arrive while the buttons stay usable.
        main.get_by_text("Time is up.").wait_for(timeout=30_000)
        expect(main.get_by_role("button", name="Pause")).to_be_enabled()
        main.get_by_role("button", name="Pause").click()
        if number + 1 < len(PF.speeches):
            main.get_by_role("button", name="Next speech").click()
    expect(main.get_by_text("This is the last speech.")).to_be_visible()
    # A refresh keeps the round where it was.
    p.reload()  # type: ignore[attr-defined]
    ready(p)
    expect(p.get_by_test_id("stMain").get_by_text(f"Now: {PF.speeches[-1].name}")).to_be_visible()  # type: ignore[attr-defined]


def test_a_running_speech_clock_counts_in_the_browser_and_projects(
    app_server: AppServer, page: object, ready: Callable[[object], None]
) -> None:
    """Unscaled Public Forum: the speech clock counts three seconds with the server quiet, and projects."""
    import re

    from playwright.sync_api import expect

    sent = [0]
    page.on(  # type: ignore[attr-defined]
        "websocket", lambda socket: socket.on("framereceived", lambda _f: sent.__setitem__(0, sent[0] + 1))
    )
    page.goto(f"{app_server(TOPICS)}/rounds?topic=sample-topic")  # type: ignore[attr-defined]
    ready(page)
    main = page.get_by_test_id("stMain")  # type: ignore[attr-defined]
    main.get_by_role("button", name="Start the round").click()
    ready(page)
    speech = main.locator(".clock", has=page.locator(".label", has_text="Speech clock"))  # type: ignore[attr-defined]
    digits = speech.locator(".digits")
    expect(digits).to_have_text("4:00")
    main.get_by_role("button", name="Start", exact=True).click()
    expect(digits).to_have_text("3:58")
    before = sent[0]
    expect(digits).to_have_text("3:55")
    assert sent[0] - before <= 1, f"{sent[0] - before} server messages while the clock counted 3 seconds"
    expect(speech.locator(".label")).to_have_text("Speech clock (running)")
    main.get_by_text("Projector view").click()
    expect(speech).to_have_class(re.compile(r"\bprojector\b"))
    assert digits.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 120
    expect(digits).to_have_text(re.compile(r"^3:[0-5]\d$"))  # still counting after the projector rerun
