"""Where a warm rerun of a page spends its time on the server: cProfile inside the app's script thread.

Runs the real entry script (``views/app.py``'s ``main``) in Streamlit's AppTest, visits the page once to warm
caches and imports, then profiles ``--reruns`` further reruns (the cost of every click) and prints the
median wall time of a rerun and the functions with the most cumulative time. Usage::

    .venv/bin/python benchmarks/profile_rerun.py                       # Compare, first section
    .venv/bin/python benchmarks/profile_rerun.py --page topics --reruns 50 --top 30

Only the script run is profiled (AppTest runs it in its own thread, so the profiler is switched on there);
sending the page to a browser (protobuf, WebSocket) and the browser's rendering are not in this profile.
"""

from __future__ import annotations

import argparse
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import _profiling  # noqa: E402
from debate_explorer.loading import load_library  # noqa: E402
from debate_explorer.pages import page  # noqa: E402

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from benchmarks import _profiling
from debate_explorer.views.app import main

if _profiling.ENABLED:
    _profiling.PROFILER.enable()
try:
    main()
finally:
    if _profiling.ENABLED:
        _profiling.PROFILER.disable()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="compare", help="page key (default: compare)")
    parser.add_argument("--reruns", type=int, default=30, help="profiled reruns (default: 30)")
    parser.add_argument("--top", type=int, default=25, help="functions listed (default: 25)")
    parser.add_argument("--content", type=Path, default=ROOT / "arguments", help="topic folder")
    args = parser.parse_args()

    import os

    from streamlit.testing.v1 import AppTest

    os.environ["DEBATE_EXPLORER_DIR"] = str(args.content.resolve())
    library = load_library([args.content])
    topic = library.topics[0].topic
    at = AppTest.from_string(SCRIPT.format(root=str(ROOT)), default_timeout=60)
    at.query_params["topic"] = topic.id
    if page(args.page).has_sections and topic.sections:
        at.query_params["section"] = topic.sections[0].id
    at.switch_page(str(page(args.page).path))
    for _ in range(3):  # warm: imports, the cached library, the page's first run
        at.run()
    assert not at.exception, at.exception

    times = []
    _profiling.ENABLED = True
    for _ in range(args.reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    _profiling.ENABLED = False
    assert not at.exception, at.exception

    out = io.StringIO()
    stats = pstats.Stats(_profiling.PROFILER, stream=out)
    total = sum(row[3] for key, row in stats.stats.items() if key[2] == "main")  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(args.top)
    print(f"page {args.page}, topic {topic.id}: {args.reruns} warm reruns through AppTest")
    median = 1000 * statistics.median(times)
    print(f"median rerun (AppTest wall, unprofiled overhead included): {median:.1f} ms")
    print(f"profiled script time per rerun: {1000 * total / args.reruns:.1f} ms")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
