"""A vote or a rebuttal is acknowledged at about the cost of a plain rerun of the page (issue 15).

Counted in SQL statements (SQLAlchemy's ``before_cursor_execute`` on every engine), never timed: the click's
run may add its one write, but must not read the seat again after its own transaction has read it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from sqlalchemy import event
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from debate_explorer.classroom import Choice, ClassroomService, Phase
from tests.classroom import test_page
from tests.classroom.test_page import Open, button, everything

# The page tests' fixtures (a SQLite database for the app and the service beside it).
db_url, service, open_class = test_page.db_url, test_page.service, test_page.open_class


@contextlib.contextmanager
def counting() -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def cost(action: Callable[[], AppTest]) -> int:
    with counting() as statements:
        at = action()
    assert not at.exception, [e.value for e in at.exception]
    return len(statements)


def test_a_vote_costs_a_plain_rerun_plus_its_write(open_class: Open, service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    student = open_class(**{"class": info.code})
    button(student, "Join").click().run()
    plain = cost(student.run)
    for choice in (Choice.FOR, Choice.AGAINST):
        student.radio(key="class.vote.before").set_value(choice)
        assert cost(button(student, "Save my vote").click().run) <= plain + 1
        assert "Vote saved" in everything(student)
    assert service.dashboard(service.owner_key(info.code)).outcome.before.counts[Choice.AGAINST] == 1


def test_a_rebuttal_costs_a_plain_rerun_plus_its_write(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    service.set_phase(service.teacher(info.code, secret), Phase.DEBATE)
    student = open_class(**{"class": info.code})
    button(student, "Join").click().run()
    plain = cost(student.run)
    student.text_area[0].input("They say X. But Y, because Z. Therefore W.")
    assert cost(button(student, "Hand in to your teacher").click().run) <= plain + 1
    assert "Handed in" in everything(student) and "My rebuttals (1)" in [e.label for e in student.expander]
    assert len(service.dashboard(service.owner_key(info.code)).submissions) == 1
