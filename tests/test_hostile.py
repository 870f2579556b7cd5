"""The hostile corpus through the loader, the CLI and every app page.

Each file in tests/fixtures/hostile/ must either fail with a clear, short LoadError that names the file,
or load and render as inert text. Nothing may crash, hang, execute, or hide the other topics. Files too
big to commit (50 MB, a 200,000-character id, a 150,000-item list) are generated here.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from debate_explorer import pages
from debate_explorer.loading import MAX_BYTES, LoadError, load_file, load_library
from debate_explorer.model import MAX_LONG
from tests.conftest import FIXTURES, SAMPLE, CliResult, OpenApp, shown_texts

HOSTILE = FIXTURES / "hostile"
PWNED = Path("/tmp/debate-explorer-hostile-pwned")
"""The file the Python-tag fixtures would create if any YAML tag ever ran code."""
MAX_MESSAGE = 400
"""A clear error fits on a screen; the loader must not echo megabytes of input back."""

# Files that load on their own: their hostile text must stay text.
LOADS = {"script-tags.yaml", "bidi-zero-width.yaml", "control-chars-escaped.yaml", "clash.yaml", "clash.yml"}
INERT_TOPICS = ("script-tags", "bidi-zero-width", "control-chars-escaped")

# Every other file, with a fragment its error message must contain.
REFUSED = {
    "alias-bomb.yaml": "anchors and aliases",
    "binary-tag.yaml": "!!binary is not allowed",
    "comments-only.yaml": "file is empty",
    "control-chars-raw.yaml": "control characters are not allowed",
    "custom-tag.yaml": "'!include' is not allowed",
    "data-url.yaml": "must be an http:// or https:// URL",
    "deep-block-nesting.yaml": "maximum nesting depth",
    "deep-flow-nesting.yaml": "maximum nesting depth",
    "deep-model-nesting.yaml": "valid dictionary",
    "dotdot-id.yaml": "is not a valid id",
    "dotdot-section-id.yaml": "is not a valid id",
    "duplicate-keys-nested.yaml": "duplicate key 'supporter'",
    "duplicate-keys.yaml": "duplicate key 'title'",
    "empty.yaml": "file is empty",
    "escape-sequence-raw.yaml": "control characters are not allowed",
    "file-url.yaml": "must be an http:// or https:// URL",
    "invalid-utf8-sequence.yaml": "not UTF-8",
    "javascript-url.yaml": "must be an http:// or https:// URL",
    "latin1.yaml": "not UTF-8",
    "malformed-indent.yaml": "not allowed",
    "malformed-mapping.yaml": "not allowed",
    "malformed-tabs.yaml": "cannot start any token",
    "malformed-unclosed.yaml": "end of stream",
    "merge-key.yaml": "not allowed",
    "mismatched-id.yaml": "must equal the file name",
    "multiple-documents.yaml": "single document",
    "non-string-keys.yaml": "is not text",
    "null-key.yaml": "is not text",
    "python-module.yaml": "python/module:subprocess' is not allowed",
    "python-name.yaml": "python/name:os.system' is not allowed",
    "python-new-object.yaml": "python/object/new:subprocess.Popen' is not allowed",
    "python-object-apply.yaml": "python/object/apply:os.system' is not allowed",
    "recursive-alias.yaml": "anchors and aliases",
    "sample-impostor.yaml": "must equal the file name",
    "set-tag.yaml": "expected text, found set",
    "slash-source-id.yaml": "is not a valid id",
    "top-level-list.yaml": "top level must be a mapping",
    "top-level-scalar.yaml": "top level must be a mapping",
    "unknown-keys.yaml": "unknown key",
    "utf16.yaml": "not UTF-8",
    "wrong-types.yaml": "expected text, found int 42",
    "zero-width-id.yaml": "is not a valid id",
}

# Generated files (too big to commit): name -> (bytes factory, message fragment).
GENERATED = {
    "fifty-megabytes.yaml": "the limit is",
    "long-id.yaml": "at most 80 characters",
    "huge-wrong-type.yaml": "expected text, found list",
}
JUST_UNDER = "just-under-limit.yaml"
"""A valid topic a little below MAX_BYTES: big but legal, it must load."""


def write_generated(folder: Path) -> None:
    """Write the generated hostile files (and one big valid topic) into ``folder``."""
    block = b"id: fifty-megabytes\ntitle: T\nquestion: Q\nsummary: " + b"lorem ipsum " * 80 + b"\n"
    with (folder / "fifty-megabytes.yaml").open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    (folder / "long-id.yaml").write_text("id: " + "a" * 200_000 + "\ntitle: T\nquestion: Q\n")
    items = ",".join(["x"] * 150_000)
    (folder / "huge-wrong-type.yaml").write_text(f"id: huge-wrong-type\ntitle: [{items}]\nquestion: Q\n")
    # Big but legal: each field within its length cap (model.MAX_LONG), the file just under MAX_BYTES.
    summary = ("word " * (MAX_LONG // 5))[: MAX_LONG - 10].strip()
    section = "  - id: s{n}\n    title: Section {n}\n    summary: " + summary + "\n"
    count = (MAX_BYTES - 1000 - len(summary)) // len(section.format(n=10_000))
    sections = "".join(section.format(n=n) for n in range(count))
    (folder / JUST_UNDER).write_text(
        f"id: just-under-limit\ntitle: Big\nquestion: Q?\nsummary: {summary}\nsections:\n{sections}"
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    write_generated(folder)
    return folder


@pytest.fixture(autouse=True)
def no_pwned_file() -> Iterator[None]:
    """Fail any test after which a YAML tag has managed to run a command."""
    PWNED.unlink(missing_ok=True)
    yield
    assert not PWNED.exists(), "a YAML tag executed code"


def corpus() -> list[Path]:
    return sorted(p for p in HOSTILE.iterdir() if p.suffix in (".yaml", ".yml"))


def test_every_corpus_file_has_an_expectation() -> None:
    names = {p.name for p in corpus()}
    assert names == LOADS | set(REFUSED), "add new hostile files to LOADS or REFUSED"
    assert size_of(HOSTILE) < 200_000, "keep the committed corpus small; generate big files in the test"


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


def assert_clear(error: LoadError, path: Path, fragment: str) -> None:
    text = str(error)
    assert text.startswith(str(path)), text
    assert fragment in text, text
    for problem in error.all():
        assert len(str(problem)) < MAX_MESSAGE, f"{len(str(problem)):,}-character message"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_loader_refuses_with_a_clear_error_naming_the_file(name: str) -> None:
    path = HOSTILE / name
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert_clear(caught.value, path, REFUSED[name])


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_loader_refuses_generated_files(generated: Path, name: str) -> None:
    path = generated / name
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert_clear(caught.value, path, GENERATED[name])


def test_fifty_megabyte_file_is_really_fifty_megabytes(generated: Path) -> None:
    assert (generated / "fifty-megabytes.yaml").stat().st_size >= 50 * 1024 * 1024


@pytest.mark.timeout(60)
def test_big_but_legal_topic_loads(generated: Path) -> None:
    loaded = load_file(generated / JUST_UNDER)
    assert loaded.topic.summary.startswith("word word")
    assert (generated / JUST_UNDER).stat().st_size > MAX_BYTES * 0.9


@pytest.mark.parametrize("name", sorted(LOADS))
def test_hostile_text_loads_verbatim(name: str) -> None:
    """The loader keeps text as written; making it inert is the renderer's job (tested below)."""
    topic = load_file(HOSTILE / name).topic
    if name == "script-tags.yaml":
        assert "<script>" in topic.title
        assert "](javascript:" in topic.sections[0].pairs[0].critic.claim
        assert topic.sources[1].url.startswith("https://example.org/x)[breakout](data:")
    if name == "bidi-zero-width.yaml":
        assert "\u202e" in topic.question and "\u200b" in topic.summary
    if name == "control-chars-escaped.yaml":
        assert "\x1b[31m" in topic.title and "\x00" in topic.title


