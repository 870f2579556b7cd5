"""The command line: exit codes 0/1/2, text and JSON output, --strict, --draft, schema, version."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from debate_explorer import __version__
from debate_explorer.cli import main
from debate_explorer.schema import schema_json
from tests.conftest import SAMPLE, TOPICS, run_cli

CHECKS = TOPICS / "checks"
SCRIPT = Path(sys.executable).parent / "debate-explorer"


def copy_fixtures(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(CHECKS / f"{name}.yaml", folder)
    return folder


def test_clean_topic_exits_0(capsys) -> None:
    code, out, err = run_cli(capsys, "check", SAMPLE)
    assert (code, out) == (0, "")
    assert "1 topic(s) checked: no findings" in err


def test_clean_folder_exits_0_even_strict(capsys) -> None:
    code, out, _ = run_cli(capsys, "check", "--strict", TOPICS)
    assert (code, out) == (0, "")


def test_error_exits_1_with_file_line_text(capsys) -> None:
    path = CHECKS / "e101-unknown-source.yaml"
    code, out, err = run_cli(capsys, "check", path)
    assert code == 1
    assert out == f"{path}:33 timeline[0].sources[1]: E101 error: unknown source 'acl-report'\n"
    assert "1 topic(s) checked: 1 error" in err


def test_json_output_shape(capsys) -> None:
    path = CHECKS / "e104-no-sources.yaml"
    code, out, _ = run_cli(capsys, "check", "--format", "json", path)
    assert code == 1
    data = json.loads(out)
    assert [d["code"] for d in data] == ["E104", "E104"]
    assert data[0] == {
        "code": "E104",
        "severity": "error",
        "file": str(path),
        "line": 19,
        "path": "sections[0].pairs[0].supporter.sources",
        "message": "the supporter position cites no sources",
    }


def test_json_output_is_an_empty_list_when_clean(capsys) -> None:
    code, out, _ = run_cli(capsys, "check", "--format", "json", SAMPLE)
    assert (code, json.loads(out)) == (0, [])


def test_warnings_fail_only_with_strict(capsys) -> None:
    path = CHECKS / "w206-no-questions.yaml"
    code, out, _ = run_cli(capsys, "check", path)
    assert code == 0
    assert "W206 warning" in out
    code, _, _ = run_cli(capsys, "check", "--strict", path)
    assert code == 1


def test_draft_reports_unfilled_fields_as_todos(capsys) -> None:
    path = CHECKS / "e103-empty-claim.yaml"
    assert run_cli(capsys, "check", path)[0] == 1
    code, out, _ = run_cli(capsys, "check", "--draft", "--strict", "--format", "json", path)
    assert code == 0
    assert [(d["code"], d["severity"]) for d in json.loads(out)] == [("E103", "todo")]


def test_draft_does_not_excuse_load_errors(capsys) -> None:
    code, _, _ = run_cli(capsys, "check", "--draft", CHECKS / "e001-load-error.yaml")
    assert code == 2  # nothing loaded at all


def test_missing_path_exits_2(capsys, tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "check", tmp_path / "nowhere")
    assert (code, out) == (2, "")
    assert "no such file or folder" in err


def test_folder_with_only_broken_files_exits_2(capsys, tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path / "broken", "e001-load-error")
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", folder)
    assert code == 2
    assert out.count("E001 error") == 3  # two problems in one file, one in the other


def test_empty_folder_exits_2(capsys, tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "check", tmp_path)
    assert code == 2
    assert "no topic files" in err


def test_broken_file_beside_a_good_one_exits_1(capsys, tmp_path: Path) -> None:
    folder = copy_fixtures(tmp_path / "mixed", "e001-load-error", "clean-small")
    code, out, err = run_cli(capsys, "check", folder)
    assert code == 1
    assert out.count("E001") == 2
    assert "1 topic(s) checked: 2 errors" in err


def test_default_path_is_arguments(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "check")[0] == 2
    copy_fixtures(tmp_path / "arguments", "clean-small")
    assert run_cli(capsys, "check")[0] == 0


def test_schema_command_prints_the_schema(capsys) -> None:
    code, out, _ = run_cli(capsys, "schema")
    assert code == 0
    assert out == schema_json() + "\n"


def test_unknown_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_console_script_checks_and_reports_version() -> None:
    result = subprocess.run(
        [str(SCRIPT), "check", "--strict", str(TOPICS)], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout) == (0, "")
    broken = subprocess.run(
        [str(SCRIPT), "check", str(CHECKS / "w203-fewer-sources.yaml"), "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert broken.returncode == 1
    assert "W203 warning" in broken.stdout
    version = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, timeout=120)
    assert version.stdout.strip() == f"debate-explorer {__version__}"


def test_python_dash_m_reports_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "debate_explorer", "--version"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"debate-explorer {__version__}"
