"""Fifty students voting at the same moment leave exactly fifty votes, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from debate_explorer.classroom import Choice, ClassroomService, SeatKey

STUDENTS = 50


def vote_together(service: ClassroomService, seats: list[SeatKey], choice: Choice) -> list[BaseException]:
    """Every seat votes at once (released by one barrier); returns the errors, if any."""
    barrier = threading.Barrier(len(seats))
    errors: list[BaseException] = []

    def vote(seat: SeatKey) -> None:
        barrier.wait()
        try:
            service.vote(seat, choice)
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    with ThreadPoolExecutor(max_workers=len(seats)) as pool:
        list(pool.map(vote, seats))
    return errors


def test_fifty_votes_at_once_then_fifty_changes_of_mind(service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    seats = [service.seat(service.join(info.code, client=f"198.51.100.{i}")[1]) for i in range(STUDENTS)]

    assert vote_together(service, seats, Choice.FOR) == []
    board = service.dashboard(service.owner_key(info.code))
    assert board.voted_before == STUDENTS
    assert board.outcome.before.counts[Choice.FOR] == STUDENTS

    assert vote_together(service, seats, Choice.AGAINST) == []
    board = service.dashboard(service.owner_key(info.code))
    assert board.voted_before == STUDENTS
    assert board.outcome.before.counts == {Choice.FOR: 0, Choice.AGAINST: STUDENTS, Choice.UNDECIDED: 0}
    with service.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM votes").scalar() == STUDENTS
