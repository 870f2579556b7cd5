"""Session keys of the Practice page, shared by its tools.

Kept in ``st.session_state`` under ``practice.*`` names that are not widget keys, so drafts, quiz rounds
and the timer survive a visit to another page.
"""

DRILL = "practice.drill"  # the current Drill (one per session; re-picked when the topic changes)
REVEALED = "practice.revealed"  # set of drill keys whose real rebuttal is shown
DRAFTS = "practice.drafts"  # dict drill key -> Draft
QUIZ = "practice.quiz"  # the QuizRound in progress
ROUNDS = "practice.rounds"  # earlier QuizRounds with answers, oldest first
LAST = "practice.last_answer"  # the last teaching.Answer, shown as feedback
TIMER = "practice.timer"  # the Timer
SPEECH = "practice.speech_choice"  # the speech format the timer was set for
LENGTHS = "practice.lengths"  # dict format name -> minutes
ANY = ""
"""The "any"/"whole topic" choice in the Practice selectboxes."""
TICKS = (
    "practice.ticks"  # dict drill key -> set of ticked SELF_CHECK indices (kept when the widget is not shown)
)
SWITCHED = "practice.switched_from"  # the Drill the student just switched away from (for the note)
NAME = "practice.name"  # the optional name typed under "My work"
