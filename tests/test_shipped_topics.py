"""Every shipped topic in arguments/ meets the library's standard and works on every page and export."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer import pages
from debate_explorer.checks import check_library
from debate_explorer.exports import FORMATS, export_topic
from debate_explorer.loading import load_library
from debate_explorer.model import Side, Topic
from debate_explorer.search import search
from debate_explorer.views import render
from tests.conftest import ROOT, OpenApp, shown_texts

SHIPPED = ROOT / "arguments"
LIBRARY = load_library([SHIPPED])
TOPICS = [loaded.topic for loaded in LIBRARY.topics]
IDS = [topic.id for topic in TOPICS]
MIN_SECTIONS, MIN_PAIRS, MIN_EVENTS, MIN_SOURCES = 5, 3, 10, 40


def test_the_library_has_four_topics_and_every_file_loads() -> None:
    assert LIBRARY.errors == []
    assert len(TOPICS) >= 4


def test_check_strict_finds_nothing() -> None:
    assert [str(f) for f in check_library(LIBRARY)] == []


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topic_meets_the_counts(topic: Topic) -> None:
    assert len(topic.sections) >= MIN_SECTIONS
    assert all(len(section.pairs) >= MIN_PAIRS for section in topic.sections)
    assert len(topic.timeline) >= MIN_EVENTS and all(event.sources for event in topic.timeline)
    assert len({source.id for source in topic.sources}) >= MIN_SOURCES
    assert topic.document is not None and topic.document.title and topic.document.note
    for section in topic.sections:
        assert section.questions and section.terms, section.id
        for pair in section.pairs:
            for side in Side:
                position = pair.side(side)
                filled = [
                    position.held_by,
                    position.claim,
                    position.reasoning,
                    position.evidence,
                    position.rebuttal,
                ]
                assert all(text.strip() for text in filled) and position.sources, f"{pair.id} {side}"


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_renders_every_topic(topic: Topic, fmt: str) -> None:
    out = export_topic(topic, fmt)
    assert out.strip()
    if FORMATS[fmt].accepts_section:
        assert export_topic(topic, fmt, section_id=topic.sections[-1].id).strip()


def test_search_reaches_every_topic() -> None:
    for topic in TOPICS:
        word = max(topic.sections[0].pairs[0].supporter.claim.split(), key=len).strip(".,;:()\"'")
        hits, _ = search(TOPICS, word)
        assert topic.id in {hit.topic_id for hit in hits}, word


@pytest.fixture
def shipped(open_app: OpenApp) -> Callable[..., AppTest]:
    return lambda page="topics", **query: open_app(page, content=SHIPPED, **query)


def test_topics_page_shows_every_card(shipped: Callable[..., AppTest]) -> None:
    shown = "\n".join(shown_texts(shipped()))
    for topic in TOPICS:
        assert render.md(topic.title) in shown


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
@pytest.mark.parametrize("page", [p.key for p in pages.PAGES if p.key not in ("topics", "classroom")])
def test_every_page_works_on_every_topic(shipped: Callable[..., AppTest], topic: Topic, page: str) -> None:
    at = shipped(page, topic=topic.id, section=topic.sections[-1].id)
    assert not at.exception
    assert not any("This link asks for" in text for text in shown_texts(at))  # the deep link was understood
