"""The classroom's tables (SQLAlchemy 2). Schema changes go through the Alembic migrations beside this file.

Nothing personal is stored: a student is an anonymous name and a hashed seat token. Secrets are never stored,
only their scrypt hashes (see :mod:`.secrets`). Every child row cascades from its class, so deleting a class
deletes all of its data.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ClassDebate(Base):
    """One class debate: a topic (optionally one section), its options, its phase and the teacher's secret."""

    __tablename__ = "class_debates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, index=True)
    topic_id: Mapped[str] = mapped_column(String(80))
    section_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    phase: Mapped[str] = mapped_column(String(16))
    side_mode: Mapped[str] = mapped_column(String(16))
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    show_results: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_nicknames: Mapped[bool] = mapped_column(Boolean, default=False)
    teams_per_side: Mapped[int] = mapped_column(Integer, default=1)
    teacher_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    students: Mapped[list[Student]] = relationship(
        back_populates="debate", cascade="all, delete-orphan", passive_deletes=True
    )


class Student(Base):
    """A seat in a class: an anonymous name, the assigned side and team, and the hash of its seat token."""

    __tablename__ = "students"
    __table_args__ = (UniqueConstraint("debate_id", "name", name="uq_students_debate_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("class_debates.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    side: Mapped[str | None] = mapped_column(String(16), nullable=True)
    team: Mapped[int | None] = mapped_column(Integer, nullable=True)
    token_hash: Mapped[str] = mapped_column(String(200))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    debate: Mapped[ClassDebate] = relationship(back_populates="students")


class Vote(Base):
    """A student's vote in one poll; the unique key makes a second vote in a poll replace the first."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("student_id", "phase", name="uq_votes_student_phase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("class_debates.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(16))
    choice: Mapped[str] = mapped_column(String(16))
    moved_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Submission(Base):
    """A rebuttal a student submitted to the teacher, for one pair and side."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("class_debates.id", ondelete="CASCADE"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id", ondelete="CASCADE"), index=True)
    pair_id: Mapped[str] = mapped_column(String(80))
    side: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class JoinAttempt(Base):
    """A failed join-code attempt by a client (a hashed address), counted per minute to slow guessing."""

    __tablename__ = "join_attempts"
    __table_args__ = (Index("ix_join_attempts_client_at", "client", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BallotRow(Base):
    """A judge's ballot for a round in this class (``rounds.ballot.Ballot`` as JSON, validated on read)."""

    __tablename__ = "ballots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("class_debates.id", ondelete="CASCADE"), index=True)
    format_id: Mapped[str] = mapped_column(String(80))
    judge: Mapped[str] = mapped_column(String(120), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
