"""The loader: safe YAML only, exact file:line errors, hostile input refused, one bad file hides no other."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_explorer.loading import (
    MAX_BYTES,
    LoadedTopic,
    LoadError,
    format_loc,
    load_file,
    load_library,
    load_text,
    topic_files,
)
from tests.conftest import SAMPLE


def load_error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    return caught.value


def test_sample_topic_loads_with_its_file_and_mtime() -> None:
    loaded = load_file(SAMPLE)
    assert loaded.topic.id == "sample-topic"
    assert loaded.file == str(SAMPLE)
    assert loaded.mtime_ns == SAMPLE.stat().st_mtime_ns
    assert [s.id for s in loaded.topic.sections] == ["costs", "learning"]


def test_line_of_finds_nested_paths_in_the_yaml() -> None:
    loaded = load_file(SAMPLE)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    line = loaded.line_of(("sections", 1, "pairs", 0, "critic", "sources", 0))
    assert lines[line - 1].strip() == "sources: [sleep-review]"
    assert lines[loaded.line_of(("sources", 2)) - 1].strip() == "- id: attendance-study"
    # A path that goes past the data stops at the deepest node that exists.
    assert loaded.line_of(("sources", 2, "no-such-key")) == loaded.line_of(("sources", 2))


def test_format_loc() -> None:
    loc = ("sections", 2, "pairs", 0, "critic", "sources", 1)
    assert format_loc(loc) == "sections[2].pairs[0].critic.sources[1]"
    assert format_loc(()) == ""


def test_missing_field_names_file_line_and_path(write_topic, sample_text, edit) -> None:
    path = write_topic(edit(sample_text, "    title: What pupils would learn\n", ""))
    error = load_error(path)
    assert str(error) == f"{path}:70 sections[1].title: required field is missing"
    assert (error.file, error.line, error.path) == (str(path), 70, "sections[1].title")


def test_wrong_type_names_file_line_and_path(write_topic, sample_text, edit) -> None:
    path = write_topic(edit(sample_text, "    footnote: 2\n", '    footnote: "two"\n'))
    error = load_error(path)
    assert error.line == 150
    assert error.path == "sources[2].footnote"
    assert str(error).startswith(f"{path}:150 sources[2].footnote: ")


def test_yaml_boolean_where_text_belongs_is_a_type_error(write_topic, sample_text, edit) -> None:
    # YAML 1.1 reads a bare `no` as false; the model refuses to turn it into text silently.
    text = edit(sample_text, "    title: What the change would cost and save\n", "    title: no\n")
    path = write_topic(text)
    error = load_error(path)
    assert str(error) == f"{path}:20 sections[0].title: expected text, found bool False; put it in quotes"


def test_every_validation_problem_is_reported(write_topic, sample_text, edit) -> None:
    text = edit(sample_text, "    footnote: 2\n", '    footnote: "two"\n')
    text = edit(text, "    kind: government\n", "    kind: blog\n    colour: red\n")
    problems = load_error(write_topic(text)).all()
    assert {(p.line, p.path) for p in problems} == {
        (136, "sources[0].kind"),
        (137, "sources[0].colour"),
        (151, "sources[2].footnote"),
    }


def test_duplicate_key_names_both_lines(write_topic, sample_text, edit) -> None:
    text = edit(sample_text, "    footnote: 1\n", "    footnote: 1\n    title: Another title\n")
    path = write_topic(text)
    error = load_error(path)
    assert error.line == 138
    assert str(error) == f"{path}:138: duplicate key 'title' (first on line 132)"


def test_dates_stay_text_even_unquoted(write_topic, sample_text, edit) -> None:
    path = write_topic(edit(sample_text, 'published: "2024-02-15"', "published: 2024-02-15"))
    assert load_file(path).topic.sources[1].published == "2024-02-15"


def test_topic_id_must_equal_the_file_name(write_topic, sample_text) -> None:
    path = write_topic(sample_text, name="other-name")
    error = load_error(path)
    assert (error.line, error.path) == (4, "id")
    assert "must equal the file name 'other-name'" in error.message


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.call",
        "!!python/object/new:os.system",
    ],
)
def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = f'id: x\ntitle: {tag} ["touch {marker}"]\nquestion: q\n'
    with pytest.raises(LoadError) as caught:
        load_text(text, "evil.yaml")
    assert caught.value.line == 2
    assert "is not allowed" in caught.value.message
    assert not marker.exists()


def test_python_name_tag_is_refused() -> None:
    with pytest.raises(LoadError, match="not allowed"):
        load_text("id: !!python/name:os.system x\n")


@pytest.mark.timeout(20)
def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(LoadError, match="aliases"):
        load_text("\n".join(lines) + "\n", "bomb.yaml")


@pytest.mark.timeout(20)
def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"id: big\n" + b"# padding\n" * (MAX_BYTES // 10 + 1))
    error = load_error(path)
    assert "the limit is" in error.message
    assert f"{MAX_BYTES:,}" in error.message


def test_size_cap_is_adjustable(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text("id: small\n" * 20, encoding="utf-8")
    with pytest.raises(LoadError, match="limit"):
        load_file(path, max_bytes=100)


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"id: latin\ntitle: caf\xe9\n")
    error = load_error(path)
    assert (error.line, error.message) == (2, "not UTF-8 text (byte 0xe9)")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", None, "file is empty"),
        ("- a\n- b\n", 1, "the top level must be a mapping"),
        ("just some prose, not a mapping\n", 1, "the top level must be a mapping"),
        ("id: [unclosed\n", 2, "did not find expected ',' or ']'"),
        ("id: x\n\tquestion: tab\n", 2, "found a tab character that violates indentation"),
        ("a: b: c\n", 1, "mapping values are not allowed in this context"),
        ("1: one\n", 1, "key 1 is not text; put it in quotes"),
    ],
)
def test_non_topic_text_is_a_load_error(text: str, line: int | None, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_text(text, "bad.yaml")
    assert caught.value.line == line
    assert caught.value.message.startswith(message)


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    error = load_error(tmp_path / "absent.yaml")
    assert error.message.startswith("cannot read file")


def test_broken_file_beside_a_good_one(write_topic, sample_text) -> None:
    good = write_topic(sample_text)
    bad = write_topic("id: broken\ntitle: [unclosed\n", name="broken")
    library = load_library([good.parent])
    assert [t.topic.id for t in library.topics] == ["sample-topic"]
    assert len(library.errors) == 1
    assert library.errors[0].file == str(bad)
    assert library.get("sample-topic") is library.topics[0]
    assert library.get("broken") is None


def test_same_id_twice_in_a_library(write_topic, sample_text) -> None:
    first = write_topic(sample_text)
    second = first.with_suffix(".yml")
    second.write_text(sample_text, encoding="utf-8")
    library = load_library([first.parent])
    assert len(library.topics) == 1
    assert len(library.errors) == 1
    assert "already used" in library.errors[0].message


def test_topic_files_skips_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yml", ".hidden.yaml", "notes.txt", "c.YAML.bak"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    assert [p.name for p in topic_files(tmp_path)] == ["a.yml", "b.yaml"]


def _outcome(text: str) -> LoadedTopic | LoadError:
    try:
        return load_text(text, "prop.yaml")
    except LoadError as exc:
        return exc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_ends_in_a_topic_or_a_load_error(text: str) -> None:
    assert isinstance(_outcome(text), LoadedTopic | LoadError)


_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
_keys = st.sampled_from(
    [
        "id",
        "title",
        "question",
        "summary",
        "sections",
        "pairs",
        "supporter",
        "critic",
        "claim",
        "sources",
        "url",
        "kind",
        "date",
        "timeline",
        "footnote",
        "published",
        "terms",
        "x",
    ]
) | st.text(max_size=8)
_structures = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_structures)
def test_arbitrary_yaml_structures_end_in_a_topic_or_a_load_error(data: object) -> None:
    assert isinstance(_outcome(yaml.safe_dump(data, allow_unicode=True)), LoadedTopic | LoadError)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_sample_ends_in_a_topic_or_a_load_error(data: st.DataObject) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    text = text[:start] + data.draw(st.text(max_size=20)) + text[end:]
    assert isinstance(_outcome(text), LoadedTopic | LoadError)


def test_load_error_passes_through_a_context_manager() -> None:
    # contextlib sets __traceback__ on the way out; the error must arrive intact (st.spinner does this).
    @contextlib.contextmanager
    def around() -> Iterator[None]:
        yield

    with pytest.raises(LoadError, match="expected"), around():
        load_text("id: [unclosed\n", "x.yaml")
