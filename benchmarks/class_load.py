"""A class under load through the balancer: simulated students join one class, vote, hand in, vote again.

Starts a throwaway PostgreSQL cluster (``.ci/postgres``), N app replicas behind nginx (``deploy/replicas.py``)
and drives S students at once, each as a browser does it through nginx: a cookie jar (nginx's route cookie,
Streamlit's XSRF cookie), a WebSocket on ``/_stcore/stream`` and ``rerun_script`` BackMsgs carrying widget
states (the join form, the vote radio and button, the rebuttal text and button). The teacher moves the class
through its phases. Faults, both on by default:

- **kill**: when half the students have handed in, one replica is killed (SIGKILL, not restarted). Its
  students' sockets drop; they reconnect through nginx (which sends them to the other replica), reopen their
  seat from the seat token in their URL, look at what the page says they have done, and carry on.
- **outage**: before the vote after, PostgreSQL is stopped for ``--outage`` seconds. Some students read
  Compare (must work) and try to vote (must fail with the clear message); after it returns, everyone votes.

Then every vote and rebuttal must be stored exactly once, the teacher's dashboard (read through nginx) must
show the database's counts, and no session may have seen an exception. Usage::

    .venv/bin/python benchmarks/class_load.py --students 300 --replicas 2

Exit status 1 if any check failed. The test suite runs a bounded version (tests/test_scale_out.py).
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import websocket
from sqlalchemy import text
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from debate_explorer.classroom import ClassroomService, DatabaseUnavailable, Phase, db  # noqa: E402
from deploy.replicas import Cluster, free_port  # noqa: E402

TIMEOUT = 60.0
"""Longest wait for one rerun, or for a lost replica's student to get back in (``--timeout``)."""
DB_MESSAGE = str(DatabaseUnavailable())
LOG_LINE = re.compile(
    r'\] (?P<msec>[\d.]+) "\S+ (?P<path>\S+) [^"]*" \d+ \d+ (?P<seconds>[\d.]+) "(?P<upstream>[^"]*)"$'
)
"""One line of deploy/nginx/debate-explorer.conf's access log format."""
DISCONNECTS = (websocket.WebSocketException, OSError, ConnectionError)


# ---------------------------------------------------------------- PostgreSQL


