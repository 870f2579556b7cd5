"""The classroom's rules as plain data and pure functions: phases, vote choices, and the debate's result.

The result follows Intelligence Squared / Open to Debate: the audience votes For, Against or Undecided before
and after; the side whose share of the vote grew most (in percentage points) wins, and equal growth is a tie.
Each poll's shares are taken over everyone who voted in that poll.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..limits import MAX_REBUTTAL_CHARS


class Phase(StrEnum):
    BEFORE = "before"
    DEBATE = "debate"
    AFTER = "after"
    RESULTS = "results"
    CLOSED = "closed"

    @property
    def title(self) -> str:  # type: ignore[override]
        return PHASE_TITLES[self]

    @property
    def next(self) -> Phase | None:
        order = list(Phase)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


PHASE_TITLES = {
    Phase.BEFORE: "Vote before",
    Phase.DEBATE: "Read and debate",
    Phase.AFTER: "Vote after",
    Phase.RESULTS: "Results",
    Phase.CLOSED: "Closed",
}

VOTING_PHASES = {Phase.BEFORE: "before", Phase.AFTER: "after"}
"""The class phase in which each poll is open, and the poll's name."""
SUBMIT_PHASES = frozenset({Phase.DEBATE, Phase.AFTER})
"""Rebuttals can be handed in while the class reads and debates, and until the after-vote closes."""
JOIN_PHASES = frozenset({Phase.BEFORE, Phase.DEBATE, Phase.AFTER, Phase.RESULTS})


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    UNDECIDED = "undecided"

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.value.title()


class SideMode(StrEnum):
    RANDOM = "random"  # random and balanced: each new student joins the side with fewer students
    CHOOSE = "choose"  # students pick their side
    NONE = "none"  # no sides: everyone reads and writes for either side


MAX_SUBMISSION = MAX_REBUTTAL_CHARS
"""Longest rebuttal a student can hand in, in characters (the limit lives in limits.py)."""
MAX_TEAMS_PER_SIDE = 8


@dataclass(frozen=True)
class Poll:
    counts: Mapping[Choice, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, choice: Choice) -> float:
        """Percentage of this poll's voters (0 when nobody voted)."""
        return 100.0 * self.counts.get(choice, 0) / self.total if self.total else 0.0


@dataclass(frozen=True)
class Outcome:
    before: Poll
    after: Poll
    winner: Choice | None
    """FOR or AGAINST; None for a tie (or no votes)."""
    gains: Mapping[Choice, float]
    """Percentage-point change from before to after, for FOR and AGAINST."""
    changed_vote: int
    """Students who voted in both polls and chose differently."""
    switched_sides: int
    """Of those, students who went from For to Against or back."""
    both_polls: int
    """Students who voted in both polls."""

    @property
    def tie(self) -> bool:
        return self.winner is None


def poll(choices: Iterable[Choice]) -> Poll:
    counts = Counter(choices)
    return Poll({choice: counts.get(choice, 0) for choice in Choice})


def outcome(before: Mapping[int, Choice], after: Mapping[int, Choice]) -> Outcome:
    """The debate's result from each student's vote (student id → choice) in each poll."""
    both = before.keys() & after.keys()
    return tallied_outcome(
        Counter(before.values()), Counter(after.values()), Counter((before[s], after[s]) for s in both)
    )


def tallied_outcome(
    before: Mapping[Choice, int], after: Mapping[Choice, int], moves: Mapping[tuple[Choice, Choice], int]
) -> Outcome:
    """The debate's result from counts alone: votes per choice in each poll, and students per (before, after)
    pair of choices among those who voted in both (what a GROUP BY gives, however large the class)."""
    first = Poll({choice: before.get(choice, 0) for choice in Choice})
    second = Poll({choice: after.get(choice, 0) for choice in Choice})
    gains = {c: round(second.share(c) - first.share(c), 6) for c in (Choice.FOR, Choice.AGAINST)}
    winner: Choice | None = None
    if first.total and second.total and gains[Choice.FOR] != gains[Choice.AGAINST]:
        winner = Choice.FOR if gains[Choice.FOR] > gains[Choice.AGAINST] else Choice.AGAINST
    changed = sum(n for (was, now), n in moves.items() if was != now)
    switched = sum(n for (was, now), n in moves.items() if was != now and Choice.UNDECIDED not in (was, now))
    return Outcome(first, second, winner, gains, changed, switched, sum(moves.values()))
