"""The app's entry script: page config and navigation over the page registry (``pages.PAGES``).

``debate-explorer serve`` runs this file from the installed package; the checkout's ``app.py`` calls
:func:`main` for ``streamlit run app.py``. Its folder holds ``.streamlit/config.toml``, which Streamlit reads
as the script-level config, so the server settings apply however the app is started.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer.pages import PAGES
from debate_explorer.views.phone import close_menu_after_navigation
from debate_explorer.views.warmup import warm_imports


def main() -> None:
    """One rerun of the app: page config, shared imports, then the selected page."""
    st.set_page_config(page_title="Debate Explorer", page_icon=":material/balance:", layout="wide")
    warm_imports()  # numpy & co. once, under a lock: concurrent first visits must not race in their imports
    pages = [
        st.Page(page.path, title=page.title, icon=page.icon, url_path=page.url_path or None, default=i == 0)
        for i, page in enumerate(PAGES)
    ]
    # On top on a wide screen; on a phone Streamlit moves the menu to the sidebar (closed after a choice).
    chosen = st.navigation(pages, position="top")
    close_menu_after_navigation(chosen.url_path)
    chosen.run()


if __name__ == "__main__":  # Streamlit runs the entry script as __main__
    main()
