"""Page sizes and ``paginate``: one page of a long sequence, clamped page numbers, no Streamlit."""

from __future__ import annotations

import pytest

from debate_explorer.paging import (
    PAIRS_PER_PAGE,
    SOURCE_ROWS_PER_PAGE,
    TOPIC_CARDS_PER_PAGE,
    page_count,
    paginate,
    parse_page,
)


def test_paginate_returns_one_page_of_the_given_size() -> None:
    page = paginate(list(range(5_000)), 3, 25)
    assert page.items == tuple(range(50, 75))
    assert (page.number, page.pages, page.total, page.start) == (3, 200, 5_000, 50)
    assert page.paged


def test_page_numbers_are_clamped() -> None:
    items = list(range(30))
    assert paginate(items, 0, 25).number == 1
    assert paginate(items, -4, 25).items[0] == 0
    last = paginate(items, 99, 25)
    assert (last.number, last.items) == (2, tuple(range(25, 30)))


def test_empty_and_short_sequences_are_one_page() -> None:
    assert paginate([], 1, 25).pages == 1
    assert paginate([], 1, 25).items == ()
    assert not paginate([1, 2], 1, 25).paged
    assert page_count(50, 25) == 2 and page_count(51, 25) == 3


def test_page_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        paginate([1], 1, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), (["7"], 7), ("0", 1), ("-2", 1), ("x", 1), (None, 1), ([], 1), ("9" * 500, int("9" * 500))],
)
def test_parse_page(value: object, expected: int) -> None:
    assert parse_page(value) == expected


def test_documented_sizes_are_positive() -> None:
    assert min(PAIRS_PER_PAGE, TOPIC_CARDS_PER_PAGE, SOURCE_ROWS_PER_PAGE) >= 1
