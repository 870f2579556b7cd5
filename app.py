"""`streamlit run app.py` from a checkout: the app (debate_explorer/views/app.py) over the topics beside it.

Installed, the same app runs with `debate-explorer serve [FOLDER]`.
"""

import os
from pathlib import Path

from debate_explorer.config import CONTENT_DIR_ENV
from debate_explorer.views.app import main

# `streamlit run app.py` from anywhere reads the topics next to this file unless told otherwise.
os.environ.setdefault(CONTENT_DIR_ENV, str(Path(__file__).resolve().parent / "arguments"))

main()