@contextlib.contextmanager
def postgres() -> Iterator[Postgres]:
    """A private PostgreSQL cluster on a free loopback port (``.ci/postgres``), removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="debate-explorer-pg-"))  # under /tmp: the postgres user reaches it
    cluster = Postgres(folder, free_port())
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Postgres:
    folder: Path
    port: int
    url: str = ""

    def start(self) -> None:
        done = subprocess.run(
            [str(ROOT / ".ci" / "postgres"), "start", str(self.folder), str(self.port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()[-500:]}")
        self.url = done.stdout.strip()

    def stop(self) -> None:
        subprocess.run([str(ROOT / ".ci" / "postgres"), "stop", str(self.folder)], timeout=120, check=False)


# ---------------------------------------------------------------- one browser tab


@dataclass
class Run:
    """What one rerun sent back."""

    elements: list = field(default_factory=list)  # Element protos
    expanders: list[str] = field(default_factory=list)
    query: str | None = None
    """The query string the page switched to (st.query_params changes), if it did."""
    exceptions: list[str] = field(default_factory=list)
    status: str = ""

    @property
    def texts(self) -> list[str]:
        out = []
        for element in self.elements:
            kind = element.WhichOneof("type")
            if kind == "markdown":
                out.append(element.markdown.body)
            elif kind == "alert":
                out.append(element.alert.body)
        return out

    def said(self, words: str) -> bool:
        """Whether a text on the page says ``words`` (Markdown escapes removed)."""
        return any(words in t.replace("\\", "") for t in self.texts)

    def widget(self, key: str) -> object | None:
        """The widget whose user key is ``key`` (or starts with ``key`` when it ends with a dot)."""
        for element in self.elements:
            kind = element.WhichOneof("type")
            proto = getattr(element, kind) if kind else None
            wid = getattr(proto, "id", "")
            if isinstance(wid, str) and wid.startswith("$$ID-"):
                user_key = wid.split("-", 2)[2]
                if user_key == key or (key.endswith(".") and user_key.startswith(key)):
                    return proto
        return None

    def button(self, label: str) -> object | None:
        for element in self.elements:
            if element.WhichOneof("type") == "button" and element.button.label == label:
                return element.button
        return None

    def metrics(self) -> dict[str, str]:
        return {e.metric.label: e.metric.body for e in self.elements if e.WhichOneof("type") == "metric"}


class Browser:
    """One tab through nginx: its cookies (nginx's route, Streamlit's XSRF) and one WebSocket."""

    def __init__(
        self, base: str, jar: http.cookiejar.CookieJar | None = None, timeout: float = TIMEOUT
    ) -> None:
        self.base = base
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        with opener.open(f"{base}/", timeout=timeout) as response:
            response.read()
        cookies = {c.name: c.value for c in self.jar}
        xsrf = cookies.get("_streamlit_xsrf", "")
        self.ws = websocket.create_connection(
            f"ws://{base.removeprefix('http://')}/_stcore/stream",
            timeout=timeout,
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            origin=base,
            cookie="; ".join(f"{k}={v}" for k, v in cookies.items()),
        )

    def run(self, page: str, query: str, widgets: Sequence[tuple[str, str, object]] = ()) -> Run:
        """Rerun ``page`` with ``query`` and widget states ``(id, field, value)``; read to the end."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        for wid, kind, value in widgets:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = wid
            setattr(state, kind, value)
        self.ws.send_binary(msg.SerializeToString())
        result = Run()
        while True:
            data = self.ws.recv()
            if not isinstance(data, bytes):
                raise ConnectionError("unexpected frame")
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                delta = fwd.delta
                if delta.WhichOneof("type") == "new_element":
                    element = delta.new_element
                    result.elements.append(element)
                    if element.WhichOneof("type") == "exception":
                        result.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                elif (
                    delta.WhichOneof("type") == "add_block"
                    and delta.add_block.WhichOneof("type") == "expandable"
                ):
                    result.expanders.append(delta.add_block.expandable.label)
            elif kind == "page_info_changed":
                result.query = fwd.page_info_changed.query_string
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    result.elements, result.expanders = [], []  # st.rerun(): the next run is the page
                    continue
                result.status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                return result

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


# ---------------------------------------------------------------- one student


class Lost(Exception):
    """A student could not get back in within TIMEOUT."""