def test_library_over_the_corpus_keeps_every_good_topic(tmp_path: Path, generated: Path) -> None:
    """One folder holding every hostile file and the clean sample: the good topics all load."""
    folder = tmp_path / "content"
    shutil.copytree(HOSTILE, folder)
    shutil.copy(SAMPLE, folder)
    for name in GENERATED:
        shutil.copy(generated / name, folder)
    library = load_library([folder])
    ids = sorted(t.topic.id for t in library.topics)
    assert ids == sorted(["sample-topic", "clash", *INERT_TOPICS])
    assert library.get("clash").file.endswith("clash.yaml"), "the first file keeps its id"
    refused = {Path(e.file).name for e in library.errors}
    assert refused == set(REFUSED) | set(GENERATED) | {"clash.yml"}
    clash = next(e for e in library.errors if e.file.endswith("clash.yml"))
    assert "already used by" in clash.message and "clash.yaml" in clash.message


@pytest.mark.timeout(30)
def test_special_files_in_the_folder_are_skipped_without_hanging(tmp_path: Path) -> None:
    """A FIFO (opening it would block), a device and a folder named like topics never get read."""
    shutil.copy(SAMPLE, tmp_path)
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "missing")
    library = load_library([tmp_path])
    assert [t.topic.id for t in library.topics] == ["sample-topic"]
    assert library.errors == []


# ---------------------------------------------------------------- CLI


Invoke = Callable[..., CliResult]


def run_cli(invoke: Invoke, *args: str) -> tuple[int, str]:
    """The CLI's exit code and everything it printed (both streams)."""
    code, out, err = invoke(*args)
    return code, out + err


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_cli_check_reports_the_file_and_exits_2(invoke: Invoke, name: str) -> None:
    code, output = run_cli(invoke, "check", str(HOSTILE / name))
    assert code == 2, output
    assert f"{HOSTILE / name}" in output and "E001" in output and REFUSED[name] in output
    assert "Traceback" not in output


