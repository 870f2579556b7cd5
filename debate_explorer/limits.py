"""How much a student may write and keep: the one home of these limits (pages say them, code enforces them).

A rebuttal draft on Practice and a rebuttal handed in to a class share one length, so a draft always fits
when it is handed in. The text areas stop typing at the length (``max_chars``); the classroom service refuses
longer text that arrives anyway; Practice keeps at most ``MAX_DRAFTS`` drafts per session and says so,
instead of letting a huge session drop its connection and lose work without a word.
"""

MAX_REBUTTAL_CHARS = 5000
"""Longest rebuttal, in characters: a Practice draft and a classroom hand-in alike."""
MAX_DRAFTS = 50
"""Rebuttal drafts one Practice session keeps (each drill, i.e. pair and side, has one draft)."""
