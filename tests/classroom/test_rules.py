"""The Open-to-Debate result rule, on its own."""

from __future__ import annotations

from debate_explorer.classroom import Choice, outcome
from debate_explorer.classroom.rules import Phase

F, A, U = Choice.FOR, Choice.AGAINST, Choice.UNDECIDED


def test_the_side_that_gains_most_wins_even_if_it_stays_smaller() -> None:
    before = {1: F, 2: F, 3: F, 4: F, 5: F, 6: F, 7: A, 8: U, 9: U, 10: U}
    after = {1: F, 2: F, 3: F, 4: F, 5: F, 6: F, 7: A, 8: A, 9: A, 10: U}
    result = outcome(before, after)
    assert result.winner is A  # Against grew 10% → 30%; For stayed at 60%
    assert result.gains == {F: 0.0, A: 20.0}
    assert (result.changed_vote, result.switched_sides, result.both_polls) == (2, 0, 10)


def test_equal_gains_are_a_tie() -> None:
    result = outcome({1: U, 2: U}, {1: F, 2: A})
    assert result.tie and result.winner is None


def test_no_votes_no_winner() -> None:
    assert outcome({}, {}).winner is None
    assert outcome({1: F}, {}).winner is None


def test_shares_use_each_polls_own_voters() -> None:
    result = outcome({1: F, 2: A}, {1: F, 2: A, 3: F, 4: F})
    assert result.before.share(F) == 50.0 and result.after.share(F) == 75.0
    assert result.winner is F and result.both_polls == 2


def test_phases_run_in_order() -> None:
    assert [p.value for p in Phase] == ["before", "debate", "after", "results", "closed"]
    assert Phase.BEFORE.next is Phase.DEBATE and Phase.CLOSED.next is None
