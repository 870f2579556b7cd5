"""Plotly figures built from the model: pure functions, no Streamlit, no I/O.

Plotly renders its text as a small HTML subset (``<b>``, ``<br>``, ``<a href>``), so every content string
goes through :func:`esc` first and stays literal. Colours are the Okabe–Ito blue and orange, which stay
distinct for the common colour-vision deficiencies; the sides are never green versus red. Every figure
has a title in words and a text alternative with the same numbers in :mod:`debate_explorer.chart_text`.
The figures of a topic are memoised per topic object (:mod:`debate_explorer.memo`): building one is most
of a chart page's rerun (benchmarks/profile_rerun.py), so callers share them and must not change them.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from . import labels as words
from .chart_text import Lean, Strength, date_value, kind_counts, lean
from .classroom.rules import Choice, Outcome
from .escape import plotly as ptext
from .memo import by_identity
from .model import Side, SourceKind, Topic

COLOURS = {Side.SUPPORTER: "#0072B2", Side.CRITIC: "#E69F00"}
EVEN = "#DDDDDD"
"""The map's neutral band: the two sides within chart_text.BALANCED_WITHIN of each other."""
LIGHT = {Side.SUPPORTER: "#A6CCE6", Side.CRITIC: "#F5D38A"}
"""The diverging scale's lighter step (a side leans); COLOURS is the darker one (leans strongly)."""
LABEL_MAX = 48
SHORT_LABEL = 22
"""Section names on the Balance charts' axis: short enough to leave the bars room on a 390 px phone
(the full name is in the hover)."""
MAX_TICKS = 6
HEIGHT_PER_ROW = 34
TIMELINE_ROWS = 4
MAX_TIMELINE_LABELS = 12


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": ptext(title)},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.12},
        hoverlabel={"align": "left"},
    )
    return fig


def nice_dtick(top: int, max_ticks: int = MAX_TICKS) -> int:
    """An integer tick step (1, 2, 5, 10, 20, 50, …) giving at most ``max_ticks`` steps up to ``top``."""
    step = 1
    while top / step > max_ticks:
        for factor in (2, 5, 10):
            if top / (step * factor) <= max_ticks or factor == 10:
                step *= factor
                break
    return step


def _short_names(titles: list[str]) -> list[str]:
    """Axis labels for section titles: shortened, and made unique (plotly merges equal categories)."""
    names: list[str] = []
    for title in titles:
        name = ptext(title, SHORT_LABEL)
        while name in names:
            name += "\u200b"  # an invisible difference keeps two sections with one short name apart
        names.append(name)
    return names


def _fits_a_phone(fig: go.Figure) -> go.Figure:
    """Legend on top in one row, labels that push the margins instead of being cut."""
    fig.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": None})
    fig.update_layout(margin={"l": 4, "r": 8, "t": 80, "b": 10})
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return fig


@by_identity()
def words_butterfly(topic: Topic, left: Side = Side.SUPPORTER) -> go.Figure:
    """Words per side per section, one side to the left of zero and the other to the right."""
    sections = list(reversed(topic.sections))  # plotly draws the first category at the bottom
    names = _short_names([s.title for s in sections])
    fig = go.Figure()
    for side in (left, left.other):
        words = [s.words(side) for s in sections]
        sign = -1 if side is left else 1
        fig.add_bar(
            y=names,
            x=[sign * w for w in words],
            orientation="h",
            name=ptext(topic.sides.label(side)),
            marker_color=COLOURS[side],
            customdata=[[w, ptext(s.title, LABEL_MAX)] for w, s in zip(words, sections, strict=True)],
            hovertemplate="%{customdata[1]}<br>%{customdata[0]} words<extra>"
            + ptext(topic.sides.label(side))
            + "</extra>",
        )
    top = max([s.words(side) for s in sections for side in Side] or [1]) or 1
    ticks = [-top, 0, top]  # three labels: five overlapped on a phone
    fig.update_layout(barmode="relative", bargap=0.25)
    fig.update_xaxes(tickvals=ticks, ticktext=[f"{abs(t):,}" for t in ticks], title_text="words")
    fig = _layout(fig, "Words per side in each section", 150 + HEIGHT_PER_ROW * max(len(sections), 1))
    return _fits_a_phone(fig)


