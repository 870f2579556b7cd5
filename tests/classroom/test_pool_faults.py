"""A replica whose connection pool is exhausted (a whole class at once) answers "try again", not a traceback.

Found by benchmarks/class_load.py: 300 students joining through two replicas at once made SQLAlchemy's pool
raise ``sqlalchemy.exc.TimeoutError``, which escaped the service's fault mapping and showed students an
uncaught exception.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from debate_explorer.classroom import ClassroomService, DatabaseUnavailable, db


def test_exhausted_pool_is_database_unavailable(database_url: str) -> None:
    engine = db.prepare(create_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.1))
    db.upgrade(engine)
    service = ClassroomService(engine)
    info, _ = service.create_class("sample-topic", None, title="Pool")
    held = engine.connect()  # the only connection, busy with someone else's request
    try:
        with pytest.raises(DatabaseUnavailable):
            service.join(info.code, client="test")
        with pytest.raises(DatabaseUnavailable):
            service.class_info(info.code)
    finally:
        held.close()
    seat, _ = service.join(info.code, client="test")  # and works again once a connection is free
    assert seat.info.code == info.code
    engine.dispose()
