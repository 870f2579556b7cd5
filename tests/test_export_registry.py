"""The export registry: one list of formats for CLI, docs and app; every format over hostile text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from debate_explorer.cli import main
from debate_explorer.exports import FORMATS, Renderer, download, export_topic
from debate_explorer.loading import LoadError, load_file
from debate_explorer.model import Side, Topic

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FILE = ROOT / "tests" / "fixtures" / "topics" / "sample-topic.yaml"
SAMPLE = load_file(SAMPLE_FILE).topic
DOC = ROOT / "docs" / "export-format.md"


def _loading_hostile() -> dict[str, Topic]:
    """Every hostile fixture that loads (the others are refused by the loader, tested in test_hostile)."""
    found = {}
    paths = [
        *sorted((ROOT / "tests" / "fixtures" / "hostile").iterdir()),
        ROOT / "tests" / "fixtures" / "render",
    ]
    for path in paths:
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            try:
                found[file.name] = load_file(file).topic
            except LoadError:
                continue
    return found


HOSTILE = _loading_hostile()


def fold(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the registry


def test_every_renderer_is_complete_and_file_names_never_collide() -> None:
    assert list(FORMATS) == [r.name for r in FORMATS.values()]
    assert all(isinstance(r, Renderer) for r in FORMATS.values())
    for renderer in FORMATS.values():
        assert renderer.label.strip() and renderer.mime.count("/") == 1
        assert renderer.description.strip() and "\n" not in renderer.description
        assert re.fullmatch(r"[a-z]+(\.[a-z]+)?", renderer.extension)
    names = {download(SAMPLE, fmt).file_name for fmt in FORMATS}
    assert len(names) == len(FORMATS)


def test_cli_format_choices_are_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(SAMPLE_FILE), "--format", "pdf"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    choices = re.search(r"choose from (.*)\)", err)
    assert choices and re.findall(r"'?(\w+)'?", choices[1]) == list(FORMATS)


def _doc_table() -> str:
    """The format table docs/export-format.md must hold, built from the registry."""
    rows = ["| Format | File | Media type | For |", "|---|---|---|---|"]
    rows += [
        f"| `{r.name}` | `<topic>.{r.extension}` | `{r.mime}` | {r.description} |" for r in FORMATS.values()
    ]
    return "\n".join(rows)


def test_doc_lists_exactly_the_registry_formats() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert _doc_table() in doc, "update the format table in docs/export-format.md:\n" + _doc_table()
    listed = re.findall(r"^\| `([a-z]+)` \| `<topic>\.", doc, re.MULTILINE)
    assert listed == list(FORMATS)
    usage = re.search(r"--format ([a-z|]+)", doc)
    assert usage and usage[1].split("|") == list(FORMATS)
    for name in FORMATS:
        if name != "markdown":  # every format but the handout itself has its own section
            assert re.search(rf"^## .*`{name}`", doc, re.MULTILINE), name


def test_a_whole_topic_only_format_refuses_a_section(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = replace(FORMATS["markdown"], name="whole", extension="whole", accepts_section=False)
    monkeypatch.setitem(FORMATS, "whole", whole)
    assert export_topic(SAMPLE, "whole") == export_topic(SAMPLE, "markdown")
    with pytest.raises(ValueError, match="whole topics only"):
        export_topic(SAMPLE, "whole", "costs")
    assert main(["export", str(SAMPLE_FILE), "--format", "whole", "--section", "costs"]) == 2
    assert "error: format 'whole' exports whole topics only" in capsys.readouterr().err


# ---------------------------------------------------------------- export -o errors


def _cannot_write(tmp_path: Path) -> dict[str, Path]:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    return {
        "missing folder": tmp_path / "no" / "such" / "out.md",
        "a directory": tmp_path,
        "a file as parent folder": blocker / "out.md",
    }


@pytest.mark.parametrize("case", ["missing folder", "a directory", "a file as parent folder"])
def test_cli_export_unwritable_output_is_a_clear_error(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _cannot_write(tmp_path)[case]
    assert main(["export", str(SAMPLE_FILE), "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert re.fullmatch(rf"error: cannot write {re.escape(str(target))}: \S.*\n", captured.err), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    assert not (tmp_path / "no").exists()


def test_cli_export_writes_exact_bytes(tmp_path: Path) -> None:
    for fmt in FORMATS:
        out = tmp_path / f"out-{fmt}"
        assert main(["export", str(SAMPLE_FILE), "--format", fmt, "-o", str(out)]) == 0
        assert out.read_bytes() == export_topic(SAMPLE, fmt).encode("utf-8"), fmt


# ---------------------------------------------------------------- every format over hostile text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _unescaped(text: str) -> str:
    """The text with every backslash escape removed: what is left is live syntax."""
    return re.sub(r"\\.", "", text)


def _check_html(text: str) -> None:
    parser = _Tags()
    parser.feed(text)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "svg", "object", "embed", "link", "base", "form"}
    for tag, attrs in parser.tags:
        assert not [k for k in attrs if k.startswith("on") or k in ("src", "style")], (tag, attrs)
        if tag == "a":
            assert re.match(r"https?://\S+$", attrs.get("href") or ""), attrs


def _check_markdown(text: str) -> None:
    urls = re.findall(r"<([^<>\s]*)>", _unescaped(text))
    assert all(re.match(r"https?://", url) for url in urls), urls
    rest = re.sub(r"<https?://[^<>\s]*>", "", _unescaped(text))
    assert not re.search(r"[<>]|\]\(", rest), rest


def _check_argdown(text: str) -> None:
    front, body = re.fullmatch(r"(===\ntitle: .*\n===\n)(.*)", text, re.DOTALL).groups()  # type: ignore[union-attr]
    assert not re.search(r"[<>=&]", front[3:-4])  # front matter: one quoted title, tags and "=" \u-escaped
    live = _unescaped(body)
    urls = re.findall(r"\]\(([^)]*)\)", live)
    assert all(re.match(r"https?://\S+$", url) for url in urls), urls
    live = re.sub(r"\]\([^)]*\)", "]", live)  # a link's URL is the parser's to quote, not text
    assert not re.search(r"<script", live, re.IGNORECASE)
    # Every "<" left is an argument title we wrote: <section-id/pair-id (side)>.
    assert re.findall(r"<[^>]*>", live) == re.findall(
        r"<[a-z0-9-]+/[a-z0-9-]+ \((?:supporter|critic)\)>", live
    )


def _check_kialo(text: str) -> None:
    for line in text.split("\r\n")[2:]:
        content = re.sub(r"^1(?:\.\d+)*\. (?:(?:Pro|Con): )?", "", line)
        assert not re.search(r"[<>()]", _unescaped(content)), line


def _check_json(text: str) -> None:
    assert isinstance(json.loads(text), dict)


CHECKS = {
    "markdown": _check_markdown,
    "html": _check_html,
    "cards": _check_html,
    "sheet": _check_html,
    "worksheet": _check_html,
    "json": _check_json,
    "argdown": _check_argdown,
    "aif": _check_json,
    "kialo": _check_kialo,
}


def test_every_format_has_a_hostile_check() -> None:
    assert set(CHECKS) == set(FORMATS), "add an inertness check for the new format"
    assert {"script-tags.yaml", "render-hostile.yaml"} <= set(HOSTILE)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_format_keeps_every_hostile_fixture_inert(fmt: str, name: str) -> None:
    topic = HOSTILE[name]
    for section_id in [None, *[s.id for s in topic.sections]]:
        text = export_topic(topic, fmt, section_id)
        assert text.strip()
        CHECKS[fmt](text)
    text = export_topic(topic, fmt)
    if fmt == "aif":  # JSON carries the text as data: every claim is there, exactly
        texts = {node["text"] for node in json.loads(text)["nodes"]}
        assert {fold(p.side(s).claim) for _, p in topic.pairs() for s in Side} - {""} <= texts
    elif fmt != "json":  # the JSON export's round trip is tested in test_export.py
        assert "<script" not in re.sub(r"\]\([^)]*\)|<https?://[^<>\s]*>", "", _unescaped(text)).lower()
