"""Concurrent sessions against the real app, through Streamlit's own WebSocket protocol.

Starts ``streamlit run app.py`` on 127.0.0.1 (a free port; never another interface), then drives N
sessions at once, each as a browser does it: GET the page (the XSRF cookie), open ``/_stcore/stream``
with the ``streamlit`` subprotocol and the XSRF token, send ``rerun_script`` BackMsgs whose query
strings and page names walk the topics, sections and pages, and read ForwardMsgs until
``script_finished``. Requests and time are both bounded. A response is complete when the run finished
successfully, produced elements, showed no exception, and produced the same number of elements every
time the same page and query were asked for. Reports sessions, requests, errors and p50/p95/p99 per
rerun, and, against a hello-world app (benchmarks/hello_app.py) started by the same run and driven by the
same sessions in alternating slices, its reruns a second and the app's ratio to them. Usage::

    .venv/bin/python benchmarks/load.py --sessions 10 --requests 40 --duration 60
    .venv/bin/python benchmarks/load.py --sessions 1 10 50     # one table row per count

Exit status 1 if any request failed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import random
import statistics
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import server  # noqa: E402
from debate_explorer.loading import load_library  # noqa: E402
from debate_explorer.pages import PAGES as PAGE_SPECS  # noqa: E402

INTERACTIVE = {"practice"}
"""Pages whose content depends on clicks rather than the URL: left out of the load run."""
PAGES = tuple(p.url_path for p in PAGE_SPECS if p.key not in INTERACTIVE)
"""URL paths of the pages driven (the default Topics page is "")."""
SECTION_PAGES = {p.url_path for p in PAGE_SPECS if p.has_sections}
REQUEST_TIMEOUT = 60.0
"""Longest wait for one rerun before it counts as an error (a hang, not a slow page)."""


@dataclass(frozen=True)
class Target:
    """One page view: a page's URL path and its query string."""

    page: str
    query: str

    def __str__(self) -> str:
        return f"/{self.page}?{self.query}"


@dataclass
class Result:
    target: Target
    seconds: float
    elements: int
    error: str | None = None
    texts: list[str] = field(default_factory=list, repr=False)
    """Markdown and alert bodies of the run (kept only when asked for, e.g. by tests)."""


@dataclass
class Report:
    sessions: int
    results: list[Result] = field(default_factory=list)
    wall: float = 0.0
    connect_errors: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        found = list(self.connect_errors)
        found += [f"{r.target}: {r.error}" for r in self.results if r.error]
        counts: dict[Target, set[int]] = defaultdict(set)
        for r in self.results:
            if not r.error:
                counts[r.target].add(r.elements)
        found += [
            f"{t}: element counts differ between runs {sorted(c)}" for t, c in counts.items() if len(c) > 1
        ]
        return found

    def percentile(self, q: float) -> float:
        times = sorted(r.seconds for r in self.results if not r.error)
        if not times:
            return float("nan")
        if len(times) == 1:
            return times[0]
        return statistics.quantiles(times, n=100, method="inclusive")[round(q) - 1]

    def row(self) -> str:
        ok = [r for r in self.results if not r.error]
        rate = len(ok) / self.wall if self.wall else 0.0
        return (
            f"| {self.sessions} | {len(self.results)} | {len(self.errors)} | {rate:.1f} | "
            f"{1000 * self.percentile(50):.0f} | {1000 * self.percentile(95):.0f} | "
            f"{1000 * self.percentile(99):.0f} | {1000 * max((r.seconds for r in ok), default=0):.0f} |"
        )


HEADER = (
    "| sessions | requests | errors | reruns/s | p50 ms | p95 ms | p99 ms | max ms |\n"
    "|---|---|---|---|---|---|---|---|"
)
HEADER_WITH_BASELINE = (
    "| sessions | requests | errors | reruns/s | p50 ms | p95 ms | p99 ms | max ms | hello-world reruns/s "
    "| ratio |\n|---|---|---|---|---|---|---|---|---|---|"
)


# ---------------------------------------------------------------- the server


def serve(
    content: Path | None, log: Path | None = None, timeout: float = 60.0
) -> contextlib.AbstractContextManager[str]:
    """Run the app on 127.0.0.1 for the duration of the block; yields its base URL."""
    env = {"DEBATE_EXPLORER_DIR": str(content)} if content is not None else {}
    return server.serve(ROOT / "app.py", env=env, log=log, timeout=timeout)


# ---------------------------------------------------------------- one session


class Session:
    """One browser tab's worth of protocol: a WebSocket and reruns read to ``script_finished``."""

    def __init__(self, url: str) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(f"{url}/", timeout=REQUEST_TIMEOUT) as response:
            response.read()
        cookies = {c.name: c.value for c in jar}
        xsrf = cookies.get("_streamlit_xsrf", "")
        host = url.removeprefix("http://")
        self.ws = websocket.create_connection(
            f"ws://{host}/_stcore/stream",
            timeout=REQUEST_TIMEOUT,
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            origin=url,
            cookie="; ".join(f"{k}={v}" for k, v in cookies.items()),
        )

    def rerun(self, target: Target, keep_text: bool = False) -> Result:
        msg = BackMsg()
        msg.rerun_script.query_string = target.query
        msg.rerun_script.page_name = target.page
        start = time.perf_counter()
        self.ws.send_binary(msg.SerializeToString())
        elements, error, texts = 0, None, []
        while True:
            data = self.ws.recv()
            if isinstance(data, str):
                return Result(target, time.perf_counter() - start, elements, "unexpected text frame")
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                elements += 1
                if keep_text:
                    texts += [element.markdown.body, element.alert.body]
                if element.WhichOneof("type") == "exception":
                    error = error or f"exception {element.exception.type}: {element.exception.message[:200]}"
            elif kind == "page_not_found":
                error = error or "page not found"
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    error = error or f"script finished with {status}"
                break
        seconds = time.perf_counter() - start
        if not error and elements == 0:
            error = "no elements"
        return Result(target, seconds, elements, error, [t for t in texts if t])

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


