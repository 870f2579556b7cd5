"""A class under load through nginx and two replicas sharing PostgreSQL, with a replica crash and an outage.

The bounded version of ``benchmarks/class_load.py``: a private PostgreSQL cluster (so stopping it cannot
disturb other tests), two app processes started by ``deploy/replicas.py`` behind the shipped nginx
configuration, and students speaking Streamlit's WebSocket protocol through nginx. Asserts counts and
messages, never timings.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import class_load
from deploy.replicas import Cluster, free_port
from tests.conftest import FIXTURES
from tests.deploy_helpers import need_nginx, need_postgres_server

STUDENTS = 20
OUTAGE_SECONDS = 10.0
OUTAGE_STUDENTS = 3


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[class_load.Report, Path]]:
    need_nginx()
    need_postgres_server()
    content = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURES / "topics" / "sample-topic.yaml", content)
    run_dir = tmp_path_factory.mktemp("replicas")
    with (
        class_load.postgres() as pg,
        Cluster(
            replicas=2,
            database_url=pg.url,
            run_dir=run_dir,
            content=content,
            nginx_port=free_port(),
            supervise=False,  # the killed replica stays down: its students must move to the other one
        ) as cluster,
    ):
        yield (
            class_load.class_run(
                cluster,
                pg,
                STUDENTS,
                "sample-topic",
                kill=True,
                outage=OUTAGE_SECONDS,
                outage_students=OUTAGE_STUDENTS,
            ),
            run_dir,
        )


@pytest.mark.timeout(300)
def test_every_vote_and_rebuttal_is_stored_exactly_once(report: tuple[class_load.Report, Path]) -> None:
    result, _ = report
    assert result.stored == {
        "students": STUDENTS,
        "votes before": STUDENTS,
        "rebuttals": STUDENTS,
        "votes after": STUDENTS,
    }
    assert result.duplicates == {"rebuttals": 0, "votes": 0}
    assert result.problems == []


@pytest.mark.timeout(300)
def test_dashboard_through_nginx_shows_the_database_counts(report: tuple[class_load.Report, Path]) -> None:
    result, _ = report
    assert result.dashboard == {
        "Joined": str(STUDENTS),
        "Voted before": str(STUDENTS),
        "Voted after": str(STUDENTS),
    }


@pytest.mark.timeout(300)
def test_students_of_a_killed_replica_resume_their_seats_on_the_other(
    report: tuple[class_load.Report, Path],
) -> None:
    result, run_dir = report
    # nginx's route cookie spread the students over both replicas (all on one: a chance of 2 in a million),
    # and once the replica was dead nginx opened no WebSocket to it: its students went to the other one, and
    # since every one of them voted after and none joined twice, they resumed their own seats.
    before, after = class_load.streams(run_dir / "access.log", result)
    assert before >= 1 and after == 0
    assert result.lost_students >= 1
    access = (run_dir / "access.log").read_text()
    assert "/_stcore/stream" in access
    assert "seat=" not in access and "class=" not in access  # no query strings (tokens) in the log
    assert result.exceptions == []


@pytest.mark.timeout(300)
def test_database_outage_keeps_reading_and_refuses_writes_clearly(
    report: tuple[class_load.Report, Path],
) -> None:
    result, _ = report
    assert (result.outage_reads, result.outage_reads_ok) == (OUTAGE_STUDENTS, OUTAGE_STUDENTS)
    # Every write during the outage said the database was unreachable; their retries afterwards were stored
    # (the "votes after" count above includes them) and no student saw a traceback.
    assert (result.outage_writes, result.outage_write_messages) == (OUTAGE_STUDENTS, OUTAGE_STUDENTS)
    assert result.exceptions == []
    assert result.failures() == []
