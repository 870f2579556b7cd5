"""A topic file edited while the app runs: half-written, then fixed, with no restart.

Editors and ``git pull`` write files non-atomically, so a reader can catch a topic half-written. The
app must then show that file's error (and keep the other topics), and show the fixed content on the
next rerun. Checked twice: through AppTest (the same AppTest re-run after each rewrite) and against a
real server, in one WebSocket session that stays open across the edits.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks import load
from debate_explorer.loading import LoadError, load_text
from debate_explorer.views import render
from tests.conftest import SAMPLE, OpenApp

ORIGINAL_TITLE = "Original live title"
FIXED_TITLE = "Fixed live title after the edit"


def live_text(title: str) -> str:
    """The sample topic as ``live-topic`` with ``title``."""
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        if line.startswith("id: "):
            line = "id: live-topic\n"
        elif line.startswith("title: "):
            line = f"title: {title}\n"
        out.append(line)
    return "".join(out)


def half(text: str) -> str:
    """The file cut part-way, as a non-atomic writer leaves it: the first cut past the middle that fails.

    (Many cuts still parse as a valid, shorter topic -- the app then shows that, which is right too;
    this test wants the error case.)
    """
    for cut in range(len(text) // 2, len(text)):
        try:
            load_text(text[:cut], "live-topic.yaml")
        except LoadError:
            return text[:cut]
    raise AssertionError("no cut of the file fails to load")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    (folder / "live-topic.yaml").write_text(live_text(ORIGINAL_TITLE), encoding="utf-8")
    return folder


def page_text(at: AppTest) -> str:
    kinds = ("markdown", "caption", "error", "warning", "info", "title", "header", "subheader")
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at, kind))


def plain(text: str) -> str:
    """Markdown with the app's backslash escapes removed, for substring checks."""
    return text.replace("\\", "")


def test_half_written_then_fixed_file_in_one_running_app(content: Path, open_app: OpenApp) -> None:
    live = content / "live-topic.yaml"
    at = open_app(content=content)
    assert ORIGINAL_TITLE in plain(page_text(at))

    full = live_text(FIXED_TITLE)
    live.write_text(half(full), encoding="utf-8")
    at.run()
    assert not at.exception
    shown = plain(page_text(at))
    assert "Could not load" in shown and "live-topic.yaml" in shown
    assert ORIGINAL_TITLE not in shown, "a stale copy of the broken file is still shown"
    assert plain(render.md(load_text(SAMPLE.read_text()).topic.title)) in shown, "the other topic disappeared"

    live.write_text(full, encoding="utf-8")
    at.run()
    assert not at.exception
    shown = plain(page_text(at))
    assert FIXED_TITLE in shown
    assert "Could not load" not in shown


def test_compare_page_of_the_edited_topic_recovers(content: Path, open_app: OpenApp) -> None:
    """On the topic's own page: while broken, a note and a fallback topic; once fixed, the new text."""
    live = content / "live-topic.yaml"
    at = open_app("compare", content=content, topic="live-topic")
    assert ORIGINAL_TITLE in plain(page_text(at))

    live.write_text(half(live_text(FIXED_TITLE)), encoding="utf-8")
    at.query_params["topic"] = "live-topic"
    at.run()
    assert not at.exception
    assert ORIGINAL_TITLE not in plain(page_text(at))

    live.write_text(live_text(FIXED_TITLE), encoding="utf-8")
    at.query_params["topic"] = "live-topic"
    at.run()
    assert not at.exception
    assert FIXED_TITLE in plain(page_text(at))


def test_deleted_and_restored_file(content: Path, open_app: OpenApp) -> None:
    live = content / "live-topic.yaml"
    at = open_app(content=content)
    live.unlink()
    at.run()
    assert not at.exception
    assert ORIGINAL_TITLE not in plain(page_text(at))
    live.write_text(live_text(FIXED_TITLE), encoding="utf-8")
    at.run()
    assert not at.exception
    assert FIXED_TITLE in plain(page_text(at))


@pytest.mark.timeout(300)
def test_running_server_shows_the_error_then_the_fix_in_one_session(content: Path, tmp_path: Path) -> None:
    """A real server and one open WebSocket session: no restart, no reconnect, just reruns."""
    live = content / "live-topic.yaml"
    topics = load.Target("", "topic=live-topic")
    log = tmp_path / "server.log"
    with load.serve(content, log) as url:
        session = load.Session(url)
        try:
            before = session.rerun(topics, keep_text=True)
            live.write_text(half(live_text(FIXED_TITLE)), encoding="utf-8")
            broken = session.rerun(topics, keep_text=True)
            live.write_text(live_text(FIXED_TITLE), encoding="utf-8")
            after = session.rerun(topics, keep_text=True)
        finally:
            session.close()
    for result in (before, broken, after):
        assert result.error is None, f"{result.error}\n{log.read_text()[-2000:]}"
    assert ORIGINAL_TITLE in plain("\n".join(before.texts))
    broken_text = plain("\n".join(broken.texts))
    assert "Could not load" in broken_text and "live-topic.yaml" in broken_text
    assert FIXED_TITLE in plain("\n".join(after.texts))
    assert "Could not load" not in plain("\n".join(after.texts))
