"""A round in progress: which speech, the speech clock, each team's prep pool. Pure, with the clock passed in.

Every method that reads or changes a clock takes ``now`` (seconds, any monotonic-enough wall clock), so
tests drive time by hand and the page passes ``time.time()``. The state is a small strict model that
round-trips through a compact URL-safe string (``encode``/``decode``) so a refresh restores the round;
``decode`` validates like every other query value and refuses anything malformed.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
from typing import Annotated

from pydantic import Field, ValidationError

from ..model import Id, Side, Strict
from .formats import Bench, Format, Speech

MAX_ENCODED = 2000
NEAR_END_SECONDS = (60, 30)
"""Signals before the end of a speech: one minute left, thirty seconds left."""

Seconds = Annotated[float, Field(ge=0, le=24 * 3600)]


class RoundError(ValueError):
    """An action the round cannot take now (e.g. prep from an empty pool)."""


class RoundState(Strict):
    model_config = Strict.model_config | {"frozen": False}

    format_id: Id
    topic_id: Id
    section_id: Id | None = None
    proposition: Side = Side.SUPPORTER
    """The topic side the proposition bench argues; the opposition argues the other."""
    index: Annotated[int, Field(ge=0, le=200)] = 0
    elapsed: Seconds = 0.0
    """Speech time used before the current run (the clock's paused total)."""
    started_at: float | None = None
    prep_used: dict[Id, Seconds] = Field(default_factory=dict)
    prep_team: Id | None = None
    prep_started_at: float | None = None
    scale: Annotated[float, Field(gt=0, le=1)] = 1.0
    """Multiplies every length (tests only: a short round with the format's real figures shown)."""

    # ------------------------------------------------------------------ the format's figures, scaled

    def speech(self, fmt: Format) -> Speech:
        return fmt.speeches[min(self.index, len(fmt.speeches) - 1)]

    def length(self, fmt: Format) -> float:
        return self.speech(fmt).minutes * 60 * self.scale

    def pool(self, fmt: Format) -> float:
        return fmt.prep_minutes * 60 * self.scale

    def side_of(self, bench: Bench | None) -> Side | None:
        if bench is None:
            return None
        return self.proposition if bench is Bench.PROPOSITION else self.proposition.other

    # ------------------------------------------------------------------ reading the clocks

    def running(self) -> bool:
        return self.started_at is not None

    def used(self, now: float) -> float:
        return self.elapsed + (max(0.0, now - self.started_at) if self.started_at is not None else 0.0)

    def remaining(self, fmt: Format, now: float) -> float:
        """Seconds left in the current speech; negative once over time."""
        return self.length(fmt) - self.used(now)

    def prep_left(self, fmt: Format, team_id: str, now: float) -> float:
        used = self.prep_used.get(team_id, 0.0)
        if self.prep_team == team_id and self.prep_started_at is not None:
            used += max(0.0, now - self.prep_started_at)
        return max(0.0, self.pool(fmt) - used)

    def signal(self, fmt: Format, now: float) -> str | None:
        """ "over", "30s", "60s" near the end of a speech, else None."""
        left = self.remaining(fmt, now)
        if left <= 0:
            return "over"
        for mark in sorted(NEAR_END_SECONDS):
            if left <= mark * self.scale:
                return f"{mark}s"
        return None

    def poi_open(self, fmt: Format, now: float) -> bool | None:
        minutes = self.used(now) / 60 / self.scale
        return fmt.poi_open(self.speech(fmt), minutes)

    def poi_marks(self, fmt: Format) -> list[tuple[float, float | None, bool]]:
        """When points of information may be offered in the current speech, as spans of time used.

        ``(start, end, open)`` in seconds used (scaled; ``end`` None runs to the end and beyond); the
        browser's clock shows the matching sentence without asking the server. Empty where the format
        has no points of information or the speech is a cross-examination. Agrees with ``poi_open``.
        """
        speech = self.speech(fmt)
        window = fmt.points_of_information
        if window is None or speech.cross_examination:
            return []
        if not speech.points_of_information:
            return [(0.0, None, False)]
        opens = window.opens * 60 * self.scale
        closes = (speech.minutes - window.closes_before_end) * 60 * self.scale
        if closes <= opens:
            return [(0.0, None, False)]
        return [(0.0, opens, False), (opens, closes, True), (closes, None, False)]

    def finished(self, fmt: Format) -> bool:
        return self.index >= len(fmt.speeches) - 1 and not self.running() and self.elapsed > 0

    # ------------------------------------------------------------------ changing them

    def start(self, fmt: Format, now: float) -> None:
        """Start or resume the speech clock; a running prep clock stops first."""
        self.stop_prep(fmt, now)
        if self.started_at is None:
            self.started_at = now

    def pause(self, now: float) -> None:
        if self.started_at is not None:
            self.elapsed = min(24 * 3600, self.used(now))
            self.started_at = None

    def reset_speech(self) -> None:
        self.elapsed, self.started_at = 0.0, None

    def next(self, fmt: Format, now: float) -> None:
        if self.index >= len(fmt.speeches) - 1:
            raise RoundError("this is the last speech")
        self.stop_prep(fmt, now)
        self.index += 1
        self.reset_speech()

    def back(self, fmt: Format, now: float) -> None:
        if self.index == 0:
            raise RoundError("this is the first speech")
        self.stop_prep(fmt, now)
        self.index -= 1
        self.reset_speech()

    def start_prep(self, fmt: Format, team_id: str, now: float) -> None:
        """Draw on ``team_id``'s pool; the speech clock pauses while a team preps."""
        if fmt.team(team_id) is None:
            raise RoundError(f"no team {team_id!r} in {fmt.name}")
        if self.pool(fmt) <= 0:
            raise RoundError(f"{fmt.name} has no prep time during the round")
        self.stop_prep(fmt, now)
        if self.prep_left(fmt, team_id, now) <= 0:
            raise RoundError(f"{fmt.team(team_id).name} has no prep time left")  # type: ignore[union-attr]
        self.pause(now)
        self.prep_team, self.prep_started_at = team_id, now

    def stop_prep(self, fmt: Format, now: float) -> None:
        if self.prep_team is None or self.prep_started_at is None:
            self.prep_team = self.prep_started_at = None
            return
        spent = self.prep_used.get(self.prep_team, 0.0) + max(0.0, now - self.prep_started_at)
        self.prep_used[self.prep_team] = min(spent, self.pool(fmt))
        self.prep_team = self.prep_started_at = None

    def tick(self, fmt: Format, now: float) -> None:
        """Stop a prep clock whose pool ran out (call on every redraw)."""
        if self.prep_team is not None and self.prep_left(fmt, self.prep_team, now) <= 0:
            self.stop_prep(fmt, now)

    # ------------------------------------------------------------------ the URL form

    def encode(self) -> str:
        data = self.model_dump(exclude_defaults=True, mode="json")
        text = json.dumps(data, separators=(",", ":"), sort_keys=True)
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str, formats: dict[str, Format]) -> RoundState:
        """A round from the URL; RoundError for anything malformed, too long, or of an unknown format."""
        if not value or len(value) > MAX_ENCODED:
            raise RoundError("the round in the link is empty or too long")
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            state = cls.model_validate(json.loads(raw))
        except (binascii.Error, ValueError, UnicodeDecodeError, ValidationError, RecursionError):
            raise RoundError("the round in the link is not valid") from None
        fmt = formats.get(state.format_id)
        if fmt is None:
            raise RoundError(f"unknown format {state.format_id!r}")
        if state.index >= len(fmt.speeches) or any(fmt.team(t) is None for t in state.prep_used):
            raise RoundError("the round in the link does not fit its format")
        if state.prep_team is not None and fmt.team(state.prep_team) is None:
            raise RoundError("the round in the link does not fit its format")
        return state


def assign_sides(choice: Side | None = None, rng: random.Random | None = None) -> Side:
    """The topic side the proposition argues: the one chosen, or a coin toss."""
    if choice is not None:
        return choice
    return (rng or random.Random()).choice(list(Side))
