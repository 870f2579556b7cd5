"""The CLI never destroys a file it was not asked to replace; odd inputs end in a clear error (issue 17)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, CliResult

Invoke = Callable[..., CliResult]
MAX_ERROR = 400


@pytest.fixture
def topic(tmp_path: Path) -> Path:
    copy = tmp_path / "sample-topic.yaml"
    copy.write_bytes(SAMPLE.read_bytes())
    return copy


def refused(result: CliResult, reason: str) -> None:
    assert result.code == 2, result
    assert result.err.startswith("error: cannot write ") and reason in result.err, result.err
    assert "Traceback" not in result.err and len(result.err) < MAX_ERROR


def test_export_onto_its_own_input_is_refused(invoke: Invoke, topic: Path) -> None:
    before = topic.read_bytes()
    refused(invoke("export", topic, "--format", "html", "-o", topic, "--force"), "is the input file")
    refused(invoke("export", topic, "-o", topic.parent / "." / topic.name, "--force"), "is the input file")
    assert topic.read_bytes() == before


def test_export_never_writes_through_a_link(invoke: Invoke, topic: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    refused(invoke("export", topic, "-o", link, "--force"), "symbolic link")
    assert victim.read_text() == "keep me"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "would-be-created.txt")
    refused(invoke("export", topic, "-o", dangling), "symbolic link")
    assert not (tmp_path / "would-be-created.txt").exists()


def test_export_overwrites_only_with_force(invoke: Invoke, topic: Path, tmp_path: Path) -> None:
    out = tmp_path / "handout.md"
    out.write_text("an earlier handout")
    refused(invoke("export", topic, "-o", out), "already exists; pass --force")
    assert out.read_text() == "an earlier handout"
    assert invoke("export", topic, "-o", out, "--force").code == 0
    assert out.read_text().startswith("# ")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left behind


@pytest.mark.parametrize(
    ("make_target", "reason"),
    [
        (lambda tmp: tmp, "it is a folder"),
        (lambda tmp: tmp / "missing" / "x.md", "folder does not exist"),
        (lambda tmp: tmp / "sample-topic.yaml" / "x.md", "parent is not a folder"),
        (lambda tmp: tmp / ("n" * 5000 + ".md"), "name too long"),
    ],
    ids=["directory", "missing-folder", "file-as-folder", "5000-character-name"],
)
def test_bad_output_paths_are_one_clear_line(
    invoke: Invoke, topic: Path, tmp_path: Path, make_target: Callable[[Path], Path], reason: str
) -> None:
    refused(invoke("export", topic, "-o", make_target(tmp_path)), reason)


def test_new_follows_the_same_rules(invoke: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("# A question\n\nIntro.\n\n## One\n\nText.\n")
    odd = tmp_path / "odd-name.yaml"  # an article that happens to end in .yaml
    odd.write_bytes(article.read_bytes())
    result = invoke("new", odd, "-o", odd, "--force")
    assert result.code == 2 and "is the article itself" in result.err
    assert odd.read_bytes() == article.read_bytes()
    assert invoke("new", article, "-o", tmp_path / "a-question.yaml").code == 0
    refused(invoke("new", article, "-o", tmp_path / "a-question.yaml"), "already exists; pass --force")
    link = tmp_path / "linked.yaml"
    link.symlink_to(tmp_path / "a-question.yaml")
    refused(invoke("new", article, "-o", link, "--force"), "symbolic link")


@pytest.mark.parametrize("size", [90, 100_000])
def test_new_checks_the_id_as_the_model_does(invoke: Invoke, tmp_path: Path, size: int) -> None:
    article = tmp_path / "article.md"
    article.write_text("# A question\n\nIntro.\n")
    result = invoke("new", article, "-o", tmp_path, "--id", "a" * size)
    assert result.code == 2 and "not a valid id" in result.err and len(result.err) < MAX_ERROR
    assert not list(tmp_path.glob("a*.yaml"))


def test_a_fifo_is_a_clear_error_not_a_hang(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for argv in (("check", fifo), ("export", fifo), ("new", fifo, "-o", tmp_path / "out")):
        result = invoke(*argv)
        assert result.code == 2 and "named pipe" in result.out + result.err, (argv, result)


def test_the_same_file_named_many_times_is_checked_once(invoke: Invoke, topic: Path) -> None:
    result = invoke("check", *[topic] * 1000, topic.parent / "." / topic.name)
    assert result.code == 0 and "already used" not in result.out + result.err
    assert "1 topic(s) checked" in result.err


def test_link_loops_are_load_errors(invoke: Invoke, tmp_path: Path, topic: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = invoke("check", loop)
    assert (
        result.code == 2 and "no such file" not in result.err and "symbolic links" in result.out + result.err
    )
    folder = tmp_path / "topics"
    folder.mkdir()
    (folder / "sample-topic.yaml").write_bytes(topic.read_bytes())
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    result = invoke("check", folder)
    assert result.code == 1 and result.out.count("E001") == 2, result  # both looping files reported
