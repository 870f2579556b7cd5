"""Database faults reach the pages as the clear DatabaseUnavailable error, never as a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from debate_explorer.classroom import ClassroomService, DatabaseUnavailable, db


@pytest.fixture
def tiny_pool(database_url: str) -> Iterator[ClassroomService]:
    """A service whose pool has one connection and gives up waiting for it after a tenth of a second."""
    setup = db.make_engine(database_url)
    db.upgrade(setup)
    setup.dispose()
    engine = db.prepare(create_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.1))
    try:
        yield ClassroomService(engine)
    finally:
        engine.dispose()


def test_a_pool_timeout_is_database_unavailable(tiny_pool: ClassroomService) -> None:
    info, _ = tiny_pool.create_class("sample-topic")
    with tiny_pool.engine.connect():  # holds the pool's only connection
        with pytest.raises(DatabaseUnavailable) as raised:
            tiny_pool.class_info(info.code)
        assert "cannot be reached" in str(raised.value)
    assert tiny_pool.class_info(info.code).code == info.code  # and works again once a connection is free
