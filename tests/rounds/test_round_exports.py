"""Flow sheet, evidence cards and ballot files keep hostile topic text inert, like every other export."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer.exports import export_topic
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic
from debate_explorer.rounds import ballot, flow
from debate_explorer.rounds.cards import cards, cards_html
from debate_explorer.rounds.formats import shipped_formats
from debate_explorer.rounds.state import RoundState
from tests.conftest import FIXTURES, SAMPLE, CliResult
from tests.test_export import parse

HOSTILE_NAMES = ("script-tags.yaml", "bidi-zero-width.yaml")
HOSTILE = [load_file(FIXTURES / "hostile" / name).topic for name in HOSTILE_NAMES]
FORMAT = shipped_formats()["public-forum"]
BANNED = {"script", "img", "iframe", "svg", "object", "embed", "link", "base", "form", "input"}


def assert_inert_html(page: str, topic: Topic) -> None:
    parsed = parse(page)
    assert not BANNED & {tag for tag, _ in parsed.tags}
    assert not [k for _, attrs in parsed.tags for k in attrs if k.startswith("on")]
    allowed = {s.url for s in topic.sources}
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert all(re.match(r"https?://", href or "") and href in allowed for href in hrefs), hrefs
    assert "Content-Security-Policy" in page


def round_for(topic: Topic) -> RoundState:
    return RoundState(format_id=FORMAT.id, topic_id=topic.id)


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_card_files_keep_hostile_text_inert(topic: Topic) -> None:
    for side in (None, *Side):
        assert_inert_html(cards_html(topic, side), topic)
    assert_inert_html(export_topic(topic, "cards"), topic)
    if topic.id == "script-tags":
        assert "&lt;script&gt;" in export_topic(topic, "cards")


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_flow_sheet_keeps_hostile_text_inert(topic: Topic) -> None:
    table = flow.rows(FORMAT, round_for(topic), topic)
    assert table, "the hostile topics have pairs to flow"
    assert_inert_html(flow.to_html(table, FORMAT, topic), topic)
    hostile_row = dict(table[0]) | {flow.columns(FORMAT)[2]: '=HYPERLINK("http://evil")'}
    parsed = list(csv.reader(io.StringIO(flow.to_csv([hostile_row], FORMAT))))
    assert parsed[0][0] == flow.ARGUMENT and len(parsed[1]) == len(FORMAT.speeches) + 1
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in parsed for cell in row)


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_ballot_keeps_hostile_text_inert(topic: Topic) -> None:
    filled = ballot.Ballot(
        format_id=FORMAT.id,
        topic_id=topic.id,
        judge="<script>alert(1)</script>",
        winner="team-a",
        scores={"team-a": {"Case": 25}},
        reason="<img src=x onerror=alert(1)>",
    )
    page = ballot.to_html(filled, FORMAT, topic.title)
    assert_inert_html(page, topic)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_flow_rows_put_each_claim_under_its_side_first_speech() -> None:
    topic = load_file(SAMPLE).topic
    state = round_for(topic).model_copy(update={"proposition": Side.CRITIC})
    table = flow.rows(FORMAT, state, topic)
    columns = flow.columns(FORMAT)
    pairs = [pair for _, pair in topic.pairs()]
    assert len(table) == 2 * len(pairs)
    # Team A (proposition) argues the critic side here, so critic claims sit under speech 1.
    assert table[0][columns[0]] == pairs[0].critic.claim and table[1][columns[1]] == pairs[0].supporter.claim


def test_cards_hold_tag_cite_and_text() -> None:
    topic = load_file(SAMPLE).topic
    found = cards(topic, Side.SUPPORTER)
    first = next(pair for _, pair in topic.pairs()).supporter
    assert found[0].tag == first.claim
    assert [s.id for s in found[0].cites] == [s for s in first.sources if s in topic.source_map]


def test_ballot_totals_and_what_is_missing() -> None:
    filled = ballot.Ballot(format_id=FORMAT.id, topic_id="t", scores={"team-a": {"Case": 20, "Delivery": 7}})
    assert filled.total("team-a") == 27 and filled.total("team-b") == 0
    assert set(filled.check_for(FORMAT)) == {"choose the winner", "write a reason for decision"}
    bp = shipped_formats()["british-parliamentary"]
    ranked = ballot.Ballot(format_id=bp.id, topic_id="t", ranks={t.id: n for n, t in enumerate(bp.teams, 1)})
    assert ranked.check_for(bp) == ["write a reason for decision"]
    with pytest.raises(ValueError, match="out of 10"):
        ballot.Ballot(format_id=FORMAT.id, topic_id="t", scores={"team-a": {"Delivery": 11}})
    with pytest.raises(ValueError, match="ranks"):
        ballot.Ballot(format_id=bp.id, topic_id="t", ranks={"a": 1, "b": 1})


def test_cards_cli_writes_one_side(tmp_path: Path, invoke: Callable[..., CliResult]) -> None:
    out = tmp_path / "critic.html"
    result = invoke("cards", str(SAMPLE), "--side", "critic", "-o", str(out))
    topic = load_file(SAMPLE).topic
    page = out.read_text(encoding="utf-8")
    assert result.code == 0 and topic.sides.label(Side.CRITIC) in page
    assert topic.sides.label(Side.SUPPORTER) not in page
    assert invoke("cards", str(SAMPLE), "--side", "critic", "--section", "nope").code == 2
