"""Browser-test fixtures: a real Streamlit server on a free port and a Playwright page on Debian's chromium.

Without /usr/bin/chromium (or Playwright) the e2e tests skip, unless DEBATE_EXPLORER_REQUIRE_BROWSER=1
(set by .ci/run), when they fail instead: CI must never pass by skipping them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.server import serve as serve_app
from tests.conftest import APP, ROOT

CHROMIUM = os.environ.get("DEBATE_EXPLORER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--no-first-run",
]
READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
START_TIMEOUT = 60.0


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (python) is not installed"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    problem = _browser_missing()
    if problem:
        if os.environ.get("DEBATE_EXPLORER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here but {problem}")
        pytest.skip(problem)


@pytest.fixture(scope="session")
def browser(browser_available: None) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/ at the repo root (gitignored): screenshots a human may want to look at."""
    folder = ROOT / "test-output"
    folder.mkdir(exist_ok=True)
    return folder


AppServer = Callable[[Path], str]


@pytest.fixture(scope="session")
def app_server(browser_available: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """``app_server(content_dir) -> base url``: one server per content folder for the whole session.

    Servers are started by benchmarks/server.py (127.0.0.1, headless) and all stopped at session end.
    """
    urls: dict[Path, str] = {}
    logs = tmp_path_factory.mktemp("streamlit-logs")

    with contextlib.ExitStack() as servers:

        def serve(content: Path) -> str:
            content = content.resolve()
            if content not in urls:
                running = serve_app(
                    APP,
                    env={
                        "DEBATE_EXPLORER_DIR": str(content),
                        # each server its own classroom database, never ./data/ in the checkout
                        "DEBATE_EXPLORER_DATABASE_URL": f"sqlite:///{logs / f'classroom-{len(urls)}.db'}",
                    },
                    log=logs / f"server-{len(urls)}.log",
                    timeout=START_TIMEOUT,
                )
                urls[content] = servers.enter_context(running)
            return urls[content]

        yield serve


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh 1280x900 page; dialogs are recorded in ``page.dialogs`` and dismissed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    new_page = context.new_page()
    new_page.dialogs = []

    def on_dialog(dialog: object) -> None:
        new_page.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    new_page.on("dialog", on_dialog)
    new_page.set_default_timeout(30_000)
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture
def ready() -> Callable[[object], None]:
    """``ready(page)``: wait until the app is connected and its script has finished running."""

    def wait(page: object, timeout: float = 30_000) -> None:
        page.wait_for_selector(READY, timeout=timeout)  # type: ignore[attr-defined]

    return wait


UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
HREFS = "els => els.map(e => e.getAttribute('href') || '')"
SOURCES = "els => els.map(e => e.getAttribute('src') || '')"
INJECTED = """() => {
  const main = document.querySelector("[data-testid='stMain']") || document.body;
  return {
    handlers: [...main.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name)))
      .map(e => e.outerHTML.slice(0, 120)),
    frames: main.querySelectorAll('iframe, object, embed').length,
    inline: [...document.querySelectorAll('script:not([src])')].filter(s => s.textContent.includes('__pwned'))
      .length,
  };
}"""
IMAGES_SETTLED = "() => [...document.images].every(image => image.complete)"
"""Every image has loaded or failed, so any onerror/onload handler would have fired by now."""


def assert_nothing_ran(page: object, base: str) -> None:
    """No injected script ran (no dialog, no ``window.__pwned``) and nothing links out of http(s).

    Pages that test this load ``window.__pwned = undefined`` first (``page.add_init_script``). Waits for a
    state (every image settled), never a fixed time; no element may carry a handler, a frame or an inline
    script from content, so none can fire later either.
    """
    page.wait_for_function(IMAGES_SETTLED)  # type: ignore[attr-defined]
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert page.evaluate("window.parent.__pwned") is None  # type: ignore[attr-defined]
    hrefs = page.eval_on_selector_all("a", HREFS)  # type: ignore[attr-defined]
    assert [h for h in hrefs if h.strip().lower().startswith(UNSAFE_SCHEMES)] == []
    external = [h for h in hrefs if "://" in h and not h.startswith(base)]
    assert all(h.startswith(("https://", "http://")) for h in external), external
    sources = page.eval_on_selector_all("img, iframe, object, embed", SOURCES)  # type: ignore[attr-defined]
    assert [s for s in sources if s.strip().lower().startswith(UNSAFE_SCHEMES)] == []
    found = page.evaluate(INJECTED)  # type: ignore[attr-defined]
    assert found == {"handlers": [], "frames": 0, "inline": 0}, found


@pytest.fixture
def nothing_ran() -> Callable[[object, str], None]:
    """``nothing_ran(page, base_url)``: see assert_nothing_ran."""
    return assert_nothing_ran
