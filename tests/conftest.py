"""The one test harness: fixture paths, the app and CLI openers, the inertness check, topic writers.

Test modules import the constants and plain helpers (``from tests.conftest import ROOT, SAMPLE``; tests/ is a
package so that name cannot be shadowed) and ask for the fixtures by name. Keep this file small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer import cli
from debate_explorer.config import CONTENT_DIR_ENV
from debate_explorer.pages import page as page_spec

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
TOPICS = FIXTURES / "topics"
SAMPLE = TOPICS / "sample-topic.yaml"
"""The clean sample topic (passes ``check --strict``)."""
APP = ROOT / "app.py"


@pytest.fixture(autouse=True)
def fresh_streamlit_caches() -> Iterator[None]:
    """st.cache_* entries outlive an AppTest within one pytest process; clear them so tests don't leak."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


# ---------------------------------------------------------------- the app through AppTest

OpenApp = Callable[..., AppTest]


@pytest.fixture
def open_app(monkeypatch: pytest.MonkeyPatch) -> OpenApp:
    """``open_app(page="topics", content=None, check=True, **query) -> AppTest``: app.py, run on ``page``.

    ``content`` sets the topic folder (else the environment decides). The query is set on the first run,
    as a deep link arrives, and again after switching page. With ``check`` no exception may show.
    """

    def open_page(
        page: str = "topics", content: Path | None = None, check: bool = True, **query: str | list[str]
    ) -> AppTest:
        if content is not None:
            monkeypatch.setenv(CONTENT_DIR_ENV, str(content))
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(query)
        at.run()
        if page != "topics":
            if check:
                assert not at.exception, f"topics page: {[e.value for e in at.exception]}"
            at.switch_page(page_spec(page).script)
            at.query_params.clear()
            at.query_params.update(query)
            at.run()
        if check:
            assert not at.exception, f"{page}: {[e.value for e in at.exception]}"
        return at

    return open_page


def clock_faces(at: AppTest) -> dict[str, dict[str, object]]:
    """The browser clocks (views/clock.py) a run drew: each one's key -> the data the browser counts from."""
    import json

    faces = {}
    for element in at.get("bidi_component"):
        proto = element.proto  # type: ignore[attr-defined]
        if proto.component_name == "debate_explorer_clock":
            faces[proto.id.split("-", 2)[-1]] = json.loads(proto.json)  # "$$ID-<hash>-<key>"
    return faces


TEXT_ELEMENTS = ("markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader")
RAW_HTML = re.compile(r"(?<!\\)<(script|img|iframe|svg|a )", re.IGNORECASE)
BAD_LINK = re.compile(r"\]\(\s*<?\s*(javascript|data|file|vbscript):", re.IGNORECASE)


def shown_texts(at: AppTest) -> list[str]:
    """Every Markdown-bearing string on the page (markdown, captions, alerts, headings)."""
    return [str(element.value) for kind in TEXT_ELEMENTS for element in getattr(at, kind)]


def live_markup(at: AppTest) -> list[str]:
    """What would render live: Markdown with HTML allowed, raw tags, or non-http(s) links (empty if inert)."""
    found = [f"allow_html: {m.value[:200]}" for m in at.markdown if m.proto.allow_html]
    found += [text[:300] for text in shown_texts(at) if RAW_HTML.search(text) or BAD_LINK.search(text)]
    return found


@pytest.fixture
def assert_inert() -> Callable[[AppTest], None]:
    """``assert_inert(at)``: nothing on the page renders as HTML and no link leaves http(s)."""

    def check(at: AppTest) -> None:
        assert live_markup(at) == []

    return check


# ---------------------------------------------------------------- the command line


class CliResult(NamedTuple):
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> CliResult:
    """``debate-explorer *argv`` in this process: exit code, standard output, standard error."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return CliResult(code, out, err)


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """``run("check", path) -> (code, out, err)``: the CLI through its public ``main``."""
    return lambda *argv: run_cli(capsys, *argv)


# ---------------------------------------------------------------- topic files


@pytest.fixture
def sample_text() -> str:
    """The clean sample topic's YAML text (passes `check --strict`)."""
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def write_topic(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text as ``<folder>/<name>.yaml`` (default name: sample-topic, so the id matches)."""

    def write(text: str, name: str = "sample-topic", folder: str = "topics") -> Path:
        path = tmp_path / folder / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def edit() -> Callable[[str, str, str], str]:
    """``edit(text, old, new)``: replace the one ``old``; fails loudly if the fixture changed."""

    def replace_once(text: str, old: str, new: str) -> str:
        assert text.count(old) == 1, f"expected exactly one {old!r} in the fixture"
        return text.replace(old, new)

    return replace_once


@pytest.fixture(autouse=True)
def classroom_database(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test that opens the app gets its own throwaway classroom database, never ./data/."""
    url = f"sqlite:///{tmp_path_factory.mktemp('classroom') / 'classroom.db'}"
    monkeypatch.setenv("DEBATE_EXPLORER_DATABASE_URL", url)
    return url