# ---------------------------------------------------------------- the run


def targets_for(content: Path | None) -> list[Target]:
    """Every page for every topic, and Compare for every section, from the content the app will serve."""
    folder = content or ROOT / "arguments"
    library = load_library([folder])
    out = []
    for loaded in library.topics:
        topic = loaded.topic
        for page in PAGES:
            if page in SECTION_PAGES and topic.sections:
                # Always name the section: without it the page shows the session's last section, and the
                # element count (the completeness check) would depend on what the session saw before.
                out += [Target(page, urlencode({"topic": topic.id, "section": s.id})) for s in topic.sections]
            else:
                out.append(Target(page, urlencode({"topic": topic.id})))
    if not out:
        raise SystemExit(f"no topics load from {folder}")
    return out


def drive(
    url: str, sessions: int, requests: int, duration: float, targets: Sequence[Target], seed: int = 1
) -> Report:
    """``sessions`` concurrent sessions, each sending up to ``requests`` reruns within ``duration`` s."""
    report = Report(sessions)
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    # Session i starts on page i (mod the pages), so a fresh server meets every page concurrently at once.
    openers = list({t.page: t for t in targets}.values())

    def one(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        try:
            session = Session(url)
        except Exception as exc:
            with lock:
                report.connect_errors.append(f"session {index}: cannot connect: {exc!r}")
            return
        try:
            for n in range(requests):
                if time.monotonic() > stop_at:
                    break
                target = openers[index % len(openers)] if n == 0 else rng.choice(targets)
                try:
                    result = session.rerun(target)
                except Exception as exc:
                    result = Result(target, REQUEST_TIMEOUT, 0, f"{type(exc).__name__}: {exc}")
                with lock:
                    report.results.append(result)
                if result.error and "Timeout" in result.error:
                    break
        finally:
            session.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 2 * REQUEST_TIMEOUT)
    report.wall = time.perf_counter() - start
    return report


HELLO = ROOT / "benchmarks" / "hello_app.py"
HELLO_TARGETS = (Target("", ""),)
"""The hello-world app has one page and no query: every rerun of it is the same plain rerun."""
THROUGHPUT_GOAL = 0.8
"""Reruns a second at 10 sessions, as a share of hello-world's in the same run (issue 15)."""


def rate(report: Report) -> float:
    ok = sum(1 for r in report.results if not r.error)
    return ok / report.wall if report.wall else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50], help="concurrent sessions")
    parser.add_argument("--requests", type=int, default=40, help="reruns per session at most")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds per run at most")
    parser.add_argument("--content", type=Path, help="topic folder (default: arguments/)")
    parser.add_argument("--url", help="drive an app already running at this URL instead of starting one")
    parser.add_argument("--log", type=Path, help="write the server's output here")
    parser.add_argument(
        "--cold", action="store_true", help="no warm-up: the first sessions meet a fresh server"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the hello-world app (no ratio is printed)"
    )
    parser.add_argument(
        "--slices", type=int, default=5, help="turns the app and hello-world take per row (default: 5)"
    )
    args = parser.parse_args(argv)

    targets = targets_for(args.content)
    print(f"{len(targets)} page views; up to {args.requests} reruns per session, {args.duration:.0f}s")
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(serve(args.content, args.log))
        if not args.cold:
            # One visit per page first: the first use of a page imports its modules and fills caches.
            openers = list({t.page: t for t in targets}.values())
            warm = drive(url, 1, len(openers), 60, openers)
            if warm.errors:
                print("warm-up failed:", *warm.errors[:5], sep="\n  ")
                return 1
        hello = None if args.no_baseline else stack.enter_context(server.serve(HELLO, log=None))
        if hello:
            drive(hello, 1, 5, 60, HELLO_TARGETS)  # its first run, like the app's warm-up
        print(HEADER if hello is None else HEADER_WITH_BASELINE)
        failed = False
        for count in args.sessions:
            if hello is None:
                report = drive(url, count, args.requests, args.duration, targets)
                print(report.row(), flush=True)
            else:
                # The app and hello-world take turns in short slices, so a change in the machine's load
                # (other jobs) hits both alike; each slice runs the same sessions and reruns on each.
                report, base = Report(count), Report(count)
                per = max(1, args.requests // args.slices)
                for n in range(args.slices):
                    for total, target_url, views in ((report, url, targets), (base, hello, HELLO_TARGETS)):
                        part = drive(target_url, count, per, args.duration / args.slices, views, seed=n + 1)
                        total.results += part.results
                        total.connect_errors += part.connect_errors
                        total.wall += part.wall
                ratio = rate(report) / rate(base) if rate(base) else float("nan")
                print(f"{report.row()} {rate(base):.1f} | {ratio:.2f}x |", flush=True)
                for problem in base.errors[:10]:
                    print(f"  hello-world error: {problem}")
                failed = failed or bool(base.errors)
            for problem in report.errors[:10]:
                print(f"  error: {problem}")
            failed = failed or bool(report.errors)
        if hello is not None:
            print(f"goal: at 10 sessions, at least {THROUGHPUT_GOAL}x hello-world's reruns a second")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
