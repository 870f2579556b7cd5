"""The one service API over the classroom database, used by the app's pages and by the CLI alike.

Teachers and students prove who they are once: :meth:`ClassroomService.teacher` checks a teacher secret and
:meth:`ClassroomService.seat` a seat token, each returning a small key object that the other calls take. The
key lives only in the server's session state; every call still re-reads the class, so a deleted class or a new
teacher link takes effect at once. All SQL goes through the ORM or SQLAlchemy Core with bound parameters.
Database faults become :class:`DatabaseUnavailable`, a message the pages show with a retry.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, aliased, sessionmaker

from ..escape import csv_cell
from ..model import ID_PATTERN, MAX_ID, Side
from ..rounds.ballot import Ballot
from . import errors, names, tokens
from .errors import ClassroomError, DatabaseUnavailable
from .models import BallotRow, ClassDebate, JoinAttempt, Student, Submission, Vote
from .rules import (
    JOIN_PHASES,
    MAX_SUBMISSION,
    MAX_TEAMS_PER_SIDE,
    SUBMIT_PHASES,
    VOTING_PHASES,
    Choice,
    Outcome,
    Phase,
    SideMode,
    tallied_outcome,
)

MAX_JOIN_FAILURES = 10
"""Wrong codes one client may try per minute before joins from it are refused for the rest of that minute."""
MAX_TITLE = 200

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


E = TypeVar("E", bound=StrEnum)


def _parse(kind: type[E], value: object, message: str) -> E:
    """``kind(value)``, or BadInput with ``message`` for a value that is not one of its members."""
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    raise errors.BadInput(message)


def _id_ok(value: str | None) -> bool:
    return value is None or (len(value) <= MAX_ID and re.fullmatch(ID_PATTERN, value) is not None)


@dataclass(frozen=True)
class ClassInfo:
    """What anyone with the code may know about a class."""

    code: str
    topic_id: str
    section_id: str | None
    title: str
    phase: Phase
    side_mode: SideMode
    blind: bool
    show_results: bool
    allow_nicknames: bool
    teams_per_side: int
    created_at: datetime

    @classmethod
    def of(cls, row: ClassDebate) -> ClassInfo:
        return cls(
            code=row.code,
            topic_id=row.topic_id,
            section_id=row.section_id,
            title=row.title,
            phase=Phase(row.phase),
            side_mode=SideMode(row.side_mode),
            blind=row.blind,
            show_results=row.show_results,
            allow_nicknames=row.allow_nicknames,
            teams_per_side=row.teams_per_side,
            created_at=row.created_at,
        )


@dataclass(frozen=True)
class TeacherKey:
    """Proof that the holder gave this class's current teacher secret."""

    debate_id: int
    code: str
    secret_hash: str = field(repr=False)


@dataclass(frozen=True)
class SeatKey:
    """Proof that the holder gave this seat's token."""

    student_id: int
    debate_id: int
    token_hash: str = field(repr=False)


@dataclass(frozen=True)
class SubmissionRow:
    student: str
    team: str
    pair_id: str
    side: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class SeatState:
    """What a student sees of their own seat: never anyone else's work."""

    info: ClassInfo
    name: str
    side: Side | None
    team: int | None
    votes: dict[str, Choice]
    moved_by: str | None
    submissions: list[SubmissionRow]


@dataclass(frozen=True)
class Summary:
    """A class's counts and result: what the teacher's live view refreshes, read with a fixed number of
    aggregate queries whatever the size of the class (no names, no texts)."""

    info: ClassInfo
    joined: int
    voted_before: int
    voted_after: int
    outcome: Outcome
    moved_most: dict[str, int]


@dataclass(frozen=True)
class Dashboard:
    info: ClassInfo
    joined: int
    voted_before: int
    voted_after: int
    teams: dict[str, list[str]]
    outcome: Outcome
    moved_most: dict[str, int]
    submissions: list[SubmissionRow]


def team_label(side: str | None, team: int | None, teams_per_side: int) -> str:
    """ "Supporter" / "Critic 2" / "" for no side: the name a team goes by on the dashboard and in CSVs."""
    if side is None:
        return ""
    base = side.title()
    return f"{base} {team}" if team is not None and teams_per_side > 1 else base


