"""The Practice page through AppTest: rebuttal drill, which-side quiz, timer, downloads, drafts kept."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from debate_explorer import exports as export
from debate_explorer import pages, teaching
from debate_explorer.limits import MAX_DRAFTS, MAX_REBUTTAL_CHARS
from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.views import render
from debate_explorer.views.practice_keys import DRAFTS
from tests.conftest import FIXTURES, TOPICS, OpenApp, clock_faces
from tests.conftest import SAMPLE as SAMPLE_FILE

RENDER = FIXTURES / "render"
SAMPLE = load_file(SAMPLE_FILE).topic
HOSTILE = load_file(RENDER / "render-hostile.yaml").topic
CLAIMS = {p.side(s).claim: (sec, p, s) for sec, p in SAMPLE.pairs() for s in Side}


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[bytes, str, str | None]]:
    """Every file handed to Streamlit's media storage: file id -> (data, mime type, file name)."""
    seen: dict[str, tuple[bytes, str, str | None]] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        file_id = original(self, path_or_data, mimetype, kind, filename)
        seen[file_id] = (path_or_data, mimetype, filename)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return seen


Open = Callable[..., AppTest]


@pytest.fixture
def practice(open_app: OpenApp) -> Open:
    """The whole app (app.py) opened on the Practice page over a content folder."""
    return functools.partial(open_app, "practice", content=TOPICS)


def ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def markdown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [n.value for n in (*at.info, *at.error, *at.warning, *at.success)]
    return "\n".join(parts)


def start(at: AppTest, section: str, pair: str, side: Side) -> AppTest:
    at.selectbox(key="practice.pick_section").set_value(section).run()
    at.selectbox(key="practice.pick_pair").set_value(pair).run()
    at.radio(key="practice.pick_side").set_value(side.value)
    at.button(key="practice.start").click().run()
    ok(at)
    return at


def draft_area(at: AppTest, section: str, pair: str, side: Side):  # type: ignore[no-untyped-def]
    return at.text_area(key=f"practice.text.sample-topic/{section}/{pair}/{side.value}")


def file_of(at: AppTest, key: str, downloads: dict[str, tuple[bytes, str, str | None]]) -> tuple[str, str]:
    """The text and file name behind a download button."""
    url = at.get_by_key(key).proto.url  # type: ignore[union-attr]
    file_id = os.path.splitext(url.rsplit("/", 1)[1])[0]
    data, _, name = downloads[file_id]
    return data.decode("utf-8"), name or ""


# ---------------------------------------------------------------- rebuttal drill


def test_page_opens_with_a_drill_quiz_timer_and_downloads(practice: Open) -> None:
    at = practice()
    assert at.title[0].value == "Practice"
    shown = markdown(at)
    assert render.md(SAMPLE.title) in shown
    assert "**They say**" in shown and "Claim 1 of" in shown
    assert clock_faces(at)["practice.clock"]["total"] == 360  # the 6:00 constructive, counted in the browser
    assert len(at.text_area) == 1
    assert {b.proto.label for b in at.get("download_button")} >= {f.label for f in export.FORMATS.values()}


def test_drill_shows_the_opposing_claim_and_reveals_the_real_rebuttal(practice: Open) -> None:
    at = start(practice(), "learning", "attendance", Side.CRITIC)
    pair = SAMPLE.section("learning").pairs[0]
    shown = markdown(at)
    assert render.md(pair.supporter.claim) in shown  # they say: the other side's claim
    assert render.md(pair.critic.rebuttal) not in shown  # not revealed yet
    assert "You argue for :orange-badge[Critics]" in shown

    text = "They say attendance rises. But the study covered older pupils. Therefore it proves little."
    draft_area(at, "learning", "attendance", Side.CRITIC).input(text).run()
    ok(at)
    assert "steps used: They say, But, Therefore · still to add: Because" in markdown(at)

    at.button(key="practice.reveal").click().run()
    ok(at)
    shown = markdown(at)
    critic = pair.critic
    for part in (critic.rebuttal, critic.reasoning, critic.evidence):
        assert render.md(part) in shown
    source = SAMPLE.source_map[critic.sources[0]]
    assert f"]({source.url} " in shown and render.md(source.title) in shown
    assert [c.label for c in at.checkbox] == list(teaching.SELF_CHECK)
    assert draft_area(at, "learning", "attendance", Side.CRITIC).value == text  # the draft stays


