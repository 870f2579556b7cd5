"""Migrations build the schema the models describe, from an empty database, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from debate_explorer.classroom import db
from debate_explorer.classroom.models import Base


def test_upgrade_an_empty_database_matches_the_models(database_url: str) -> None:
    engine = db.make_engine(database_url)
    try:
        assert db.current_revision(engine) is None
        db.upgrade(engine)
        db.upgrade(engine)  # idempotent: a restarted app applies nothing twice
        assert db.current_revision(engine) == db.head_revision()
        assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = db.make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.SQLITE_BUSY_MS
    engine.dispose()


def test_database_url_order(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(db.DATABASE_URL_ENV, raising=False)
    assert db.database_url() == "sqlite:///data/classroom.db" and (tmp_path / "data").is_dir()
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[connections.classroom]\nurl = "sqlite:///s.db"\n')
    assert db.database_url() == "sqlite:///s.db"
    monkeypatch.setenv(db.DATABASE_URL_ENV, "sqlite:///e.db")
    assert db.database_url() == "sqlite:///e.db"
