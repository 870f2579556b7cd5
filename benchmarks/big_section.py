"""Compare on a section of thousands of pairs: the server's cost of one page (issue 17).

Builds a valid topic with one section of ``--pairs`` pairs (``tests/abusive.py``) in a temporary folder and
runs the Compare page twice through Streamlit's AppTest: the first visit loads and checks the file, the
second finds the library cached. Prints the wall time of each run and how many Markdown elements the page
drew (one page of ``paging.PAIRS_PER_PAGE`` pairs, however many the section holds). Usage::

    .venv/bin/python benchmarks/big_section.py --pairs 5000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's tests/ package holds the generators

from debate_explorer.config import CONTENT_DIR_ENV  # noqa: E402
from tests import abusive  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="big-section-"))
    abusive.write(folder, abusive.topic(pairs=args.pairs, sources=100, citations=2))
    os.environ[CONTENT_DIR_ENV] = str(folder)
    query = {"topic": "abusive", "section": "section-0"}
    for label in ("first visit", "second visit"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params.update(query)
        start = time.perf_counter()
        at.run()
        at.switch_page(str(ROOT / "debate_explorer" / "views" / "compare.py"))
        at.query_params.update(query)
        at.run()
        seconds = time.perf_counter() - start
        drawn = len(at.markdown)
        print(f"{label}: {seconds:.2f} s, {drawn} Markdown elements, exception: {bool(at.exception)}")


if __name__ == "__main__":
    main()
