"""Speech clocks as pure logic: a pausable countdown, lengths in minutes and seconds, ``m:ss`` and overtime.

No Streamlit here. The browser counts the seconds (views/clock.py, a small component of the project's own);
this module decides what it is told: the length, the time used when the server last drew it, whether it
runs, when it turns to the near-end colour and which fixed notes it shows at which moments. The Practice
timer and the Rounds page's clocks both use it, so a length, a format and an overtime read the same
everywhere. Times are seconds from any clock the caller passes (``now``), so tests drive time by hand.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypedDict

WARN_SECONDS = 30
"""Seconds left when a clock changes colour and says so ("30 seconds left")."""
MIN_LENGTH = 1
MAX_LENGTH = 60 * 60
"""Lengths a speech timer accepts, in seconds (one second to an hour)."""
WARN_NOTE = f"{WARN_SECONDS} seconds left."
OVER_NOTE = "Time is up: over time."
OUT_NOTE = "No time left."


# ---------------------------------------------------------------- reading and writing m:ss


def clock(seconds: float) -> str:
    """``m:ss``, rounded up so a speaker never sees 0:00 while time is left."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def signed(left: float) -> str:
    """Time left as ``m:ss``, or the overtime as ``+m:ss`` once it is used up (counted in whole seconds)."""
    if left > 1e-9:
        return clock(left)
    over = math.floor(-left + 1e-9)
    return f"+{over // 60}:{over % 60:02d}"


_LENGTH = re.compile(r"^\s*(\d{1,3})(?:\s*:\s*(\d{1,2}))?\s*$")


def parse_length(text: str) -> int:
    """Seconds in a length typed as ``m:ss`` (``2:30``, ``0:45``) or whole minutes (``4``).

    Raises ValueError with a sentence a student understands for anything else, or outside 0:01-60:00.
    """
    match = _LENGTH.match(text or "")
    if match is None:
        raise ValueError(f"write a length as minutes:seconds, for example 2:30 (not {text.strip()[:20]!r})")
    minutes, secs = int(match.group(1)), int(match.group(2) or 0)
    if secs >= 60:
        raise ValueError("seconds go up to 59 (write 2:30, not 1:90)")
    total = minutes * 60 + secs
    if not MIN_LENGTH <= total <= MAX_LENGTH:
        raise ValueError(f"a length must be between {clock(MIN_LENGTH)} and {clock(MAX_LENGTH)}")
    return total


# ---------------------------------------------------------------- a pausable countdown


class TimerAction(StrEnum):
    """What the timer's buttons do."""

    START = "start"
    PAUSE = "pause"
    RESET = "reset"


@dataclass(frozen=True)
class Timer:
    """A countdown that can be paused and runs on into overtime until it is paused or reset."""

    total: float
    elapsed: float = 0.0
    started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def used(self, now: float) -> float:
        return self.elapsed + (max(0.0, now - self.started_at) if self.started_at is not None else 0.0)

    def left(self, now: float) -> float:
        """Seconds left; negative in overtime."""
        return self.total - self.used(now)

    def remaining(self, now: float) -> float:
        return max(0.0, self.left(now))

    def overtime(self, now: float) -> float:
        return max(0.0, -self.left(now))

    def finished(self, now: float) -> bool:
        return self.left(now) <= 0

    def start(self, now: float) -> Timer:
        """Start or resume; a timer whose time is used up stays as it is until it is reset."""
        if self.running or self.finished(now):
            return self
        return replace(self, started_at=now)

    def pause(self, now: float) -> Timer:
        """Stop counting; the overtime so far is kept, so the clock still shows it."""
        if not self.running:
            return self
        return replace(self, elapsed=min(MAX_LENGTH * 24.0, self.used(now)), started_at=None)

    def reset(self, total: float | None = None) -> Timer:
        return Timer(self.total if total is None else total)

    def apply(self, action: TimerAction, now: float) -> Timer:
        """The timer after a button press at ``now``."""
        if action is TimerAction.START:
            return self.start(now)
        if action is TimerAction.PAUSE:
            return self.pause(now)
        return self.reset()


def timer_for(timer: object, total: float, same_speech: bool) -> Timer:
    """The timer to show for a speech of ``total`` seconds.

    A running timer is never interrupted; a stopped one is replaced by a fresh one when the speech or its
    length changed (or when there is none yet), so a new setting takes effect at once.
    """
    if isinstance(timer, Timer) and (timer.running or (same_speech and timer.total == total)):
        return timer
    return Timer(total)


# ---------------------------------------------------------------- what the browser is told


@dataclass(frozen=True)
class Note:
    """A fixed sentence the clock shows (and announces once) while the time used is in [start, end)."""

    start: float
    end: float | None
    text: str


class FaceData(TypedDict):
    total: float
    used: float
    running: bool
    overtime: bool
    warn: float
    notes: list[tuple[float, float | None, str]]
    label: str
    projector: bool


def end_notes(total: float, warn: float = WARN_SECONDS, overtime: bool = True) -> list[Note]:
    """The near-end and time-up notes every clock shows."""
    notes = [Note(max(0.0, total - warn), total, WARN_NOTE)] if warn > 0 and total > warn else []
    return [*notes, Note(total, None, OVER_NOTE if overtime else OUT_NOTE)]


@dataclass(frozen=True)
class Face:
    """Everything a clock component is given: numbers, a fixed label and fixed notes (never content)."""

    label: str
    total: float
    used: float
    running: bool
    overtime: bool = True
    """Count on past zero (+0:12); a prep pool stops at 0:00 instead."""
    warn: float = WARN_SECONDS
    notes: Sequence[Note] = ()
    projector: bool = False

    @classmethod
    def of(cls, label: str, timer: Timer, now: float, **extra: object) -> Face:
        return cls(label, timer.total, timer.used(now), timer.running, **extra)  # type: ignore[arg-type]

    @property
    def left(self) -> float:
        return self.total - self.used

    @property
    def shown(self) -> str:
        """What the digits read at the moment the face was drawn (the browser counts on from there)."""
        return signed(self.left) if self.overtime else clock(max(0.0, self.left))

    def data(self) -> FaceData:
        notes = [*self.notes, *end_notes(self.total, self.warn, self.overtime)]
        return {
            "total": round(self.total, 3),
            "used": round(self.used, 3),
            "running": self.running,
            "overtime": self.overtime,
            "warn": self.warn,
            "notes": [(round(n.start, 3), None if n.end is None else round(n.end, 3), n.text) for n in notes],
            "label": self.label,
            "projector": self.projector,
        }
