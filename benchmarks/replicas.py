"""Reruns a second through nginx with 1, then 2 (or more) app replicas sharing one PostgreSQL database.

Starts a throwaway PostgreSQL cluster (``.ci/postgres``); for each replica count, starts that many app
processes and nginx with the shipped configuration (``deploy/replicas.py``), warms every page on every
replica, then drives the same concurrent WebSocket sessions as ``benchmarks/load.py`` through nginx (each
session gets its own route cookie, so sessions spread over the replicas). Prints one table row per count and
the ratio to one replica, with the load average (the machine may be shared). Usage::

    .venv/bin/python benchmarks/replicas.py --replicas 1 2 --sessions 20 --duration 60

Exit status 1 if any request failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from benchmarks.class_load import postgres  # noqa: E402
from deploy.replicas import Cluster, free_port  # noqa: E402


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2], help="replica counts to compare")
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions")
    parser.add_argument("--requests", type=int, default=1000, help="reruns per session at most")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--content", type=Path, help="topic folder (default: arguments/)")
    args = parser.parse_args(argv)

    targets = load.targets_for(args.content)
    openers = list({t.page: t for t in targets}.values())
    print(f"{len(targets)} page views; {args.sessions} sessions for {args.duration:.0f}s per replica count")
    print("| replicas " + load.HEADER.splitlines()[0] + " x one | load avg |")
    print("|---" + load.HEADER.splitlines()[1] + "---|---|")
    failed, base = False, 0.0
    with postgres() as pg:
        for count in args.replicas:
            run_dir = Path(tempfile.mkdtemp(prefix=f"debate-explorer-replicas-{count}-"))
            with Cluster(
                replicas=count,
                database_url=pg.url,
                run_dir=run_dir,
                content=args.content.resolve() if args.content else None,
                nginx_port=free_port(),
                supervise=False,
            ) as cluster:
                # Enough warm-up sessions that every replica has met every page (route cookies are random).
                warm = load.drive(cluster.url, 4 * count, len(openers), 120, openers)
                if warm.errors:
                    print("warm-up failed:", *warm.errors[:5], sep="\n  ")
                    return 1
                report = load.drive(cluster.url, args.sessions, args.requests, args.duration, targets)
            ok = sum(1 for r in report.results if not r.error)
            rate = ok / report.wall if report.wall else 0.0
            base = base or rate
            row = report.row().removeprefix("| ").removesuffix(" |")
            print(f"| {count} | {row} | {rate / base:.2f} | {loadavg()} |", flush=True)
            for problem in report.errors[:10]:
                print(f"  error: {problem}")
            failed = failed or bool(report.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
