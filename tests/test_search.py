"""Search over every topic and the sources table: pure core functions, tested without Streamlit."""

from __future__ import annotations

from pathlib import Path

from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.search import Hit, search
from debate_explorer.source_table import filter_rows, source_rows

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = load_file(ROOT / "tests" / "fixtures" / "topics" / "sample-topic.yaml").topic
HOSTILE = load_file(ROOT / "tests" / "fixtures" / "render" / "render-hostile.yaml").topic


def test_search_needs_every_word_and_caps_hits() -> None:
    hits, total = search([SAMPLE], "ATTENDANCE study")
    assert total == len(hits) >= 2
    assert all("attendance" in h.text.lower() and "study" in h.text.lower() for h in hits)
    capped, total_all = search([SAMPLE, HOSTILE], "e", limit=3)
    assert len(capped) == 3 and total_all > 3
    assert search([SAMPLE], "   ") == ([], 0)


def test_source_rows_and_filters() -> None:
    rows = source_rows(SAMPLE)
    assert [r.sides for r in rows] == [(Side.SUPPORTER,), (Side.CRITIC,), (Side.SUPPORTER,), (Side.CRITIC,)]
    assert [r.number for r in filter_rows(rows, ["academic"], [Side.SUPPORTER])] == [3]
    assert len(filter_rows(rows, [], [])) == 4


def test_hits_point_at_a_real_pair_and_field() -> None:
    hits, _ = search([SAMPLE], "attendance")
    for hit in hits:
        found = SAMPLE.find_pair(hit.pair_id, hit.section_id)
        assert found is not None and found[1].question == hit.pair_question
        assert hit.topic_id == SAMPLE.id and "attendance" in hit.text.lower()


def test_snippet_is_cut_around_the_match() -> None:
    text = "a " * 200 + "needle" + " b" * 200
    hit = Hit("t", "T", "s", "p", "q", "claim", text)
    snippet = hit.snippet("NEEDLE", width=40)
    assert "needle" in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) == 42
    assert Hit("t", "T", "s", "p", "q", "claim", "short  text").snippet("x") == "short text"
