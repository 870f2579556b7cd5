"""Heavy imports done once, under a lock, before the first page of any session runs (app.py calls it)."""

from __future__ import annotations

import importlib
import threading

HEAVY_MODULES = ("numpy", "pandas", "pyarrow", "plotly.graph_objects", "plotly.io")
"""Imported once, under a lock, before any page runs (see :func:`warm_imports`)."""

_import_lock = threading.Lock()
_warmed = False


def warm_imports() -> None:
    """Import the heavy libraries once, one thread at a time, before the first page of any session runs.

    Streamlit runs each session's script in its own thread. When several first visits import numpy at the
    same moment (plotly and st.dataframe import it lazily), a thread can see numpy half-initialised and
    fail with "partially initialized module". Holding one lock across the whole import makes the others
    wait for the finished modules instead; afterwards this is a flag check.
    """
    global _warmed
    if _warmed:
        return
    with _import_lock:
        if not _warmed:
            for name in HEAVY_MODULES:
                try:
                    importlib.import_module(name)
                except ImportError:
                    continue  # optional (pyarrow) or missing: the page that needs it will say so
            _warmed = True