@dataclass
class Student:
    base: str
    code: str
    index: int
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    browser: Browser | None = None
    query: str = ""
    reconnects: int = 0
    exceptions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Messages a student should not have seen (neither the outage's nor a success)."""
    timeout: float = TIMEOUT
    db_messages: int = 0
    busy: int = 0
    """Times the page said "try again" outside the outage (an overloaded replica) and the student did."""
    last: Run | None = None
    """The seat page as last shown (its widgets are the ones the server knows for this session)."""

    def _run(self, page: str, query: str, widgets: Sequence[tuple[str, str, object]] = ()) -> Run:
        if self.browser is None:
            self.browser = self._connect()
        result = self.browser.run(page, query, widgets)
        self.exceptions += result.exceptions
        self.exceptions += [t for t in result.texts if "Traceback" in t]
        return result

    def _connect(self) -> Browser:
        """A new tab with the same cookies (a browser's reconnect); retried while a replica is going away."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return Browser(self.base, self.jar, self.timeout)
            except DISCONNECTS:
                if time.monotonic() > deadline:
                    raise Lost(f"student {self.index} could not reconnect") from None
                time.sleep(0.2)

    def _dropped(self) -> None:
        if self.browser is not None:
            self.browser.close()
        self.browser = None
        self.reconnects += 1

    def seat(self) -> Run:
        """The student's own page (after a drop: a new session resumes the seat from the URL's token)."""
        while True:
            try:
                self.last = self._run("classroom", self.query)
                return self.last
            except DISCONNECTS:
                self._dropped()

    def join(self) -> None:
        self.query = f"class={self.code}"
        form = self._run("classroom", self.query)
        code, go = form.widget("class.code"), form.button("Join")
        if code is None or go is None:
            raise Lost(f"student {self.index}: no join form")
        while True:
            typed = [(code.id, "string_value", self.code), (go.id, "trigger_value", True)]
            joined = self._run("classroom", self.query, typed)
            if joined.query and "seat" in parse_qs(joined.query):
                self.query = joined.query
                return
            if not joined.said(DB_MESSAGE) or self.busy >= 10:
                raise Lost(f"student {self.index}: join failed: {joined.exceptions[:1]} {joined.texts[:3]}")
            self.busy += 1  # "try again in a moment" (an overloaded replica): the student presses Join again

    def vote(self, poll: str, pick: int, expect_outage: bool = False) -> bool:
        """Vote until the page confirms it (a dropped socket: reconnect and look again). False on a DB fault.

        During an outage the click is made on the form already on the screen (``last``): the page cannot be
        redrawn without the database.
        """
        while True:
            try:
                page = self.last if expect_outage and self.last else self.seat()
                radio, cast = page.widget(f"class.vote.{poll}"), page.widget(f"class.cast.{poll}")
                if radio is None or cast is None:
                    self.problems.append(f"no {poll} vote on the page: {page.texts[:3]}")
                    return False
                label = radio.options[pick]
                done = self._run(
                    "classroom",
                    self.query,
                    [(radio.id, "string_value", label), (cast.id, "trigger_value", True)],
                )
            except DISCONNECTS:
                self._dropped()
                continue
            if done.said(DB_MESSAGE) and not expect_outage and self.busy < 10:
                self.busy += 1  # "try again in a moment" from an overloaded replica: the student does
                continue
            if done.said(DB_MESSAGE):
                self.db_messages += 1
                if not expect_outage:
                    self.problems.append("database message outside the outage, 10 times")
                return False
            if done.said("Vote saved.") and done.said(f"Your vote: **{label}**"):
                return True
            self.problems.append(f"vote {poll} not confirmed: {done.texts[:4]}")
            return False

    def submit(self, words: str) -> bool:
        """Hand in one rebuttal, exactly once: after a drop, the page's "My rebuttals" tells if it arrived."""
        while True:
            try:
                page = self.seat()
                if any(label.startswith("My rebuttals (1)") for label in page.expanders):
                    return True  # stored before the socket dropped
                draft, send = page.widget("class.draft."), page.widget("class.submit")
                if draft is None or send is None:
                    self.problems.append(f"no rebuttal form: {page.texts[:3]}")
                    return False
                done = self._run(
                    "classroom",
                    self.query,
                    [(draft.id, "string_value", words), (send.id, "trigger_value", True)],
                )
            except DISCONNECTS:
                self._dropped()
                continue
            if done.said("Handed in."):
                return True
            if done.said(DB_MESSAGE) and self.busy < 10:
                self.busy += 1  # nothing was stored ("Nothing you entered was lost"): hand in again
                continue
            self.problems.append(f"rebuttal not confirmed: {done.texts[:4]}")
            return False

    def read(self, page: str, query: str) -> Run:
        while True:
            try:
                return self._run(page, query)
            except DISCONNECTS:
                self._dropped()

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()


# ---------------------------------------------------------------- the class


@dataclass
class Report:
    students: int
    replicas: int
    reconnects: int = 0
    lost_students: int = 0
    exceptions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    dashboard: dict[str, str] = field(default_factory=dict)
    busy: int = 0
    killed_port: int | None = None
    killed_at: float | None = None
    """When (epoch seconds) the replica on ``killed_port`` was killed."""
    outage_reads_ok: int = 0
    outage_reads: int = 0
    outage_write_messages: int = 0
    outage_writes: int = 0
    phases: dict[str, float] = field(default_factory=dict)

    def failures(self) -> list[str]:
        n = self.students
        out = [f"exception: {e}" for e in self.exceptions[:5]] + [f"problem: {p}" for p in self.problems[:5]]
        want = {"students": n, "votes before": n, "rebuttals": n, "votes after": n}
        out += [
            f"stored {k}: {self.stored.get(k)} (want {v})" for k, v in want.items() if self.stored.get(k) != v
        ]
        out += [f"duplicate {k}: {v}" for k, v in self.duplicates.items() if v]
        board = {"Joined": "students", "Voted before": "votes before", "Voted after": "votes after"}
        out += [
            f"dashboard {k} = {self.dashboard.get(k)}, database {self.stored.get(v)}"
            for k, v in board.items()
            if self.dashboard.get(k) != str(self.stored.get(v))
        ]
        if self.outage_reads != self.outage_reads_ok:
            out.append(f"reading during the outage: {self.outage_reads_ok}/{self.outage_reads} pages worked")
        if self.outage_write_messages != self.outage_writes:
            out.append(f"writes during the outage: {self.outage_write_messages}/{self.outage_writes} said so")
        return out


