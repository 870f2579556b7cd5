"""Classroom test fixtures: every service test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``$DEBATE_EXPLORER_TEST_POSTGRES_URL`` (``.ci/run`` starts a throwaway cluster and sets
it). Without it the PostgreSQL cases skip on a developer's machine, but fail where
``DEBATE_EXPLORER_REQUIRE_POSTGRES`` is set (CI), so they can never silently stop running there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from debate_explorer.classroom import ClassroomService, db

POSTGRES_ENV = "DEBATE_EXPLORER_TEST_POSTGRES_URL"
REQUIRE_ENV = "DEBATE_EXPLORER_REQUIRE_POSTGRES"


def postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but {POSTGRES_ENV} is not: CI must run the PostgreSQL tests")
        pytest.skip(f"no PostgreSQL: set {POSTGRES_ENV} (.ci/run starts one)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind for one test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'classroom.db'}"
        return
    admin = postgres_admin_url()
    assert admin
    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def service(database_url: str) -> Iterator[ClassroomService]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    try:
        yield ClassroomService(engine)
    finally:
        engine.dispose()
