"""Debate rounds: formats as data, the round state with its clocks, flow sheets, evidence cards, ballots.

No Streamlit here; ``views/rounds.py`` renders it and the CLI's ``cards`` and ``check-format`` use it.
"""
