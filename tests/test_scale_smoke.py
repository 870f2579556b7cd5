"""benchmarks/scale.py at a tiny size, so the benchmark keeps working; it asserts results, never timings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import scale
from debate_explorer.checks import Severity, check_library
from debate_explorer.loading import load_library


def test_synthetic_topics_are_valid_and_shaped_like_real_ones(tmp_path: Path) -> None:
    written = scale.generate(tmp_path, 3)
    library = load_library([tmp_path])
    assert library.errors == []
    assert len(library.topics) == 3
    for loaded in library.topics:
        topic = loaded.topic
        assert len(topic.sections) == scale.SECTIONS
        assert all(len(section.pairs) == scale.PAIRS for section in topic.sections)
        assert len(topic.sources) == scale.SOURCES
    errors = [f for f in check_library(library) if f.severity is Severity.ERROR]
    assert errors == [], errors[:3]
    assert written > 3 * 50_000, "each synthetic topic should be about the size of the shipped one"


@pytest.mark.timeout(300)
def test_scale_benchmark_runs_end_to_end(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["scale.py", "--sizes", "2", "--repeat", "1", "--reruns", "2"])
    monkeypatch.delenv("DEBATE_EXPLORER_DIR", raising=False)
    scale.main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["topics", "MB", "floor"]
    row = lines[-1].split()
    assert row[0] == "2"
    assert row[6].endswith("x")
    assert "nan" not in row, "the warm app rerun was not measured"
