"""The app's entry script: page config and navigation over the page registry (``pages.PAGES``).

``debate-explorer serve`` runs this file from the installed package; the checkout's ``app.py`` calls
:func:`main` for ``streamlit run app.py``. Its folder holds ``.streamlit/config.toml``, which Streamlit reads
as the script-level config, so the server settings apply however the app is started.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer.pages import PAGES
from debate_explorer.views.a11y import inject_css
from debate_explorer.views.phone import close_menu_after_navigation
from debate_explorer.views.warmup import warm_imports

PAGE_ICON = "⚖️"
"""The browser tab's icon: an emoji, drawn by the browser, so loading a page needs no other host."""


def main() -> None:
    """One rerun of the app: page config, shared imports, then the selected page."""
    # An emoji icon becomes an inline SVG favicon; a `:material/` one is fetched from an outside font host
    # on every page load (issue 17). Menu icons (st.Page) use the bundled font and fetch nothing.
    st.set_page_config(page_title="Debate Explorer", page_icon=PAGE_ICON, layout="wide")
    inject_css()  # contrast, focus rings and target sizes over Streamlit's defaults (docs/accessibility.md)
    warm_imports()  # numpy & co. once, under a lock: concurrent first visits must not race in their imports
    # On top on a wide screen; on a phone Streamlit moves the menu to the sidebar (closed after a choice).
    chosen = st.navigation(pages(), position="top")
    close_menu_after_navigation(chosen.url_path)
    chosen.run()


def pages() -> list[st.Page]:
    """The registry's pages as ``st.Page`` objects, built anew for each run.

    Building them once per process and copying them for each run saved about 1 ms a rerun, but with that
    design one CI run of the concurrent-first-visits load test (tests/test_load_smoke.py) saw a session
    whose page list lacked pages (``page_link`` to Practice: "Could not find page"). It did not recur in
    five reruns, so the cause is not proven; fresh objects per run are the design that has run clean.
    """
    return [
        st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path or None, default=i == 0)
        for i, p in enumerate(PAGES)
    ]


if __name__ == "__main__":  # Streamlit runs the entry script as __main__
    main()
