"""The claims sheet and the student worksheet: short printable pages for a class, one section or a topic.

``sheet``: each question with the two claims side by side, who holds them and their source numbers, then
the cited sources in small print; made to fit one or two Letter pages for a section (a test prints the
shipped topics' sections in Chromium and counts the pages). ``worksheet``: each claim with blank lines
for the student's answer from the other side, and the four refutation steps; no rebuttal is printed.

Both are rendered by the handout's Jinja2 environment (:func:`.html.template`: autoescape, every value
through ``escape.html``, no script, a Content-Security-Policy); sources keep the app's numbers.
"""

from __future__ import annotations

from ..model import Topic
from ..teaching import REFUTATION_STEPS
from .base import Renderer, of_selection
from .html import css, page_context, template

ANSWER_LINES = 6
"""Blank lines under each claim on the worksheet."""


def _page(topic: Topic, *, worksheet: bool) -> str:
    return template("sheet.html").render(
        page_context(topic),
        css=css("sheet.css"),
        worksheet=worksheet,
        steps=REFUTATION_STEPS,
        answer_lines=ANSWER_LINES,
    )


def to_sheet(topic: Topic) -> str:
    """The claims sheet: every question with both claims, who holds them and their source numbers."""
    return _page(topic, worksheet=False)


def to_worksheet(topic: Topic) -> str:
    """The worksheet: every claim with blank lines for an answer from the other side; no rebuttals."""
    return _page(topic, worksheet=True)


SHEET = Renderer(
    "sheet",
    "Claims sheet",
    "sheet.html",
    "text/html",
    of_selection(to_sheet),
    "Each question with both claims, who holds them and source numbers; one or two pages for a section.",
)
WORKSHEET = Renderer(
    "worksheet",
    "Student worksheet",
    "worksheet.html",
    "text/html",
    of_selection(to_worksheet),
    "Each claim with blank lines for the student's answer from the other side; no answers printed.",
)
RENDERER = SHEET
