"""The Argdown export, parsed by the real Argdown parser (@argdown/cli from npm, installed by .ci/run).

The CLI lives in .tools/argdown (gitignored; importer.argdown.find_cli locates it). Without it these tests
skip, unless DEBATE_EXPLORER_REQUIRE_BROWSER=1 or CI is set: then a missing parser is a failure, so CI
cannot pass by skipping them.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from debate_explorer.exports import export_topic
from debate_explorer.exports.argdown import argument_title, escape
from debate_explorer.importer.argdown import INSTALL, find_cli
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic
from tests.conftest import FIXTURES, SAMPLE

FIXTURES = {
    "sample": SAMPLE,
    "render-hostile": FIXTURES / "render" / "render-hostile.yaml",
    "script-tags": FIXTURES / "hostile" / "script-tags.yaml",
}

TRICKY = [
    "e.g. 3.5 per cent, i.e. more: 10:30 at http://example.org/a.b and www.x.org",
    "a // not a comment, /* nor this */ and <!-- nor this -->",
    "=== not front matter === {not: data} [not a statement] <not an argument> @[mention] @<mention>",
    "#tag #(long tag) *italic* **bold** _u_ __uu__ `code` \\backslash\\ and a trailing backslash \\",
    "+ plus - minus -> arrow +> arrow >< _> <_ -- dashes --",
    "(1) numbered [x](javascript:alert(1)) [y](data:text/html,x) :smile: .dot.",
    "non-ASCII: café, naïve, “quotes”, עברית, 中文 — and\nnew\tlines",
]


def _require_parser() -> Path:
    cli = find_cli()
    if cli is not None:
        return cli
    if os.environ.get("DEBATE_EXPLORER_REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
        pytest.fail(f"the Argdown parser is missing: run `{INSTALL}` (.ci/run and make test do)")
    pytest.skip(f"Argdown parser not installed; run `{INSTALL}`")


def tricky_topic() -> Topic:
    """The sample topic with claims, question and titles full of Argdown syntax."""
    sample = load_file(FIXTURES["sample"]).topic
    texts = iter(TRICKY * 4)
    sections = []
    for section in sample.sections:
        pairs = [
            pair.model_copy(
                update={
                    side.value: pair.side(side).model_copy(update={"claim": next(texts)}) for side in Side
                }
            )
            for pair in section.pairs
        ]
        sections.append(section.model_copy(update={"pairs": pairs, "title": next(texts)}))
    return sample.model_copy(
        update={"sections": sections, "question": TRICKY[2], "title": 'Title === with: "quotes"'}
    )


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Topic, dict]]:
    """Every fixture (and one section alone) exported and parsed in one run of the Argdown CLI."""
    parser = _require_parser()
    work = tmp_path_factory.mktemp("argdown")
    topics = {name: load_file(path).topic for name, path in FIXTURES.items()}
    topics["tricky"] = tricky_topic()
    exports = {name: (topic, export_topic(topic, "argdown")) for name, topic in topics.items()}
    sample = topics["sample"]
    one = sample.model_copy(update={"sections": sample.sections[1:2]})
    exports["section"] = (one, export_topic(sample, "argdown", sample.sections[1].id))
    for name, (_, text) in exports.items():
        (work / f"{name}.argdown").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(parser), "json", str(work / "*.argdown"), str(work / "out")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    return {
        name: (topic, json.loads((work / "out" / f"{name}.json").read_text(encoding="utf-8")))
        for name, (topic, _) in exports.items()
    }


NAMES = [*FIXTURES, "tricky", "section"]


@pytest.mark.parametrize("name", NAMES)
def test_every_position_is_one_argument(parsed: dict[str, tuple[Topic, dict]], name: str) -> None:
    topic, data = parsed[name]
    pairs = [(section, pair) for section, pair in topic.pairs()]
    assert len(data["arguments"]) == 2 * len(pairs)
    expected = {argument_title(section, pair.id, side) for section, pair in pairs for side in Side}
    assert set(data["arguments"]) == expected


@pytest.mark.parametrize("name", NAMES)
def test_supporters_support_and_critics_attack_the_thesis(
    parsed: dict[str, tuple[Topic, dict]], name: str
) -> None:
    topic, data = parsed[name]
    assert list(data["statements"]) == [topic.id]
    kinds = {(r["from"], r["relationType"], r["to"]) for r in data["relations"]}
    expected = {
        (argument_title(section, pair.id, side), "support" if side is Side.SUPPORTER else "attack", topic.id)
        for section, pair in topic.pairs()
        for side in Side
    }
    assert kinds == expected


@pytest.mark.parametrize("name", NAMES)
def test_text_and_sources_survive_the_parser(parsed: dict[str, tuple[Topic, dict]], name: str) -> None:
    topic, data = parsed[name]
    thesis = data["statements"][topic.id]["members"][0]["text"]
    assert thesis == " ".join(topic.question.split())
    sources = topic.source_map
    for section, pair in topic.pairs():
        for side in Side:
            position = pair.side(side)
            argument = data["arguments"][argument_title(section, pair.id, side)]
            description = argument["members"][0]
            claim = " ".join(position.claim.split())
            assert description["text"].startswith(claim), (description["text"], claim)
            links = [r["url"] for r in description.get("ranges", []) if r["type"] == "link"]
            wanted = [sources[s].url for s in position.sources if s in sources and sources[s].url]
            assert [u.replace("%28", "(").replace("%29", ")") for u in links] == wanted


def test_sections_become_headings(parsed: dict[str, tuple[Topic, dict]]) -> None:
    topic, data = parsed["tricky"]
    titles = [s["title"] for s in data["sections"]]
    assert titles == [" ".join(s.title.split()) for s in topic.sections]


def test_escape_leaves_plain_prose_readable() -> None:
    assert escape("The board's plan saves money, they say.") == "The board's plan saves money, they say."
    assert escape("e.g. #1 <b>") == "e\\.g. \\#1 \\<b\\>"
