"""Class debates: join by code, vote before and after, sides and teams, collected rebuttals, results.

No Streamlit here: the Classroom page and the ``debate-explorer class`` commands both stand over
:class:`ClassroomService`. Tables in :mod:`.models`, migrations under ``migrations/``, the debate's rules
(phases, choices, the Open-to-Debate result) in :mod:`.rules`.
"""

from .errors import (
    BadInput,
    BadToken,
    ClassClosed,
    ClassroomError,
    DatabaseUnavailable,
    RateLimited,
    TooLong,
    UnknownCode,
    WrongPhase,
)
from .rules import Choice, Outcome, Phase, SideMode, outcome
from .service import ClassInfo, ClassroomService, Dashboard, SeatKey, SeatState, Summary, TeacherKey

__all__ = [
    "BadInput",
    "BadToken",
    "Choice",
    "ClassClosed",
    "ClassInfo",
    "ClassroomError",
    "ClassroomService",
    "Dashboard",
    "DatabaseUnavailable",
    "Outcome",
    "Phase",
    "RateLimited",
    "SeatKey",
    "SeatState",
    "SideMode",
    "Summary",
    "TeacherKey",
    "TooLong",
    "UnknownCode",
    "WrongPhase",
    "outcome",
]
