"""The hostile corpus in real Chromium: the script-tag topic renders as text and no script runs.

The content folder holds the whole corpus of tests/fixtures/hostile/ next to the clean sample topic, so
the Topics page also lists every broken file. tests/fixtures/hostile/script-tags.yaml puts a script tag,
an onerror image, an svg onload, an iframe, raw javascript: anchors and Markdown javascript:/data: links
into every text field, and a source URL that tries to break out of its Markdown link into a data: link.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLE
from tests.e2e.conftest import HREFS

AppServer = Callable[[Path], str]

pytestmark = pytest.mark.e2e

PAGES = ("", "compare", "balance", "sources", "timeline", "map", "practice")
GOOD_TOPICS = 5
"""sample-topic and the corpus files that load: script-tags, bidi-zero-width, control-chars-escaped, clash."""
NothingRan = Callable[[object, str], None]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-content")
    for path in (FIXTURES / "hostile").iterdir():
        shutil.copy(path, folder)
    shutil.copy(SAMPLE, folder)
    return folder


@pytest.mark.parametrize("path", PAGES)
def test_script_tag_topic_runs_nothing_on_any_page(
    app_server: AppServer,
    page: object,
    ready: Callable[[object], None],
    nothing_ran: NothingRan,
    content: Path,
    path: str,
) -> None:
    base = app_server(content)
    page.add_init_script("window.__pwned = undefined;")  # type: ignore[attr-defined]
    page.goto(f"{base}/{path}?topic=script-tags")  # type: ignore[attr-defined]
    ready(page)
    if path == "compare":
        for expander in page.get_by_test_id("stExpander").all():  # type: ignore[attr-defined]
            expander.locator("summary").click()
        ready(page)
    nothing_ran(page, base)
    body = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    if path in ("", "compare"):
        assert "<script>window.__pwned" in body, "the payload should be visible as plain text"


def test_breakout_url_stays_one_https_link(
    app_server: AppServer,
    page: object,
    ready: Callable[[object], None],
    nothing_ran: NothingRan,
    content: Path,
) -> None:
    base = app_server(content)
    page.goto(f"{base}/compare?topic=script-tags&view=full")  # type: ignore[attr-defined]  # sources shown
    ready(page)
    hrefs = page.eval_on_selector_all("a", HREFS)  # type: ignore[attr-defined]
    breakout = [h for h in hrefs if "breakout" in h]
    assert breakout, hrefs
    assert all(h.startswith("https://example.org/x)") for h in breakout), breakout
    nothing_ran(page, base)


def test_topics_page_names_broken_files_and_keeps_good_topics(
    app_server: AppServer,
    page: object,
    ready: Callable[[object], None],
    nothing_ran: NothingRan,
    content: Path,
) -> None:
    base = app_server(content)
    page.goto(base)  # type: ignore[attr-defined]
    ready(page)
    # 40-odd error cards and the topic cards: on a busy machine the browser may still be drawing the last
    # ones when the script has finished, so wait for the last kind of element before reading the text.
    from playwright.sync_api import expect

    buttons = page.get_by_role("button", name="Compare the positions")  # type: ignore[attr-defined]
    expect(buttons).to_have_count(GOOD_TOPICS, timeout=30_000)
    body = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    for name in ("python-object-apply.yaml", "alias-bomb.yaml", "latin1.yaml", "clash.yml", "dotdot-id.yaml"):
        # Text escaped with render.md() inside a `code span` shows its backslashes (\/tmp\/x\-y\.yaml):
        # code spans take no escapes, so a file name there must not go through md().
        assert name in body, f"{name} is not shown literally on the Topics page"
    assert "Could not load" in body
    nothing_ran(page, base)