def test_switch_sides_argues_the_same_pair_from_the_other_side(practice: Open) -> None:
    at = start(practice(), "costs", "family-costs", Side.SUPPORTER)
    pair = SAMPLE.section("costs").pairs[1]
    assert render.md(pair.critic.claim) in markdown(at)
    draft_area(at, "costs", "family-costs", Side.SUPPORTER).input("Supporter draft").run()

    at.button(key="practice.switch").click().run()
    ok(at)
    shown = markdown(at)
    assert render.md(pair.supporter.claim) in shown and "You argue for :blue-badge[Supporters]" not in shown
    assert "You argue for :orange-badge[Critics]" in shown
    assert draft_area(at, "costs", "family-costs", Side.CRITIC).value == ""  # a fresh draft for this side
    at.button(key="practice.reveal").click().run()
    assert render.md(pair.critic.rebuttal) in markdown(at)

    at.button(key="practice.switch").click().run()
    ok(at)
    assert draft_area(at, "costs", "family-costs", Side.SUPPORTER).value == "Supporter draft"


def test_drafts_survive_a_visit_to_another_page(practice: Open) -> None:
    at = start(practice(), "costs", "district-savings", Side.CRITIC)
    draft_area(at, "costs", "district-savings", Side.CRITIC).input("Kept across pages").run()
    at.switch_page(pages.page("compare").script).run()
    ok(at)
    assert not at.text_area
    at.switch_page(pages.page("practice").script).run()
    ok(at)
    assert draft_area(at, "costs", "district-savings", Side.CRITIC).value == "Kept across pages"


def test_random_drill_picks_a_real_pair(practice: Open) -> None:
    at = practice()
    for _ in range(3):
        at.button(key="practice.random").click().run()
        ok(at)
        shown = markdown(at)
        assert sum(render.md(claim) in shown for claim in CLAIMS) >= 1


# ---------------------------------------------------------------- quiz


def current_claim(at: AppTest) -> str:
    """The claim the quiz asks about: bold in its own bordered box (full-contrast text, no quote)."""
    shown = {f"**{render.md(claim)}**": claim for claim in CLAIMS}
    return next(shown[m.value] for m in at.markdown if m.value in shown)


def test_quiz_right_and_wrong_answers_change_the_score(practice: Open) -> None:
    at = practice()
    assert at.metric[0].value == "0 / 0"
    _, pair, side = CLAIMS[current_claim(at)]
    at.button(key=f"practice.answer.{side.value}").click().run()
    ok(at)
    assert at.metric[0].value == "1 / 1" and at.metric[1].value == "1 / 1"
    assert at.success and "Right" in at.success[0].value
    source = SAMPLE.source_map[pair.side(side).sources[0]]
    assert render.md(source.title) in markdown(at)  # the right answer comes with its sources

    claim = current_claim(at)
    _, _, side = CLAIMS[claim]
    at.button(key=f"practice.answer.{side.other.value}").click().run()
    ok(at)
    assert at.metric[0].value == "1 / 2"
    assert at.error and render.md(SAMPLE.sides.label(side)) in at.error[0].value

    at.button(key="practice.new_round").click().run()
    ok(at)
    assert at.metric[0].value == "0 / 0" and at.metric[1].value == "1 / 2"  # the session total stays


def test_a_round_ends_and_reports_its_score(practice: Open) -> None:
    at = practice()
    at.number_input(key="practice.round_size").set_value(2).run()
    at.button(key="practice.new_round").click().run()
    for _ in range(2):
        _, _, side = CLAIMS[current_claim(at)]
        at.button(key=f"practice.answer.{side.value}").click().run()
        ok(at)
    assert any("Round complete: 2 right out of 2 (100%)" in s.value for s in at.success)
    assert not [b for b in at.button if b.key and b.key.startswith("practice.answer.")]
    assert "Claim 3 of" not in markdown(at)


# ---------------------------------------------------------------- timer


def test_timer_lengths_are_minutes_and_seconds_and_start_pause_reset(practice: Open) -> None:
    at = practice()
    at.radio(key="practice.speech").set_value("Rebuttal").run()
    assert clock_faces(at)["practice.clock"]["total"] == 240
    at.text_input(key="practice.length.Rebuttal").input("2:30").run()
    face = clock_faces(at)["practice.clock"]
    assert (face["total"], face["used"], face["running"]) == (150, 0, False)
    at.button(key="practice.timer_start").click().run()
    ok(at)
    assert clock_faces(at)["practice.clock"]["running"]
    assert (
        at.button(key="practice.timer_start").disabled and not at.button(key="practice.timer_pause").disabled
    )
    at.button(key="practice.timer_pause").click().run()
    ok(at)
    assert not clock_faces(at)["practice.clock"]["running"]
    assert not at.button(key="practice.timer_start").disabled
    at.button(key="practice.timer_reset").click().run()
    face = clock_faces(at)["practice.clock"]
    assert (face["total"], face["used"], face["running"]) == (150, 0, False)


