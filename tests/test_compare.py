"""Compare through AppTest: claims first, the view in the URL, honest blind mode, paging, print, practise."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer import routing
from debate_explorer.exports import export_topic
from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.paging import PAIRS_PER_PAGE
from debate_explorer.search import search
from debate_explorer.views import render
from tests.conftest import FIXTURES, TOPICS, OpenApp, live_markup
from tests.conftest import SAMPLE as SAMPLE_FILE

SAMPLE = load_file(SAMPLE_FILE).topic
RENDER = FIXTURES / "render"
COSTS, LEARNING = SAMPLE.sections
FIRST, SECOND = COSTS.pairs

Run = Callable[..., AppTest]


@pytest.fixture
def run(open_app: OpenApp) -> Run:
    return functools.partial(open_app, "compare", content=TOPICS)


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.subheader] + [n.value for n in (*at.info, *at.warning)]
    return "\n".join(parts)


def params(at: AppTest) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params}


def details(at: AppTest, pair_id: str, section: str = "costs") -> None:
    """Open one pair's "reasoning, evidence, sources and rebuttals" expander, as a click does."""
    at.session_state[f"compare.details.{section}.{pair_id}"] = True
    at.run()
    assert not at.exception


SOURCE_LINK = "[\\[2\\]](https://example.org/parents/survey"
"""The first pair's critic source, with the app's number, as Compare links it (no fact check cites it)."""


# ---------------------------------------------------------------- claims first, the view in the URL


def test_claims_first_shows_claims_and_opens_reasoning_on_demand(run: Run) -> None:
    at = run()
    text = text_of(at)
    assert render.md(FIRST.supporter.claim) in text and render.md(FIRST.critic.claim) in text
    assert render.md(FIRST.supporter.reasoning) not in text
    assert SOURCE_LINK not in text
    assert params(at)["view"] == "claims"
    details(at, FIRST.id)
    opened = text_of(at)
    assert render.md(FIRST.supporter.reasoning) in opened and render.md(FIRST.critic.evidence) in opened
    assert SOURCE_LINK in opened  # the app's [n] numbers
    assert render.md(SECOND.supporter.reasoning) not in opened  # only the pair opened
    assert "1 source" in [e.label for e in at.expander]  # folded into one line


def test_question_list_jumps_to_each_pair(run: Run) -> None:
    text = text_of(run())
    for n, pair in enumerate(COSTS.pairs, start=1):
        assert f"{n}. [{render.md(pair.question)}](#pair-{pair.id})" in text


def test_view_toggle_writes_the_url_and_the_url_sets_the_view(run: Run) -> None:
    at = run()
    at.button_group(key="view").set_value("full").run()
    assert not at.exception
    assert params(at) == {"topic": "sample-topic", "section": "costs", "view": "full"}
    assert render.md(FIRST.supporter.reasoning) in text_of(at)
    shared = run(section="costs", view="full", swap="1")  # the link a teacher hands out
    assert shared.button_group(key="view").value == "full"
    assert shared.toggle(key="swap").value is True
    assert render.md(FIRST.critic.reasoning) in text_of(shared)
    claims = [b.value for b in shared.markdown if f"**{render.md(FIRST.critic.claim)}**" in b.value]
    assert claims and ":orange-badge[Critics]" in claims[0]


@pytest.mark.parametrize(
    ("name", "value"), [("view", "table"), ("swap", "yes"), ("blind", "2"), ("page", "x")]
)
def test_bad_display_values_fall_back_with_a_note(run: Run, name: str, value: str) -> None:
    at = run()
    at.query_params[name] = value  # set after opening: open_app's own "page" names the app page
    at.run()
    assert any(name in info.value for info in at.info)
    assert params(at)["view"] == "claims" and "swap" not in params(at) and "blind" not in params(at)


