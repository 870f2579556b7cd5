# PLACEHOLDER written by helper D (the app) so the navigation has a Practice page.
# Helper E owns this file: replace it entirely with the real Practice page.
# Conventions: get the place with `state.place_or_stop()` (topic from ?topic=, cached library),
# escape every content string with `state.md(...)`, make links only with `state.link(...)`.
"""Practice page (placeholder until the real one lands)."""

import streamlit as st

from debate_explorer.views import state

place = state.place_or_stop(want_section=False)
state.sync_url(place, with_section=False)
st.title("Practice")
st.write("Practice exercises for this topic are coming soon.")
