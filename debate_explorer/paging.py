"""Paging long lists: which slice of a list one page shows (no Streamlit).

A section may hold thousands of pairs (an abusive or generated file); pages show a bounded slice so the
browser never receives them all at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, its 1-based number, the page count and where it starts."""

    items: Sequence[T]
    number: int
    count: int
    start: int
    """Index of the page's first item in the whole list."""
    total: int

    @property
    def end(self) -> int:
        """Index just past the page's last item."""
        return self.start + len(self.items)


def paginate(items: Sequence[T], number: int, size: int) -> Page[T]:
    """Page ``number`` (1-based, clamped to the pages there are) of ``items``, ``size`` per page."""
    if size < 1:
        raise ValueError("page size must be at least 1")
    count = max(1, -(-len(items) // size))
    number = min(max(number, 1), count)
    start = (number - 1) * size
    return Page(items[start : start + size], number, count, start, len(items))


def page_of(index: int, size: int) -> int:
    """The 1-based page holding item ``index`` (0-based)."""
    return index // size + 1
