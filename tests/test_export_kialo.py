"""The Kialo export: Kialo's own line structure and numbering, every claim recoverable, hostile text inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate_explorer.escape import kialo as escape
from debate_explorer.exports import export_topic
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = load_file(ROOT / "tests" / "fixtures" / "topics" / "sample-topic.yaml").topic
HOSTILE = load_file(ROOT / "tests" / "fixtures" / "hostile" / "script-tags.yaml").topic
LINE = re.compile(r"(?P<number>1(?:\.\d+)*)\. (?:(?P<stance>Pro|Con): )?(?P<text>.*)")
"""A claim line as Kialo writes it: ``1.2.1. Con: text`` (the thesis ``1. text`` has no stance)."""

TRICKY = [
    "1.1. Pro: a claim that starts like a line",
    "Con: a stance of its own",
    "-> See 1.2.",
    "several\nlines\r\n\twith  tabs",
    "a \\(escaped\\) backslash \\ and a trailing one \\",
    "[a link](https://example.org/x) and ![an image](data:x) <b>bold</b> (brackets)",
    "Discussion Title: again",
]


def fold(text: str) -> str:
    return " ".join(text.split())


def unescape(text: str) -> str:
    """A reader's rule: drop the backslash before any ASCII punctuation character (CommonMark)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def parse(text: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    """(title, [(number, stance, text)]) of a Kialo export; asserts the file's frame."""
    assert "\n" not in text.replace("\r\n", ""), "CRLF line endings only"
    assert not text.endswith("\r\n"), "no line break after the last line, as Kialo writes it"
    head, blank, *lines = text.split("\r\n")
    assert head.startswith("Discussion Title: ") and blank == ""
    rows = []
    for line in lines:
        match = LINE.fullmatch(line)
        assert match, line
        rows.append((match["number"], match["stance"], unescape(match["text"])))
    return unescape(head.removeprefix("Discussion Title: ")), rows


def expected_rows(topic: Topic) -> list[tuple[str, str | None, str]]:
    """The tree the docs promise: thesis, then per pair Pro (supporter) and Con (critic), rebuttals below."""
    rows: list[tuple[str, str | None, str]] = [("1", None, fold(topic.question))]
    number = 0
    for _, pair in topic.pairs():
        for side in Side:
            if not pair.side(side).claim.strip():
                continue
            number += 1
            rows.append(
                (f"1.{number}", "Pro" if side is Side.SUPPORTER else "Con", fold(pair.side(side).claim))
            )
            if pair.side(side.other).rebuttal.strip():
                rows.append((f"1.{number}.1", "Con", fold(pair.side(side.other).rebuttal)))
    return rows


def tricky_topic() -> Topic:
    """The sample topic with claims, rebuttals and question full of Kialo syntax."""
    data = SAMPLE.model_dump()
    texts = iter(TRICKY * 4)
    for section in data["sections"]:
        for pair in section["pairs"]:
            for side in Side:
                pair[side.value].update(claim=next(texts), rebuttal=next(texts))
    return Topic.model_validate({**data, "question": "Pro: (what) about\nthis?"})


@pytest.mark.parametrize("topic", [SAMPLE, HOSTILE, tricky_topic()], ids=["sample", "hostile", "tricky"])
def test_every_claim_and_rebuttal_is_one_numbered_line(topic: Topic) -> None:
    title, rows = parse(export_topic(topic, "kialo"))
    assert title == fold(topic.question)
    assert rows == expected_rows(topic)


@pytest.mark.parametrize("topic", [SAMPLE, tricky_topic()], ids=["sample", "tricky"])
def test_numbering_is_a_tree_with_consecutive_siblings(topic: Topic) -> None:
    _, rows = parse(export_topic(topic, "kialo"))
    numbers = [number for number, _, _ in rows]
    assert numbers[0] == "1" and len(set(numbers)) == len(numbers)
    for number in numbers[1:]:
        parent, _, last = number.rpartition(".")
        assert parent in numbers[: numbers.index(number)], number  # the parent comes first
        if last != "1":
            assert f"{parent}.{int(last) - 1}" in numbers, number  # no gaps between siblings


def test_a_section_export_keeps_the_thesis_and_only_that_section() -> None:
    section = SAMPLE.sections[1]
    _, rows = parse(export_topic(SAMPLE, "kialo", section.id))
    alone = SAMPLE.model_copy(update={"sections": [section]})
    assert rows == expected_rows(alone)


def test_matches_kialos_own_conventions() -> None:
    text = export_topic(SAMPLE, "kialo")
    lines = text.split("\r\n")
    assert lines[0] == f"Discussion Title: {SAMPLE.question}" and lines[1] == ""
    assert lines[2] == f"1. {SAMPLE.question}"
    first = SAMPLE.sections[0].pairs[0]
    assert lines[3] == f"1.1. Pro: {first.supporter.claim}"
    assert lines[4] == f"1.1.1. Con: {first.critic.rebuttal}"


def test_escape_is_kialos_backslash_escape() -> None:
    assert escape("It (mostly) works") == "It \\(mostly\\) works"  # as in Kialo's own export
    assert escape("a\\b <i>") == "a\\\\b \\<i\\>"
    assert escape("Pro: x") == "Pro\\: x" and escape("Pros: x") == "Pros: x"
    assert escape("-> See 1.2.") == "-\\> See 1.2."
    assert escape(" two\nlines ") == "two lines"
    for text in TRICKY:
        assert unescape(escape(text)) == fold(text)


def test_the_documented_example_is_the_sample_topics_export() -> None:
    doc = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    example = re.search(r"## Kialo .*?```text\n(.*?)\n```", doc, re.DOTALL)
    assert example
    lines = example[1].split("\n")
    assert len(lines) > 4 and export_topic(SAMPLE, "kialo").split("\r\n")[: len(lines)] == lines
