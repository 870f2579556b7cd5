"""Time-to-content of the Compare page against a hello-world Streamlit app, in headless Chromium.

Starts both apps on free ports in this one run, loads each page several times in fresh browser contexts
(alternating, so drift hits both alike) and prints medians and ratios:

- load (content): navigation start until the first pair's supporter claim is visible
  (hello-world: until its text is visible);
- load (done): until the app also reports its script run finished (the rest of the page is in);
- click: choosing another section in the picker until that section's first claim is visible, and
  until the rerun has finished (hello-world: clicking a button until its new text shows / run done).

Goals: Compare's load within 1.2x of hello-world's, a section switch within 1.5x of its click. Usage:
    .venv/bin/python benchmarks/page_load.py [--rounds 7] [--content arguments]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.server import serve  # noqa: E402
from debate_explorer.loading import load_library, topic_files  # noqa: E402

CHROMIUM = os.environ.get("DEBATE_EXPLORER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"]
READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
HELLO = ROOT / "benchmarks" / "hello_app.py"
LOAD_GOAL = 1.2
CLICK_GOAL = 1.5


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7, help="measured loads per page (after one warm-up)")
    parser.add_argument("--content", type=Path, default=None, help="topic folder (default: arguments/)")
    options = parser.parse_args()

    content = options.content or ROOT / "arguments"
    if not content.is_dir() or not topic_files(content):
        content = ROOT / "tests" / "fixtures" / "topics"
    library = load_library([content])
    if not library.topics:
        print(f"no topic loads from {content}", file=sys.stderr)
        return 2
    topic = library.topics[0].topic
    sections = [s for s in topic.sections if s.pairs][:2]
    if len(sections) < 2:
        print("the benchmark needs a topic with two sections that have pairs", file=sys.stderr)
        return 2
    first_claim = [s.pairs[0].supporter.claim for s in sections]
    labels = [f"{topic.sections.index(s) + 1}. {s.title}" for s in sections]

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        env = {"DEBATE_EXPLORER_DIR": str(content.resolve())}
        with serve(ROOT / "app.py", env=env) as app_url, serve(HELLO) as hello_url:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            compare_url = f"{app_url}/compare?topic={topic.id}&section={sections[0].id}"

            def content_then_done(act: Callable[[], None], page: object, text: str) -> tuple[float, float]:
                """Seconds from ``act`` until ``text`` is visible, and until the script run is done."""
                start = time.perf_counter()
                act()
                page.get_by_text(text, exact=True).first.wait_for(state="visible")  # type: ignore[attr-defined]
                content = time.perf_counter() - start
                page.wait_for_selector(READY)  # type: ignore[attr-defined]
                return content, time.perf_counter() - start

            def measure_compare(page: object) -> tuple[tuple[float, float], tuple[float, float]]:
                load = content_then_done(lambda: page.goto(compare_url), page, first_claim[0])  # type: ignore[attr-defined]
                picker = page.get_by_test_id("stSelectbox").filter(
                    has=page.get_by_text("Section", exact=True)
                )  # type: ignore[attr-defined]
                picker.click()
                option = page.get_by_role("option", name=labels[1])  # type: ignore[attr-defined]
                option.wait_for(state="visible")
                return load, content_then_done(option.click, page, first_claim[1])

            def measure_hello(page: object) -> tuple[tuple[float, float], tuple[float, float]]:
                load = content_then_done(lambda: page.goto(hello_url), page, "Hello, world")  # type: ignore[attr-defined]
                button = page.get_by_role("button", name="Click")  # type: ignore[attr-defined]
                return load, content_then_done(button.click, page, "Clicked 1 times")

            series: dict[str, list[tuple[float, float]]] = {
                key: [] for key in ("load compare", "load hello", "click compare", "click hello")
            }
            for round_ in range(options.rounds + 1):  # round 0 warms caches and is not counted
                for name, measure in (("compare", measure_compare), ("hello", measure_hello)):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    page.set_default_timeout(60_000)
                    load, click = measure(page)
                    context.close()
                    if round_:
                        series[f"load {name}"].append(load)
                        series[f"click {name}"].append(click)
            browser.close()

    def median(key: str, which: int) -> float:
        return statistics.median(values[which] for values in series[key])

    def row(label: str, key: str) -> str:
        content, done = median(key, 0) * 1000, median(key, 1) * 1000
        spread = [v[0] * 1000 for v in series[key]]
        low, high = min(spread), max(spread)
        return f"{label:<30} content {content:6.0f} ms (min {low:.0f}, max {high:.0f})  done {done:6.0f} ms"

    pairs = len(sections[0].pairs)
    print(f"content: {content} · topic {topic.id} · section {sections[0].id} ({pairs} pairs)")
    print(f"rounds: {options.rounds} per page, fresh browser context each (medians; warm-up not counted)")
    print(row("load  Compare", "load compare"))
    print(row("load  hello-world", "load hello"))
    print(row("click Compare section switch", "click compare"))
    print(row("click hello-world button", "click hello"))
    for which, name in ((0, "content"), (1, "done")):
        load_ratio = median("load compare", which) / median("load hello", which)
        click_ratio = median("click compare", which) / median("click hello", which)
        load_verdict = "meets" if load_ratio <= LOAD_GOAL else "misses"
        click_verdict = "meets" if click_ratio <= CLICK_GOAL else "misses"
        print(
            f"ratio {name:<7} load Compare/hello-world = {load_ratio:.2f}x ({load_verdict} the {LOAD_GOAL}x "
            f"goal); click = {click_ratio:.2f}x ({click_verdict} the {CLICK_GOAL}x goal)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
