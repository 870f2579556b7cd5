"""Streamlit entry point: `streamlit run app.py`. Minimal until the real pages land."""

import os

import streamlit as st

from debate_explorer.loading import load_library

st.set_page_config(page_title="Debate Explorer", layout="wide")
library = load_library([os.environ.get("DEBATE_EXPLORER_DIR", "arguments")])
st.title("Debate Explorer")
for loaded in library.topics:
    st.subheader(loaded.topic.title)
    st.write(loaded.topic.question)
for error in library.errors:
    st.error(str(error))