@by_identity()
def sources_per_side(topic: Topic) -> go.Figure:
    """Distinct sources each side cites, per section and over the whole topic."""
    names = [*_short_names([s.title for s in topic.sections]), "Whole topic"]
    fig = go.Figure()
    for side in Side:
        per_section = [len(s.sources_of(side)) for s in topic.sections]
        whole = len({sid for s in topic.sections for sid in s.sources_of(side)})
        fig.add_bar(
            x=[*per_section, whole],
            y=names,
            orientation="h",
            name=ptext(topic.sides.label(side)),
            marker_color=COLOURS[side],
            hovertemplate="%{y}<br>%{x} distinct sources<extra>"
            + ptext(topic.sides.label(side))
            + "</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="distinct sources", rangemode="tozero")
    fig = _layout(fig, "Distinct sources per side", int(170 + 1.4 * HEIGHT_PER_ROW * len(names)))
    return _fits_a_phone(fig)


@by_identity()
def source_kinds(topic: Topic) -> go.Figure:
    """How many distinct sources of each type (government, news media, …) each side cites."""
    counts = kind_counts(topic)
    present = [kind for kind in SourceKind if any(counts[side][kind] for side in Side)]
    fig = go.Figure()
    for side in Side:
        fig.add_bar(
            x=[words.source_kind(kind) for kind in present],
            y=[counts[side][kind] for kind in present],
            name=ptext(topic.sides.label(side)),
            marker_color=COLOURS[side],
            hovertemplate="%{x}: %{y} sources<extra>" + ptext(topic.sides.label(side)) + "</extra>",
        )
    fig.update_layout(barmode="group")
    top = max([counts[side][kind] for side in Side for kind in present] or [1])
    fig.update_yaxes(title_text="distinct sources", rangemode="tozero", dtick=nice_dtick(top), tick0=0)
    return _fits_a_phone(_layout(fig, f"{words.SOURCE_TYPES} per side", 400))


@by_identity()
def timeline(topic: Topic) -> go.Figure:
    """Dated events on a time axis; hover shows the event and the titles of its sources."""
    titles = {source.id: source.title for source in topic.sources}
    events = sorted(topic.timeline, key=lambda e: date_value(e.date))
    hover = []
    for event in events:
        cited = [ptext(titles.get(sid, sid), 80) for sid in event.sources]
        lines = [f"<b>{ptext(event.date)}</b>", ptext(event.event, 140), *(f"· {c}" for c in cited)]
        hover.append("<br>".join(lines))
    labelled = len(events) <= MAX_TIMELINE_LABELS  # past that, labels collide; hover and the list carry text
    rows = [index % TIMELINE_ROWS for index in range(len(events))]  # stagger so neighbours don't overlap
    fig = go.Figure(
        go.Scatter(
            x=[date_value(e.date) for e in events],
            y=rows,
            mode="markers+text" if labelled else "markers",
            text=[ptext(e.event, 36) for e in events],
            textposition="top center",
            marker={"size": 12, "color": COLOURS[Side.SUPPORTER], "line": {"width": 1, "color": "#333"}},
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_yaxes(visible=False, range=[-0.8, TIMELINE_ROWS + 0.2])
    fig.update_xaxes(type="date", showgrid=True)
    return _layout(fig, "Timeline: dated events in order", 360)


def balance_colour(reading: Lean) -> str:
    """The map's diverging scale: grey within the neutral band, then light and dark blue or orange."""
    side = reading.side
    if side is None:
        return EVEN
    return COLOURS[side] if reading.strength is Strength.STRONG else LIGHT[side]


@by_identity()
def sunburst(topic: Topic) -> go.Figure:
    """Topic > sections > pairs, sized by words and coloured by the balance ratio (chart_text.lean)."""
    ids, labels, parents, values, colours, hover = [], [], [], [], [], []

    def add(node: str, text: str, parent: str, sup: int, cri: int, limit: int) -> None:
        reading = lean(sup, cri)
        ids.append(node)
        labels.append(ptext(text, limit))
        parents.append(parent)
        values.append(sup + cri)
        colours.append(balance_colour(reading))
        hover.append(
            f"{ptext(text, 120)}<br>{ptext(topic.sides.label(Side.SUPPORTER))}: {sup} words"
            f"<br>{ptext(topic.sides.label(Side.CRITIC))}: {cri} words<br>{ptext(reading.reading(topic))}"
        )

    add("t", topic.title, "", topic.words(Side.SUPPORTER), topic.words(Side.CRITIC), 40)
    for s_index, section in enumerate(topic.sections):
        s_node = f"s{s_index}"
        add(s_node, section.title, "t", section.words(Side.SUPPORTER), section.words(Side.CRITIC), 28)
        for p_index, pair in enumerate(section.pairs):
            sup, cri = pair.supporter.words, pair.critic.words
            add(f"{s_node}p{p_index}", pair.question, s_node, sup, cri, 24)
    fig = go.Figure(
        go.Sunburst(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": colours, "line": {"color": "white", "width": 1}},
            hovertext=hover,
            hoverinfo="text",
            insidetextorientation="radial",
            maxdepth=3,
        )
    )
    return _layout(fig, "Map of the topic (size: words; colour: how far a section or pair leans)", 640)


def class_vote(outcome: Outcome, labels: Mapping[Choice, str]) -> go.Figure:
    """A class's vote before and after the debate: one bar per choice, before beside after."""
    fig = go.Figure()
    for name, poll, colour in (("Before", outcome.before, "#B0B0B0"), ("After", outcome.after, "#0072B2")):
        shares = [poll.share(choice) for choice in Choice]
        fig.add_bar(
            name=name,
            x=[ptext(labels[choice]) for choice in Choice],
            y=shares,
            marker_color=colour,
            text=[f"{share:.0f}%" for share in shares],
            textposition="outside",
            hovertemplate="%{x}: %{y:.0f}% " + name.lower() + "<extra></extra>",
        )
    fig.update_layout(barmode="group", yaxis={"title": {"text": "share of the class (%)"}, "range": [0, 110]})
    return _layout(fig, "The class vote, before and after the debate", 360)
