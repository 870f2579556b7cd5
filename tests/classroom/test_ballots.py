"""Ballots stored through the classroom service, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from debate_explorer.classroom import ClassroomError, ClassroomService
from debate_explorer.rounds.ballot import Ballot


def a_ballot(**changes: object) -> Ballot:
    data: dict[str, object] = {
        "format_id": "public-forum",
        "topic_id": "sample-topic",
        "judge": "Ms Okafor",
        "winner": "team-b",
        "scores": {"team-a": {"Case": 22}, "team-b": {"Case": 27, "Delivery": 9}},
        "reason": "Team B's evidence on costs went unanswered.",
    }
    return Ballot.model_validate(data | changes)


def test_ballots_are_stored_and_listed_for_the_teacher(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    key = service.teacher(info.code, secret)
    assert service.ballots(key) == []
    first = a_ballot()
    second = a_ballot(judge="Mr Lee", winner="team-a")
    assert service.submit_ballot(key, first) != service.submit_ballot(key, second)
    stored = service.ballots(key)
    assert stored == [first, second]
    assert stored[0].total("team-b") == 36


def test_ballots_belong_to_their_class_and_go_with_it(service: ClassroomService) -> None:
    info, secret = service.create_class("sample-topic")
    other, other_secret = service.create_class("sample-topic")
    key, other_key = service.teacher(info.code, secret), service.teacher(other.code, other_secret)
    service.submit_ballot(key, a_ballot())
    assert service.ballots(other_key) == []
    with pytest.raises(ClassroomError):
        service.submit_ballot(key, a_ballot(topic_id="another-topic"))
    service.delete(key)
    with pytest.raises(ClassroomError):
        service.ballots(key)
