"""Streamlit entry point (`streamlit run app.py`): page config and navigation; pages live in the package."""

import os
from pathlib import Path

import streamlit as st

from debate_explorer.config import CONTENT_DIR_ENV
from debate_explorer.pages import PAGES
from debate_explorer.views.warmup import warm_imports

# `streamlit run app.py` from anywhere reads the topics next to this file unless told otherwise.
os.environ.setdefault(CONTENT_DIR_ENV, str(Path(__file__).resolve().parent / "arguments"))

st.set_page_config(page_title="Debate Explorer", page_icon=":material/balance:", layout="wide")
warm_imports()  # numpy & co. once, under a lock: concurrent first visits must not race in their imports

navigation = st.navigation(
    [
        st.Page(page.path, title=page.title, icon=page.icon, url_path=page.url_path or None, default=i == 0)
        for i, page in enumerate(PAGES)
    ]
)
navigation.run()
