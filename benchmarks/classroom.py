"""Classroom speed through AppTest: a vote's and a rebuttal's acknowledgement against a plain rerun of the
same page, and the teacher's dashboard refresh at 30 and at 300 students.

Uses the real Classroom page (``views/app.py`` in Streamlit's AppTest, the same script a browser gets) on a
fresh SQLite database in a temporary folder, or on ``--database-url`` (e.g. a PostgreSQL URL). Rounds
alternate the plain rerun and the click, so drift hits both alike; medians are printed with the ratio.
Also counts the SQL statements of each (SQLAlchemy's ``before_cursor_execute``), which do not drift.
Usage::

    .venv/bin/python benchmarks/classroom.py [--rounds 15] [--database-url URL]

Seat tokens are hashed with a cheaper scrypt setting here, so that 300 students join in seconds; the hash
cost is paid once per session on the real page and is not what is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from debate_explorer.classroom import Choice, ClassroomService, Phase, db, tokens  # noqa: E402
from debate_explorer.config import CONTENT_DIR_ENV  # noqa: E402
from debate_explorer.pages import page  # noqa: E402

ACK_GOAL = 1.5
_statements = [0]


def _count(*_args: object) -> None:
    _statements[0] += 1


@contextlib.contextmanager
def measured(times: list[float], counts: list[int]) -> Iterator[None]:
    before = _statements[0]
    start = time.perf_counter()
    yield
    times.append(time.perf_counter() - start)
    counts.append(_statements[0] - before)


def open_page(**query: str):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(str(page("classroom").path))
    at.query_params.update(query)
    for _ in range(3):  # warm: imports, the cached service and library, the seat check
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def compare(rounds: int, plain: Callable[[], None], click: Callable[[], None]) -> tuple[list[float], ...]:
    plain_t: list[float] = []
    click_t: list[float] = []
    plain_n: list[int] = []
    click_n: list[int] = []
    for _ in range(rounds):
        with measured(plain_t, plain_n):
            plain()
        with measured(click_t, click_n):
            click()
    return plain_t, click_t, [float(n) for n in plain_n], [float(n) for n in click_n]


def ms(values: list[float]) -> str:
    return f"{1000 * statistics.median(values):.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="measured rounds of each (medians)")
    parser.add_argument("--database-url", help="database to use (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    tokens._N = 2**4  # see the module docstring
    event.listen(Engine, "before_cursor_execute", _count)

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'classroom.db'}"
        os.environ[db.DATABASE_URL_ENV] = url
        os.environ.setdefault(CONTENT_DIR_ENV, str(ROOT / "arguments"))
        from debate_explorer.views.library import library

        topic = library().topics[0].topic
        engine = db.make_engine(url)
        db.upgrade(engine)
        service = ClassroomService(engine)
        info, secret = service.create_class(topic.id)
        key = service.teacher(info.code, secret)
        _, token = service.join(info.code, client="192.0.2.1")
        seat = service.seat(token)
        student = open_page(**{"class": info.code, "seat": token})
        print(f"database: {engine.dialect.name}; topic {topic.id}; {args.rounds} rounds, medians")
        print("| action | plain rerun ms | action ms | ratio | SQL statements plain / action |")
        print("|---|---:|---:|---:|---:|")

        picks = [Choice.FOR, Choice.AGAINST]
        n = [0]

        def vote() -> None:
            n[0] += 1
            student.radio(key="class.vote.before").set_value(picks[n[0] % 2])
            student.button(key="class.cast.before").click().run()
            assert not student.exception and student.success, "the vote was not acknowledged"

        plain_t, vote_t, plain_n, vote_n = compare(args.rounds, student.run, vote)
        ratio = statistics.median(vote_t) / statistics.median(plain_t)
        print(
            f"| vote | {ms(plain_t)} | {ms(vote_t)} | {ratio:.2f}x | "
            f"{statistics.median(plain_n):.0f} / {statistics.median(vote_n):.0f} |"
        )
        results = [ratio]

        service.set_phase(key, Phase.DEBATE)
        student.run()
        side = service.seat_state(seat).side
        pair_key = student.selectbox(key="class.pair").value
        draft = f"class.draft.{pair_key}.{side.value if side else 'supporter'}"

        def submit() -> None:
            n[0] += 1
            student.text_area(key=draft).input(f"They say X. But Y, because Z ({n[0]}).")
            student.button(key="class.submit").click().run()
            assert not student.exception and student.success, "the rebuttal was not acknowledged"

        plain_t, sub_t, plain_n, sub_n = compare(args.rounds, student.run, submit)
        ratio = statistics.median(sub_t) / statistics.median(plain_t)
        print(
            f"| rebuttal | {ms(plain_t)} | {ms(sub_t)} | {ratio:.2f}x | "
            f"{statistics.median(plain_n):.0f} / {statistics.median(sub_n):.0f} |"
        )
        results.append(ratio)
        print(f"goal: an acknowledgement within {ACK_GOAL}x a plain rerun of the same page")

        # The teacher's dashboard as the class grows.
        service.set_phase(key, Phase.BEFORE)
        teacher = open_page(**{"class": info.code, "teacher": secret})
        print()
        print("| students | dashboard page rerun ms | live refresh (summary) ms | SQL page / refresh |")
        print("|---:|---:|---:|---:|")
        joined = 1
        for size in (30, 300):
            for i in range(joined, size):
                _, t = service.join(info.code, client=f"192.0.2.{i % 250}")
                s = service.seat(t)
                service.vote(s, list(Choice)[i % 3])
            joined = size
            page_t: list[float] = []
            page_n: list[int] = []
            live_t: list[float] = []
            live_n: list[int] = []
            for _ in range(args.rounds):
                with measured(page_t, page_n):
                    teacher.run()
                with measured(live_t, live_n):
                    getattr(service, "summary", service.dashboard)(key)  # (before issue 15: dashboard)
            assert not teacher.exception, [e.value for e in teacher.exception]
            print(
                f"| {size} | {ms(page_t)} | {ms(live_t)} | "
                f"{statistics.median(page_n):.0f} / {statistics.median(live_n):.0f} |"
            )
        engine.dispose()
    return 0 if all(r <= ACK_GOAL for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
