"""A topic's "last changed" date: its ``updated`` field, else its file's last commit; never the mtime."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from debate_explorer.content_date import git_date, last_changed
from debate_explorer.loading import load_file
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic


def test_the_updated_field_wins() -> None:
    topic = SAMPLE.model_copy(update={"updated": "2024-11-02"})
    assert last_changed(topic, SAMPLE_FILE) == ("2024-11-02", "the topic's updated date")


def test_a_copied_file_outside_git_has_no_date(tmp_path: Path) -> None:
    copied = tmp_path / "sample-topic.yaml"
    shutil.copy(SAMPLE_FILE, copied)
    os.utime(copied, (1_700_000_000, 1_700_000_000))  # an mtime exists, and must not be used
    assert git_date(copied) is None and last_changed(SAMPLE, copied) is None


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_file_in_git_gets_its_last_commit_date(tmp_path: Path) -> None:
    copied = tmp_path / "sample-topic.yaml"
    shutil.copy(SAMPLE_FILE, copied)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2023-03-04T05:06:07Z",
        "GIT_COMMITTER_DATE": "2023-03-04T05:06:07Z",
    }
    for args in (["init", "-q"], ["add", copied.name], ["commit", "-q", "-m", "topic"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], env=env, check=True, capture_output=True)
    assert last_changed(SAMPLE, copied) == ("2023-03-04", "the file's last commit")