def test_a_length_that_does_not_read_is_explained_and_the_old_one_kept(practice: Open) -> None:
    at = practice()
    at.radio(key="practice.speech").set_value("Rebuttal").run()
    at.text_input(key="practice.length.Rebuttal").input("1:90").run()
    ok(at)
    assert any("seconds go up to 59" in w.value and "still 4:00" in w.value for w in at.warning)
    assert clock_faces(at)["practice.clock"]["total"] == 240


def test_projector_view_is_one_toggle_away(practice: Open) -> None:
    at = practice()
    assert not clock_faces(at)["practice.clock"]["projector"]
    at.toggle(key="practice.projector").set_value(True).run()
    assert clock_faces(at)["practice.clock"]["projector"]


@pytest.fixture
def fragments(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every ``run_every`` the app's fragments ask for (a server clock reruns on its own when it is set)."""
    import streamlit

    asked: list[object] = []
    original = streamlit.fragment

    def spy(func=None, *, run_every=None):  # type: ignore[no-untyped-def]
        asked.append(run_every)
        return original(func, run_every=run_every)

    monkeypatch.setattr(streamlit, "fragment", spy)
    return asked


def test_a_running_timer_is_a_browser_clock_not_a_server_refresh(practice: Open, fragments: list) -> None:
    at = practice()
    at.button(key="practice.timer_start").click().run()
    ok(at)
    assert clock_faces(at)["practice.clock"]["running"]
    assert [every for every in fragments if every is not None] == []


# ---------------------------------------------------------------- drafts: limits said and kept


def test_drafts_are_capped_in_length_and_number_and_the_page_says_so(practice: Open) -> None:
    at = start(practice(), "learning", "attendance", Side.CRITIC)
    area = draft_area(at, "learning", "attendance", Side.CRITIC)
    assert area.proto.max_chars == MAX_REBUTTAL_CHARS
    assert f"Up to {MAX_REBUTTAL_CHARS:,} characters a draft" in markdown(at)
    assert f"keeps up to {MAX_DRAFTS} drafts" in markdown(at)
    area.set_value("x" * (MAX_REBUTTAL_CHARS + 700)).run()  # past the browser's limit, as a raw message could
    ok(at)
    kept = at.session_state[DRAFTS]["sample-topic/learning/attendance/critic"]
    assert len(kept.text) == MAX_REBUTTAL_CHARS

    drill = kept.drill
    at.session_state[DRAFTS] = {f"other-{n}": teaching.Draft(drill, "kept") for n in range(MAX_DRAFTS)}
    at = start(at, "learning", "attendance", Side.SUPPORTER)
    draft_area(at, "learning", "attendance", Side.SUPPORTER).input("They say one more.").run()
    ok(at)
    assert len(at.session_state[DRAFTS]) == MAX_DRAFTS  # not silently more, and nothing silently dropped
    assert any("This draft is not kept" in w.value for w in at.warning)


# ---------------------------------------------------------------- downloads


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_handout_download_buttons_carry_the_export(practice: Open, downloads: dict, fmt: str) -> None:
    at = practice()
    data, name = file_of(at, f"practice.download.{fmt}", downloads)
    expected = export.download(SAMPLE, fmt)
    assert (data, name) == (expected.data, expected.file_name)
    at.selectbox(key="practice.handout_scope").set_value("learning").run()
    ok(at)
    data, name = file_of(at, f"practice.download.{fmt}", downloads)
    assert (data, name) == (
        export.export_topic(SAMPLE, fmt, "learning"),
        f"sample-topic-learning.{fmt_ext(fmt)}",
    )


def fmt_ext(fmt: str) -> str:
    return export.FORMATS[fmt].extension


def test_my_work_download_holds_drafts_and_quiz_score(practice: Open, downloads: dict) -> None:
    at = practice()
    assert at.get_by_key("practice.download.work").proto.disabled  # type: ignore[union-attr]
    at = start(at, "learning", "test-results", Side.SUPPORTER)
    draft_area(at, "learning", "test-results", Side.SUPPORTER).input("They say results fell.\nBut").run()
    _, _, side = CLAIMS[current_claim(at)]
    at.button(key=f"practice.answer.{side.value}").click().run()
    ok(at)
    data, name = file_of(at, "practice.download.work", downloads)
    assert re.fullmatch(r"my-debate-practice-\d{4}-\d\d-\d\d\.md", name)  # no name typed: the date only
    assert "> They say results fell.\n> But" in data
    assert "### Would test results change?" in data
    assert "1 right out of 1" in data


# ---------------------------------------------------------------- hostile content


def test_hostile_topic_stays_inert_on_the_practice_page(practice: Open) -> None:
    at = practice(content=RENDER)
    at.button(key="practice.reveal").click().run()
    ok(at)
    shown = markdown(at)
    assert "<script>" not in shown and "](javascript:" not in shown and "](data:" not in shown
    assert "\\<script\\>" in shown
    # Widget labels render Markdown too: side labels in them must be escaped like any content.
    labels = (
        [t.label for t in at.text_area] + [b.label for b in at.button] + [b.help or "" for b in at.button]
    )
    labels += [str(o) for r in at.radio for o in r.options]
    for text in labels:
        assert "](" not in text.replace("\\]\\(", ""), text
        assert "<script>" not in text, text


def test_my_work_carries_the_name_the_date_and_the_self_check_ticks(practice: Open, downloads: dict) -> None:
    at = start(practice(), "learning", "test-results", Side.SUPPORTER)
    draft_area(at, "learning", "test-results", Side.SUPPORTER).input("They say results fell.").run()
    at.button(key="practice.reveal").click().run()
    key = "sample-topic/learning/test-results/supporter"
    at.checkbox(key=f"practice.check.{key}.1").check().run()
    at.button(key="practice.reveal").click().run()  # the ticks outlive the hidden checkboxes
    at.text_input(key="practice.name").input("Sam <b>P.</b>\n").run()
    ok(at)
    data, name = file_of(at, "practice.download.work", downloads)
    assert re.fullmatch(r"my-debate-practice-sam-b-p-b-\d{4}-\d\d-\d\d\.md", name)
    assert "*Name:* Sam \\<b\\>P.\\</b\\>" in data  # typed text, escaped
    assert f"- [x] {teaching.SELF_CHECK[1]}" in data and f"- [ ] {teaching.SELF_CHECK[0]}" in data


def test_switch_sides_keeps_the_draft_and_says_where_it_is(practice: Open) -> None:
    at = start(practice(), "learning", "test-results", Side.SUPPORTER)
    draft_area(at, "learning", "test-results", Side.SUPPORTER).input("They say results fell. But").run()
    at.button(key="practice.switch").click().run()
    ok(at)
    note = next(i.value for i in at.info if "You now argue for" in i.value)
    supporters = render.md(SAMPLE.sides.label(Side.SUPPORTER))
    assert f"Your draft for the {supporters} (5 words) is kept" in note and "Switch sides" in note
    assert draft_area(at, "learning", "test-results", Side.CRITIC).value == ""
    at.button(key="practice.switch").click().run()
    assert draft_area(at, "learning", "test-results", Side.SUPPORTER).value == "They say results fell. But"


def test_a_drill_link_opens_that_pair_and_side(practice: Open) -> None:
    from debate_explorer.routing import drill_params

    pair = SAMPLE.section("learning").pair("test-results")  # type: ignore[union-attr]
    assert pair is not None
    for side in Side:  # both sides, each in a fresh session: a random drill cannot match both by chance
        at = practice(**drill_params("sample-topic", "learning", "test-results", side))
        ok(at)
        assert draft_area(at, "learning", "test-results", side) is not None
        assert render.md(pair.side(side.other).claim) in markdown(at)  # they say: the other side's claim
    assert dict(at.query_params) == {"topic": "sample-topic"}  # applied once, then the link is spent
    at = practice(topic="sample-topic", pair="test-results", side="nobody")
    ok(at)
    assert any("“nobody”" in i.value for i in at.info)  # said, and a random side is drilled instead


def test_the_quiz_end_screen_lists_missed_claims_with_the_right_side(practice: Open) -> None:
    at = practice()
    at.number_input(key="practice.round_size").set_value(2).run()
    at.button(key="practice.new_round").click().run()
    claims = []
    for _ in range(2):
        claim = current_claim(at)
        claims.append(claim)
        _, _, side = CLAIMS[claim]
        at.button(key=f"practice.answer.{side.other.value}").click().run()  # both wrong
    ok(at)
    assert any("Round complete: 0 right out of 2" in s.value for s in at.success)
    missed = next(m.value for m in at.markdown if m.value.startswith("**Claims you missed (2)**"))
    for claim in claims:
        _, _, side = CLAIMS[claim]
        assert render.md(claim) in missed
        assert f"{render.md(claim)}  \n  Right answer: {render.side_badge(SAMPLE, side)}" in missed


def test_practice_tab_labels_are_short(practice: Open) -> None:
    at = practice()
    assert [tab.label.split(" ", 1)[1] for tab in at.tabs] == ["Drill", "Quiz", "Timer", "Handouts"]
