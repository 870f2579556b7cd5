"""The teacher's dashboard costs the same number of SQL statements for 30 students as for 300 (issue 15).

Counted with SQLAlchemy's ``before_cursor_execute`` event on the service's engine, on SQLite and PostgreSQL.
Counts, never timings: a per-student query (or an N+1 lazy load) would make the 300-student count larger.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import event

from debate_explorer.classroom import Choice, ClassroomService, Phase, TeacherKey, outcome, tokens

CHOICES = list(Choice)


@contextlib.contextmanager
def counting(service: ClassroomService) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(service.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(service.engine, "before_cursor_execute", record)


def statements_of(service: ClassroomService, call: Callable[[], object]) -> int:
    call()  # a first call may open the pool's connection; count a warm one, like a refresh
    with counting(service) as statements:
        call()
    return len(statements)


def grow(service: ClassroomService, key: TeacherKey, code: str, start: int, stop: int) -> None:
    """Students ``start``..``stop`` join, vote before, hand in a rebuttal (every third) and vote after."""
    service.set_phase(key, Phase.BEFORE)
    seats = [service.seat(service.join(code, client=f"203.0.113.{i % 250}")[1]) for i in range(start, stop)]
    for i, seat in enumerate(seats, start):
        service.vote(seat, CHOICES[i % 3])
    service.set_phase(key, Phase.DEBATE)
    for i, seat in enumerate(seats, start):
        if i % 3 == 0:
            side = service.seat_state(seat).side
            assert side is not None
            service.submit(seat, "attendance", side, f"Rebuttal number {i}.")
    service.set_phase(key, Phase.AFTER)
    for i, seat in enumerate(seats, start):
        service.vote(seat, CHOICES[(i // 3) % 3], moved_by=("attendance", "costs", None)[i % 3])


def test_dashboard_statements_do_not_grow_with_the_class(
    service: ClassroomService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "_N", 2**4)  # cheap hashes: 300 joins; the hash cost is not under test
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)

    grow(service, key, info.code, 0, 30)
    small = (
        statements_of(service, lambda: service.summary(key)),
        statements_of(service, lambda: service.dashboard(key)),
    )
    grow(service, key, info.code, 30, 300)
    large = (
        statements_of(service, lambda: service.summary(key)),
        statements_of(service, lambda: service.dashboard(key)),
    )

    assert small == large
    board = service.dashboard(key)
    assert (board.joined, board.voted_before, board.voted_after, len(board.submissions)) == (
        300,
        300,
        300,
        100,
    )
    assert sum(len(names) for names in board.teams.values()) == 300


def test_counted_result_equals_the_rule_applied_to_every_vote(
    service: ClassroomService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's GROUP BY counts give the same result as rules.outcome over each student's votes."""
    monkeypatch.setattr(tokens, "_N", 2**4)
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)
    grow(service, key, info.code, 0, 40)
    polls: dict[str, dict[str, Choice]] = {"before": {}, "after": {}}
    moved: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(service.votes_csv(key))):
        polls[row["poll"]][row["student"]] = Choice(row["choice"])
        if row["poll"] == "after" and row["moved_most_by_pair"]:
            moved[row["moved_most_by_pair"]] = moved.get(row["moved_most_by_pair"], 0) + 1
    by_student = {p: {hash(s): c for s, c in votes.items()} for p, votes in polls.items()}
    expected = outcome(by_student["before"], by_student["after"])

    summary = service.summary(key)
    assert summary.outcome == expected
    assert summary.outcome.changed_vote > 0 and summary.outcome.switched_sides > 0
    assert summary.moved_most == moved and list(summary.moved_most) == sorted(moved, key=lambda p: -moved[p])
    assert service.dashboard(key).outcome == expected
