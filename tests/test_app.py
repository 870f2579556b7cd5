"""The Streamlit app through AppTest: every page, deep links, bias controls and inert rendering."""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer import escape, labels, links, pages, routing
from debate_explorer.loading import load_file
from debate_explorer.model import Origin, Side
from debate_explorer.views import render
from tests.conftest import FIXTURES, TOPICS, OpenApp
from tests.conftest import SAMPLE as SAMPLE_FILE

PAGE_KEYS = tuple(spec.key for spec in pages.PAGES)

RENDER = FIXTURES / "render"
SAMPLE = load_file(SAMPLE_FILE).topic
HOSTILE = load_file(RENDER / "render-hostile.yaml").topic
CHART_PAGES = ("balance", "timeline", "map")


Run = Callable[..., AppTest]


@pytest.fixture
def run(open_app: OpenApp) -> Run:
    """``run(page, content=TOPICS, **query)``: the app opened on ``page`` with those query parameters."""
    return functools.partial(open_app, content=TOPICS)


def text_of(at: AppTest) -> str:
    """Everything the page says in Markdown, captions, headings, notes and link labels."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.title] + [h.value for h in at.subheader]
    parts += [n.value for n in (*at.info, *at.error, *at.warning, *at.success)]
    parts += [link.proto.label for link in at.get("page_link")]
    return "\n".join(parts)


def claims_shown(at: AppTest) -> list[str]:
    """The claims in the order they appear on a Compare page."""
    claims = {render.md(p.side(s).claim): p.side(s).claim for _, p in SAMPLE.pairs() for s in Side}
    found = []
    for block in at.markdown:
        for escaped, claim in claims.items():
            if f"**{escaped}**" in block.value:
                found.append(claim)
    return found


# ---------------------------------------------------------------- every page


@pytest.mark.parametrize("page", list(PAGE_KEYS))
def test_every_page_renders_the_sample_topic(run: Run, page: str) -> None:
    at = run(page, topic="sample-topic")
    assert not at.exception
    if page != "practice":  # helper E's page: only "renders without error" is ours to check
        assert render.md(SAMPLE.title) in text_of(at)


def test_chart_pages_draw_plotly_charts_and_compare_draws_none(run: Run) -> None:
    counts = {page: len(run(page).get("plotly_chart")) for page in (*CHART_PAGES, "compare", "topics")}
    assert counts == {"balance": 3, "timeline": 1, "map": 1, "compare": 0, "topics": 0}


def test_topics_page_shows_a_card_with_counts_and_a_link_to_compare(run: Run) -> None:
    at = run()
    text = text_of(at)
    assert render.md(SAMPLE.question) in text
    assert "2 sections · 4 questions · 4 sources" in text
    button = at.button(key="open.sample-topic")
    assert button.label == "Compare the positions" and button.proto.type == "primary"
    links = [link.proto for link in at.get("page_link")]
    assert any(p.page == "practice" and p.query_string == "topic=sample-topic" for p in links)
    assert any("Practice" in c.value for c in at.caption)
    button.click().run()
    assert not at.exception
    assert at.query_params.get("topic") == "sample-topic"
    assert [s.label for s in at.selectbox] == ["Section"]  # on Compare


def test_a_topic_card_shows_the_contents_own_date_never_the_files_mtime(run: Run, tmp_path: Path) -> None:
    copied = tmp_path / "sample-topic.yaml"
    shutil.copy(SAMPLE_FILE, copied)  # a fresh copy outside git: its mtime is now, which says nothing
    assert "last changed" not in text_of(run(content=tmp_path))
    text = copied.read_text(encoding="utf-8")
    copied.write_text(text.replace("\nquestion:", "\nupdated: 2025-05-01\nquestion:", 1), encoding="utf-8")
    assert "last changed 2025-05-01" in text_of(run(content=tmp_path))


def test_search_finds_claims_and_links_to_their_pair(run: Run) -> None:
    at = run()
    at.text_input(key="search").input("tire younger").run()
    assert not at.exception
    links = [link.proto for link in at.get("page_link") if link.proto.icon == ":material/search:"]
    assert [p.query_string for p in links] == ["topic=sample-topic&section=learning&pair=attendance"]
    assert "Critics claim" in links[0].label


def test_search_covers_source_titles_and_says_when_nothing_matches(run: Run) -> None:
    at = run()
    at.text_input(key="search").input("sleep review").run()
    labels = [link.proto.label for link in at.get("page_link")] + [c.value for c in at.caption]
    assert any("source title" in label for label in labels)  # grouped under its pair: "also in"
    at.text_input(key="search").input("zebra crossing").run()
    assert any("Nothing matches" in info.value for info in at.info)


def test_a_broken_file_gets_an_error_card_and_the_others_still_load(run: Run, tmp_path: Path) -> None:
    shutil.copy(TOPICS / "sample-topic.yaml", tmp_path)
    (tmp_path / "broken-topic.yaml").write_text("id: broken-topic\ntitle: Broken\nquestion: [unclosed\n")
    at = run(content=tmp_path)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "broken\\-topic\\.yaml" in errors[0]
    text = text_of(at)
    assert re.search(r"line \d+", text)
    assert render.md(SAMPLE.title) in text
    compare = run("compare", content=tmp_path)
    assert claims_shown(compare)


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_no_topics_is_a_friendly_page_everywhere(run: Run, tmp_path: Path, folder: str) -> None:
    content = tmp_path / folder
    if folder == "empty":
        content.mkdir()
    for page in PAGE_KEYS:
        at = run(page, content=content)
        assert at.info or at.error


# ---------------------------------------------------------------- Compare


def test_compare_shows_both_sides_of_every_pair_of_the_first_section(run: Run) -> None:
    at = run("compare", view="full")  # everything at once; the claims-first view is tests/test_compare.py's
    costs = SAMPLE.sections[0]
    assert at.selectbox(key="section_pick").value == "costs"
    expected = [p.side(s).claim for p in costs.pairs for s in (Side.SUPPORTER, Side.CRITIC)]
    assert claims_shown(at) == expected
    text = text_of(at)
    assert ":blue-badge[Supporters]" in text and ":orange-badge[Critics]" in text
    assert labels.ORIGINS[Origin.DOCUMENT] in text and labels.ORIGINS[Origin.RESEARCH] in text
    assert "[\\[1\\]](https://example.org/board/budget-note" in text
    assert "Fact checks" in text and "Discussion questions" in text and "Key terms" in text
    assert [e.label for e in at.expander].count(labels.REBUTTAL) == 4
    assert render.md(costs.pairs[0].supporter.rebuttal) in text


def test_deep_link_opens_the_section_and_marks_the_pair(run: Run) -> None:
    at = run("compare", topic="sample-topic", section="learning", pair="attendance")
    assert at.selectbox(key="section_pick").value == "learning"
    assert claims_shown(at)[0] == SAMPLE.sections[1].pairs[0].supporter.claim
    text = text_of(at)
    assert "Linked pair" in text and "(#pair-attendance)" in text
    assert not at.info
    assert at.query_params["pair"] == "attendance"


def test_a_pair_alone_opens_its_section(run: Run) -> None:
    at = run("compare", pair="test-results")
    assert at.selectbox(key="section_pick").value == "learning"
    assert "Linked pair" in text_of(at)


BAD_VALUES = [
    "",
    "nope",
    "x" * 5000,
    "Übersicht-ß-日本",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "costs ",
]


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize("name", ["topic", "section", "pair"])
def test_bad_deep_link_values_fall_back_with_a_note(run: Run, name: str, value: str) -> None:
    at = run("compare", **{name: value})
    assert at.selectbox(key="section_pick").value == "costs"
    assert claims_shown(at)[0] == SAMPLE.sections[0].pairs[0].supporter.claim
    notes = " ".join(info.value for info in at.info)
    word = {"topic": "topic", "section": "section", "pair": "question"}[name]  # "pair" is not a reader's word
    assert word in notes and ("is empty" in notes or "does not have" in notes)
    assert len(notes) < 400  # a long value is cut, not echoed whole
    assert "<script>" not in notes


def test_repeated_parameters_use_the_last_value(run: Run) -> None:
    at = run("compare", section=["costs", "learning"])
    assert at.selectbox(key="section_pick").value == "learning"
    assert not at.info


@pytest.mark.parametrize("page", [p for p in PAGE_KEYS if p != "topics"])
def test_unknown_topic_on_any_page_is_a_note_not_a_traceback(run: Run, page: str) -> None:
    at = run(page, topic="no-such-topic", section="nope", pair="nope")
    assert any("no-such-topic" in info.value.replace("\\", "") for info in at.info)


def test_switching_section_updates_the_page_and_the_url(run: Run) -> None:
    at = run("compare")
    at.selectbox(key="section_pick").select("learning").run()
    assert not at.exception
    assert claims_shown(at)[0] == SAMPLE.sections[1].pairs[0].supporter.claim
    assert at.query_params["section"] == "learning"
    links = [link.proto for link in at.get("page_link")]
    assert [p.query_string for p in links] == ["topic=sample-topic&section=costs&view=claims"]


def test_swap_puts_the_critic_on_the_left(run: Run) -> None:
    at = run("compare")
    at.toggle(key="swap").set_value(True).run()
    assert not at.exception
    first = SAMPLE.sections[0].pairs[0]
    assert claims_shown(at)[:2] == [first.critic.claim, first.supporter.claim]


def test_blind_mode_hides_labels_and_holders_until_revealed(run: Run) -> None:
    at = run("compare", view="full")  # claims first shows holders only with the details
    at.toggle(key="blind").set_value(True).run()
    assert not at.exception
    text = text_of(at)
    assert "Position A" in text and "Position B" in text
    assert ":blue-badge" not in text and ":orange-badge" not in text
    assert labels.HELD_BY not in text
    assert len(claims_shown(at)) == 4  # every claim is still there, only unlabelled
    first = SAMPLE.sections[0].pairs[0]
    at.toggle(key=f"compare.reveal.costs.{first.id}").set_value(True).run()  # each pair has its own reveal
    assert not at.exception
    revealed = text_of(at)
    assert ":blue-badge[Supporters]" in revealed and ":orange-badge[Critics]" in revealed
    assert labels.HELD_BY in revealed
    at.toggle(key="blind").set_value(False).run()
    at.toggle(key="blind").set_value(True).run()
    assert ":blue-badge[Supporters]" not in text_of(at)  # blind mode starts hidden again


def test_blind_order_is_stable_and_not_always_the_same_side() -> None:
    orders = {render.blind_order(f"pair-{n}") for n in range(20)}
    assert orders == {(Side.SUPPORTER, Side.CRITIC), (Side.CRITIC, Side.SUPPORTER)}
    assert render.blind_order("attendance") == render.blind_order("attendance")


# ---------------------------------------------------------------- Balance, Sources, Timeline, Map


def test_balance_shows_word_totals_and_the_findings(run: Run, tmp_path: Path) -> None:
    at = run("balance")
    assert [tab.label for tab in at.tabs] == ["Words", "Sources", "Types of sources"]
    assert any(h.value == labels.CHECK_FINDINGS and h.help for h in at.header)
    text = text_of(at)
    words = SAMPLE.words(Side.SUPPORTER)
    assert f"{words:,} words" in text
    assert any("No problems found" in s.value for s in at.success)
    uncited = "  - id: never-cited\n    title: Never cited\n    url: https://example.org/n\n    kind: press\n"
    (tmp_path / "sample-topic.yaml").write_text((TOPICS / "sample-topic.yaml").read_text() + uncited)
    findings = run("balance", content=tmp_path)
    table = findings.dataframe[0].value
    assert len(table) >= 1 and {"severity", "code", "line", "where", "message"} <= set(table.columns)


def test_sources_table_links_and_filters(run: Run) -> None:
    at = run("sources")
    table = at.dataframe[0].value
    assert list(table["No."]) == [1, 2, 3, 4]
    assert table["Link"][0] == "https://example.org/board/budget-note"
    assert table["Cited by"][1] == "Critics"
    assert list(table[labels.SOURCE_TYPE])[2] == "Research (university)"  # a reader's word, not "academic"
    at.multiselect(key="source_kinds").set_value(["academic"]).run()
    assert list(at.dataframe[0].value["No."]) == [3, 4]
    at.multiselect(key="source_sides").set_value([Side.CRITIC]).run()
    assert list(at.dataframe[0].value["Title"]) == ["School day length and pupil sleep, a review"]


def test_timeline_lists_every_event_with_its_source_number(run: Run) -> None:
    text = text_of(run("timeline"))
    for event in SAMPLE.timeline:
        assert render.md(event.event) in text
    assert "**2023\\-09**" in text and "[\\[2\\]](https://example.org/parents/survey" in text


# ---------------------------------------------------------------- hostile content stays inert

_RAW_HTML = re.compile(r"(?<!\\)<")
_LINK = re.compile(r"\]\((?!https?://|#)")


@pytest.mark.parametrize("page", [p for p in PAGE_KEYS if p != "practice"])
def test_hostile_content_renders_as_text_on_every_page(run: Run, page: str) -> None:
    at = run(page, topic="render-hostile", content=RENDER)
    text = text_of(at)
    assert "script" in text  # the content is there...
    assert not _RAW_HTML.search(text)  # ...but every < is escaped,
    assert not _LINK.search(text)  # and every link goes to http(s) or an in-page anchor
    assert "](javascript" not in text and "](data" not in text


def test_hostile_search_hits_are_escaped(run: Run) -> None:
    at = run(content=RENDER)
    at.text_input(key="search").input("script").run()
    labels = [link.proto.label for link in at.get("page_link")]
    assert labels and all(not _RAW_HTML.search(label) and not _LINK.search(label) for label in labels)


# ---------------------------------------------------------------- the helpers themselves


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![i](data:image/png;base64,AAAA)",
        "**bold** _it_ `code` # head",
        ":red[x] $x$ ~~s~~",
        "www.example.org https://example.org me@example.org",
    ],
)
def test_md_escapes_every_markup_character(text: str) -> None:
    out = render.md(text)
    assert not re.search(r"(?<!\\)[<>\[\]()*_`#:$~]", out)
    assert out.replace("\\", "").replace(escape.WORD_JOINER, "") == text


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("https://example.org/\nx", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url_allows_only_http_and_https(url: object, ok: bool) -> None:
    assert (links.safe_url(url) is not None) is ok
    assert (render.link("x", url) != "x") is ok


def test_link_escapes_characters_that_would_end_the_destination() -> None:
    out = render.link("\\[1\\]", "https://example.org/a_(b)?q=<x>", 'A "title"')
    assert out == '[\\[1\\]](https://example.org/a_\\(b\\)?q=\\<x\\> "A \\"title\\"")'


def test_pick_selects_only_known_ids() -> None:
    assert routing.pick("costs", ["costs"], "section") == ("costs", None)
    assert routing.pick(None, ["costs"], "section") == (None, None)
    value, note = routing.pick("x" * 1000, ["costs"], "section")
    assert value is None and note is not None and len(note) < 200


def test_topic_picker_switches_topic_when_there_are_several(run: Run, tmp_path: Path) -> None:
    shutil.copy(TOPICS / "sample-topic.yaml", tmp_path)
    shutil.copy(RENDER / "render-hostile.yaml", tmp_path)
    at = run("compare", content=tmp_path, topic="sample-topic")
    picker = at.sidebar.selectbox(key="topic_pick")
    assert picker.value == "sample-topic" and picker.options == [HOSTILE.title, SAMPLE.title]
    picker.select("render-hostile").run()
    assert not at.exception
    assert at.query_params["topic"] == "render-hostile"
    assert at.selectbox(key="section_pick").value == "section-1"
    at.switch_page(pages.page("sources").script).run()
    assert at.query_params["topic"] == "render-hostile"  # the session remembers the topic across pages
    assert len(at.dataframe[0].value) == len(HOSTILE.sources)
