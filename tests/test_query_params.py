"""Hostile and odd query parameters on every page, through AppTest: none may raise.

Links get shared, truncated, mangled by chat apps and hand-edited, so ``?topic=&section=&pair=`` arrive
unknown, empty, repeated, enormous, non-ASCII or carrying markup. Each page must fall back to a sensible
place, quote bad values back only shortened and escaped, and never show an exception.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st

from debate_explorer import pages
from tests.conftest import FIXTURES, OpenApp, live_markup, shown_texts

PAGE_KEYS = tuple(spec.key for spec in pages.PAGES)

PAGES = PAGE_KEYS
LONG = "x" * 100_000

BAD_VALUES: dict[str, str | list[str]] = {
    "unknown": "no-such-id",
    "empty": "",
    "blank": "   ",
    "repeated": ["sample-topic", "no-such-id", ""],
    "repeated-empty": ["", ""],
    "very-long": LONG,
    "non-ascii": "日本語-тема-عربى-ñ",
    "bidi-zero-width": "\u202esample-topic\u200b",
    "emoji": "🙂" * 40,
    "html": "<script>window.__pwned=1</script><img src=x onerror=alert(1)>",
    "markdown": "[x](javascript:alert(1)) **bold** :red[red] $x$",
    "path": "../../etc/passwd",
    "control": "\x00\x1b[31m\x7f",
    "percent": "%00%ff%2e%2e",
}

# (name, query) cases: each bad value in each parameter, alone and after a valid topic; plus odd keys.
CASES: list[tuple[str, dict[str, str | list[str]]]] = []
for label, value in BAD_VALUES.items():
    CASES.append((f"topic={label}", {"topic": value}))
    CASES.append((f"section={label}", {"topic": "sample-topic", "section": value}))
    CASES.append((f"pair={label}", {"topic": "sample-topic", "section": "costs", "pair": value}))
CASES += [
    ("pair-without-section", {"pair": "attendance"}),
    ("section-of-another-topic", {"topic": "second-topic", "section": "costs"}),
    ("pair-of-another-section", {"topic": "sample-topic", "section": "costs", "pair": "attendance"}),
    ("unknown-keys", {"utm_source": "x", "foo": ["1", "2"], "TOPIC": "sample-topic", "": "empty-key"}),
    ("unicode-key", {"тема": "sample-topic", "topic\u200b": "x"}),
    ("long-key", {"k" * 5000: "v"}),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample topic and a second topic (so the topic picker and cross-topic links exist)."""
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURES / "topics" / "sample-topic.yaml", folder)
    text = (FIXTURES / "topics" / "sample-topic.yaml").read_text(encoding="utf-8")
    assert text.count("id: sample-topic") == 1
    (folder / "second-topic.yaml").write_text(text.replace("id: sample-topic", "id: second-topic"), "utf-8")
    return folder


@pytest.mark.timeout(600)
@pytest.mark.parametrize("page", PAGES)
def test_no_query_parameter_makes_a_page_raise(page: str, content: Path, open_app: OpenApp) -> None:
    failures = []
    for name, query in CASES:
        st.cache_data.clear()
        at = open_app(page, content=content, check=False, **query)
        if at.exception:
            failures.append(f"{name}: {[e.value for e in at.exception]}")
            continue
        shown = shown_texts(at)
        if not shown:
            failures.append(f"{name}: the page is empty")
        for text in shown:
            if "x" * 200 in text:
                failures.append(f"{name}: a very long value is echoed in full ({len(text):,} chars)")
        failures += [f"{name}: markup from the URL is live: {text!r}" for text in live_markup(at)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("page", [p for p in PAGES if p != "topics"])
def test_unknown_topic_falls_back_to_a_real_topic_with_a_note(
    page: str, content: Path, open_app: OpenApp
) -> None:
    at = open_app(page, content=content, topic="no-such-id")
    assert not at.exception
    notes = " ".join(str(i.value) for i in at.info)
    assert "no\\-such\\-id" in notes or "no-such-id" in notes, notes


def test_a_valid_deep_link_still_selects_its_place(content: Path, open_app: OpenApp) -> None:
    """The fallbacks must not swallow good links: section and pair from the URL are honoured."""
    at = open_app("compare", content=content, topic="second-topic", section="learning", pair="attendance")
    assert not at.exception
    assert at.query_params.get("topic") in ("second-topic", ["second-topic"])
    assert at.query_params.get("section") in ("learning", ["learning"])
    assert not at.info, [i.value for i in at.info]
