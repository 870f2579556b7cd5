"""Text alternatives: each chart's table carries the same numbers as the figure, and the map reads them
through one balance rule; the Map page shows a legend in words, the table and links to Compare."""

from __future__ import annotations

import math

import pytest

from debate_explorer import chart_text, charts
from debate_explorer.chart_text import Strength, lean
from debate_explorer.classroom import rules
from debate_explorer.classroom.rules import Choice
from debate_explorer.loading import load_file
from debate_explorer.model import Side
from tests.conftest import ROOT, TOPICS, OpenApp, shown_texts
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic
SHIPPED = [load_file(path).topic for path in sorted((ROOT / "arguments").glob("*.yaml"))]


@pytest.mark.parametrize(
    ("supporter", "critic", "strength", "side"),
    [
        (100, 100, Strength.BALANCED, None),
        (100, 110, Strength.BALANCED, None),  # 1.1x exactly is still balanced
        (100, 107, Strength.BALANCED, None),
        (100, 111, Strength.LEANS, Side.CRITIC),
        (150, 100, Strength.LEANS, Side.SUPPORTER),
        (151, 100, Strength.STRONG, Side.SUPPORTER),
        (0, 5, Strength.STRONG, Side.CRITIC),
        (0, 0, Strength.BALANCED, None),
    ],
)
def test_lean_has_a_neutral_band_then_two_steps_each_way(
    supporter: int, critic: int, strength: Strength, side: Side | None
) -> None:
    reading = lean(supporter, critic)
    assert (reading.strength, reading.side) == (strength, side)


def test_lean_reads_in_words_with_the_topics_side_labels() -> None:
    sup = SAMPLE.sides.label(Side.SUPPORTER)
    assert lean(100, 104).reading(SAMPLE) == "balanced (1.04x)"
    assert lean(130, 100).reading(SAMPLE) == f"leans to {sup} (1.30x)"
    assert lean(0, 9).reading(SAMPLE).startswith(f"leans strongly to {SAMPLE.sides.label(Side.CRITIC)}")
    assert math.isinf(lean(0, 9).ratio)


def column(table: chart_text.Table, index: int) -> list[object]:
    return [row[index] for row in table.rows]


@pytest.mark.parametrize("topic", [SAMPLE, *SHIPPED], ids=lambda t: t.id)
def test_words_table_has_the_butterflys_numbers(topic: object) -> None:
    table = chart_text.words_table(topic)  # type: ignore[arg-type]
    left, right = charts.words_butterfly(topic).data  # type: ignore[arg-type]
    # the figure lists sections bottom-up; the table top-down, then the whole topic
    assert column(table, 1)[:-1] == [-x for x in reversed(left.x)]
    assert column(table, 2)[:-1] == list(reversed(right.x))
    assert table.rows[-1][1:3] == (topic.words(Side.SUPPORTER), topic.words(Side.CRITIC))  # type: ignore[attr-defined]


@pytest.mark.parametrize("topic", [SAMPLE, *SHIPPED], ids=lambda t: t.id)
def test_sources_and_kinds_tables_have_the_charts_numbers(topic: object) -> None:
    supporter, critic = charts.sources_per_side(topic).data  # type: ignore[arg-type]
    table = chart_text.sources_table(topic)  # type: ignore[arg-type]
    assert (column(table, 1), column(table, 2)) == (list(supporter.x), list(critic.x))
    supporter, critic = charts.source_kinds(topic).data  # type: ignore[arg-type]
    kinds = chart_text.kinds_table(topic)  # type: ignore[arg-type]
    assert column(kinds, 0) == list(supporter.x)
    assert (column(kinds, 1), column(kinds, 2)) == (list(supporter.y), list(critic.y))


def test_timeline_table_lists_events_in_the_charts_order_with_source_titles() -> None:
    table = chart_text.timeline_table(SAMPLE)
    (trace,) = charts.timeline(SAMPLE).data
    assert [chart_text.date_value(str(d)) for d in column(table, 0)] == list(trace.x)
    assert "Survey of Lindenfeld parents" in str(table.rows[2][2])
    assert table.summary.startswith("3 dated events from ")


@pytest.mark.parametrize("topic", [SAMPLE, *SHIPPED], ids=lambda t: t.id)
def test_map_table_has_every_section_and_pair_with_the_maps_sizes_and_colours(topic: object) -> None:
    (trace,) = charts.sunburst(topic).data  # type: ignore[arg-type]
    rows = chart_text.map_rows(topic)  # type: ignore[arg-type]
    nodes = list(zip(trace.values, trace.marker.colors, strict=True))[1:]  # the topic is the centre
    assert [(r.supporter + r.critic, charts.balance_colour(r.lean)) for r in rows] == nodes
    pairs = [(s.id, p.id) for s, p in topic.pairs()]  # type: ignore[attr-defined]
    assert [(r.section_id, r.pair_id) for r in rows if r.pair_id] == pairs
    table = chart_text.map_table(topic)  # type: ignore[arg-type]
    assert [row[4] for row in table.rows] == [r.lean.reading(topic) for r in rows]  # type: ignore[arg-type]


def test_shipped_topics_read_balanced_overall() -> None:
    """The shipped topics are written balanced: the map's centre (the whole topic) must read grey."""
    for topic in SHIPPED:
        (trace,) = charts.sunburst(topic).data
        assert trace.marker.colors[0] == charts.EVEN, topic.id


def test_vote_table_gives_both_polls_shares() -> None:
    before = {1: Choice.FOR, 2: Choice.AGAINST, 3: Choice.UNDECIDED, 4: Choice.UNDECIDED}
    outcome = rules.outcome(before, {1: Choice.FOR, 2: Choice.AGAINST, 3: Choice.FOR, 4: Choice.FOR})
    labels = {choice: choice.value.title() for choice in Choice}
    table = chart_text.vote_table(outcome, labels)
    assert dict((row[0], row[1:]) for row in table.rows)["For"] == ("25%", "75%")


def test_map_page_shows_the_legend_table_and_links_each_pair_to_compare(open_app: OpenApp) -> None:
    at = open_app("map", content=TOPICS, topic="sample-topic")
    texts = "\n".join(shown_texts(at))
    assert "Legend" in texts and "balanced" in texts
    assert any(text.startswith("| Level |") for text in shown_texts(at))  # the table alternative
    links = [link.proto for link in at.get("page_link")]
    pair_links = {
        link.query_string for link in links if link.page == "compare" and "pair=" in link.query_string
    }
    expected = {f"topic=sample-topic&section={s.id}&pair={p.id}" for s, p in SAMPLE.pairs()}
    assert pair_links == expected


@pytest.mark.parametrize("page", ["balance", "timeline", "map"])
def test_every_chart_page_shows_its_table_alternative(open_app: OpenApp, page: str) -> None:
    at = open_app(page, content=TOPICS, topic="sample-topic")
    tables = [text for text in shown_texts(at) if text.startswith("| ")]
    charts_shown = len(at.get("plotly_chart"))
    assert charts_shown and len(tables) == charts_shown, page


def test_table_markdown_escapes_every_cell() -> None:
    from debate_explorer.views.a11y import table_markdown

    table = chart_text.Table("t", "s", ("A|B", "<b>n</b>"), (("x | <script>", 3),))
    text = table_markdown(table)
    lines = text.splitlines()
    assert all(line.count("|") - line.count("\\|") == 3 for line in lines)
    assert "<script>" not in text and "\\<script\\>" in text
