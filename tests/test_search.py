"""Search over every topic and the sources table: pure core functions, tested without Streamlit."""

from __future__ import annotations

from pathlib import Path

from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.search import Hit, group, search, segments
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


def test_hits_are_grouped_by_pair_with_a_matching_field_before_the_question() -> None:
    hits, total = search([SAMPLE], "attendance")
    groups = group(hits)
    keys = [(g.first.section_id, g.first.pair_id) for g in groups]
    assert len(keys) == len(set(keys)) < total  # one entry per pair, fewer than the hits
    assert sum(len(g.hits) for g in groups) == total
    for found in groups:
        assert {(h.section_id, h.pair_id) for h in found.hits} == {
            (found.first.section_id, found.first.pair_id)
        }
        if len(found.hits) > 1:
            assert found.first.field != "question"  # the question is shown with every group anyway
    results = group(search([SAMPLE], "results")[0])
    assert len(results) == 1 and results[0].fields[0] != "question" and results[0].fields[-1] == "question"


def test_segments_mark_every_query_word_and_give_the_text_back() -> None:
    text = "Attendance rose; the attendance STUDY was small."
    runs = segments(text, "study attendance")
    assert "".join(piece for piece, _ in runs) == text
    assert [piece for piece, matched in runs if matched] == ["Attendance", "attendance", "STUDY"]
    assert segments("abc", "zzz") == [("abc", False)]
    assert segments("aaa", "aa") == [("aaa", True)]  # overlapping matches merge


def test_highlighted_snippets_stay_inert() -> None:
    from debate_explorer.views.render import highlighted

    out = highlighted("<script>x</script> and [x](javascript:y) near **script**", "script")
    assert out.count(":orange-background[script]") == 4
    assert "<" not in out.replace("\\<", "") and "](" not in out.replace("\\]\\(", "")
    assert highlighted("a ] b", "]") == "a :orange-background[\\]] b"
