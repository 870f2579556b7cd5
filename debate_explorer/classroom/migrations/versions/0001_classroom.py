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
    op.create_table(
        "students",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "debate_id", sa.Integer(), sa.ForeignKey("class_debates.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("side", sa.String(16), nullable=True),
        sa.Column("team", sa.Integer(), nullable=True),
        sa.Column("token_hash", sa.String(200), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("debate_id", "name", name="uq_students_debate_name"),
    )
    op.create_index("ix_students_debate_id", "students", ["debate_id"])
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "debate_id", sa.Integer(), sa.ForeignKey("class_debates.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "student_id", sa.Integer(), sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("choice", sa.String(16), nullable=False),
        sa.Column("moved_by", sa.String(80), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("student_id", "phase", name="uq_votes_student_phase"),
    )
    op.create_index("ix_votes_debate_id", "votes", ["debate_id"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "debate_id", sa.Integer(), sa.ForeignKey("class_debates.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "student_id", sa.Integer(), sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("pair_id", sa.String(80), nullable=False),
        sa.Column("side", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_submissions_debate_id", "submissions", ["debate_id"])
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