class ClassroomService:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = _now) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock

    # ------------------------------------------------------------ plumbing

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One transaction; database faults become DatabaseUnavailable, our own errors pass through."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except ClassroomError:
            session.rollback()
            raise
        except IntegrityError:
            session.rollback()
            raise
        except (OperationalError, DBAPIError, PoolTimeout) as exc:
            # PoolTimeout: every pooled connection busy for pool_timeout seconds (a replica overloaded by a
            # whole class at once) -- "try again in a moment", like an unreachable server, not a traceback.
            session.rollback()
            raise DatabaseUnavailable() from exc
        finally:
            session.close()

    def _debate(self, session: Session, debate_id: int) -> ClassDebate:
        row = session.get(ClassDebate, debate_id)
        if row is None:
            raise errors.UnknownCode()
        return row

    def _by_code(self, session: Session, code: str) -> ClassDebate:
        canonical = tokens.normalise_code(code)
        row = None
        if canonical is not None:
            row = session.scalars(select(ClassDebate).where(ClassDebate.code == canonical)).first()
        if row is None:
            raise errors.UnknownCode()
        return row

    # ------------------------------------------------------------ teacher

    def create_class(
        self,
        topic_id: str,
        section_id: str | None = None,
        *,
        title: str = "",
        side_mode: SideMode | str = SideMode.RANDOM,
        blind: bool = False,
        show_results: bool = True,
        allow_nicknames: bool = False,
        teams_per_side: int = 1,
    ) -> tuple[ClassInfo, str]:
        """A new class in the before-vote phase, and its teacher secret (shown once, stored hashed)."""
        if not _id_ok(topic_id) or not topic_id or not _id_ok(section_id):
            raise errors.BadInput("That topic or section is not one of the library's.")
        try:
            mode = SideMode(side_mode)
        except ValueError:
            raise errors.BadInput(
                "Sides are assigned at random, chosen by students, or not at all."
            ) from None
        if not 1 <= teams_per_side <= MAX_TEAMS_PER_SIDE:
            raise errors.BadInput(f"Choose between 1 and {MAX_TEAMS_PER_SIDE} teams per side.")
        secret = tokens.new_secret()
        secret_hash = tokens.hash_secret(secret)
        for _ in range(20):  # a clash of random codes is rare; the unique index settles it
            try:
                with self._session() as session:
                    row = ClassDebate(
                        code=tokens.new_code(),
                        topic_id=topic_id,
                        section_id=section_id,
                        title=" ".join(title.split())[:MAX_TITLE],
                        phase=Phase.BEFORE.value,
                        side_mode=mode.value,
                        blind=blind,
                        show_results=show_results,
                        allow_nicknames=allow_nicknames,
                        teams_per_side=teams_per_side,
                        teacher_hash=secret_hash,
                        created_at=self._clock(),
                    )
                    session.add(row)
                    session.flush()
                    info = ClassInfo.of(row)
                return info, secret
            except IntegrityError:
                continue
        raise DatabaseUnavailable()

    def teacher(self, code: str, secret: str) -> TeacherKey:
        """Check a teacher secret; the key it returns opens the dashboard and the phase controls."""
        with self._session() as session:
            row = self._by_code(session, code)
            if not tokens.is_secret_shaped(secret) or not tokens.verify_secret(secret, row.teacher_hash):
                raise errors.BadToken("teacher link")
            return TeacherKey(row.id, row.code, row.teacher_hash)

    def _teacher_row(self, session: Session, key: TeacherKey) -> ClassDebate:
        row = self._debate(session, key.debate_id)
        if row.teacher_hash != key.secret_hash:
            raise errors.BadToken("teacher link")  # a new teacher link was made since
        return row

    def set_phase(self, key: TeacherKey, phase: Phase | str) -> ClassInfo:
        target = _parse(Phase, phase, "That is not a phase of a class debate.")
        with self._session() as session:
            row = self._teacher_row(session, key)
            if Phase(row.phase) is Phase.CLOSED:
                raise errors.ClassClosed()
            row.phase = target.value
            if target is Phase.CLOSED:
                row.closed_at = self._clock()
            return ClassInfo.of(row)

    def close(self, key: TeacherKey) -> ClassInfo:
        return self.set_phase(key, Phase.CLOSED)

    def delete(self, key: TeacherKey) -> None:
        with self._session() as session:
            row = self._teacher_row(session, key)
            self._delete_rows(session, row.id)

    def summary(self, key: TeacherKey) -> Summary:
        """The live counts and result (see :class:`Summary`): four statements, for 3 students or 3,000."""
        with self._session() as session:
            row = self._teacher_row(session, key)
            return self._summary(session, row)

    def dashboard(self, key: TeacherKey) -> Dashboard:
        """The summary plus the teams' members and the rebuttals: a fixed number of statements too."""
        with self._session() as session:
            row = self._teacher_row(session, key)
            summary = self._summary(session, row)
            members = session.execute(
                select(Student.name, Student.side, Student.team)
                .where(Student.debate_id == row.id)
                .order_by(Student.id)
            ).all()
            subs = self._submissions(session, row, None)
        teams: dict[str, list[str]] = {}
        for name, side, team in members:
            teams.setdefault(team_label(side, team, summary.info.teams_per_side), []).append(name)
        return Dashboard(
            info=summary.info,
            joined=summary.joined,
            voted_before=summary.voted_before,
            voted_after=summary.voted_after,
            teams=teams,
            outcome=summary.outcome,
            moved_most=summary.moved_most,
            submissions=subs,
        )

    def _summary(self, session: Session, row: ClassDebate) -> Summary:
        joined = session.scalar(select(func.count()).select_from(Student).where(Student.debate_id == row.id))
        result, moved = self._tally(session, row.id)
        return Summary(
            info=ClassInfo.of(row),
            joined=joined or 0,
            voted_before=result.before.total,
            voted_after=result.after.total,
            outcome=result,
            moved_most=moved,
        )

    def _tally(self, session: Session, debate_id: int) -> tuple[Outcome, dict[str, int]]:
        """The result and the "moved me most" counts, counted by the database: two GROUP BY queries whose
        rows are bounded by the choices and pairs, not by the students."""
        polls: dict[str, Counter[Choice]] = {"before": Counter(), "after": Counter()}
        moved: defaultdict[str, int] = defaultdict(int)
        for phase, choice, moved_by, count in session.execute(
            select(Vote.phase, Vote.choice, Vote.moved_by, func.count())
            .where(Vote.debate_id == debate_id)
            .group_by(Vote.phase, Vote.choice, Vote.moved_by)
        ):
            polls[phase][Choice(choice)] += count
            if phase == "after" and moved_by:
                moved[moved_by] += count
        first, second = aliased(Vote), aliased(Vote)
        moves = {
            (Choice(was), Choice(now)): count
            for was, now, count in session.execute(
                select(first.choice, second.choice, func.count())
                .join(second, (second.student_id == first.student_id) & (second.phase == "after"))
                .where(first.debate_id == debate_id, first.phase == "before")
                .group_by(first.choice, second.choice)
            )
        }
        ranked = dict(sorted(moved.items(), key=lambda item: (-item[1], item[0])))
        return tallied_outcome(polls["before"], polls["after"], moves), ranked

    def submit_ballot(self, key: TeacherKey, ballot: Ballot) -> int:
        """Store a judge's ballot for a round in this class; returns its id. The teacher's key is required."""
        if ballot.topic_id != self.class_info(key.code).topic_id:
            raise errors.BadInput("This ballot is for another topic than the class's.")
        with self._session() as session:
            row = self._teacher_row(session, key)
            stored = BallotRow(
                debate_id=row.id,
                format_id=ballot.format_id,
                judge=ballot.judge,
                body=ballot.model_dump_json(),
                created_at=self._clock(),
            )
            session.add(stored)
            session.flush()
            return stored.id

    def ballots(self, key: TeacherKey) -> list[Ballot]:
        """Every ballot of the class, oldest first (each re-validated as it is read)."""
        with self._session() as session:
            row = self._teacher_row(session, key)
            bodies = session.scalars(
                select(BallotRow.body).where(BallotRow.debate_id == row.id).order_by(BallotRow.id)
            ).all()
        return [Ballot.model_validate_json(body) for body in bodies]

    def votes_csv(self, key: TeacherKey) -> str:
        """One row per vote: student, team, poll, choice, the pair that moved them most, time (UTC)."""
        with self._session() as session:
            row = self._teacher_row(session, key)
            rows = session.execute(
                select(
                    Student.name,
                    Student.side,
                    Student.team,
                    Vote.phase,
                    Vote.choice,
                    Vote.moved_by,
                    Vote.updated_at,
                )
                .join(Student, Student.id == Vote.student_id)
                .where(Vote.debate_id == row.id)
                .order_by(Student.id, Vote.phase.desc())
            ).all()
            per_side = row.teams_per_side
        return _csv(
            ["student", "team", "poll", "choice", "moved_most_by_pair", "time_utc"],
            (
                [name, team_label(side, team, per_side), phase, choice, moved or "", _iso(at)]
                for name, side, team, phase, choice, moved, at in rows
            ),
        )

    def submissions_csv(self, key: TeacherKey) -> str:
        with self._session() as session:
            row = self._teacher_row(session, key)
            subs = self._submissions(session, row, None)
        return _csv(
            ["student", "team", "pair", "side", "rebuttal", "time_utc"],
            ([s.student, s.team, s.pair_id, s.side, s.text, _iso(s.created_at)] for s in subs),
        )

    def _submissions(self, session: Session, row: ClassDebate, student_id: int | None) -> list[SubmissionRow]:
        query = (
            select(Student.name, Student.side, Student.team, Submission)
            .join(Student, Student.id == Submission.student_id)
            .where(Submission.debate_id == row.id)
            .order_by(Submission.id)
        )
        if student_id is not None:
            query = query.where(Submission.student_id == student_id)
        return [
            SubmissionRow(
                name, team_label(side, team, row.teams_per_side), s.pair_id, s.side, s.text, s.created_at
            )
            for name, side, team, s in session.execute(query).all()
        ]

    # ------------------------------------------------------------ students

    def class_info(self, code: str) -> ClassInfo:
        with self._session() as session:
            return ClassInfo.of(self._by_code(session, code))

    def join(self, code: str, client: str = "", nickname: str | None = None) -> tuple[SeatState, str]:
        """A new seat in the class with this code; returns it and the seat token (for the student's URL).

        A client that typed too many wrong codes this minute is refused before the code is even looked at.
        """
        client_key = tokens.client_key(client or "unknown")
        with self._session() as session:
            since = self._clock() - timedelta(minutes=1)
            failures = session.scalar(
                select(func.count())
                .select_from(JoinAttempt)
                .where(JoinAttempt.client == client_key, JoinAttempt.at >= since)
            )
            if (failures or 0) >= MAX_JOIN_FAILURES:
                raise errors.RateLimited()
        try:
            with self._session() as session:
                found = self._by_code(session, code)
                debate_id, phase, allow_nicknames = found.id, Phase(found.phase), found.allow_nicknames
        except errors.UnknownCode:
            with self._session() as session:
                session.add(JoinAttempt(client=client_key, at=self._clock()))
            raise
        if phase not in JOIN_PHASES:
            raise errors.ClassClosed()
        wanted = names.clean_nickname(nickname or "") if allow_nicknames else ""
        secret = tokens.new_secret()
        token_hash = tokens.hash_secret(secret)
        for attempt in range(30):
            name = wanted or names.random_name()
            if attempt >= 10 or (wanted and attempt):
                name = f"{name} {attempt + 1}"
            try:
                with self._session() as session:
                    row = self._debate(session, debate_id)
                    side, team = self._assign(session, row)
                    student = Student(debate_id=row.id, name=name, side=side, team=team)
                    student.token_hash, student.joined_at = token_hash, self._clock()
                    session.add(student)
                    session.flush()
                    student_id = student.id
                seat = SeatKey(student_id, debate_id, token_hash)
                return self.seat_state(seat), tokens.seat_token(student_id, secret)
            except IntegrityError:
                continue  # the name was taken a moment ago: draw another
        raise DatabaseUnavailable()

    def _assign(self, session: Session, row: ClassDebate) -> tuple[str | None, int | None]:
        """Random and balanced: the side with fewer students (a coin toss on a tie), then the smaller team."""
        if SideMode(row.side_mode) is not SideMode.RANDOM:
            return None, None
        counts = dict(
            session.execute(
                select(Student.side, func.count()).where(Student.debate_id == row.id).group_by(Student.side)
            ).all()
        )
        sup, cri = counts.get(Side.SUPPORTER.value, 0), counts.get(Side.CRITIC.value, 0)
        if sup == cri:
            side = secrets.choice((Side.SUPPORTER, Side.CRITIC))
        else:
            side = Side.SUPPORTER if sup < cri else Side.CRITIC
        return side.value, self._team(session, row, side.value)

    def _team(self, session: Session, row: ClassDebate, side: str) -> int:
        teams = dict(
            session.execute(
                select(Student.team, func.count())
                .where(Student.debate_id == row.id, Student.side == side)
                .group_by(Student.team)
            ).all()
        )
        return min(range(1, row.teams_per_side + 1), key=lambda t: (teams.get(t, 0), t))

    def seat(self, token: str) -> SeatKey:
        """Check a seat token (from the student's URL); the key opens that seat and nothing else."""
        parts = tokens.split_seat_token(token)
        if parts is None:
            raise errors.BadToken()
        student_id, secret = parts
        with self._session() as session:
            student = session.get(Student, student_id)
            if student is None or not tokens.verify_secret(secret, student.token_hash):
                raise errors.BadToken()
            return SeatKey(student.id, student.debate_id, student.token_hash)

    def _student(self, session: Session, key: SeatKey) -> tuple[Student, ClassDebate]:
        student = session.get(Student, key.student_id)
        if student is None or student.token_hash != key.token_hash or student.debate_id != key.debate_id:
            raise errors.BadToken()
        return student, self._debate(session, key.debate_id)

    def seat_state(self, key: SeatKey) -> SeatState:
        with self._session() as session:
            student, row = self._student(session, key)
            return self._seat_state(session, student, row)

    def _seat_state(self, session: Session, student: Student, row: ClassDebate) -> SeatState:
        """The seat as this transaction sees it: a vote or a rebuttal is acknowledged in its own transaction,
        without a second round trip to the database."""
        votes = session.execute(
            select(Vote.phase, Vote.choice, Vote.moved_by).where(Vote.student_id == student.id)
        ).all()
        return SeatState(
            info=ClassInfo.of(row),
            name=student.name,
            side=Side(student.side) if student.side else None,
            team=student.team,
            votes={phase: Choice(choice) for phase, choice, _ in votes},
            moved_by=next((moved for phase, _, moved in votes if phase == "after"), None),
            submissions=self._submissions(session, row, student.id),
        )

    def choose_side(self, key: SeatKey, side: Side | str) -> SeatState:
        chosen = _parse(Side, side, "Choose the supporters' or the critics' side.")
        with self._session() as session:
            student, row = self._student(session, key)
            if SideMode(row.side_mode) is not SideMode.CHOOSE:
                raise errors.BadInput("In this class the teacher assigns the sides.")
            if Phase(row.phase) is Phase.CLOSED:
                raise errors.ClassClosed()
            student.side = chosen.value
            student.team = self._team(session, row, chosen.value)
        return self.seat_state(key)

    def vote(self, key: SeatKey, choice: Choice | str, moved_by: str | None = None) -> SeatState:
        """Record the vote of the open poll; voting again in the same poll replaces the earlier vote.

        One INSERT … ON CONFLICT DO UPDATE on (student, poll): concurrent votes never duplicate or vanish.
        """
        picked = _parse(Choice, choice, "Vote For, Against or Undecided.")
        if moved_by is not None and not _id_ok(moved_by):
            raise errors.BadInput("That is not a pair of this topic.")
        with self._session() as session:
            student, row = self._student(session, key)
            phase = Phase(row.phase)
            if phase is Phase.CLOSED:
                raise errors.ClassClosed()
            poll_name = VOTING_PHASES.get(phase)
            if poll_name is None:
                raise errors.WrongPhase(
                    "Voting is not open right now: wait for your teacher to open the vote."
                )
            values: dict[str, Any] = {
                "debate_id": row.id,
                "student_id": student.id,
                "phase": poll_name,
                "choice": picked.value,
                "moved_by": moved_by if poll_name == "after" else None,
                "updated_at": self._clock(),
            }
            insert = _insert_for(self.engine)
            statement = insert(Vote).values(**values)
            statement = statement.on_conflict_do_update(
                index_elements=[Vote.student_id, Vote.phase],
                set_={k: statement.excluded[k] for k in ("choice", "moved_by", "updated_at")},
            )
            session.execute(statement)
            return self._seat_state(session, student, row)

    def submit(self, key: SeatKey, pair_id: str, side: Side | str, text: str) -> SeatState:
        """Hand a rebuttal to the teacher; stored as typed (trimmed) and only ever shown as text."""
        chosen = _parse(Side, side, "A rebuttal is written for the supporters' or the critics' side.")
        if not _id_ok(pair_id) or not pair_id:
            raise errors.BadInput("That is not a pair of this topic.")
        body = text.strip() if isinstance(text, str) else ""
        if not body:
            raise errors.BadInput("Write your rebuttal before handing it in.")
        if len(body) > MAX_SUBMISSION:
            raise errors.TooLong(
                f"A rebuttal can be at most {MAX_SUBMISSION:,} characters; this one has {len(body):,}."
            )
        with self._session() as session:
            student, row = self._student(session, key)
            phase = Phase(row.phase)
            if phase is Phase.CLOSED:
                raise errors.ClassClosed()
            if phase not in SUBMIT_PHASES:
                raise errors.WrongPhase(
                    "Rebuttals can be handed in once your teacher starts the reading and debate."
                )
            if student.side is not None and chosen.value != student.side:
                raise errors.BadInput(f"You argue for the {student.side} side in this class.")
            session.add(
                Submission(
                    debate_id=row.id,
                    student_id=student.id,
                    pair_id=pair_id,
                    side=chosen.value,
                    text=body,
                    created_at=self._clock(),
                )
            )
            session.flush()
            return self._seat_state(session, student, row)

    def results_for_student(self, key: SeatKey) -> Outcome:
        """The class result, if the teacher shows results to the class and the results phase has come."""
        with self._session() as session:
            _, row = self._student(session, key)
            if not row.show_results:
                raise errors.WrongPhase("Your teacher keeps the results for the class discussion.")
            if Phase(row.phase) not in (Phase.RESULTS, Phase.CLOSED):
                raise errors.WrongPhase("The results are shown once your teacher opens them.")
            return self._tally(session, row.id)[0]

    # ------------------------------------------------------------ the server's owner (CLI)

    def list_classes(self) -> list[tuple[ClassInfo, int]]:
        """Every class with its number of students, newest first."""
        with self._session() as session:
            rows = session.execute(
                select(ClassDebate, func.count(Student.id))
                .outerjoin(Student, Student.debate_id == ClassDebate.id)
                .group_by(ClassDebate.id)
                .order_by(ClassDebate.created_at.desc(), ClassDebate.id.desc())
            ).all()
            return [(ClassInfo.of(row), count) for row, count in rows]

    def owner_key(self, code: str) -> TeacherKey:
        """The teacher key for a class, for the server's owner (who holds the database anyway)."""
        with self._session() as session:
            row = self._by_code(session, code)
            return TeacherKey(row.id, row.code, row.teacher_hash)

    def new_teacher_link(self, code: str) -> str:
        """A fresh teacher secret for a class whose teacher lost the link; the old one stops working."""
        secret = tokens.new_secret()
        with self._session() as session:
            row = self._by_code(session, code)
            row.teacher_hash = tokens.hash_secret(secret)
        return secret

    def export(self, code: str) -> dict[str, Any]:
        """A class's whole record as plain data (for `debate-explorer class export CODE`)."""
        key = self.owner_key(code)
        board = self.dashboard(key)
        info = board.info
        return {
            "code": info.code,
            "topic": info.topic_id,
            "section": info.section_id,
            "title": info.title,
            "phase": info.phase.value,
            "created_utc": _iso(info.created_at),
            "options": {
                "sides": info.side_mode.value,
                "blind": info.blind,
                "show_results": info.show_results,
                "nicknames": info.allow_nicknames,
                "teams_per_side": info.teams_per_side,
            },
            "teams": board.teams,
            "votes_csv": self.votes_csv(key),
            "submissions_csv": self.submissions_csv(key),
        }

    def delete_class(self, code: str) -> None:
        with self._session() as session:
            row = self._by_code(session, code)
            self._delete_rows(session, row.id)

    def purge(self, older_than_days: float) -> int:
        """Delete every class created more than ``older_than_days`` ago; returns how many went."""
        if older_than_days < 0:
            raise errors.BadInput("--older-than must be zero or more days.")
        cutoff = self._clock() - timedelta(days=older_than_days)
        with self._session() as session:
            ids = session.scalars(select(ClassDebate.id).where(ClassDebate.created_at < cutoff)).all()
            for debate_id in ids:
                self._delete_rows(session, debate_id)
            session.execute(delete(JoinAttempt).where(JoinAttempt.at < self._clock() - timedelta(minutes=5)))
            return len(ids)

    def _delete_rows(self, session: Session, debate_id: int) -> None:
        # Explicit deletes, children first: does not depend on the database enforcing ON DELETE CASCADE.
        for table in (BallotRow, Vote, Submission, Student):
            session.execute(delete(table).where(table.debate_id == debate_id))
        session.execute(delete(ClassDebate).where(ClassDebate.id == debate_id))


def _insert_for(engine: Engine) -> Callable[..., Any]:
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def _iso(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # SQLite hands back naive datetimes; we only ever store UTC
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _csv(header: list[str], rows: Iterator[list[Any]] | Any) -> str:
    """CSV text; cells that a spreadsheet would run as a formula get a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()
