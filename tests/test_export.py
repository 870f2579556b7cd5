"""Exports through their public entry points: export_topic, download and the `export` CLI command."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from debate_explorer import exports as export
from debate_explorer.cli import main
from debate_explorer.escape import ZERO_WIDTH_SPACE
from debate_explorer.escape import markdown as md
from debate_explorer.exports.html import to_html
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic
from tests.conftest import FIXTURES, ROOT
from tests.conftest import SAMPLE as SAMPLE_FILE

HOSTILE_FILES = [
    FIXTURES / "render" / "render-hostile.yaml",
    FIXTURES / "hostile" / "script-tags.yaml",
]
SAMPLE = load_file(SAMPLE_FILE).topic
HOSTILE = [load_file(path).topic for path in HOSTILE_FILES]
FORMATS = list(export.FORMATS)


def fold(text: str) -> str:
    """Text as a reader sees it: whitespace folded, the invisible break opportunities (issue 17) gone."""
    return " ".join(text.replace(ZERO_WIDTH_SPACE, "").split())


def every_text(topic: Topic) -> list[str]:
    """Every piece of content text a handout must show."""
    texts = [topic.title, topic.question, topic.summary]
    for section in topic.sections:
        texts += [section.title, section.summary, *section.questions]
        texts += [t.term for t in section.terms] + [t.definition for t in section.terms]
        texts += [c.claim for c in section.fact_checks] + [c.note for c in section.fact_checks]
        for pair in section.pairs:
            texts.append(pair.question)
            for side in Side:
                texts += [text for _, text in pair.side(side).texts()] + [pair.side(side).held_by]
    texts += [e.event for e in topic.timeline] + [s.title for s in topic.sources]
    return [fold(t) for t in texts if t.strip()]


class Elements(HTMLParser):
    """Every start tag with its attributes, and the document's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


# ---------------------------------------------------------------- completeness


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_handout_shows_every_pair_position_and_source(fmt: str) -> None:
    out = export.export_topic(SAMPLE, fmt)
    plain = fold(" ".join(parse(out).text)) if fmt == "html" else out.replace("\\", "")
    for text in every_text(SAMPLE):
        assert text in plain, text
    for source in SAMPLE.sources:
        assert source.url in out  # the full URL, printed


def test_html_numbers_sources_in_topic_order_and_cites_them() -> None:
    page = export.export_topic(SAMPLE, "html")
    listed = re.findall(r'<li value="(\d+)">([^<]+) <span class="meta">', page)
    assert listed == [(str(n), html.escape(s.title, quote=True)) for n, s in enumerate(SAMPLE.sources, 1)]
    first = SAMPLE.sections[0].pairs[0]
    number = [s.id for s in SAMPLE.sources].index(first.supporter.sources[0]) + 1
    assert f"Sources: [{number}]" in page


def test_html_is_self_contained_and_printable() -> None:
    page = export.export_topic(SAMPLE, "html")
    tags = parse(page).tags
    names = {tag for tag, _ in tags}
    assert "script" not in names and "link" not in names and "iframe" not in names and "img" not in names
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    csp = [a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0] or "")
    # Only the sources' (and the document's) http(s) URLs are links.
    hrefs = [a["href"] for t, a in tags if t == "a"]
    expected = [SAMPLE.document.url] if SAMPLE.document else []
    assert hrefs == expected + [s.url for s in SAMPLE.sources if s.url]
    assert all(not any(k in attrs for k in ("src", "style")) for _, attrs in tags)


def test_markdown_lists_sources_with_full_urls() -> None:
    out = export.export_topic(SAMPLE, "markdown")
    tail = out.split("## Sources", 1)[1]
    for n, source in enumerate(SAMPLE.sources, start=1):
        assert re.search(rf"^- \\\[{n}\\\] .*<{re.escape(source.url)}>$", tail, re.MULTILINE), source.id


# ---------------------------------------------------------------- hostile text


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_html_escapes_hostile_text(topic: Topic) -> None:
    page = export.export_topic(topic, "html")
    parsed = parse(page)
    names = [tag for tag, _ in parsed.tags]
    assert not {"script", "img", "iframe", "svg", "object", "embed", "link", "base"} & set(names)
    for tag, attrs in parsed.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    allowed = {s.url for s in topic.sources} | ({topic.document.url} if topic.document else set())
    assert hrefs and all(re.match(r"https?://", href or "") and href in allowed for href in hrefs)
    # The hostile text is shown literally (escaped in the source, readable as text).
    assert "&lt;script&gt;" in page
    shown = fold(" ".join(parsed.text))
    for text in every_text(topic):
        assert text in shown


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_html_links_only_http_urls_even_when_the_model_is_bypassed(topic: Topic) -> None:
    # A source whose URL bypassed validation (model_construct) must not become a link.
    bad = [
        source.model_copy(update={"url": url})
        for source, url in zip(
            topic.sources[:1] * 3,
            ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", 'https://x" onclick="a'],
            strict=True,
        )
    ]
    tampered = topic.model_copy(update={"sources": [*topic.sources, *bad]})
    parsed = parse(to_html(tampered))
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert all(re.match(r"https?://\S+$", href or "") for href in hrefs), hrefs
    assert len(hrefs) == len(topic.sources) + 1 - sum(not s.url for s in topic.sources)
    assert not [k for _, attrs in parsed.tags for k in attrs if k.startswith("on")]