@pytest.mark.timeout(60)
def test_cli_check_refuses_generated_files(invoke: Invoke, generated: Path) -> None:
    for name, fragment in GENERATED.items():
        code, output = run_cli(invoke, "check", str(generated / name), "--format", "json")
        assert code == 2, output
        assert fragment in output and name in output


@pytest.mark.timeout(60)
def test_cli_check_over_the_whole_corpus(invoke: Invoke) -> None:
    code, output = run_cli(invoke, "check", str(HOSTILE), str(SAMPLE))
    assert code == 1
    assert "Traceback" not in output
    for name in REFUSED:
        assert f"{HOSTILE / name}:" in output, name
    assert "5 topic(s) checked" in output


@pytest.mark.parametrize("name", sorted(n for n in LOADS if n != "clash.yml"))
def test_cli_never_prints_raw_control_characters(invoke: Invoke, name: str) -> None:
    """Escape sequences in content must not reach the terminal raw (they could rewrite the screen)."""
    for fmt in ("text", "json"):
        _, output = run_cli(invoke, "check", str(HOSTILE / name), "--format", fmt)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", output), output


# ---------------------------------------------------------------- the app

PAGES = tuple(spec.key for spec in pages.PAGES)


@pytest.fixture
def app_folder(tmp_path: Path, generated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content folder with the whole corpus, the generated files and the clean sample topic."""
    folder = tmp_path / "content"
    shutil.copytree(HOSTILE, folder)
    shutil.copy(SAMPLE, folder)
    for name in GENERATED:
        shutil.copy(generated / name, folder)
    monkeypatch.setenv("DEBATE_EXPLORER_DIR", str(folder))
    return folder


@pytest.mark.timeout(300)
def test_topics_page_lists_every_broken_file_and_keeps_the_good_ones(
    app_folder: Path, open_app: OpenApp, assert_inert: Callable[[AppTest], None]
) -> None:
    at = open_app("topics")
    shown = "\n".join(shown_texts(at))
    for name in [*REFUSED, *GENERATED, "clash.yml"]:
        escaped = re.sub(r"([\-.])", r"\\\1", name)
        assert name in shown or escaped in shown, f"{name} is not named on the Topics page"
    assert_inert(at)
    assert any("Sample" in text or "sample" in text for text in shown_texts(at))


@pytest.mark.timeout(600)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_hostile_topics_as_inert_text(
    app_folder: Path, page: str, open_app: OpenApp, assert_inert: Callable[[AppTest], None]
) -> None:
    for topic in (*INERT_TOPICS, "clash", "sample-topic"):
        at = open_app(page, topic=topic)
        assert_inert(at)


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    """load_library pauses the cyclic collector for speed; overlapping loads in threads must restore it."""
    import gc
    from concurrent.futures import ThreadPoolExecutor

    assert gc.isenabled()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: load_library([HOSTILE]), range(32)))
    assert gc.isenabled()
    assert all(len(r.topics) == 4 for r in results)
    gc.disable()
    try:
        load_library([HOSTILE])
        assert not gc.isenabled(), "a collector switched off by the caller stays off"
    finally:
        gc.enable()


# ---------------------------------------------------------------- exports

ACTIVE_TAGS = {"script", "img", "iframe", "svg", "object", "embed", "frame", "link", "base", "form"}


def live_html(text: str) -> list[str]:
    """Active parts of an HTML document as a browser's parser sees them (not text that looks like tags)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ACTIVE_TAGS:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"<{tag} {name}=...>")
                scheme = (value or "").strip().lower()
                if name in ("href", "src", "action") and scheme.startswith(UNSAFE_SCHEMES):
                    found.append(f"<{tag} {name}={value[:40]!r}>")

    Collector().feed(text)
    return found


UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
AUTOLINK = re.compile(r"<https?://[^<>\s]*>", re.IGNORECASE)
"""A CommonMark autolink: its inside is one URL, not Markdown, so it is checked by scheme only."""
LIVE_MARKDOWN = re.compile(
    r"(?<!\\)<(script|img|iframe|svg)|(?<!\\)\]\(\s*<?\s*(javascript|data|vbscript|file):", re.IGNORECASE
)


@pytest.mark.parametrize("name", sorted(n for n in LOADS if n != "clash.yml"))
def test_cli_export_keeps_hostile_text_inert(invoke: Invoke, name: str, tmp_path: Path) -> None:
    """Handouts go to other people's browsers and editors: every format must carry the payload as text."""
    pytest.importorskip("debate_explorer.exports")
    path = HOSTILE / name
    for fmt in ("html", "markdown", "json", "argdown"):
        out = tmp_path / f"out.{fmt}"
        code, output = run_cli(invoke, "export", str(path), "--format", fmt, "-o", str(out))
        assert code == 0, output
        text = out.read_text(encoding="utf-8")
        assert text.strip(), fmt
        if fmt == "html":
            assert live_html(text) == []
        if fmt == "markdown":
            outside = AUTOLINK.sub("<autolink>", text)
            assert not LIVE_MARKDOWN.search(outside), LIVE_MARKDOWN.search(outside)
        if fmt == "json":
            import json

            assert json.loads(text)
