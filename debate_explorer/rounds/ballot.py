"""A ballot: winner, speaker points or team ranks as the format scores them, a rubric, a reason for decision.

The rubric is editable (criteria and their maximum points); totals are computed here, not on the page.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..escape import html as esc
from ..model import Strict
from . import printable
from .formats import Format

MAX_TEXT = 5000
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Name = Annotated[str, Field(max_length=120)]


class Criterion(Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    max_points: Annotated[int, Field(ge=1, le=100)]


DEFAULT_RUBRIC: tuple[Criterion, ...] = (
    Criterion(name="Case", max_points=30),
    Criterion(name="Rebuttal", max_points=20),
    Criterion(name="Cross-examination", max_points=20),
    Criterion(name="Evidence", max_points=20),
    Criterion(name="Delivery", max_points=10),
)
"""A starting rubric after a school's published one (case 30, rebuttal 20, cross-examination 20, ...)."""


class Ballot(Strict):
    format_id: str
    topic_id: str
    judge: Name = ""
    winner: Annotated[str, Field(max_length=80)] = ""
    """The winning team's id (points formats); empty where teams are ranked."""
    ranks: dict[str, Annotated[int, Field(ge=1, le=8)]] = Field(default_factory=dict)
    """Team id to rank 1..n (British Parliamentary)."""
    speaker_points: dict[Name, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    rubric: list[Criterion] = Field(default_factory=lambda: list(DEFAULT_RUBRIC))
    scores: dict[str, dict[str, Annotated[int, Field(ge=0, le=100)]]] = Field(default_factory=dict)
    """Team id to criterion name to points."""
    reason: Text = ""

    @model_validator(mode="after")
    def _fits(self) -> Ballot:
        limits = {c.name: c.max_points for c in self.rubric}
        for team, marks in self.scores.items():
            for name, points in marks.items():
                if name not in limits:
                    raise ValueError(f"{team}: {name!r} is not in the rubric")
                if points > limits[name]:
                    raise ValueError(f"{team}: {name} is out of {limits[name]}, not {points}")
        if self.ranks and sorted(self.ranks.values()) != list(range(1, len(self.ranks) + 1)):
            raise ValueError("ranks must be 1, 2, ... with no two teams the same")
        return self

    def total(self, team_id: str) -> int:
        return sum(self.scores.get(team_id, {}).values())

    def check_for(self, fmt: Format) -> list[str]:
        """What is missing or wrong for this format (empty when the ballot is complete)."""
        problems: list[str] = []
        ids = {team.id for team in fmt.teams}
        if fmt.results == "ranks":
            if set(self.ranks) != ids:
                problems.append(f"rank every team 1 to {len(ids)}")
        elif self.winner not in ids:
            problems.append("choose the winner")
        if unknown := (set(self.scores) | set(self.ranks)) - ids:
            problems.append(f"unknown team(s): {', '.join(sorted(unknown))}")
        if not self.reason.strip():
            problems.append("write a reason for decision")
        return problems


def to_html(ballot: Ballot, fmt: Format, topic_title: str) -> str:
    """The ballot as a printable page."""
    names = {team.id: team.name for team in fmt.teams}
    parts = [f"<h1>Ballot: {esc(topic_title)}</h1><p>Format: {esc(fmt.name)}"]
    if ballot.judge:
        parts.append(f" · Judge: {esc(ballot.judge)}")
    parts.append("</p>")
    if fmt.results == "ranks":
        ranked = sorted(ballot.ranks.items(), key=lambda item: item[1])
        parts.append(
            "<h2>Ranks</h2><ol>" + "".join(f"<li>{esc(names.get(t, t))}</li>" for t, _ in ranked) + "</ol>"
        )
    else:
        parts.append(
            f"<h2>Winner</h2><p>{esc(names.get(ballot.winner, ballot.winner) or '(not chosen)')}</p>"
        )
    header = "".join(f"<th>{esc(c.name)} (/{c.max_points})</th>" for c in ballot.rubric)
    rows = "".join(
        f"<tr><td>{esc(team.name)}</td>"
        + "".join(f"<td>{ballot.scores.get(team.id, {}).get(c.name, '')}</td>" for c in ballot.rubric)
        + f"<td>{ballot.total(team.id)}</td></tr>"
        for team in fmt.teams
    )
    parts.append(f"<h2>Rubric</h2><table><tr><th>Team</th>{header}<th>Total</th></tr>{rows}</table>")
    if ballot.speaker_points:
        parts.append(
            "<h2>Speaker points</h2><table>"
            + "".join(f"<tr><td>{esc(n)}</td><td>{p:g}</td></tr>" for n, p in ballot.speaker_points.items())
            + "</table>"
        )
    parts.append(f"<h2>Reason for decision</h2><p>{esc(ballot.reason) or '(none written)'}</p>")
    return printable.page(f"Ballot: {topic_title}", "".join(parts))