def _unescaped_markdown(out: str) -> str:
    """The Markdown with escapes and our own <http(s)://...> autolinks removed."""
    return re.sub(r"<https?://[^\s<>]+>", "", re.sub(r"\\.", "", out))


@pytest.mark.parametrize("topic", HOSTILE, ids=[t.id for t in HOSTILE])
def test_markdown_keeps_hostile_text_inert(topic: Topic) -> None:
    out = export.export_topic(topic, "markdown")
    rest = _unescaped_markdown(out)
    for char in "<>[]`!&$":
        assert char not in rest, char
    for url in re.findall(r"<(https?://[^\s<>]+)>", out):
        assert not set(url) & set('<>"`{}|\\^ '), url
    assert out.replace("\\", "").count("<script>") >= 1  # still readable once rendered


def test_markdown_escapes_line_start_markers() -> None:
    assert md("- not a list") == "\\- not a list"
    assert md("1. not a list") == "1\\. not a list"
    assert md("=== x") == "\\=== x"
    assert md("[a](javascript:x) <b>") == "\\[a\\](javascript:x) \\<b\\>"


# ---------------------------------------------------------------- sections, JSON, names


def test_section_export_keeps_only_that_section_and_its_sources() -> None:
    section = SAMPLE.sections[1]
    data = json.loads(export.export_topic(SAMPLE, "json", section.id))
    assert data["section"] == section.id
    assert [s["id"] for s in data["topic"]["sections"]] == [section.id]
    cited = export.cited_ids([section])
    assert {s["id"] for s in data["topic"]["sources"]} == cited
    assert data["topic"]["timeline"] == []
    page = export.export_topic(SAMPLE, "html", section.id)
    assert html.escape(section.pairs[0].question, quote=True) in page
    assert html.escape(SAMPLE.sections[0].pairs[0].question, quote=True) not in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_section_is_a_key_error(fmt: str) -> None:
    with pytest.raises(KeyError, match="unknown section 'nope'"):
        export.export_topic(SAMPLE, fmt, "nope")


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        export.export_topic(SAMPLE, "pdf")


@pytest.mark.parametrize("topic", [SAMPLE, *HOSTILE], ids=lambda t: t.id)
def test_json_is_the_validated_model_and_round_trips(topic: Topic) -> None:
    text = export.export_topic(topic, "json")
    data = json.loads(text)
    assert data["format"] == export.JSON_FORMAT and data["format_version"] == export.JSON_FORMAT_VERSION
    assert data["section"] is None
    assert Topic.model_validate(data["topic"]) == topic
    assert export.export_topic(topic, "json") == text  # stable: same input, same bytes


def test_json_envelope_keys_are_documented() -> None:
    doc = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    data = json.loads(export.export_topic(SAMPLE, "json"))
    for key in data:
        assert f"`{key}`" in doc, key
    for key in data["topic"]:
        assert f"`{key}`" in doc, key


@pytest.mark.parametrize("fmt", FORMATS)
def test_download_names_and_types(fmt: str) -> None:
    whole = export.download(SAMPLE, fmt)
    part = export.download(SAMPLE, fmt, "costs")
    ext = export.FORMATS[fmt].extension
    assert whole.file_name == f"sample-topic.{ext}" and part.file_name == f"sample-topic-costs.{ext}"
    assert whole.mime == export.FORMATS[fmt].mime
    assert whole.data == export.export_topic(SAMPLE, fmt)


# ---------------------------------------------------------------- the CLI


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_writes_the_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(SAMPLE_FILE), "--format", fmt, "-o", str(out)]) == 0
    assert out.read_bytes().decode("utf-8") == export.export_topic(SAMPLE, fmt)


def test_cli_export_section_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE_FILE), "--format", "markdown", "--section", "learning"]) == 0
    out = capsys.readouterr().out
    assert out == export.export_topic(SAMPLE, "markdown", "learning")
    assert "What pupils would learn" in out and "What the change would cost" not in out


def test_cli_export_unknown_section_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE_FILE), "--section", "nope"]) == 2
    assert "unknown section 'nope'" in capsys.readouterr().err


def test_cli_export_broken_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["export", str(broken)]) == 2
    assert "broken.yaml" in capsys.readouterr().err