def everyone(students: Sequence[Student], job: Callable[[Student], object], workers: int) -> list[object]:
    """Run ``job`` for every student at once; one who cannot go on is a problem, not the end of the run."""

    def guarded(student: Student) -> object:
        try:
            return job(student)
        except Exception as exc:
            student.problems.append(f"{type(exc).__name__}: {exc}"[:300])
            return None

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(guarded, students))


def stored_counts(url: str, debate_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """What the database holds for the class, and how many rows are duplicates of another."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:

            def one(sql: str) -> int:
                return int(conn.execute(text(sql), {"d": debate_id}).scalar() or 0)

            stored = {
                "students": one("SELECT count(*) FROM students WHERE debate_id = :d"),
                "votes before": one("SELECT count(*) FROM votes WHERE debate_id = :d AND phase = 'before'"),
                "votes after": one("SELECT count(*) FROM votes WHERE debate_id = :d AND phase = 'after'"),
                "rebuttals": one("SELECT count(*) FROM submissions WHERE debate_id = :d"),
            }
            duplicates = {
                "rebuttals": one(
                    "SELECT count(*) - count(DISTINCT student_id) FROM submissions WHERE debate_id = :d"
                ),
                "votes": one(
                    "SELECT count(*) - count(DISTINCT (student_id, phase)) FROM votes WHERE debate_id = :d"
                ),
            }
    finally:
        engine.dispose()
    return stored, duplicates


def class_run(
    cluster: Cluster,
    pg: Postgres,
    students: int,
    topic_id: str,
    *,
    kill: bool = True,
    outage: float = 10.0,
    outage_students: int = 3,
    workers: int | None = None,
    timeout: float = TIMEOUT,
) -> Report:
    """One class through ``cluster``'s nginx (see the module docstring); returns what was seen and stored."""
    report = Report(students, cluster.replicas)
    workers = workers or students
    engine = db.make_engine(pg.url)
    service = ClassroomService(engine)
    info, secret = service.create_class(topic_id, None, title="Load test")
    teacher = service.teacher(info.code, secret)
    debate_id = teacher.debate_id
    class_ = [Student(cluster.url, info.code, i, timeout=timeout) for i in range(students)]

    def timed(name: str, job: Callable[[Student], object]) -> list[object]:
        start = time.perf_counter()
        results = everyone(class_, job, workers)
        report.phases[name] = time.perf_counter() - start
        return results

    try:
        timed("join", lambda s: s.join())
        timed("vote before", lambda s: s.vote("before", s.index % 3))

        service.set_phase(teacher, Phase.DEBATE)
        handed = [0]
        lock = threading.Lock()

        def hand_in(s: Student) -> bool:
            ok = s.submit(f"Rebuttal {s.index}: the evidence cited does not show what the claim says.")
            with lock:
                handed[0] += 1
                if kill and handed[0] == students // 2:
                    cluster.kill(0)  # in the middle: half have handed in, the others are at it
                    report.killed_port, report.killed_at = cluster.members[0].port, time.time()
            return ok

        timed("rebuttal (replica killed midway)" if kill else "rebuttal", hand_in)
        service.set_phase(teacher, Phase.AFTER)

        if outage > 0:
            few = class_[:outage_students]
            for s in few:
                s.seat()  # the vote form is on their screens when the database goes away
            pg.stop()
            try:
                stop_at = time.monotonic() + outage
                for s in few:
                    report.outage_writes += 1
                    s.vote("after", (s.index + 1) % 3, expect_outage=True)
                    report.outage_write_messages += s.db_messages
                    report.outage_reads += 1
                    page = s.read("compare", f"topic={topic_id}")
                    report.outage_reads_ok += bool(page.elements) and page.status == "FINISHED_SUCCESSFULLY"
                while time.monotonic() < stop_at:  # keep the database down for the whole outage
                    time.sleep(0.2)
            finally:
                pg.start()

        timed("vote after", lambda s: s.vote("after", (s.index + 1) % 3))

        board = Student(cluster.url, info.code, -1)
        report.dashboard = board.read("classroom", f"class={info.code}&teacher={secret}").metrics()
        board.close()
    finally:
        for s in class_:
            s.close()
        engine.dispose()

    report.stored, report.duplicates = stored_counts(pg.url, debate_id)
    report.reconnects = sum(s.reconnects for s in class_)
    report.lost_students = sum(bool(s.reconnects) for s in class_)
    report.exceptions = [e for s in class_ for e in s.exceptions]
    report.problems = [f"student {s.index}: {p}" for s in class_ for p in s.problems]
    report.busy = sum(s.busy for s in class_)
    return report


def streams(access_log: Path, report: Report) -> tuple[int, int]:
    """WebSockets nginx opened to the killed replica before and after the kill (from its access log).

    A log line is written when the socket closes; ``$msec - $request_time`` is when it was opened, and the
    last address of ``$upstream_addr`` the replica that served it (earlier ones refused the connection).
    """
    before = after = 0
    for line in access_log.read_text().splitlines():
        found = LOG_LINE.search(line)
        if report.killed_at is None or not found or found["path"] != "/_stcore/stream":
            continue
        opened = float(found["msec"]) - float(found["seconds"])
        served = found["upstream"].split(", ")[-1]
        if served.endswith(f":{report.killed_port}"):
            before += opened < report.killed_at
            after += opened > report.killed_at + 1  # the replica may finish opening one as it is killed
    return before, after


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--outage", type=float, default=10.0, help="seconds PostgreSQL is down (0: none)")
    parser.add_argument("--no-kill", action="store_true", help="do not kill a replica")
    parser.add_argument("--topic", default="universal-basic-income", help="topic id")
    parser.add_argument(
        "--acting", type=int, default=50, help="students acting at the same moment (all stay connected)"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="longest wait for one page (seconds)")
    parser.add_argument("--run-dir", type=Path, help="keep logs here (default: a temporary folder)")
    args = parser.parse_args(argv)
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="debate-explorer-class-"))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with (
        postgres() as pg,
        Cluster(
            replicas=args.replicas,
            database_url=pg.url,
            run_dir=run_dir,
            nginx_port=free_port(),
            supervise=False,
        ) as cluster,
    ):
        report = class_run(
            cluster,
            pg,
            args.students,
            args.topic,
            kill=not args.no_kill,
            outage=args.outage,
            workers=args.acting,
            timeout=args.timeout,
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| phase | seconds |\n|---|---|")
    for name, seconds in report.phases.items():
        print(f"| {name} | {seconds:.1f} |")
    print(
        f"\nstudents {args.students}, replicas {args.replicas}; stored {report.stored}; "
        f"duplicates {report.duplicates}; dashboard {report.dashboard}"
    )
    print(f"reconnected (the kill, idle sockets closed): {report.lost_students} ({report.reconnects})")
    print(
        f"outage: {report.outage_reads_ok}/{report.outage_reads} Compare pages read, "
        f"{report.outage_write_messages}/{report.outage_writes} votes refused with the database message"
    )
    before, after = streams(cluster.run_dir / "access.log", report)
    print(f"WebSockets to the killed replica before the kill: {before}; after it: {after}")
    print(f"'try again' answers under load, and the student tried again: {report.busy}")
    print(f"students with a problem: {len({p.split(':')[0] for p in report.problems})}")
    failures = report.failures()
    for failure in failures:
        print(f"FAILED {failure}")
    print("all checks passed" if not failures else f"{len(failures)} check(s) failed; logs in {run_dir}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
