"""Where things are: one function per setting, read by the CLI, the app and the tests alike.

Settings come from the environment so that `make run`, `debate-explorer serve`, the CLI and a hosted
deployment all agree without a config file. Nothing here imports Streamlit.
"""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_DIR_ENV = "DEBATE_EXPLORER_DIR"
"""The topic folder. Unset: ``arguments`` in the current folder."""

DEFAULT_CONTENT_DIR = "arguments"


def content_dir() -> Path:
    """The content folder: ``$DEBATE_EXPLORER_DIR``, or ``arguments`` in the current folder."""
    configured = os.environ.get(CONTENT_DIR_ENV, "").strip()
    return Path(configured).expanduser() if configured else Path(DEFAULT_CONTENT_DIR)
