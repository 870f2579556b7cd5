"""How the cost of loading grows with the amount of content.

Generates synthetic topics (default 10, 100 and 1,000 topics of seven sections and three pairs each) in a
temporary folder and measures, per size:

- floor: reading every file and parsing it with PyYAML's bare ``CSafeLoader`` (libyaml), garbage
  collector paused -- the least any YAML loader has to do;
- cold load-and-check: ``loading.load_library`` (line-recording safe loader + pydantic validation) plus
  ``checks.check_library``, as ``debate-explorer check`` and a fresh app process do;
- warm app rerun: a rerun of the Compare page through Streamlit's AppTest once the cached library is
  built (what every click costs), which should not depend on the number of topics;
- peak memory of load-and-check (tracemalloc, in a separate pass so it does not distort the timings).

Load times are the best CPU time of ``--repeat`` runs; app times are wall times. Usage::

    .venv/bin/python benchmarks/scale.py                 # 10, 100, 1000 topics
    .venv/bin/python benchmarks/scale.py --sizes 10 100 --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from debate_explorer.checks import check_library  # noqa: E402
from debate_explorer.loading import Library, load_library, topic_files  # noqa: E402

SECTIONS, PAIRS, SOURCES, EVENTS = 7, 3, 30, 10
_VOCABULARY = (
    "policy evidence court police training exchange report data oversight rights community funding "
    "programme officers agency review study public record practice critics supporters cooperation "
    "research budget local federal state visit delegation conference tactics accountability"
)
WORDS = tuple(_VOCABULARY.split())


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def position(rng: random.Random, indent: str, origin: str) -> list[str]:
    cited = rng.sample(range(SOURCES), 3)
    return [
        f"{indent}held_by: {quoted(sentence(rng, 6))}",
        f"{indent}claim: {quoted(sentence(rng, 25))}",
        f"{indent}reasoning: {quoted(sentence(rng, 60))}",
        f"{indent}evidence: {quoted(sentence(rng, 45))}",
        f"{indent}sources: [{', '.join(f'source-{i}' for i in cited)}]",
        f"{indent}origin: {origin}",
        f"{indent}rebuttal: {quoted(sentence(rng, 35))}",
    ]


def topic_yaml(topic_id: str, seed: int) -> str:
    """One synthetic topic shaped like the shipped one: 7 sections x 3 pairs, 30 sources, 10 events."""
    rng = random.Random(seed)
    out = [
        f"id: {topic_id}",
        f"title: {quoted(sentence(rng, 6))}",
        f"question: {quoted(sentence(rng, 14))}",
        f"summary: {quoted(sentence(rng, 60))}",
        "sides:",
        f"  supporter: {{label: Supporters, who: {quoted(sentence(rng, 8))}}}",
        f"  critic: {{label: Critics, who: {quoted(sentence(rng, 8))}}}",
        "sections:",
    ]
    for s in range(SECTIONS):
        out += [
            f"  - id: section-{s}",
            f"    title: {quoted(sentence(rng, 5))}",
            f"    summary: {quoted(sentence(rng, 40))}",
            "    pairs:",
        ]
        for p in range(PAIRS):
            out += [f"      - id: pair-{s}-{p}", f"        question: {quoted(sentence(rng, 12))}"]
            out += ["        supporter:", *position(rng, "          ", "document")]
            out += ["        critic:", *position(rng, "          ", "research")]
        out += [
            "    questions:",
            *(f"      - {quoted(sentence(rng, 12))}" for _ in range(3)),
            "    terms:",
            *(f"      - {{term: term-{s}-{t}, definition: {quoted(sentence(rng, 15))}}}" for t in range(2)),
            "    fact_checks:",
            f"      - claim: {quoted(sentence(rng, 15))}",
            "        verdict: partly",
            f"        note: {quoted(sentence(rng, 20))}",
            f"        sources: [source-{rng.randrange(SOURCES)}]",
        ]
    out.append("timeline:")
    out += [
        f'  - {{date: "{2000 + e}", event: {quoted(sentence(rng, 12))}, sources: [source-{e}]}}'
        for e in range(EVENTS)
    ]
    out.append("sources:")
    for i in range(SOURCES):
        out += [
            f"  - id: source-{i}",
            f"    title: {quoted(sentence(rng, 8))}",
            f"    publisher: {quoted(sentence(rng, 3))}",
            f"    url: https://example.org/reports/{topic_id}/{i}",
            f'    published: "20{10 + i % 15:02d}-0{1 + i % 9}"',
            f"    kind: {('government', 'ngo', 'press', 'academic')[i % 4]}",
        ]
    return "\n".join(out) + "\n"


def generate(folder: Path, count: int) -> int:
    """Write ``count`` topics into ``folder``; returns the total bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        text = topic_yaml(f"synthetic-topic-{n:04d}", seed=n)
        (folder / f"synthetic-topic-{n:04d}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Best CPU time of ``repeat`` runs of single-threaded work.

    CPU time, not wall time: on a shared machine other processes stretch wall time by whatever else is
    running, while the CPU time of single-threaded parsing is the work itself.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def floor(folder: Path) -> None:
    """The bare parse, with the cyclic garbage collector paused as ``load_library`` pauses it.

    Left running, the collector adds 10-40% to the parse of many small objects; pausing it in both
    keeps the ratio about the loader's own work.
    """
    gc.disable()
    try:
        for path in topic_files(folder):
            yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def load(folder: Path) -> Library:
    library = load_library([folder])
    if library.errors:
        raise RuntimeError(f"synthetic topics failed to load: {library.errors[:3]}")
    return library


def load_and_check(folder: Path) -> None:
    check_library(load(folder))


def peak_memory(folder: Path) -> float:
    """Peak Python memory (MB) allocated while loading and checking ``folder``."""
    gc.collect()
    tracemalloc.start()
    load_and_check(folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def warm_rerun(folder: Path, reruns: int) -> tuple[float, float]:
    """(first run incl. building the cache, median warm rerun) of the Compare page, in seconds."""
    os.environ["DEBATE_EXPLORER_DIR"] = str(folder)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from debate_explorer.pages import page

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["topic"] = "synthetic-topic-0000"
    at.query_params["section"] = "section-3"
    start = time.perf_counter()
    at.run()
    at.switch_page(page("compare").script)
    at.run()
    first = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"app raised: {at.exception}")
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"app raised: {at.exception}")
    return first, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measure (best is kept)")
    parser.add_argument("--reruns", type=int, default=10, help="warm app reruns per size (median)")
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest warm-rerun measure")
    args = parser.parse_args()

    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    header = (
        f"{'topics':>6} {'MB':>6} {'floor s':>8} {'load s':>7} {'check s':>8} {'load+check s':>13} "
        f"{'ratio':>6} {'ms/topic':>9} {'peak MB':>8} {'app 1st s':>10} {'warm rerun ms':>14}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"de-scale-{size}-") as tmp:
            folder = Path(tmp) / "topics"
            total = generate(folder, size)
            repeat = args.repeat if size < 1000 else max(1, args.repeat - 1)
            floor(folder)  # warm the OS file cache for both measures alike
            t_floor = best_of(repeat, lambda folder=folder: floor(folder))
            t_load = best_of(repeat, lambda folder=folder: load_and_check(folder))
            t_parse = best_of(repeat, lambda folder=folder: load(folder))
            library = load(folder)
            t_check = best_of(repeat, lambda library=library: check_library(library))
            del library
            peak = peak_memory(folder)
            first, warm = (float("nan"), float("nan")) if args.no_app else warm_rerun(folder, args.reruns)
            print(
                f"{size:>6} {total / 1e6:>6.1f} {t_floor:>8.3f} {t_parse:>7.3f} {t_check:>8.3f} "
                f"{t_load:>13.3f} {t_load / t_floor:>5.2f}x "
                f"{1000 * t_load / size:>9.2f} {peak:>8.1f} {first:>10.2f} {1000 * warm:>14.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
