"""Rounds page: run a debate round in a format on the current topic: clocks, flow sheet, cards, ballot.

Everything that counts lives in :mod:`debate_explorer.rounds` (tested without Streamlit); this page keeps
the round in the session and in the URL (``?round=``, validated on arrival), so a page change or a refresh
does not lose it; the clocks count in the browser (views/clock.py), so a running clock costs the server
nothing.
"""

from __future__ import annotations

from debate_explorer.views import rounds_page

rounds_page.show()
