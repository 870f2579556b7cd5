"""Abusive but valid content in real Chromium (issue 17): long unbroken words, and a page load that
asks nothing of any host but the app's own.

The topics are generated here (tests/abusive.py), never committed: one with the longest unbroken word
each field allows (20,000 characters in every reasoning, evidence and rebuttal, 2,000 in each claim),
and one whose 100,000-character claim the model refuses, so the Topics page shows its error card.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from debate_explorer import model
from tests import abusive

AppServer = Callable[[Path], str]

pytestmark = pytest.mark.e2e

RENDER_BOUND_MS = 90_000
"""Generous but finite: before issue 17 one 100,000-character word blocked Chromium for 28 s, 1 MB forever."""
ICON_SET = """() => {
  const link = document.querySelector("link[rel='shortcut icon']");
  return !!link && !link.href.endsWith('favicon.png');
}"""
"""The app's own tab icon has replaced Streamlit's default, so its request (if any) has been made."""
OVERFLOW = """() => ({
  page: document.documentElement.scrollWidth, view: window.innerWidth,
  main: (document.querySelector("[data-testid='stMain']") || document.body).scrollWidth,
})"""


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("abusive-content")
    data = abusive.topic("long-words", pairs=4, claim=abusive.long_word(model.MAX_SENTENCE))
    for section in data["sections"]:
        section["summary"] = abusive.long_word(model.MAX_LONG)
        for pair in section["pairs"]:
            for side in ("supporter", "critic"):
                for field in ("reasoning", "evidence", "rebuttal"):
                    pair[side][field] = abusive.long_word(model.MAX_LONG)
    abusive.write(folder, data)
    abusive.write(folder, abusive.topic("too-long", claim=abusive.long_word(100_000)))
    return folder


def test_long_words_render_compare_without_blank_page_or_overflow(
    app_server: AppServer, page: object, ready: Callable[..., None], content: Path
) -> None:
    base = app_server(content)
    page.goto(f"{base}/compare?topic=long-words")  # type: ignore[attr-defined]
    ready(page, timeout=RENDER_BOUND_MS)
    for expander in page.get_by_test_id("stExpander").all():  # type: ignore[attr-defined]
        expander.locator("summary").click()
    ready(page, timeout=RENDER_BOUND_MS)
    body = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    visible = body.replace("\u200b", "")
    assert "A generated abusive topic" in visible, "the page is blank"
    assert abusive.long_word(1_000) in visible, "the long word is not shown"
    assert visible.count("abcdefghij" * 100) >= 4 * 2 * 3, "reasoning, evidence and rebuttal should all show"
    sizes = page.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert sizes["page"] <= sizes["view"], sizes
    assert sizes["main"] <= sizes["view"], sizes


def test_an_overlong_claim_is_an_error_card_not_a_frozen_page(
    app_server: AppServer, page: object, ready: Callable[..., None], content: Path
) -> None:
    base = app_server(content)
    page.goto(base)  # type: ignore[attr-defined]
    ready(page, timeout=RENDER_BOUND_MS)
    body = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    assert "Could not load too-long.yaml" in body.replace("\u200b", "")
    assert "text of 100,000 characters is too long" in body
    assert str(content) not in body


def test_a_page_load_asks_only_the_app_server(
    app_server: AppServer, page: object, ready: Callable[..., None], content: Path
) -> None:
    """Every request (the favicon included) goes to the app on 127.0.0.1: nothing needs the internet."""
    base = app_server(content)
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or request.url))  # type: ignore[attr-defined]
    for path in ("", "compare?topic=long-words"):
        page.goto(f"{base}/{path}")  # type: ignore[attr-defined]
        ready(page, timeout=RENDER_BOUND_MS)
        page.wait_for_function(ICON_SET)  # type: ignore[attr-defined]
    assert hosts, "no request was seen"
    assert {host for host in hosts if not host.startswith("data:")} == {"127.0.0.1"}, sorted(set(hosts))


@pytest.mark.parametrize("fmt", ["html", "cards"])
def test_printable_exports_wrap_long_words_in_chromium(page: object, content: Path, fmt: str) -> None:
    """The HTML handout and the evidence cards, opened in Chromium: long words wrap, nothing overflows."""
    from debate_explorer.exports import export_topic
    from debate_explorer.loading import load_file

    topic = load_file(content / "long-words.yaml").topic
    page.set_content(export_topic(topic, fmt))  # type: ignore[attr-defined]
    text = page.inner_text("body").replace("\u200b", "")  # type: ignore[attr-defined]
    assert abusive.long_word(1_000) in text
    sizes = page.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert sizes["page"] <= sizes["view"], sizes
