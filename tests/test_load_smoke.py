"""A small run of benchmarks/load.py: a few concurrent WebSocket sessions against a real app server.

Asserts what must hold under any load -- every rerun finishes, with elements, without an exception, and
the same page gives the same number of elements every time -- never how fast it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks import load
from tests.conftest import FIXTURES

SESSIONS, REQUESTS, DURATION = 4, 8, 60.0


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clean sample topic and the script-tag topic (hostile text must not break rendering)."""
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURES / "topics" / "sample-topic.yaml", folder)
    shutil.copy(FIXTURES / "hostile" / "script-tags.yaml", folder)
    return folder


@pytest.mark.timeout(300)
def test_targets_cover_every_page_and_section(content: Path) -> None:
    targets = load.targets_for(content)
    assert {t.page for t in targets} == set(load.PAGES)
    assert any("section=" in t.query for t in targets)
    assert {t.query.split("topic=")[1].split("&")[0] for t in targets} == {"sample-topic", "script-tags"}


def assert_complete(report: object, log: Path, hint: str = "") -> None:
    assert report.errors == [], hint + "\n".join(report.errors[:10]) + "\n" + log.read_text()[-3000:]
    assert len(report.results) == SESSIONS * REQUESTS, "a session stopped early"
    assert all(r.elements > 0 for r in report.results)
    assert {r.target.page for r in report.results} == set(load.PAGES)
    assert "Traceback" not in log.read_text()


@pytest.mark.timeout(300)
def test_concurrent_sessions_get_complete_responses(content: Path, tmp_path: Path) -> None:
    """Steady state: after one visit per page, several sessions rerun random pages at once."""
    targets = load.targets_for(content)
    openers = list({t.page: t for t in targets}.values())
    log = tmp_path / "server.log"
    with load.serve(content, log) as url:
        assert url.startswith("http://127.0.0.1:")
        warm = load.drive(url, 1, len(openers), DURATION, openers)
        assert warm.errors == []
        report = load.drive(url, SESSIONS, REQUESTS, DURATION, targets)
    assert_complete(report, log)


@pytest.mark.timeout(300)
def test_fresh_server_survives_concurrent_first_visits(content: Path, tmp_path: Path) -> None:
    """No warm-up: the sessions' first requests hit every page of a just-started server at once.

    This found a real race: plotly imports numpy/pandas lazily and, under concurrent first use, hands
    a half-imported module to a second thread (AttributeError: partially initialized module 'numpy').
    """
    targets = load.targets_for(content)
    log = tmp_path / "server.log"
    with load.serve(content, log) as url:
        report = load.drive(url, SESSIONS, REQUESTS, DURATION, targets)
    hint = (
        "If this is \"partially initialized module 'numpy'/'pandas'\": import numpy and pandas at the top "
        "of debate_explorer/charts.py, so plotly's lazy get_module never sees a half-imported module.\n"
    )
    assert_complete(report, log, hint)


@pytest.mark.timeout(300)
def test_report_counts_broken_pages_as_errors(tmp_path: Path) -> None:
    """The checker itself: a page that does not exist is reported, not silently counted as a success."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FIXTURES / "topics" / "sample-topic.yaml", folder)
    bogus = [load.Target("no-such-page", "topic=sample-topic")]
    with load.serve(folder) as url:
        report = load.drive(url, 1, 2, DURATION, bogus)
    assert len(report.results) == 2
    assert report.errors and all("page not found" in e for e in report.errors)
