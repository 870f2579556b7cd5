"""Debate formats as data: one validated YAML definition per format, shipped ones and a teacher's own.

A format lists its teams (each on the proposition or opposition bench), its speeches in order, the in-round
prep pool per team, and where points of information are allowed. Every figure names the rule page it was
read from (``sources``); figures that differ between leagues are noted in ``note``. Custom files go through
the same safe loader as topics, so an error names file, line and what is wrong.
"""

from __future__ import annotations

import os
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..loading import LoadError, parse_yaml, read_text, validate_as
from ..model import Id, Strict, Url

FORMATS_DIR = Path(__file__).resolve().parent / "formats"
MAX_FORMAT_BYTES = 64 * 1024

Minutes = Annotated[float, Field(gt=0, le=120)]


class Bench(StrEnum):
    """The side of the motion a team argues: proposition takes the topic's side chosen for it."""

    PROPOSITION = "proposition"
    OPPOSITION = "opposition"


class Team(Strict):
    id: Id
    name: str = Field(min_length=1)
    bench: Bench


class Speech(Strict):
    name: str = Field(min_length=1)
    team: Id | None = Field(None, description="The team speaking; none for a crossfire both sides share")
    minutes: Minutes
    cross_examination: bool = False
    points_of_information: bool = True
    """Points of information may be offered in this speech (only where the format has a window)."""

    @field_validator("team")
    @classmethod
    def _known_team(cls, team: str | None, info: ValidationInfo) -> str | None:
        """With the file's team ids in the context, an unknown team is reported at its own line."""
        teams = (info.context or {}).get("teams")
        if team is not None and teams is not None and team not in teams:
            raise ValueError(f"unknown team {team!r}; the teams are {', '.join(teams)}")
        return team


class PoiWindow(Strict):
    """Points of information are allowed from ``opens`` to ``closes`` minutes into a speech."""

    opens: Annotated[float, Field(ge=0)]
    closes_before_end: Annotated[float, Field(ge=0)]
    """Minutes before the end of the speech when the window closes (the last protected stretch)."""


class RuleSource(Strict):
    url: Url = Field(min_length=1)
    covers: str = Field(min_length=1, description="Which figures this page gives")


class Format(Strict):
    id: Id
    name: str = Field(min_length=1)
    teams: list[Team] = Field(min_length=2)
    speeches: list[Speech] = Field(min_length=1)
    prep_minutes: Annotated[float, Field(ge=0, le=60)] = 0
    """In-round preparation pool per team, drawn on between speeches."""
    preparation_before_minutes: Annotated[float, Field(ge=0, le=180)] = 0
    """Preparation after the motion is announced, before the first speech (no pool in the round)."""
    points_of_information: PoiWindow | None = None
    results: Annotated[str, Field(pattern="^(points|ranks)$")] = "points"
    """How a ballot scores speakers: speaker points, or ranks of the teams (British Parliamentary)."""
    round_minutes: Minutes | None = None
    """The documented total of speech time; checked against the speeches."""
    sources: list[RuleSource] = Field(default_factory=list)
    note: str = ""

    @field_validator("round_minutes")
    @classmethod
    def _adds_up(cls, minutes: float | None, info: ValidationInfo) -> float | None:
        speeches = info.data.get("speeches")
        if minutes is not None and speeches:
            total = sum(speech.minutes for speech in speeches)
            if abs(total - minutes) > 1e-6:
                raise ValueError(f"the speeches add up to {total:g} minutes, not {minutes:g}")
        return minutes

    @model_validator(mode="after")
    def _consistent(self) -> Format:
        ids = [team.id for team in self.teams]
        if len(set(ids)) != len(ids):
            raise ValueError("team ids must be different")
        for bench in Bench:
            if bench not in {team.bench for team in self.teams}:
                raise ValueError(f"no team on the {bench.value} bench")
        for number, speech in enumerate(self.speeches, start=1):
            if speech.team is not None and speech.team not in ids:
                raise ValueError(f"speech {number} ({speech.name}) names unknown team {speech.team!r}")
            if speech.team is None and not speech.cross_examination:
                raise ValueError(f"speech {number} ({speech.name}) needs a team (only a crossfire has none)")
        return self

    @property
    def total_minutes(self) -> float:
        return sum(speech.minutes for speech in self.speeches)

    def team(self, team_id: str | None) -> Team | None:
        return next((team for team in self.teams if team.id == team_id), None)

    def bench_of(self, speech: Speech) -> Bench | None:
        team = self.team(speech.team)
        return team.bench if team else None

    def poi_open(self, speech: Speech, elapsed_minutes: float) -> bool | None:
        """Whether a point of information may be offered now; None where the format has none."""
        window = self.points_of_information
        if window is None or speech.cross_examination:
            return None
        if not speech.points_of_information:
            return False
        return window.opens <= elapsed_minutes < speech.minutes - window.closes_before_end


def load_format_text(text: str, file: str = "<text>") -> Format:
    """Parse and validate a format definition. Raises LoadError with file, line and message."""
    raw = parse_yaml(text, file)
    if raw is None:
        raise LoadError(file, None, "", "file is empty; a format needs id, name, teams and speeches")
    teams = raw.get("teams") if isinstance(raw, dict) else None
    ids = [t.get("id") for t in teams if isinstance(t, dict)] if isinstance(teams, list) else None
    return validate_as(Format, raw, file, context={"teams": ids} if ids else None)


def load_format_file(path: str | os.PathLike[str]) -> Format:
    """Load a teacher's own format file (size-capped, UTF-8, safe YAML). Raises LoadError."""
    return load_format_text(read_text(Path(path), MAX_FORMAT_BYTES), str(path))


@cache
def shipped_formats() -> dict[str, Format]:
    """The formats in the package, by id, in the order of their files' names."""
    formats = [load_format_file(path) for path in sorted(FORMATS_DIR.glob("*.yaml"))]
    return {fmt.id: fmt for fmt in sorted(formats, key=lambda f: ORDER.index(f.id) if f.id in ORDER else 99)}


ORDER = ("public-forum", "lincoln-douglas", "policy", "british-parliamentary", "world-schools", "karl-popper")
"""Menu order: the American formats first, then the international ones."""
