"""Phone navigation: the page menu must not stay open over the page a reader has just chosen.

On a wide screen the menu sits on top (``st.navigation(position="top")``). On a narrow one Streamlit shows
it in the sidebar, and closes the sidebar after a choice only when the browser says it is a phone (its
user agent); a narrow desktop window, a tablet in split view or a phone asking for the desktop site keep
it open over the content. :func:`close_menu_after_navigation` closes it there too.
"""

from __future__ import annotations

import json

import streamlit as st

NARROW = 768
"""Widest viewport (CSS px) in which the sidebar overlays the page (Streamlit's ``md`` breakpoint)."""

_SCRIPT = """<script data-page={page}>
(() => {{
  const box = document.querySelector('script[data-page]')?.closest('[data-testid="stElementContainer"]');
  if (box) box.style.display = 'none';  // no empty row (and gap) above the page's title
  if (window.innerWidth >= {narrow}) return;
  const bar = document.querySelector('[data-testid="stSidebar"]');
  if (!bar || bar.getBoundingClientRect().right <= 0) return;
  const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (close) close.click();
}})();
</script>"""


def close_menu_after_navigation(page_path: str) -> None:
    """Close an open sidebar on a narrow screen once per page visit (the script is ours; no content in it).

    ``page_path`` only makes the element differ between pages, so Streamlit mounts (and runs) it again
    after each navigation but not on reruns of the same page.
    """
    st.html(_SCRIPT.format(page=json.dumps(page_path), narrow=NARROW), unsafe_allow_javascript=True)
