"""The classroom service through its public API, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from debate_explorer.classroom import (
    BadInput,
    BadToken,
    Choice,
    ClassClosed,
    ClassroomService,
    Phase,
    RateLimited,
    SideMode,
    TooLong,
    UnknownCode,
    WrongPhase,
)
from debate_explorer.classroom.rules import MAX_SUBMISSION
from debate_explorer.classroom.service import MAX_JOIN_FAILURES
from debate_explorer.classroom.tokens import CODE_ALPHABET, CODE_LENGTH
from debate_explorer.model import Side


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_whole_class(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic", "learning", title="Period 3")
    assert len(info.code) == CODE_LENGTH and set(info.code) <= set(CODE_ALPHABET)
    assert info.phase is Phase.BEFORE and info.section_id == "learning"
    key = service.teacher(info.code, secret)
    seats = [service.seat(service.join(info.code, client=f"10.0.0.{i}")[1]) for i in range(4)]
    states = [service.seat_state(seat) for seat in seats]
    assert len({s.name for s in states}) == 4
    assert sorted(s.side for s in states if s.side) == [Side.CRITIC] * 2 + [Side.SUPPORTER] * 2  # balanced

    for seat, choice in zip(seats, ["for", "against", "against", "undecided"], strict=True):
        service.vote(seat, choice)
    service.set_phase(key, Phase.DEBATE)
    first = states[0]
    assert first.side is not None
    service.submit(seats[0], "attendance", first.side, "They say X. But Y, because Z. Therefore W.")
    service.set_phase(key, Phase.AFTER)
    for seat, choice in zip(seats, ["for", "for", "against", "for"], strict=True):
        service.vote(seat, choice, moved_by="attendance")
    service.set_phase(key, Phase.RESULTS)

    board = service.dashboard(key)
    assert (board.joined, board.voted_before, board.voted_after) == (4, 4, 4)
    result = board.outcome
    assert result.before.counts == {Choice.FOR: 1, Choice.AGAINST: 2, Choice.UNDECIDED: 1}
    assert result.after.counts == {Choice.FOR: 3, Choice.AGAINST: 1, Choice.UNDECIDED: 0}
    assert result.winner is Choice.FOR  # For +50 points, Against -25
    assert (result.changed_vote, result.switched_sides) == (2, 1)
    assert board.moved_most == {"attendance": 4}
    assert [s.text for s in board.submissions] == ["They say X. But Y, because Z. Therefore W."]
    assert sum(len(names) for names in board.teams.values()) == 4

    votes = rows(service.votes_csv(key))
    assert len(votes) == 8 and {v["poll"] for v in votes} == {"before", "after"}
    subs = rows(service.submissions_csv(key))
    assert [(s["student"], s["pair"], s["side"]) for s in subs] == [
        (first.name, "attendance", first.side.value)
    ]
    assert service.results_for_student(seats[1]).winner is Choice.FOR


def test_a_second_vote_in_the_same_poll_replaces_the_first(service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    seat = service.seat(service.join(info.code)[1])
    service.vote(seat, "for")
    service.vote(seat, "against")
    service.vote(seat, "undecided")
    assert service.seat_state(seat).votes == {"before": Choice.UNDECIDED}
    assert len(rows(service.votes_csv(service.owner_key(info.code)))) == 1


def test_votes_only_in_voting_phases(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)
    seat = service.seat(service.join(info.code)[1])
    service.set_phase(key, Phase.DEBATE)
    with pytest.raises(WrongPhase, match="not open"):
        service.vote(seat, "for")
    service.set_phase(key, Phase.RESULTS)
    with pytest.raises(WrongPhase):
        service.vote(seat, "for")
    service.close(key)
    with pytest.raises(ClassClosed):
        service.vote(seat, "for")


def test_submissions_checked(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)
    seat = service.seat(service.join(info.code)[1])
    side = service.seat_state(seat).side
    assert side is not None
    with pytest.raises(WrongPhase):
        service.submit(seat, "attendance", side, "too early")
    service.set_phase(key, Phase.DEBATE)
    with pytest.raises(TooLong, match=f"{MAX_SUBMISSION:,}"):
        service.submit(seat, "attendance", side, "x" * (MAX_SUBMISSION + 1))
    with pytest.raises(BadInput):
        service.submit(seat, "attendance", side, "   ")
    with pytest.raises(BadInput):
        service.submit(seat, "../etc", side, "text")
    with pytest.raises(BadInput, match="side"):
        service.submit(seat, "attendance", side.other, "the other side")
    service.submit(seat, "attendance", side, "x" * MAX_SUBMISSION)
    assert len(service.seat_state(seat).submissions) == 1


def test_a_student_sees_only_their_own_work(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic", side_mode=SideMode.NONE)
    service.set_phase(service.teacher(info.code, secret), Phase.DEBATE)
    mine, theirs = (service.seat(service.join(info.code)[1]) for _ in range(2))
    service.submit(mine, "attendance", Side.SUPPORTER, "mine")
    service.submit(theirs, "attendance", Side.CRITIC, "theirs")
    assert [s.text for s in service.seat_state(mine).submissions] == ["mine"]
    assert [s.text for s in service.seat_state(theirs).submissions] == ["theirs"]


def test_tokens_and_secrets(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    other, other_secret = service.create_class("sample-topic")
    _, token = service.join(info.code)
    student_id, seat_secret = token.split(".")
    assert len(secret) >= 22 and len(seat_secret) >= 22  # at least 128 random bits
    for bad in [
        "",
        "x",
        "1.short",
        f"{student_id}.{'A' * 32}",
        f"{int(student_id) + 1}.{seat_secret}",
        None,
        5,
    ]:
        with pytest.raises(BadToken):
            service.seat(bad)  # type: ignore[arg-type]
    with pytest.raises(BadToken):
        service.teacher(info.code, other_secret)
    with pytest.raises(BadToken):
        service.teacher(info.code, secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    assert service.teacher(other.code, other_secret).code == other.code


def test_the_database_stores_no_secret(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    _, token = service.join(info.code)
    with service.engine.connect() as conn:
        dump = " ".join(
            str(row)
            for table in ("class_debates", "students")
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
        )
    assert secret not in dump and token.split(".")[1] not in dump and "scrypt$" in dump


def test_codes_are_forgiving_to_type(service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    spaced = f" {info.code[:3].lower()}-{info.code[3:]} "
    assert service.class_info(spaced).code == info.code
    for bad in ["", "000000", "O0O0O0", info.code + "X", "<script>"]:
        with pytest.raises(UnknownCode):
            service.class_info(bad)


def test_guessing_codes_is_limited(service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    for _ in range(MAX_JOIN_FAILURES):
        with pytest.raises(UnknownCode):
            service.join("ZZZZZZ" if info.code != "ZZZZZZ" else "YYYYYY", client="203.0.113.9")
    with pytest.raises(RateLimited):
        service.join(info.code, client="203.0.113.9")  # even the right code, this minute
    service.join(info.code, client="203.0.113.10")  # another client is not affected


def test_closed_class_takes_no_joins(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    service.close(service.teacher(info.code, secret))
    with pytest.raises(ClassClosed):
        service.join(info.code)


def test_new_teacher_link_replaces_the_old(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    old_key = service.teacher(info.code, secret)
    fresh = service.new_teacher_link(info.code)
    with pytest.raises(BadToken):
        service.teacher(info.code, secret)
    with pytest.raises(BadToken):
        service.dashboard(old_key)  # a key made before the change stops working at once
    assert service.dashboard(service.teacher(info.code, fresh)).info.code == info.code


def test_delete_and_purge(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    seat = service.seat(service.join(info.code)[1])
    service.vote(seat, "for")
    service.delete(service.teacher(info.code, secret))
    with pytest.raises(UnknownCode):
        service.class_info(info.code)
    with pytest.raises(BadToken):
        service.seat_state(seat)
    with service.engine.connect() as conn:
        for table in ("students", "votes", "submissions"):
            assert conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar() == 0

    clock = [datetime(2026, 1, 1, tzinfo=UTC)]
    timed = ClassroomService(service.engine, clock=lambda: clock[0])
    old, _ = timed.create_class("sample-topic")
    clock[0] += timedelta(days=40)
    new, _ = timed.create_class("sample-topic")
    assert timed.purge(30) == 1
    assert [i.code for i, _ in timed.list_classes()] == [new.code]
    with pytest.raises(UnknownCode):
        timed.class_info(old.code)


def test_chosen_sides_and_teams(service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic", side_mode="choose", teams_per_side=2)
    seats = [service.seat(service.join(info.code)[1]) for _ in range(4)]
    assert all(service.seat_state(s).side is None for s in seats)
    for seat in seats:
        service.choose_side(seat, "critic")
    teams = sorted(service.seat_state(s).team or 0 for s in seats)
    assert teams == [1, 1, 2, 2]
    with pytest.raises(BadInput):
        service.choose_side(seats[0], "neutral")
    random_class, _ = service.create_class("sample-topic")
    with pytest.raises(BadInput, match="assigns"):
        service.choose_side(service.seat(service.join(random_class.code)[1]), "critic")


def test_nicknames_only_when_allowed(service: ClassroomService) -> None:
    plain, _ = service.create_class("sample-topic")
    state, _ = service.join(plain.code, nickname="Ada")
    assert state.name != "Ada"
    named, _ = service.create_class("sample-topic", allow_nicknames=True)
    long = "<b>Ada</b>\x00\u202e" + "x" * 100
    state, _ = service.join(named.code, nickname=long)
    assert len(state.name) <= 24 and "\x00" not in state.name and "\u202e" not in state.name
    again, _ = service.join(named.code, nickname=long)
    assert again.name != state.name  # a taken name gets a number


def test_bad_options_are_refused(service: ClassroomService) -> None:
    for kwargs in ({"side_mode": "coin"}, {"teams_per_side": 0}, {"teams_per_side": 99}):
        with pytest.raises(BadInput):
            service.create_class("sample-topic", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(BadInput):
        service.create_class("../../etc/passwd")
    with pytest.raises(BadInput):
        service.create_class("sample-topic", "Bad Section")


def test_results_hidden_until_shown(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic", show_results=False)
    key = service.teacher(info.code, secret)
    seat = service.seat(service.join(info.code)[1])
    service.set_phase(key, Phase.RESULTS)
    with pytest.raises(WrongPhase, match="keeps the results"):
        service.results_for_student(seat)
    shown, _ = service.create_class("sample-topic")
    shown_seat = service.seat(service.join(shown.code)[1])
    with pytest.raises(WrongPhase, match="once your teacher"):
        service.results_for_student(shown_seat)


def test_csv_cells_cannot_run_as_formulas(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic", side_mode="none")
    key = service.teacher(info.code, secret)
    service.set_phase(key, Phase.DEBATE)
    seat = service.seat(service.join(info.code)[1])
    service.submit(seat, "attendance", "critic", '=HYPERLINK("http://x","y")')
    (row,) = rows(service.submissions_csv(key))
    assert row["rebuttal"] == '\'=HYPERLINK("http://x","y")'
