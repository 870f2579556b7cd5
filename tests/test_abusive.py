"""Abusive but valid content (issue 17): long words, huge sections and libraries stay cheap and readable."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_explorer import escape, model
from debate_explorer.escape import BREAK_EVERY, ZERO_WIDTH_SPACE, break_long, streamlit_md
from debate_explorer.exports import export_topic
from debate_explorer.loading import LoadError, load_file
from debate_explorer.model import Source, SourceKind, Topic
from debate_explorer.views import render
from tests import abusive
from tests.conftest import CliResult


def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count calls of the source numbering build (model.index_sources)."""
    calls: list[int] = []
    original: Callable[..., model.SourceIndex] = model.index_sources

    def counting(sources: list[Source]) -> model.SourceIndex:
        calls.append(len(sources))
        return original(sources)

    monkeypatch.setattr(model, "index_sources", counting)
    return calls


def test_source_numbering_is_built_once_per_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    """500 pairs citing 20 of 10,000 sources each: the numbering is built once, not once per position."""
    topic = Topic.model_validate(abusive.topic(pairs=500, sources=10_000, citations=20))
    calls = counted(monkeypatch)
    lines = [
        render.source_lines(topic, pair.side(side).sources)
        for _, pair in topic.pairs()
        for side in model.Side
    ]
    numbers = [render.number_links(topic, pair.supporter.sources) for _, pair in topic.pairs()]
    assert calls == [10_000]
    assert len(lines) == 1_000 and lines[-1].count("\n") == 19
    assert "\\[10000\\]" in "".join(lines + numbers)


def test_a_changed_copy_gets_its_own_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    topic = Topic.model_validate(abusive.topic(sources=3))
    assert topic.source_numbers == {"s0": 1, "s1": 2, "s2": 3}
    extra = Source(id="s9", title="Another invented source", kind=SourceKind.REFERENCE)
    changed = topic.model_copy(update={"sources": [extra, *reversed(topic.sources)]})
    assert changed.source_numbers == {"s9": 1, "s2": 2, "s1": 3, "s0": 4}
    assert changed.source_map["s9"] is extra
    assert topic.source_numbers == {"s0": 1, "s1": 2, "s2": 3}
    calls = counted(monkeypatch)
    deep = topic.model_copy(deep=True)
    assert deep.source_numbers == topic.source_numbers
    assert topic.model_copy(update={"title": "Retitled"}).source_numbers == topic.source_numbers
    assert len(calls) <= 1


def test_generator_writes_a_loadable_topic(tmp_path: Path) -> None:
    from debate_explorer.loading import load_file

    path = abusive.write(tmp_path, abusive.topic(pairs=3, sources=4, citations=2))
    assert len(load_file(path).topic.sections[0].pairs) == 3


# ---------------------------------------------------------------- length caps in the model


