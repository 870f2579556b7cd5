"""Streamlit entry point (`streamlit run app.py`): page config and navigation; pages live in the package."""

import streamlit as st

from debate_explorer.views.state import PAGES, warm_imports

st.set_page_config(page_title="Debate Explorer", page_icon=":material/balance:", layout="wide")
warm_imports()  # numpy & co. once, under a lock: concurrent first visits must not race in their imports

navigation = st.navigation(
    [
        st.Page(PAGES["topics"], title="Topics", icon=":material/list:", default=True),
        st.Page(PAGES["compare"], title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page(PAGES["balance"], title="Balance", icon=":material/balance:", url_path="balance"),
        st.Page(PAGES["sources"], title="Sources", icon=":material/menu_book:", url_path="sources"),
        st.Page(PAGES["timeline"], title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page(PAGES["map"], title="Map", icon=":material/donut_large:", url_path="map"),
        st.Page(PAGES["practice"], title="Practice", icon=":material/school:", url_path="practice"),
    ]
)
navigation.run()
