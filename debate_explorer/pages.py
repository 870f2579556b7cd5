"""The app's pages, in menu order: one registry read by the app, deep links, benchmarks and tests.

No Streamlit here: ``app.py`` turns each entry into an ``st.Page``; the browser tests and the load benchmark
read the URL paths; AppTest switches pages by ``script``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VIEWS_DIR = Path(__file__).resolve().parent / "views"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    url_path: str
    """The page's URL path ("" for the home page)."""
    has_sections: bool = False
    """The page shows one section at a time (``?section=`` selects it)."""

    @property
    def script(self) -> str:
        """The page script's path relative to the repository (what AppTest.switch_page takes)."""
        return f"debate_explorer/views/{self.key}.py"

    @property
    def path(self) -> Path:
        """The page script's absolute path (what st.Page takes, also from an installed package)."""
        return VIEWS_DIR / f"{self.key}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("topics", "Topics", ":material/list:", ""),
    PageSpec("compare", "Compare", ":material/compare_arrows:", "compare", has_sections=True),
    PageSpec("balance", "Balance", ":material/balance:", "balance"),
    PageSpec("sources", "Sources", ":material/menu_book:", "sources"),
    PageSpec("timeline", "Timeline", ":material/timeline:", "timeline"),
    PageSpec("map", "Map", ":material/donut_large:", "map"),
    PageSpec("practice", "Practice", ":material/school:", "practice"),
    PageSpec("classroom", "Classroom", ":material/groups:", "classroom"),
    PageSpec("rounds", "Rounds", ":material/timer:", "rounds"),
)

BY_KEY = {page.key: page for page in PAGES}


def page(key: str) -> PageSpec:
    return BY_KEY[key]
