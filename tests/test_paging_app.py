"""Topic cards and source rows are drawn a page at a time (issue 17), through the app (AppTest)."""

from __future__ import annotations

from pathlib import Path

from debate_explorer.paging import SOURCE_ROWS_PER_PAGE, TOPIC_CARDS_PER_PAGE
from tests import abusive
from tests.conftest import OpenApp


def cards(at: object) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("## Topic number")]  # type: ignore[attr-defined]


def test_topic_cards_are_paged(tmp_path: Path, open_app: OpenApp) -> None:
    count = TOPIC_CARDS_PER_PAGE + 6
    for n in range(count):
        data = abusive.topic(f"topic-{n:03d}")
        data["title"] = f"Topic number {n:03d}"
        abusive.write(tmp_path, data)
    at = open_app("topics", content=tmp_path)
    assert len(cards(at)) == TOPIC_CARDS_PER_PAGE
    assert any(f"of {count}" in c.value for c in at.caption)
    at.number_input(key="topic_page").set_value(2).run()
    assert not at.exception
    assert len(cards(at)) == count - TOPIC_CARDS_PER_PAGE


def test_a_few_topics_show_no_pager(tmp_path: Path, open_app: OpenApp) -> None:
    for n in range(3):
        abusive.write(tmp_path, abusive.topic(f"topic-{n}"))
    at = open_app("topics", content=tmp_path)
    assert len(at.number_input) == 0


def test_source_rows_are_paged(tmp_path: Path, open_app: OpenApp) -> None:
    total = 2 * SOURCE_ROWS_PER_PAGE + 50
    abusive.write(tmp_path, abusive.topic(pairs=total // 2, sources=total))
    at = open_app("sources", content=tmp_path, topic="abusive")
    table = at.dataframe[0].value
    assert len(table) == SOURCE_ROWS_PER_PAGE
    assert list(table["No."])[:2] == [1, 2]
    at.number_input(key="source_page").set_value(3).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 50 and list(table["No."])[:1] == [2 * SOURCE_ROWS_PER_PAGE + 1]


def test_error_cards_beyond_one_page_are_named_in_one_line(tmp_path: Path, open_app: OpenApp) -> None:
    count = TOPIC_CARDS_PER_PAGE + 5
    for n in range(count):
        (tmp_path / f"broken-{n:03d}.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    at = open_app("topics", content=tmp_path)
    cards = [e for e in at.error if "Could not load" in e.value]
    assert len(cards) == TOPIC_CARDS_PER_PAGE
    rest = [w.value for w in at.warning if "more files could not be loaded" in w.value]
    assert len(rest) == 1 and rest[0].startswith("5 more files")
    assert f"broken\\-{count - 1:03d}\\.yaml" in rest[0]