def string_schemas(node: object) -> list[dict[str, object]]:
    """Every ``{"type": "string"}`` schema inside a JSON Schema."""
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if node.get("type") == "string":
            found.append(node)
        for value in node.values():
            found.extend(string_schemas(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(string_schemas(value))
    return found


def test_every_free_text_field_has_a_length_cap() -> None:
    from debate_explorer.model import DATE_PATTERN
    from debate_explorer.schema import topic_schema

    strings = string_schemas(topic_schema())
    uncapped = [
        s for s in strings if "maxLength" not in s and "enum" not in s and s.get("pattern") != DATE_PATTERN
    ]
    assert len(strings) > 30
    assert uncapped == []


@pytest.mark.parametrize(
    ("where", "field", "cap"),
    [
        ("claim", "sections[0].pairs[0].supporter.claim", model.MAX_SENTENCE),
        ("title", "title", model.MAX_SHORT),
    ],
)
def test_an_overlong_field_is_a_load_error_naming_file_line_and_field(
    tmp_path: Path, invoke: Callable[..., CliResult], where: str, field: str, cap: int
) -> None:
    data = abusive.topic(claim=abusive.long_word(100_000) if where == "claim" else "A claim.")
    if where == "title":
        data["title"] = abusive.long_word(100_000)
    path = abusive.write(tmp_path, data)
    with pytest.raises(LoadError) as caught:
        load_file(path)
    error = caught.value
    assert error.path == field
    lines = path.read_text(encoding="utf-8").splitlines()
    assert error.line == next(
        n for n, line in enumerate(lines, start=1) if line.lstrip().startswith(f"{where}:")
    )
    assert f"at most {cap:,} characters" in error.message and "100,000" in error.message
    result = invoke("check", str(path))
    assert result.code == 2
    assert (
        f"abusive.yaml:{error.line} {field}: E001 error: text of 100,000 characters is too long" in result.out
    )
    assert len(result.out) < 1_000


def test_text_at_the_cap_still_loads(tmp_path: Path) -> None:
    data = abusive.topic(claim="word " * (model.MAX_SENTENCE // 5 - 1) + "end.")
    assert len(data["sections"][0]["pairs"][0]["supporter"]["claim"]) <= model.MAX_SENTENCE
    assert load_file(abusive.write(tmp_path, data)).topic.id == "abusive"


# ---------------------------------------------------------------- long words broken where they are shown

LONG = abusive.long_word(100_000)
LONG_URL = "https://example.org/" + abusive.long_word(1_500)


def longest_run(text: str) -> int:
    """The longest run of characters with no break opportunity (space or zero-width space)."""
    return max((len(run) for run in re.split(rf"[\s{ZERO_WIDTH_SPACE}]", text)), default=0)


@pytest.mark.parametrize("escaper", [streamlit_md, escape.markdown, escape.html, escape.plotly])
def test_display_escapers_break_long_runs(escaper: Callable[[str], str]) -> None:
    shown = escaper(f"short words {LONG} end")
    assert longest_run(shown) <= 2 * BREAK_EVERY  # an escaper may double a run with backslashes or entities
    assert shown.replace(ZERO_WIDTH_SPACE, "").count("abcdefghij") == 10_000
    assert escaper("Ordinary words stay exactly as they are.") == escaper(
        "Ordinary words stay exactly as they are."
    )
    assert ZERO_WIDTH_SPACE not in escaper("A sentence of ordinary words, none longer than forty letters.")


def test_break_long_keeps_combining_marks_with_their_letter() -> None:
    word = "e\u0301" * 60
    broken = break_long(word)
    assert broken.replace(ZERO_WIDTH_SPACE, "") == word
    assert f"{ZERO_WIDTH_SPACE}\u0301" not in broken
    assert break_long("x" * BREAK_EVERY) == "x" * BREAK_EVERY


def long_topic() -> Topic:
    data = abusive.topic(claim=f"Claim {LONG[: model.MAX_SENTENCE - 10]}")
    data["sections"][0]["summary"] = LONG[: model.MAX_LONG]
    data["sources"][0]["url"] = LONG_URL
    return Topic.model_validate(data)


@pytest.mark.parametrize("fmt", ["html", "markdown", "cards"])
def test_rendering_exports_break_long_words_but_not_link_targets(fmt: str) -> None:
    topic = long_topic()
    out = export_topic(topic, fmt)
    text = out.replace(LONG_URL, "")  # link targets, and displayed URLs (kept whole so they can be copied)
    assert longest_run(re.sub(r'href="[^"]*"', "", text)) < 200
    assert out.replace(ZERO_WIDTH_SPACE, "").count(LONG[:1_000]) >= 1
    if fmt in ("html", "cards"):
        assert f'href="{LONG_URL}"' in out
        assert "overflow-wrap:anywhere" in out.replace(" ", "")
    else:
        assert f"<{LONG_URL}>" in out


@pytest.mark.parametrize("fmt", ["json", "argdown", "kialo", "aif"])
def test_data_exports_keep_long_words_byte_faithful(fmt: str) -> None:
    topic = long_topic()
    out = export_topic(topic, fmt)
    assert ZERO_WIDTH_SPACE not in out
    assert LONG[: model.MAX_SENTENCE - 10] in out  # the claim, whole and unbroken


def test_displayed_links_stay_whole_so_they_can_be_copied() -> None:
    url = "https://example.org/classroom?class=ABC123&teacher=" + "s" * 64
    assert break_long(f"Open {url} now") == f"Open {url} now"
    huge = "https://example.org/" + abusive.long_word(5_000)
    assert ZERO_WIDTH_SPACE in break_long(huge)
