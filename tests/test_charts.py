"""Plotly figures built from the model: right numbers, side colours, and content text kept literal."""

from __future__ import annotations

import pytest

from debate_explorer import chart_text, charts, escape, labels
from debate_explorer.loading import load_file
from debate_explorer.model import Side, SourceKind
from tests.conftest import FIXTURES, ROOT
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic
HOSTILE = load_file(FIXTURES / "render" / "render-hostile.yaml").topic
BLUE, ORANGE = charts.COLOURS[Side.SUPPORTER], charts.COLOURS[Side.CRITIC]
FIGURES = [
    charts.words_butterfly,
    charts.sources_per_side,
    charts.source_kinds,
    charts.timeline,
    charts.sunburst,
]


def test_side_colours_are_blue_and_orange_not_green_and_red() -> None:
    assert (BLUE, ORANGE) == ("#0072B2", "#E69F00")


def test_butterfly_puts_one_side_left_of_zero_with_true_word_counts() -> None:
    fig = charts.words_butterfly(SAMPLE)
    left, right = fig.data
    sections = list(reversed(SAMPLE.sections))
    assert list(left.x) == [-s.words(Side.SUPPORTER) for s in sections]
    assert list(right.x) == [s.words(Side.CRITIC) for s in sections]
    assert (left.marker.color, right.marker.color) == (BLUE, ORANGE)
    assert all(int(text) >= 0 for text in fig.layout.xaxis.ticktext)


def test_butterfly_can_put_the_critic_left() -> None:
    left, _ = charts.words_butterfly(SAMPLE, left=Side.CRITIC).data
    assert left.marker.color == ORANGE and all(x <= 0 for x in left.x)


def test_sources_per_side_counts_distinct_sources_per_section_and_overall() -> None:
    supporter, critic = charts.sources_per_side(SAMPLE).data
    assert list(supporter.x) == [1, 1, 2]  # costs, learning, whole topic
    assert list(critic.x) == [1, 1, 2]
    assert supporter.y[-1] == "Whole topic"


def test_source_kinds_counts_each_sides_kinds() -> None:
    supporter, critic = charts.source_kinds(SAMPLE).data
    gov, adv, acad = (labels.source_kind(kind) for kind in ("government", "advocacy", "academic"))
    assert dict(zip(supporter.x, supporter.y, strict=True)) == {gov: 1, adv: 0, acad: 1}
    assert dict(zip(critic.x, critic.y, strict=True)) == {gov: 0, adv: 1, acad: 1}


def test_source_kind_labels_are_words_a_reader_knows_and_ngo_is_spelled_out() -> None:
    assert labels.source_kind("ngo") == "Non-profit group"
    assert set(labels.SOURCE_KINDS) == set(SourceKind)  # every kind has a label


@pytest.mark.parametrize(("top", "step"), [(1, 1), (6, 1), (7, 2), (12, 2), (13, 5), (41, 10), (250, 50)])
def test_source_kinds_ticks_are_a_few_integers(top: int, step: int) -> None:
    assert charts.nice_dtick(top) == step
    assert top / step <= charts.MAX_TICKS


def test_the_source_kinds_axis_of_a_big_topic_has_at_most_six_steps() -> None:
    (big,) = [load_file(p).topic for p in (ROOT / "arguments").glob("us-israel*.yaml")]
    fig = charts.source_kinds(big)
    top = max(max(trace.y) for trace in fig.data)
    assert top > 6 and fig.layout.yaxis.dtick == charts.nice_dtick(top) > 1


@pytest.mark.parametrize(("partial", "full"), [("2014", "2014-01-01"), ("2014-03", "2014-03-01"),
                                               ("2014-03-09", "2014-03-09")])  # fmt: skip
def test_partial_dates_become_plottable(partial: str, full: str) -> None:
    assert chart_text.date_value(partial) == full


def test_timeline_is_in_date_order_with_sources_on_hover() -> None:
    (trace,) = charts.timeline(SAMPLE).data
    assert list(trace.x) == ["2023-09-01", "2024-01-01", "2024-02-15"]
    assert "Survey of Lindenfeld parents" in trace.hovertext[2]


def test_sunburst_sizes_add_up_and_colour_by_the_balance_ratio() -> None:
    (trace,) = charts.sunburst(SAMPLE).data
    value = dict(zip(trace.ids, trace.values, strict=True))
    parent = dict(zip(trace.ids, trace.parents, strict=True))
    for node in value:
        children = [child for child in value if parent[child] == node]
        if children:
            assert value[node] == sum(value[child] for child in children)
    assert value["t"] == SAMPLE.words(Side.SUPPORTER) + SAMPLE.words(Side.CRITIC)
    colour = dict(zip(trace.ids, trace.marker.colors, strict=True))
    for s_index, section in enumerate(SAMPLE.sections):
        for p_index, pair in enumerate(section.pairs):
            reading = chart_text.lean(pair.supporter.words, pair.critic.words)
            assert colour[f"s{s_index}p{p_index}"] == charts.balance_colour(reading)


@pytest.mark.parametrize(
    ("supporter", "critic", "colour"),
    [
        (100, 107, charts.EVEN),  # within 1.1x: balanced, not "orange because a few more words"
        (107, 100, charts.EVEN),
        (0, 0, charts.EVEN),
        (100, 130, charts.LIGHT[Side.CRITIC]),
        (130, 100, charts.LIGHT[Side.SUPPORTER]),
        (100, 200, ORANGE),
        (40, 0, BLUE),
    ],
)
def test_map_colour_is_a_diverging_scale_with_a_neutral_band(
    supporter: int, critic: int, colour: str
) -> None:
    assert charts.balance_colour(chart_text.lean(supporter, critic)) == colour


def test_a_topic_balanced_within_seven_percent_reads_grey_on_the_map() -> None:
    section = SAMPLE.sections[0]
    pair = section.pairs[0]
    blank = {"reasoning": "", "evidence": "", "rebuttal": "", "held_by": ""}
    sup = pair.supporter.model_copy(update={**blank, "claim": "word " * 100})
    cri = pair.critic.model_copy(update={**blank, "claim": "word " * 107})
    balanced_pair = pair.model_copy(update={"supporter": sup, "critic": cri})
    topic = SAMPLE.model_copy(update={"sections": [section.model_copy(update={"pairs": [balanced_pair]})]})
    assert (topic.words(Side.SUPPORTER), topic.words(Side.CRITIC)) == (100, 107)
    (trace,) = charts.sunburst(topic).data
    assert set(trace.marker.colors) == {charts.EVEN}


@pytest.mark.parametrize("figure", FIGURES)
def test_hostile_text_stays_literal_in_every_figure(figure: object) -> None:
    spec = figure(HOSTILE).to_json().replace("\\u003c", "<").replace("\\u003e", ">")  # type: ignore[operator]
    assert "<script" not in spec and "<img" not in spec and "<a " not in spec
    assert "&lt;script&gt;" in spec


def test_esc_cuts_and_escapes() -> None:
    assert escape.plotly("<b>bold</b>   text") == "&lt;b&gt;bold&lt;/b&gt; text"
    assert escape.plotly("abcdefgh", 5) == "abcd…"


@pytest.mark.parametrize("figure", FIGURES)
def test_figures_handle_an_empty_topic(figure: object) -> None:
    empty = SAMPLE.model_copy(update={"sections": [], "timeline": [], "sources": []})
    assert figure(empty) is not None  # type: ignore[operator]
