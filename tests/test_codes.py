"""The check-code tables in README.md and docs/checks.md say what the registry (codes.py) says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate_explorer.codes import BY_CODE, CODES, REGISTRY, Draft, Severity, severity

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\|\s*([EW]\d{3})\s*\|(.*)\|\s*$")


def table_rows(path: Path, heading: str | None = None) -> dict[str, list[str]]:
    """Code -> the other cells of each Markdown table row that starts with a code (under ``heading``)."""
    text = path.read_text(encoding="utf-8")
    if heading is not None:
        start = text.index(f"\n{heading}\n")
        end = text.find("\n#", start + len(heading) + 2)
        text = text[start : end if end != -1 else None]
    rows = {}
    for line in text.splitlines():
        match = ROW.match(line)
        if match:
            assert match.group(1) not in rows, f"{path.name}: {match.group(1)} listed twice"
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_readme_table_matches_the_registry() -> None:
    rows = table_rows(ROOT / "README.md")
    assert list(rows) == list(CODES)
    for code, (sev, summary) in rows.items():
        assert (sev, summary) == (BY_CODE[code].severity_text, BY_CODE[code].summary), code


def test_docs_error_table_matches_the_registry() -> None:
    rows = table_rows(ROOT / "docs" / "checks.md", "## Errors")
    errors = [c for c in REGISTRY if c.severity is Severity.ERROR]
    assert list(rows) == [c.code for c in errors]
    for code in errors:
        assert rows[code.code] == [code.detail, code.where], code.code


def test_docs_warning_table_matches_the_registry() -> None:
    rows = table_rows(ROOT / "docs" / "checks.md", "## Warnings (balance and wording)")
    warnings = [c for c in REGISTRY if c.severity is Severity.WARNING]
    assert list(rows) == [c.code for c in warnings]
    for code in warnings:
        assert rows[code.code] == [code.detail], code.code


@pytest.mark.parametrize(
    ("code", "draft", "unfilled", "expected"),
    [
        ("E101", True, True, Severity.ERROR),
        ("E103", False, True, Severity.ERROR),
        ("E103", True, False, Severity.TODO),
        ("E106", True, False, Severity.ERROR),
        ("E106", True, True, Severity.TODO),
        ("W201", True, True, Severity.WARNING),
    ],
)
def test_severity_follows_the_registry(code: str, draft: bool, unfilled: bool, expected: Severity) -> None:
    assert severity(code, draft=draft, unfilled=unfilled) is expected


def test_only_errors_soften_in_a_draft() -> None:
    assert all(c.severity is Severity.ERROR for c in REGISTRY if c.draft is not Draft.KEEP)
    assert all(c.code[0] == c.severity.value[0].upper() for c in REGISTRY)
