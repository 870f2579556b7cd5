"""A class's results as a printable, self-contained HTML page (no script, no remote loads)."""

from __future__ import annotations

from ..escape import html as h
from ..model import Topic
from .rules import Choice, Outcome
from .service import Dashboard

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font: 12pt/1.45 system-ui, sans-serif; max-width: 48em; margin: 2em auto; color: #111; }
table { border-collapse: collapse; margin: 0.5em 0 1.2em; }
th, td { border: 1px solid #888; padding: 0.25em 0.6em; }
th { text-align: left; background: #eee; } td.n { text-align: right; } .muted { color: #444; }
@media print { body { margin: 0; } }
"""


def winner_sentence(outcome: Outcome, labels: dict[Choice, str]) -> str:
    """The Open-to-Debate verdict in words (plain text)."""
    if not outcome.before.total or not outcome.after.total:
        return "No result yet: the class needs votes both before and after the debate."
    gain = {c: outcome.gains[c] for c in (Choice.FOR, Choice.AGAINST)}
    moves = ", ".join(f"{labels[c]} {g:+.0f} points" for c, g in gain.items())
    if outcome.winner is None:
        return f"A tie: both sides' shares changed by the same amount ({moves})."
    return f"{labels[outcome.winner]} wins: its share grew the most from before to after ({moves})."


def choice_labels(topic: Topic | None) -> dict[Choice, str]:
    """For / Against / Undecided, naming the side each vote stands with when the topic is known."""
    if topic is None:
        return {c: c.title for c in Choice}
    from ..model import Side

    return {
        Choice.FOR: f"For ({topic.sides.label(Side.SUPPORTER)})",
        Choice.AGAINST: f"Against ({topic.sides.label(Side.CRITIC)})",
        Choice.UNDECIDED: "Undecided",
    }


def results_html(board: Dashboard, topic: Topic | None, pair_questions: dict[str, str]) -> str:
    labels = choice_labels(topic)
    result = board.outcome
    title = topic.title if topic else board.info.topic_id
    rows = "".join(
        f"<tr><th>{h(labels[c])}</th>"
        f"<td class=n>{result.before.counts[c]} ({result.before.share(c):.0f}%)</td>"
        f"<td class=n>{result.after.counts[c]} ({result.after.share(c):.0f}%)</td></tr>"
        for c in Choice
    )
    moved = "".join(
        f"<tr><td>{h(pair_questions.get(pair_id, pair_id))}</td><td class=n>{count}</td></tr>"
        for pair_id, count in board.moved_most.items()
    )
    teams = "".join(
        f"<tr><th>{h(team or 'No side')}</th><td>{h(', '.join(names))}</td></tr>"
        for team, names in board.teams.items()
    )
    question = f"<p><strong>{h(topic.question)}</strong></p>" if topic else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>Class debate {h(board.info.code)}: results</title><style>{STYLE}</style></head>
<body>
<h1>Class debate results: {h(title)}</h1>
{question}
<p class="muted">Class {h(board.info.code)} · {board.joined} students joined ·
{board.voted_before} voted before · {board.voted_after} voted after</p>
<h2>The vote</h2>
<table><tr><th></th><th>Before</th><th>After</th></tr>{rows}</table>
<p>{h(winner_sentence(result, labels))}</p>
<p>{result.changed_vote} of the {result.both_polls} students who voted twice changed their vote;
{result.switched_sides} moved from one side to the other.</p>
<h2>What moved students most</h2>
{f"<table><tr><th>Pair</th><th>Students</th></tr>{moved}</table>" if moved else "<p>No one named a pair.</p>"}
<h2>Teams</h2>
{f"<table>{teams}</table>" if teams else "<p>No students joined.</p>"}
</body></html>
"""