def test_display_parameters_are_pure_and_round_trip() -> None:
    shown = routing.display({"view": "full", "swap": "1", "page": "3"})
    assert shown == routing.Display("full", True, False, 3) and routing.display(shown.params()) == shown
    blind = routing.display({"swap": "1", "blind": "1"})
    assert blind.swap and not blind.swapped and blind.params() == {"view": "claims", "blind": "1"}


# ---------------------------------------------------------------- blind mode that is blind


def test_blind_mode_hides_sources_says_how_many_and_instructs(run: Run) -> None:
    at = run(blind="1")
    text = text_of(at)
    assert "guess which side holds each position" in text
    assert "Held by" not in text
    details(at, FIRST.id)
    opened = text_of(at)
    assert render.md(FIRST.supporter.reasoning) in opened  # the arguments are there to judge
    assert SOURCE_LINK not in opened and "](https://" not in opened  # not even a fact check's source
    assert "1 source hidden until you reveal this pair" in opened
    at.toggle(key=f"compare.reveal.costs.{FIRST.id}").set_value(True).run()
    assert SOURCE_LINK in text_of(at)


def test_swap_is_disabled_while_blind(run: Run) -> None:
    at = run(swap="1")
    assert at.toggle(key="swap").value is True and not at.toggle(key="swap").disabled
    at.toggle(key="blind").set_value(True).run()
    swap = at.toggle(key="swap")
    assert swap.disabled and swap.value is False
    assert params(at).get("blind") == "1" and "swap" not in params(at)
    assert "is off" in text_of(at)


def test_each_pair_has_its_own_reveal(run: Run) -> None:
    at = run(blind="1")
    at.toggle(key=f"compare.reveal.costs.{FIRST.id}").set_value(True).run()
    blocks = {
        pair.id: [b.value for b in at.markdown if render.md(pair.supporter.claim) in b.value]
        for pair in COSTS.pairs
    }
    assert ":blue-badge[Supporters]" in blocks[FIRST.id][0]
    assert ":blue-badge[" not in blocks[SECOND.id][0] and "Position" in blocks[SECOND.id][0]


def test_reveals_reset_when_the_section_changes(run: Run) -> None:
    at = run(blind="1", view="full")
    at.toggle(key=f"compare.reveal.costs.{FIRST.id}").set_value(True).run()
    assert "Held by" in text_of(at)
    at.selectbox(key="section_pick").select("learning").run()
    assert params(at)["blind"] == "1"  # blind mode stays on for the class...
    assert "Held by" not in text_of(at)
    at.selectbox(key="section_pick").select("costs").run()
    assert not at.exception
    assert "Held by" not in text_of(at)  # ...but every pair is hidden again
    assert at.toggle(key=f"compare.reveal.costs.{FIRST.id}").value is False


# ---------------------------------------------------------------- paging a huge section


def big_topic(pairs: int) -> str:
    """A valid topic with one section of ``pairs`` pairs (numbered claims), each citing one source."""
    items = "".join(
        f"      - id: p{n}\n        question: Question number {n}?\n"
        f"        supporter: {{held_by: S, claim: Supporter claim {n}., reasoning: R, evidence: E,"
        f" rebuttal: B, sources: [s]}}\n"
        f"        critic: {{held_by: C, claim: Critic claim {n}., reasoning: R, evidence: E,"
        f" rebuttal: B, sources: [s]}}\n"
        for n in range(1, pairs + 1)
    )
    return (
        "id: big-topic\ntitle: Big\nquestion: Is it big?\nsummary: A generated topic.\n"
        "sections:\n  - id: all\n    title: All\n    summary: Every pair.\n    pairs:\n"
        + items
        + "    questions: [Why?]\n"
        "sources:\n  - {id: s, title: A source, url: 'https://example.org', kind: press}\n"
    )


def claim_numbers(at: AppTest) -> list[int]:
    return [
        int(block.value.split("Supporter claim ")[1].split("\\.")[0])
        for block in at.markdown
        if "**Supporter claim " in block.value
    ]


