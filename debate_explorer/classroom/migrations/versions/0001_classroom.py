"""Classroom tables: class debates, students, votes, submissions, join attempts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _belongs_to(table: str, column: str) -> sa.Column[int]:
    """A required foreign key that disappears with its parent row."""
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False)


def _debate_child(
    name: str, *columns: sa.Column[object] | sa.UniqueConstraint, per_student: bool = False
) -> None:
    """A table that belongs to a class debate (and, with ``per_student``, to one of its students)."""
    owners = [_belongs_to("class_debates", "debate_id")]
    if per_student:
        owners.append(_belongs_to("students", "student_id"))
    op.create_table(name, sa.Column("id", sa.Integer(), primary_key=True), *owners, *columns)
    op.create_index(f"ix_{name}_debate_id", name, ["debate_id"])


def upgrade() -> None:
    op.create_table(
        "class_debates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("topic_id", sa.String(80), nullable=False),
        sa.Column("section_id", sa.String(80), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("side_mode", sa.String(16), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("show_results", sa.Boolean(), nullable=False),
        sa.Column("allow_nicknames", sa.Boolean(), nullable=False),
        sa.Column("teams_per_side", sa.Integer(), nullable=False),
        sa.Column("teacher_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_class_debates_code", "class_debates", ["code"], unique=True)
    _debate_child(
        "students",
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("side", sa.String(16), nullable=True),
        sa.Column("team", sa.Integer(), nullable=True),
        sa.Column("token_hash", sa.String(200), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("debate_id", "name", name="uq_students_debate_name"),
    )
    _debate_child(
        "votes",
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("choice", sa.String(16), nullable=False),
        sa.Column("moved_by", sa.String(80), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("student_id", "phase", name="uq_votes_student_phase"),
        per_student=True,
    )
    _debate_child(
        "submissions",
        sa.Column("pair_id", sa.String(80), nullable=False),
        sa.Column("side", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        per_student=True,
    )
    op.create_index("ix_submissions_student_id", "submissions", ["student_id"])
    op.create_table(
        "join_attempts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_join_attempts_client_at", "join_attempts", ["client", "at"])


def downgrade() -> None:
    for table in ("join_attempts", "submissions", "votes", "students", "class_debates"):
        op.drop_table(table)
