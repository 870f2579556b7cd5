"""Handouts that fit: every shipped topic's sections print their claims sheet on at most two Letter pages.

Chromium prints each section's sheet to PDF (Playwright's ``page.pdf``, Letter, the sheet's own @page
margins); the pages are counted from the PDF's page objects.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate_explorer import exports as export
from debate_explorer.loading import load_file
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

SHIPPED = [load_file(path).topic for path in sorted((ROOT / "arguments").glob("*.yaml"))]
MAX_SHEET_PAGES = 2
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF: its ``/Type /Page`` objects (Chromium writes them uncompressed)."""
    return len(PAGE_OBJECT.findall(pdf))


def print_pages(browser: object, page_html: str, out: Path | None = None) -> int:
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        tab.set_content(page_html, wait_until="load")
        pdf = tab.pdf(format="Letter", prefer_css_page_size=True, print_background=True)
    finally:
        context.close()
    if out is not None:
        out.write_bytes(pdf)
    return pdf_pages(pdf)


def test_the_page_counter_counts_pages(browser: object) -> None:
    one = print_pages(browser, "<p>one</p>")
    three = print_pages(
        browser, "<p style='break-after: page'>1</p><p style='break-after: page'>2</p><p>3</p>"
    )
    assert (one, three) == (1, 3)


@pytest.mark.parametrize("topic", SHIPPED, ids=lambda t: t.id)
def test_each_sections_claims_sheet_prints_on_at_most_two_letter_pages(
    browser: object, topic: object, output_dir: Path
) -> None:
    counts = {}
    for section in topic.sections:  # type: ignore[attr-defined]
        sheet = export.export_topic(topic, "sheet", section.id)  # type: ignore[arg-type]
        counts[section.id] = print_pages(browser, sheet)
    print(topic.id, counts)  # type: ignore[attr-defined]  # the figures, with pytest -s
    assert all(n <= MAX_SHEET_PAGES for n in counts.values()), counts
    # The full handout of the same section is longer: the sheet is what makes it fit.
    first = topic.sections[0].id  # type: ignore[attr-defined]
    assert print_pages(browser, export.export_topic(topic, "html", first)) >= counts[first]  # type: ignore[arg-type]
