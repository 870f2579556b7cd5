"""The Classroom page through AppTest: a teacher and students in separate sessions, every phase, bad input."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer.classroom import ClassroomService, Phase, db
from debate_explorer.classroom.rules import MAX_SUBMISSION
from debate_explorer.config import CONTENT_DIR_ENV
from tests.conftest import TOPICS, OpenApp

Open = Callable[..., AppTest]


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'page.db'}"
    monkeypatch.setenv(db.DATABASE_URL_ENV, url)
    monkeypatch.setenv(CONTENT_DIR_ENV, str(TOPICS))
    return url


@pytest.fixture
def service(db_url: str) -> ClassroomService:
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    return ClassroomService(engine)


@pytest.fixture
def open_class(db_url: str, open_app: OpenApp) -> Open:
    """``open_class(**query)``: a fresh browser session on the Classroom page with those query parameters."""
    return lambda **query: open_app("classroom", content=TOPICS, **query)


def everything(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [n.value for n in (*at.info, *at.error, *at.warning, *at.success)]
    parts += [s.value for s in (*at.header, *at.subheader)] + [m.label for m in at.metric]  # h2 and h3
    return "\n".join(parts)


def button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    matches = [b for b in at.button if label in b.label]
    assert matches, f"no button with {label!r}: {[b.label for b in at.button]}"
    return matches[0]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_landing_shows_join_and_start(open_class: Open) -> None:
    at = open_class()
    text = everything(at)
    assert "Join a class debate" in text and "Start a class debate" in text
    assert [t.label for t in at.text_input][:1] == ["Class code"]


def test_a_class_from_start_to_results(open_class: Open, service: ClassroomService) -> None:
    teacher = open_class()
    teacher.selectbox(key="class.section").set_value("learning")
    teacher.checkbox(key="class.nick").check()
    button(teacher, "Start the class debate").click().run()
    assert not teacher.exception
    code, secret = teacher.query_params["class"], teacher.query_params["teacher"]
    code = code[0] if isinstance(code, list) else code
    secret = secret[0] if isinstance(secret, list) else secret
    text = everything(teacher)
    assert f"Join code: **{code}**" in text and "Save your private teacher link now" in text
    assert metric(teacher, "Joined") == "0"

    students = []
    for nickname in ("Ada", "Grace", ""):
        student = open_class(**{"class": code})
        student.text_input(key="class.nickname").input(nickname)
        button(student, "Join").click().run()
        assert not student.exception
        assert "seat" in student.query_params
        students.append(student)
    assert "You are **Ada**" in everything(students[0])

    for student, choice in zip(students, ["for", "against", "undecided"], strict=True):
        student.radio(key="class.vote.before").set_value(choice)
        button(student, "Save my vote").click().run()
        assert "Your vote" in everything(student)

    teacher.run()
    assert (metric(teacher, "Joined"), metric(teacher, "Voted before")) == ("3", "3")
    button(teacher, "Read and debate").click().run()
    assert not teacher.exception

    first = students[0]
    first.run()
    assert "Read, then write a rebuttal" in everything(first)
    first.text_area(key=next(t.key for t in first.text_area)).input("They say X. But Y, because Z.")
    button(first, "Hand in to your teacher").click().run()
    assert "Handed in" in everything(first)

    button(teacher, "Vote after").click().run()
    for student, choice in zip(students, ["for", "for", "for"], strict=True):
        student.run()
        student.radio(key="class.vote.after").set_value(choice)
        button(student, "Save my vote").click().run()
    button(teacher, "Results").click().run()
    text = everything(teacher)
    assert metric(teacher, "Voted after") == "3"
    assert "wins" in text and "For" in text
    assert any("They say X" in str(df.value) for df in teacher.dataframe)

    students[1].run()
    assert "wins" in everything(students[1])
    votes_csv = service.votes_csv(service.owner_key(code))
    assert votes_csv.count("\n") == 1 + 6


def test_unknown_code_is_a_clear_message(open_class: Open) -> None:
    at = open_class(**{"class": "ZZZZZZ"})
    button(at, "Join").click().run()
    assert not at.exception
    assert "no open class with that code" in everything(at)


def test_tampered_seat_and_teacher_links(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    for query in (
        {"class": info.code, "seat": "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
        {"class": info.code, "seat": "<script>alert(1)</script>"},
        {"class": info.code, "teacher": secret[:-2] + "xx"},
        {"class": "NOPE", "teacher": secret},
    ):
        at = open_class(**query)
        assert not at.exception
        assert "not valid any more" in everything(at) or "no open class" in everything(at)
        assert "dashboard" not in everything(at)


def test_a_vote_in_the_wrong_phase_is_refused_kindly(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    student = open_class(**{"class": info.code})
    button(student, "Join").click().run()
    student.radio(key="class.vote.before").set_value("for")
    service.set_phase(service.teacher(info.code, secret), Phase.DEBATE)  # the teacher moves on meanwhile
    button(student, "Save my vote").click().run()
    assert not student.exception
    assert "Voting is not open right now" in everything(student)
    assert (
        service.seat_state(
            service.seat(
                str(student.query_params["seat"])
                if isinstance(student.query_params["seat"], str)
                else student.query_params["seat"][0]
            )
        ).votes
        == {}
    )


def test_rebuttals_are_capped_and_the_page_says_so(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    service.set_phase(service.teacher(info.code, secret), Phase.DEBATE)
    student = open_class(**{"class": info.code})
    button(student, "Join").click().run()
    area = student.text_area[0]
    assert area.proto.max_chars == MAX_SUBMISSION  # the browser stops typing there; the service refuses more
    assert f"up to {MAX_SUBMISSION:,} characters" in everything(student)
    button(student, "Hand in to your teacher").click().run()  # empty
    assert "Write your rebuttal before handing it in" in everything(student)


def test_a_closed_class_takes_no_joins(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    service.close(service.teacher(info.code, secret))
    at = open_class(**{"class": info.code})
    button(at, "Join").click().run()
    assert "closed" in everything(at)


def test_student_text_stays_text(open_class: Open, service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic", allow_nicknames=True)
    service.set_phase(service.teacher(info.code, secret), Phase.DEBATE)
    student = open_class(**{"class": info.code})
    student.text_input(key="class.nickname").input("[x](javascript:alert(1))")
    button(student, "Join").click().run()
    student.text_area[0].input("<img src=x onerror=alert(1)> [link](data:text/html,hi)")
    button(student, "Hand in to your teacher").click().run()
    shown = everything(student)
    assert "](javascript:" not in shown and "](data:" not in shown
    assert re.search(r"(?<!\\)<img", shown) is None  # shown escaped (``\<img``, literal text), never as a tag


def test_database_down_gives_a_retry_and_reading_pages_still_work(
    monkeypatch: pytest.MonkeyPatch, db_url: str, open_app: OpenApp
) -> None:
    monkeypatch.setenv(db.DATABASE_URL_ENV, "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    open_app("topics")  # the reading pages do not need the database
    at = open_app("classroom")
    assert "cannot be reached right now" in everything(at)
    assert any(b.label == "Try again" for b in at.button)
    assert "postgresql" not in everything(at) and "nobody" not in everything(at)


def test_join_from_the_topics_page(open_app: OpenApp, service: ClassroomService) -> None:
    info, _ = service.create_class("sample-topic")
    at = open_app("topics", content=TOPICS)
    box = next(t for t in at.text_input if "class debate" in t.label)
    box.input("nope!")
    button(at, "Go to the class").click().run()
    assert "6 letters and digits" in everything(at)
    box = next(t for t in at.text_input if "class debate" in t.label)
    box.input(info.code.lower())
    button(at, "Go to the class").click().run()
    assert not at.exception
    assert at.text_input(key="class.code").value == info.code  # the Classroom page, code filled in
