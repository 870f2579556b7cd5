"""The Rounds page through AppTest: every format runs from its first speech to its last."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer.rounds.formats import shipped_formats
from debate_explorer.rounds.state import RoundState
from tests.conftest import TOPICS, OpenApp, clock_faces

FORMATS = shipped_formats()


def texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "subheader") for e in at.get(kind))


def url_round(at: AppTest) -> str:
    value = at.query_params["round"]
    return value if isinstance(value, str) else value[0]


def start_round(at: AppTest, fmt_id: str, side: str = "supporter") -> None:
    at.selectbox(key="rounds.format").set_value(fmt_id)
    at.radio(key="rounds.sides").set_value(side)
    at.run()
    at.button[0].click().run()  # "Start the round", the form's only button
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("fmt_id", list(FORMATS))
def test_each_format_runs_first_to_last(open_app: OpenApp, fmt_id: str) -> None:
    fmt = FORMATS[fmt_id]
    at = open_app("rounds", content=TOPICS)
    start_round(at, fmt_id)
    assert f"Now: {fmt.speeches[0].name}" in texts(at).replace("\\", "")
    for number in range(1, len(fmt.speeches)):
        at.button(key="rounds.start").click().run()
        at.button(key="rounds.pause").click().run()
        at.button(key="rounds.next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        shown = texts(at).replace("\\", "")
        assert f"Now: {fmt.speeches[number].name}" in shown
    assert "This is the last speech." in texts(at)
    assert at.button(key="rounds.next").disabled
    state = RoundState.decode(url_round(at), FORMATS)
    assert state.index == len(fmt.speeches) - 1 and state.format_id == fmt_id


def test_prep_draws_from_the_team_and_back_goes_back(open_app: OpenApp) -> None:
    at = open_app("rounds", content=TOPICS)
    start_round(at, "public-forum")
    at.button(key="rounds.prep.team-b").click().run()
    state = RoundState.decode(url_round(at), FORMATS)
    assert state.prep_team == "team-b"
    at.button(key="rounds.prep.team-b").click().run()
    state = RoundState.decode(url_round(at), FORMATS)
    assert state.prep_team is None and set(state.prep_used) == {"team-b"}
    at.button(key="rounds.next").click().run()
    at.button(key="rounds.back").click().run()
    assert RoundState.decode(url_round(at), FORMATS).index == 0


def test_round_in_the_link_is_restored_and_a_bad_one_ignored(open_app: OpenApp) -> None:
    state = RoundState(format_id="world-schools", topic_id="sample-topic", index=3)
    at = open_app("rounds", content=TOPICS, topic="sample-topic", round=state.encode())
    assert f"Now: {FORMATS['world-schools'].speeches[3].name}" in texts(at)
    bad = open_app("rounds", content=TOPICS, topic="sample-topic", round="not-a-round")
    assert any("Ignored the round" in i.value for i in bad.info)
    assert bad.selectbox(key="rounds.format")  # back at the start form


def test_flow_cards_and_ballot_tabs(open_app: OpenApp) -> None:
    at = open_app("rounds", content=TOPICS)
    start_round(at, "british-parliamentary")
    downloads = [d.proto.label for d in at.get("download_button")]
    assert any("Flow sheet (CSV)" in d for d in downloads) and any("Cards:" in d for d in downloads)
    assert any("Ballot" in d for d in downloads)
    assert [s.label for s in at.selectbox if s.key and ".rank." in s.key] == [
        team.name for team in FORMATS["british-parliamentary"].teams
    ]


def test_in_a_class_sides_come_from_its_teams_and_the_ballot_is_stored(
    classroom_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from debate_explorer.classroom import ClassroomService, db
    from debate_explorer.config import CONTENT_DIR_ENV
    from debate_explorer.views.rounds_ballot import TEACHER_KEY
    from tests.conftest import APP

    engine = db.make_engine(classroom_database)
    db.upgrade(engine)
    service = ClassroomService(engine)
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)
    students = [service.join(info.code)[0] for _ in range(2)]
    monkeypatch.setenv(CONTENT_DIR_ENV, str(TOPICS))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[TEACHER_KEY] = ((info.code, "digest"), key)
    at.run()
    at.switch_page("debate_explorer/views/rounds.py").run()
    start_round(at, "public-forum", "supporter")
    shown = texts(at)
    assert f"Class {info.code}" in shown
    for seat in students:
        assert seat.name in shown
    at.radio(key="rounds.ballot.public-forum.winner").set_value("team-a")
    at.text_area(key="rounds.ballot.public-forum.reason").input("Clearer weighing in the final focus.").run()
    at.button(key="rounds.ballot.save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    stored = service.ballots(key)
    assert [(b.winner, b.reason) for b in stored] == [("team-a", "Clearer weighing in the final focus.")]
    engine.dispose()


def test_the_clocks_count_in_the_browser_with_no_server_refresh(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A running speech or prep clock is drawn once per action, never by a fragment that reruns itself."""
    import streamlit

    asked: list[object] = []
    original = streamlit.fragment

    def spy(func=None, *, run_every=None):  # type: ignore[no-untyped-def]
        asked.append(run_every)
        return original(func, run_every=run_every)

    monkeypatch.setattr(streamlit, "fragment", spy)
    at = open_app("rounds", content=TOPICS)
    start_round(at, "public-forum")
    at.button(key="rounds.start").click().run()
    faces = clock_faces(at)
    speech = faces["rounds.clock.speech"]
    assert speech["running"] and speech["total"] == FORMATS["public-forum"].speeches[0].minutes * 60
    assert speech["overtime"] and speech["label"] == "Speech clock (running)"
    at.button(key="rounds.prep.team-b").click().run()
    faces = clock_faces(at)
    assert faces["rounds.clock.prep.team-b"]["running"] and not faces["rounds.clock.prep.team-b"]["overtime"]
    assert not faces["rounds.clock.speech"]["running"]  # prep pauses the speech clock
    assert [every for every in asked if every is not None] == []


def test_a_world_schools_clock_knows_its_protected_time(open_app: OpenApp) -> None:
    at = open_app("rounds", content=TOPICS)
    start_round(at, "world-schools")
    notes = [tuple(n) for n in clock_faces(at)["rounds.clock.speech"]["notes"]]
    texts_ = [text for *_, text in notes]
    assert "Protected time: no points of information." in texts_
    assert (60, 420, "Points of information may be offered.") in notes  # minutes 1 to 7 of an 8-minute speech
    assert "One minute left." in texts_ and "30 seconds left." in texts_
