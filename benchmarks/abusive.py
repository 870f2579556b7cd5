"""Abusive but valid content (issue 17): what the guards cost and save. Prints one line per figure.

- source_lines: every position of a 500-pair topic citing 20 of 10,000 sources, with the source map and
  numbering rebuilt per call (before: what the old ``Topic.source_map``/``source_numbers`` properties
  did) and built once per topic (after: ``Topic.source_index``);
- check: ``check_topic`` on a 5,000-pair section and on that 10,000-source topic (W209, W210, W208 scans);
- break_long: the app's escaper on a 100,000-character word (the server's cost of breaking it);
- chromium (with ``--browser``): layout of one paragraph holding an unbroken word of 20,000 and 100,000
  characters, as is and broken by ``escape.break_long``: time until the browser has laid it out;
- streamlit (with ``--browser``): a small Streamlit app showing that word as Compare shows a claim (bold,
  in one of two columns in a bordered container), as is and through ``escape.streamlit_md``: navigation
  until the page's last element is visible and the run has finished.

Usage:
    .venv/bin/python benchmarks/abusive.py [--browser] [--repeat 3]
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

from debate_explorer import model  # noqa: E402
from debate_explorer.checks import check_topic  # noqa: E402
from debate_explorer.escape import break_long, streamlit_md  # noqa: E402
from debate_explorer.loading import LoadedTopic  # noqa: E402
from tests import abusive  # noqa: E402

CHROMIUM = os.environ.get("DEBATE_EXPLORER_CHROMIUM", "/usr/bin/chromium")


def best(action: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def source_lines_figures(repeat: int) -> None:
    from debate_explorer.views import render

    topic = model.Topic.model_validate(abusive.topic(pairs=500, sources=10_000, citations=20))
    positions = [pair.side(side).sources for _, pair in topic.pairs() for side in model.Side]

    def rebuilt() -> None:
        for ids in positions:
            topic.__dict__.pop(model._SOURCE_INDEX, None)  # the old properties rebuilt the maps every call
            render.source_lines(topic, ids)

    def cached() -> None:
        topic.__dict__.pop(model._SOURCE_INDEX, None)  # once per topic version, counted in
        for ids in positions:
            render.source_lines(topic, ids)

    what = "source_lines, 1,000 positions x 20 of 10,000 sources"
    print(f"{what}, rebuilt per position: {best(rebuilt, repeat):.2f} s")
    print(f"{what}, built once per topic:  {best(cached, repeat):.2f} s")


def check_figures(repeat: int) -> None:
    for label, data in (
        ("check_topic, one section of 5,000 pairs", abusive.topic(pairs=5_000, sources=50)),
        (
            "check_topic, 500 pairs citing 20 of 10,000 sources",
            abusive.topic(pairs=500, sources=10_000, citations=20),
        ),
    ):
        loaded = LoadedTopic(model.Topic.model_validate(data), "abusive.yaml", raw=None)
        codes = ", ".join(sorted({f.code for f in check_topic(loaded)})) or "none"
        seconds = best(lambda loaded=loaded: check_topic(loaded), repeat)
        print(f"{label}: {seconds:.2f} s (codes {codes})")


def escape_figures(repeat: int) -> None:
    word = abusive.long_word(100_000)
    ms = best(lambda: streamlit_md(word), repeat) * 1000
    print(f"streamlit_md on a 100,000-character word (break_long included): {ms:.1f} ms")


LAYOUT = """async (text) => {
  const p = document.createElement('p');
  p.style.width = '600px';
  p.style.overflowWrap = 'break-word';
  const start = performance.now();
  p.textContent = text;
  document.body.appendChild(p);
  p.getBoundingClientRect();
  const height = p.offsetHeight;
  const ms = performance.now() - start;
  p.remove();
  return [ms, height];
}"""


def browser_figures(repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        page = browser.new_page()
        page.set_content("<!DOCTYPE html><html><body></body></html>")
        for length in (20_000, 100_000):
            word = abusive.long_word(length)
            for label, text in (("as is", word), ("broken", break_long(word))):
                runs = [page.evaluate(LAYOUT, text)[0] for _ in range(repeat)]
                ms = statistics.median(runs)
                print(f"chromium layout, one {length:,}-character word, {label}: {ms:.0f} ms")
        browser.close()


MARKDOWN_APP = """
import os
import streamlit as st
from debate_explorer.escape import streamlit_md
from tests.abusive import long_word
word = long_word(int(os.environ["ABUSIVE_LENGTH"]))
shown = streamlit_md(word) if os.environ["ABUSIVE_BROKEN"] == "1" else word
with st.container(border=True):  # laid out as Compare lays out a pair
    left, right = st.columns(2)
    left.markdown(f"**{shown}**")
    right.markdown("An ordinary claim.")
st.write("done")
"""
READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"


def streamlit_figures(repeat: int, lengths: tuple[int, ...], bound_ms: float) -> None:
    import tempfile

    from playwright.sync_api import sync_playwright

    from benchmarks.server import serve

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        script = Path(tmp) / "word.py"
        script.write_text(MARKDOWN_APP)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        for length in lengths:
            for label, broken in (("as is", "0"), ("streamlit_md", "1")):
                env = {"ABUSIVE_LENGTH": str(length), "ABUSIVE_BROKEN": broken, "PYTHONPATH": str(ROOT)}
                with serve(script, env=env) as url:
                    runs = []
                    for _ in range(repeat):
                        context = browser.new_context()
                        page = context.new_page()
                        start = time.perf_counter()
                        try:
                            page.goto(url)
                            page.wait_for_selector("text=done", timeout=bound_ms)
                            page.wait_for_selector(READY, timeout=bound_ms)
                            runs.append(time.perf_counter() - start)
                        except Exception:
                            runs.append(float("inf"))
                        context.close()
                shown = statistics.median(runs)
                value = (
                    f"{shown:.1f} s" if shown != float("inf") else f"not done within {bound_ms / 1000:.0f} s"
                )
                print(f"streamlit, a claim of one {length:,}-character word in a column, {label}: {value}")
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--browser", action="store_true", help="also time Chromium's layout (needs playwright)"
    )
    args = parser.parse_args()
    source_lines_figures(args.repeat)
    check_figures(args.repeat)
    escape_figures(args.repeat)
    if args.browser:
        browser_figures(args.repeat)
        streamlit_figures(args.repeat, (20_000, 100_000), bound_ms=120_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
