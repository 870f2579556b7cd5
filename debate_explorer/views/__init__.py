"""Streamlit page scripts (run by app.py's st.navigation) and the helpers they share."""
