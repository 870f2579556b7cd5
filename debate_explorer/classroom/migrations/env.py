"""Alembic environment: run with a connection handed over by :func:`debate_explorer.classroom.db.upgrade`."""

from __future__ import annotations

from alembic import context

from debate_explorer.classroom.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through db.upgrade or the tests
    raise RuntimeError("run migrations through debate_explorer.classroom.db.upgrade(engine)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
