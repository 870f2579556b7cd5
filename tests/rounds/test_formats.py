"""Format definitions: every shipped one validates and adds up; a broken custom file names file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.links import safe_url
from debate_explorer.loading import LoadError
from debate_explorer.rounds.formats import FORMATS_DIR, Bench, load_format_file, shipped_formats
from tests.conftest import ROOT, CliResult

DOCUMENTED_MINUTES = {
    # The round lengths docs/formats.md states, from the rule pages the definitions cite.
    "public-forum": 35,
    "lincoln-douglas": 32,
    "policy": 64,
    "british-parliamentary": 56,
    "world-schools": 56,
    "karl-popper": 44,
}


def test_the_six_formats_ship() -> None:
    assert set(shipped_formats()) == set(DOCUMENTED_MINUTES)
    assert len(list(FORMATS_DIR.glob("*.yaml"))) == len(DOCUMENTED_MINUTES)


@pytest.mark.parametrize("fmt_id", sorted(DOCUMENTED_MINUTES))
def test_speech_times_sum_to_the_documented_round_length(fmt_id: str) -> None:
    fmt = shipped_formats()[fmt_id]
    assert sum(s.minutes for s in fmt.speeches) == DOCUMENTED_MINUTES[fmt_id]
    assert fmt.round_minutes == DOCUMENTED_MINUTES[fmt_id]
    assert fmt.sources and all(safe_url(s.url) for s in fmt.sources)
    assert {team.bench for team in fmt.teams} == set(Bench)
    doc = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert fmt.name in doc and all(s.url in doc for s in fmt.sources)


def test_points_of_information_where_the_format_has_them() -> None:
    formats = shipped_formats()
    bp, ws, pf = formats["british-parliamentary"], formats["world-schools"], formats["public-forum"]
    speech = bp.speeches[0]
    assert [bp.poi_open(speech, m) for m in (0.5, 1, 3, 6, 6.5)] == [False, True, True, False, False]
    reply = ws.speeches[-1]
    assert ws.poi_open(reply, 2) is False and ws.poi_open(ws.speeches[0], 4) is True
    assert pf.poi_open(pf.speeches[0], 2) is None


GOOD = """\
id: mini
name: Mini debate
teams:
  - {id: pro, name: Pro, bench: proposition}
  - {id: con, name: Con, bench: opposition}
speeches:
  - {name: Pro case, team: pro, minutes: 3}
  - {name: Con case, team: con, minutes: 3}
prep_minutes: 1
round_minutes: 6
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_custom_format_loads(tmp_path: Path) -> None:
    fmt = load_format_file(write(tmp_path, GOOD))
    assert fmt.total_minutes == 6 and fmt.prep_minutes == 1


@pytest.mark.parametrize(
    ("old", "new", "line", "fragment"),
    [
        ("minutes: 3}\n  - {name: Con", "minutes: -3}\n  - {name: Con", 7, "greater than 0"),
        ("team: con,", "team: cons,", 8, "unknown team 'cons'"),
        ("prep_minutes: 1", "prep_minutes: 1\nspeakers: 3", 10, "unknown key"),
        ("round_minutes: 6", "round_minutes: 7", 10, "add up to 6 minutes"),
        ("name: Mini debate", "name: [Mini", 3, ""),
    ],
)
def test_a_broken_custom_format_names_file_line_and_problem(
    tmp_path: Path, old: str, new: str, line: int, fragment: str
) -> None:
    assert GOOD.count(old) == 1
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(LoadError) as caught:
        load_format_file(path)
    error = caught.value
    assert error.file == str(path) and error.line == line and fragment in error.message
    assert str(error).startswith(f"{path}:{line}")


def test_check_format_cli(tmp_path: Path, invoke: Callable[..., CliResult]) -> None:
    good = write(tmp_path, GOOD)
    result = invoke("check-format", str(good))
    assert result.code == 0 and "Mini debate" in result.out
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("team: con,", "team: cons,"), encoding="utf-8")
    result = invoke("check-format", str(bad))
    assert result.code == 2 and f"{bad}:8" in result.err and "unknown team" in result.err
