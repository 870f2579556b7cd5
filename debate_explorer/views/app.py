"""The app's entry script: page config and navigation over the page registry (``pages.PAGES``).

``debate-explorer serve`` runs this file from the installed package; the checkout's ``app.py`` calls
:func:`main` for ``streamlit run app.py``. Its folder holds ``.streamlit/config.toml``, which Streamlit reads
as the script-level config, so the server settings apply however the app is started.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer.pages import PAGES
from debate_explorer.views.warmup import warm_imports

PAGE_ICON = "⚖️"
"""The browser tab's icon: an emoji, drawn by the browser, so loading a page needs no other host."""


def main() -> None:
    """One rerun of the app: page config, shared imports, then the selected page."""
    # An emoji icon becomes an inline SVG favicon; a `:material/` one is fetched from an outside font host
    # on every page load (issue 17). Menu icons (st.Page) use the bundled font and fetch nothing.
    st.set_page_config(page_title="Debate Explorer", page_icon=PAGE_ICON, layout="wide")
    warm_imports()  # numpy & co. once, under a lock: concurrent first visits must not race in their imports
    pages = [
        st.Page(page.path, title=page.title, icon=page.icon, url_path=page.url_path or None, default=i == 0)
        for i, page in enumerate(PAGES)
    ]
    st.navigation(pages).run()


if __name__ == "__main__":  # Streamlit runs the entry script as __main__
    main()
