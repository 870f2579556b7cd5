"""Ballots: a judge's ballot for a debate round in a class.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ballots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "debate_id",
            sa.Integer(),
            sa.ForeignKey("class_debates.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("format_id", sa.String(80), nullable=False),
        sa.Column("judge", sa.String(120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ballots_debate_id", "ballots", ["debate_id"])


def downgrade() -> None:
    op.drop_index("ix_ballots_debate_id", table_name="ballots")
    op.drop_table("ballots")
