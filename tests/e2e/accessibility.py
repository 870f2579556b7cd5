"""The axe-core audit for the browser tests: inject the pinned axe.min.js, run it, compare with what is known.

``make axe`` installs axe-core (pinned in the Makefile) under .tools/axe; without it the audit skips, unless
DEBATE_EXPLORER_REQUIRE_BROWSER=1 or CI is set (as .ci/run does), when it fails: CI cannot pass by skipping.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT

AXE = ROOT / ".tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = "make axe"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
"""WCAG 2.1 AA, 2.2's AA target size (2.5.8; axe ships that rule disabled, RUN enables it), and axe's
best practices (heading order among them)."""
FAILING_IMPACTS = frozenset({"critical", "serious"})
ALWAYS_FAILING = frozenset({"heading-order"})
"""Moderate in axe, but the issue asks for headings that never skip a level, so they fail too."""

KNOWN: dict[tuple[str, str], str] = {}
"""(rule id, a selector fragment) -> why: violations caused by Streamlit itself, each with its upstream
issue in docs/accessibility.md. A new entry needs its issue number there; anything unlisted fails."""

RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, rules: {'target-size': {enabled: true}},
    resultTypes: ['violations'],
  });
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id, impact: n.impact || v.impact || '', target: n.target.join(' '),
    summary: (n.failureSummary || '').slice(0, 300),
  })));
}"""
SETTLED = """() =>
  getComputedStyle(document.documentElement).getPropertyValue('--debate-explorer-css') === 'on'
  && [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .every(chart => chart.querySelector('.main-svg'))"""
"""The app's CSS is in place (a rerun briefly drops it, as Streamlit clears a page's elements) and every
chart is drawn."""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    target: str
    summary: str

    @property
    def fails(self) -> bool:
        return self.impact in FAILING_IMPACTS or self.rule in ALWAYS_FAILING

    @property
    def known(self) -> bool:
        return any(rule == self.rule and fragment in self.target for rule, fragment in KNOWN)


def axe_source() -> str:
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    if os.environ.get("DEBATE_EXPLORER_REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
        pytest.fail(f"axe-core is required here but {AXE} is missing; run `{INSTALL}`")
    pytest.skip(f"axe-core not installed; run `{INSTALL}`")


def audit(page: object, source: str) -> list[Violation]:
    """Every axe violation on the settled page (CSS in place, charts drawn), known ones included."""
    page.wait_for_function(SETTLED)  # type: ignore[attr-defined]
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):  # type: ignore[attr-defined]
        page.add_script_tag(content=source)  # type: ignore[attr-defined]
    found = page.evaluate(RUN, TAGS)  # type: ignore[attr-defined]
    return [Violation(**item) for item in found]


def failures(violations: list[Violation]) -> list[Violation]:
    """The violations that fail the audit: critical, serious or a skipped heading, and not known."""
    return [v for v in violations if v.fails and not v.known]


def assert_clean(page: object, source: str, where: str) -> None:
    bad = failures(audit(page, source))
    report = "\n".join(f"{v.rule} ({v.impact}) at {v.target}: {v.summary}" for v in bad)
    assert bad == [], f"{where}: {report}"
