"""Where the browser's time goes on a page load: resources fetched and main-thread work, per app.

Starts the app and the hello-world app (benchmarks/hello_app.py) on loopback, loads each in headless
Chromium a few times (fresh context each, after one warm-up load), and prints, from the browser's own
Performance API: the medians of time to content, the number and bytes of resources fetched and the
JavaScript chunks/fonts that only the app needs (lazy downloads), and the main thread's long tasks (> 50 ms)
and their total. The server's side of a rerun is benchmarks/profile_rerun.py. Usage::

    .venv/bin/python benchmarks/browser_profile.py [--rounds 3] [--page compare]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.page_load import ARGS, CHROMIUM, HELLO, READY  # noqa: E402
from benchmarks.server import serve  # noqa: E402
from debate_explorer.loading import load_library  # noqa: E402

OBSERVE = """() => {
  window.__long = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({type: 'longtask', buffered: true});
}"""
COLLECT = """() => ({
  resources: performance.getEntriesByType('resource').map(r => [r.name, r.transferSize || r.encodedBodySize,
             r.responseEnd]),
  long: window.__long || [],
})"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page", default="compare")
    args = parser.parse_args()
    topic = load_library([ROOT / "arguments"]).topics[0].topic
    section = topic.sections[0]
    claim = section.pairs[0].supporter.claim

    from playwright.sync_api import sync_playwright

    env = {"DEBATE_EXPLORER_DIR": str(ROOT / "arguments")}
    with (
        sync_playwright() as playwright,
        serve(ROOT / "app.py", env=env) as app_url,
        serve(HELLO) as hello_url,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        targets = {
            "app": (f"{app_url}/{args.page}?topic={topic.id}&section={section.id}", claim),
            "hello": (hello_url, "Hello, world"),
        }
        seen: dict[str, list[dict[str, object]]] = {name: [] for name in targets}
        for round_ in range(args.rounds + 1):
            for name, (url, text) in targets.items():
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(f"({OBSERVE})()")
                page.set_default_timeout(60_000)
                page.goto(url)
                page.get_by_text(text, exact=True).first.wait_for(state="visible")
                content = page.evaluate("performance.now()")
                page.wait_for_selector(READY)
                data = page.evaluate(COLLECT)
                context.close()
                if round_:
                    seen[name].append({"content": content, **data})
        browser.close()

    base_names = {Path(r[0].split("?")[0]).name for run in seen["hello"] for r in run["resources"]}  # type: ignore[attr-defined]
    for name, runs in seen.items():
        contents = [float(r["content"]) for r in runs]  # type: ignore[arg-type]
        resources = runs[-1]["resources"]
        longs = [float(x) for r in runs for x in r["long"]]  # type: ignore[attr-defined]
        print(f"{name}: content at {statistics.median(contents):.0f} ms (median of {len(runs)})")
        print(f"  resources: {len(resources)}, {sum(int(r[1]) for r in resources) // 1024} KB")  # type: ignore[attr-defined]
        print(f"  long tasks per load: {len(longs) / len(runs):.1f}, total {sum(longs) / len(runs):.0f} ms")
        if name == "app":
            extra = [r for r in resources if Path(r[0].split("?")[0]).name not in base_names]  # type: ignore[attr-defined]
            for url, size, end in extra:
                short = url.split("/")[-1][:60]
                print(f"  only the app: {short:<60} {int(size) // 1024:>5} KB at {end:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
