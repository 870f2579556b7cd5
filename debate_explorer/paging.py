"""How many items one page draws, and which ones: page sizes in one place and one pure ``paginate``.

A page's work must not grow with the whole library (issue 17): a section of 5,000 pairs or a
library of 10,000 sources is drawn a page at a time. The sizes below are the documented numbers
(README, docs/performance.md); views read them from here and never hard-code their own. Nothing
here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

PAIRS_PER_PAGE = 25
"""Compare: argument pairs drawn per page of one section."""

TOPIC_CARDS_PER_PAGE = 24
"""Topics page: topic cards (and error cards) drawn per page."""

SOURCE_ROWS_PER_PAGE = 100
"""Sources page: rows of the source table drawn per page."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a sequence: its items, its 1-based number, how many pages and items in all."""

    items: tuple[T, ...]
    number: int
    pages: int
    total: int
    start: int
    """0-based index of ``items[0]`` in the whole sequence (0 when empty)."""

    @property
    def paged(self) -> bool:
        """True when the sequence needs more than one page (so a pager should be shown)."""
        return self.pages > 1


def page_count(total: int, size: int) -> int:
    """Pages needed for ``total`` items at ``size`` per page; at least 1 (an empty list is one page)."""
    if size < 1:
        raise ValueError("page size must be at least 1")
    return max(1, -(-max(0, total) // size))


def paginate(items: Sequence[T], page: int, size: int) -> Page[T]:
    """The ``page``-th (1-based) page of ``items`` at ``size`` per page.

    Out-of-range page numbers are clamped (0 or less gives the first page, past the end the last),
    so a stale ``?page=`` value in a link never shows an empty page.
    """
    pages = page_count(len(items), size)
    number = min(max(1, page), pages)
    start = (number - 1) * size
    return Page(
        items=tuple(items[start : start + size]), number=number, pages=pages, total=len(items), start=start
    )


def parse_page(value: object) -> int:
    """A page number from a query value or widget: a positive int, anything else gives 1."""
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        number = int(str(value).strip()) if value is not None else 1
    except ValueError:
        return 1
    return number if number >= 1 else 1
