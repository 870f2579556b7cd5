"""Where the classroom database is, how to open it, and how to bring its schema up to date.

The URL comes from ``$DEBATE_EXPLORER_DATABASE_URL``, else ``[connections.classroom] url`` in
``.streamlit/secrets.toml`` (what ``st.connection("classroom", type="sql")`` reads too), else a SQLite file
``data/classroom.db`` — so ``make run`` needs nothing else. SQLite runs in WAL mode with a busy timeout and
foreign keys on; PostgreSQL (psycopg 3) is the hosted choice that several app processes share.
"""

from __future__ import annotations

import os
import threading
import tomllib
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

DATABASE_URL_ENV = "DEBATE_EXPLORER_DATABASE_URL"
CONNECTION_NAME = "classroom"
DEFAULT_SQLITE = Path("data") / "classroom.db"
SQLITE_BUSY_MS = 30_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def secrets_url(path: Path = Path(".streamlit") / "secrets.toml") -> str | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    url = data.get("connections", {}).get(CONNECTION_NAME, {}).get("url")
    return url if isinstance(url, str) and url.strip() else None


def database_url() -> str:
    """The configured database URL (see the module docstring for the order)."""
    configured = os.environ.get(DATABASE_URL_ENV, "").strip() or secrets_url()
    if configured:
        return configured
    DEFAULT_SQLITE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE}"


def engine_options(url: str) -> dict[str, Any]:
    """create_engine keyword arguments for this URL (shared with st.connection in the app)."""
    if make_url(url).get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}}
    return {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 10, "pool_recycle": 1800}


def prepare(engine: Engine) -> Engine:
    """Per-connection settings: for SQLite WAL, a busy timeout and enforced foreign keys."""
    if engine.dialect.name == "sqlite" and not getattr(engine, "_debate_explorer_prepared", False):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        engine._debate_explorer_prepared = True  # type: ignore[attr-defined]
    return engine


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    return prepare(create_engine(url, **engine_options(url)))


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


_upgrade_lock = threading.Lock()


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (idempotent; serialised within this process)."""
    with _upgrade_lock, engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()
