"""`debate-explorer db upgrade` and `debate-explorer class …` over the same service as the app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from debate_explorer.classroom import ClassroomService, db
from debate_explorer.cli import main


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    value = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(db.DATABASE_URL_ENV, value)
    return value


def test_class_commands(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert f"revision {db.head_revision()}" in capsys.readouterr().out
    service = ClassroomService(db.make_engine(url))
    info, secret = service.create_class("sample-topic", "learning")
    service.vote(service.seat(service.join(info.code)[1]), "for")

    assert main(["class", "list"]) == 0
    out = capsys.readouterr()
    assert re.search(rf"^{info.code}\s+before\s+1 students .* sample-topic/learning$", out.out, re.M)
    assert main(["class", "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["students"] == 1

    assert main(["class", "export", info.code.lower()]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["code"] == info.code and exported["votes_csv"].count("\n") == 2
    assert secret not in json.dumps(exported)

    assert main(["class", "new-teacher-link", info.code, "--base-url", "https://debates.example.org/"]) == 0
    link = capsys.readouterr().out.strip()
    match = re.fullmatch(
        rf"https://debates\.example\.org/classroom\?class={info.code}&teacher=([\w-]+)", link
    )
    assert match and match[1] != secret
    assert service.teacher(info.code, match[1]).code == info.code

    assert main(["class", "delete", info.code]) == 0
    assert main(["class", "export", info.code]) == 2
    assert "no open class with that code" in capsys.readouterr().err


def test_purge(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ClassroomService(db.make_engine(url)).create_class("sample-topic") if main(
        ["db", "upgrade"]
    ) == 0 else None
    assert main(["class", "purge", "--older-than", "0"]) == 0
    assert "deleted 1 class" in capsys.readouterr().err
    assert main(["class", "purge", "--older-than", "-1"]) == 2


def test_unknown_code_is_a_clear_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["class", "new-teacher-link", "<script>"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_unreachable_database_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(db.DATABASE_URL_ENV, "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert main(["db", "upgrade"]) == 2
    assert main(["class", "list"]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err
