"""Handouts that match the app: source numbers kept in every export; the claims sheet and the worksheet."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from debate_explorer import exports as export
from debate_explorer.labels import HELD_BY
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic
from tests.conftest import ROOT
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic
SHIPPED = [load_file(path).topic for path in sorted((ROOT / "arguments").glob("*.yaml"))]


def late_section(topic: Topic) -> tuple[str, dict[str, int]]:
    """A section whose cited sources are not the first ones of the topic (so renumbering would show)."""
    numbers = topic.source_numbers
    for section in reversed(topic.sections):
        cited = {numbers[sid] for sid in export.cited_ids([section]) if sid in numbers}
        if cited and cited != set(range(1, len(cited) + 1)):
            return section.id, {sid: numbers[sid] for sid in export.cited_ids([section]) if sid in numbers}
    raise AssertionError("no section cites a late source")


@pytest.mark.parametrize("topic", SHIPPED, ids=lambda t: t.id)
@pytest.mark.parametrize("fmt", ["markdown", "html", "sheet", "worksheet", "json"])
def test_a_section_export_keeps_the_apps_source_numbers(topic: Topic, fmt: str) -> None:
    section_id, numbers = late_section(topic)
    text = export.export_topic(topic, fmt, section_id)
    if fmt == "json":
        assert json.loads(text)["source_numbers"] == numbers
        return
    section = topic.section(section_id)
    assert section is not None
    for pair in section.pairs:
        for side in Side:
            for sid in pair.side(side).sources:
                assert f"[{numbers[sid]}]" in text.replace("\\[", "[").replace("\\]", "]"), (sid, fmt)
    if fmt in ("html", "sheet", "worksheet"):  # the source list numbers its items as the app does
        listed = [int(n) for n in re.findall(r'<li value="(\d+)">', text)]
        assert listed == sorted(numbers.values())
    if fmt == "markdown":
        listed = [int(n) for n in re.findall(r"^- \\\[(\d+)\\\] ", text, re.MULTILINE)]
        assert listed == sorted(numbers.values())


def test_the_claims_sheet_has_both_claims_holders_and_no_rebuttals() -> None:
    page = export.export_topic(SAMPLE, "sheet", "learning")
    section = SAMPLE.section("learning")
    assert section is not None
    for pair in section.pairs:
        assert html.escape(pair.question, quote=True) in page
        for side in Side:
            position = pair.side(side)
            assert html.escape(position.claim, quote=True) in page
            if position.held_by:
                assert f"{HELD_BY}: {html.escape(position.held_by, quote=True)}" in page
            if position.rebuttal:
                assert html.escape(position.rebuttal, quote=True) not in page
            if position.reasoning:
                assert html.escape(position.reasoning, quote=True) not in page


def test_the_worksheet_has_blank_answer_lines_and_no_rebuttals() -> None:
    page = export.export_topic(SAMPLE, "worksheet")
    claims = [p.side(s) for _, p in SAMPLE.pairs() for s in Side]
    assert page.count('<div class="line"></div>') == 6 * len(claims)
    for position in claims:
        assert html.escape(position.claim, quote=True) in page
        if position.rebuttal:
            assert html.escape(position.rebuttal, quote=True) not in page
    critics = html.escape(SAMPLE.sides.label(Side.CRITIC), quote=True)
    assert f"Your answer, as the {critics}:" in page


@pytest.mark.parametrize("fmt", ["sheet", "worksheet"])
def test_the_cli_exports_the_new_formats(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"learning.{fmt}.html"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "debate_explorer",
            "export",
            str(SAMPLE_FILE),
            "--format",
            fmt,
            "--section",
            "learning",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == export.export_topic(SAMPLE, fmt, "learning")
    help_text = subprocess.run(
        [sys.executable, "-m", "debate_explorer", "export", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert fmt in help_text