def test_a_huge_section_is_paged(open_app: OpenApp, tmp_path: Path) -> None:
    (tmp_path / "big-topic.yaml").write_text(big_topic(60), encoding="utf-8")
    at = open_app("compare", content=tmp_path)
    assert claim_numbers(at) == list(range(1, PAIRS_PER_PAGE + 1))
    assert "Page 1 of 3" in text_of(at)
    links = [link.proto for link in at.get("page_link")]
    assert any("page=2" in p.query_string for p in links) and not any(
        "page=3" in p.query_string for p in links
    )
    second = open_app("compare", content=tmp_path)
    second.query_params["page"] = "2"  # (open_app's own "page" is the app page)
    second.run()
    assert claim_numbers(second) == list(range(PAIRS_PER_PAGE + 1, 2 * PAIRS_PER_PAGE + 1))
    linked = open_app("compare", content=tmp_path, pair="p55")  # a link to a pair opens its page
    assert claim_numbers(linked) == list(range(51, 61)) and params(linked)["page"] == "3"
    assert "Linked pair" in text_of(linked)
    past = open_app("compare", content=tmp_path)
    past.query_params["page"] = "999"
    past.run()
    assert claim_numbers(past) == list(range(51, 61))


# ---------------------------------------------------------------- print and practise


def test_print_this_section_offers_the_section_handout(run: Run) -> None:
    at = run(section="learning")
    button = at.get("download_button")[0].proto
    assert button.label == "Print this section" and button.deferred_file_id
    assert render.md(LEARNING.title) in export_topic(SAMPLE, "html", "learning")  # what the button serves


def test_practise_this_pair_opens_the_drill_on_that_pair_and_side(run: Run) -> None:
    at = run()
    at.button(key=f"compare.practise.costs.{SECOND.id}.critic").click().run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert render.md(SECOND.question) in shown
    assert f"You argue for {render.side_badge(SAMPLE, Side.CRITIC)}" in shown
    they_say = [info.value for info in at.info]
    assert render.md(SECOND.supporter.claim) in they_say


# ---------------------------------------------------------------- search that lands on the pair


def test_search_lists_each_pair_once_with_the_matching_field_first(open_app: OpenApp) -> None:
    at = open_app(content=TOPICS)
    at.text_input(key="search").input("attend").run()
    assert not at.exception
    links = [link.proto for link in at.get("page_link") if link.proto.icon == ":material/search:"]
    assert [p.query_string.rsplit("=", 1)[-1] for p in links] == ["attendance", "test-results"]
    assert links[0].label.startswith("**Supporters claim**: ")  # the field, not the shared question
    assert links[0].label.count(":orange-background[Attend]") == 1
    captions = [c.value for c in at.caption]
    assert f"{search([SAMPLE], 'attend')[1]} matches in 2 questions" in captions
    question = f"In: {render.md(LEARNING.pairs[0].question)}"
    assert any(c.startswith(question) and "also in" in c for c in captions)


def test_claims_first_keeps_holders_with_the_details(run: Run) -> None:
    at = run()
    assert "Held by" not in text_of(at)  # the two claims sit together...
    details(at, FIRST.id)
    assert f"**Held by:** {render.md(FIRST.supporter.held_by)}" in text_of(at)  # ...holders open later
    assert [e.label for e in at.expander if e.label.startswith("Fact checks")] == ["Fact checks (1)"]


def test_hostile_content_stays_inert_in_every_view_with_details_open(open_app: OpenApp) -> None:
    hostile = load_file(RENDER / "render-hostile.yaml").topic
    for query in ({}, {"view": "full"}, {"blind": "1"}):
        at = open_app("compare", content=RENDER, topic=hostile.id, **query)
        for section, pair in hostile.pairs():
            if section is hostile.sections[0]:
                at.session_state[f"compare.details.{section.id}.{pair.id}"] = True
        at.run()
        assert not at.exception
        assert params(at)["view"] == query.get("view", "claims")  # the view the link asked for
        assert live_markup(at) == [], query
        assert "script" in text_of(at)  # the content is there, as text
