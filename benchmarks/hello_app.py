"""The hello-world Streamlit app the benchmarks compare Debate Explorer against (a text, a button, a text)."""

import streamlit as st

st.write("Hello, world")
if st.button("Click"):
    st.session_state["n"] = st.session_state.get("n", 0) + 1
st.write(f"Clicked {st.session_state.get('n', 0)} times")
