"""Import from other argument tools: real published files and hand-made tricky and hostile ones.

The real files live in shared/interop beside the repository (see its README); CI clones the repository next
to a copy of shared/, so a missing folder fails there instead of skipping.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_explorer.cli import build_parser, main
from debate_explorer.exports import export_topic
from debate_explorer.importer import FORMATS, ImportProblem, detect_format, write_skeleton
from debate_explorer.importer import skeleton as skeleton_of
from debate_explorer.importer.aif import read_aif
from debate_explorer.importer.argdown import INSTALL, find_cli
from debate_explorer.importer.kialo import read_kialo
from debate_explorer.loading import load_file, load_text
from debate_explorer.model import MAX_SENTENCE, Side, Topic
from tests.conftest import ROOT, SAMPLE

# The repository next to shared/ (CI, /work/main); a worktree one level further down also finds it.
INTEROP = next(
    (
        p / ".." / "shared" / "interop"
        for p in (ROOT, ROOT.parent)
        if (p / ".." / "shared" / "interop").is_dir()
    ),
    ROOT / ".." / "shared" / "interop",
)
REAL = {
    "kialo": "kialo/should-hate-speech-be-illegal-6148.txt",
    "argdown-softdrugs": "argdown/legalisation-softdrugs.argdown",
    "argdown-censorship": "argdown/state-censorship.argdown",
    "aif": "aif/moral-maze-6064.json",
}


def real_file(name: str) -> Path:
    path = INTEROP / REAL[name]
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must lay shared/ beside the repository")
        pytest.skip(f"{path} not here (shared/ is not beside this checkout)")
    return path


def need_argdown() -> Path:
    cli = find_cli()
    if cli is not None:
        return cli
    if os.environ.get("CI") or os.environ.get("DEBATE_EXPLORER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the Argdown CLI is missing: run `{INSTALL}` (.ci/run does)")
    pytest.skip(f"Argdown CLI not installed; run `{INSTALL}`")


def flat(text: str) -> str:
    return " ".join(text.split())


def strings(data: Any) -> list[str]:
    """Every text value of a loaded YAML document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


def imported(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Topic, str]:
    """`new` through the CLI, then `check --draft` (exit 0) and plain `check` (exit 1)."""
    out = tmp_path / "out"
    assert main(["new", str(path), "-o", str(out)]) == 0, capsys.readouterr().err
    (written,) = out.glob("*.yaml")
    assert main(["check", "--draft", str(written)]) == 0, capsys.readouterr()
    assert main(["check", str(written)]) == 1
    capsys.readouterr()
    return load_file(written).topic, written.read_text(encoding="utf-8")


def assert_texts_kept(texts: list[str], skeleton: str) -> None:
    values = flat(" \n ".join(strings(yaml.safe_load(skeleton))))
    missing = [t for t in texts if flat(t) not in values]
    assert not missing, f"{len(missing)} claim texts lost, e.g. {missing[:2]}"


# --- independent readings of the inputs, for "every claim's text is kept" -------------------------------

_KIALO_LINE = re.compile(r"^\d+(?:\.\d+)*\.\s+(?:(?:Pro|Con):\s*)?(?P<text>.*)$")


def kialo_texts(text: str) -> list[str]:
    """Claim texts of a Kialo export as a reader sees them: link text without the url, escapes resolved."""
    texts = []
    for line in text.splitlines():
        match = _KIALO_LINE.match(line.strip())
        if match and not match["text"].startswith("-> See"):
            body = re.sub(r"\[([^\]]*)\]\([^)\s]*\)", r"\1", match["text"])
            texts.append(re.sub(r"\\(.)", r"\1", body))
    return texts


def aif_texts(text: str) -> list[str]:
    return [n["text"] for n in json.loads(text)["nodes"] if n.get("type") == "I" and n.get("text")]


def argdown_texts(path: Path, tmp_path: Path) -> list[str]:
    cli = need_argdown()
    out = tmp_path / "json"
    subprocess.run([str(cli), "json", str(path), str(out)], check=True, capture_output=True, timeout=120)
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    texts = []
    for group in ("statements", "arguments"):
        for node in data[group].values():
            texts.extend(m["text"] for m in node.get("members", []) if m.get("text"))
    return texts


# --- the real files ------------------------------------------------------------------------------------


def test_real_kialo_export(tmp_path: Path, capsys) -> None:
    path = real_file("kialo")
    assert b"\r\n" in path.read_bytes()
    topic, skeleton = imported(path, tmp_path, capsys)
    text = path.read_text(encoding="utf-8")
    assert topic.title == "Should hate speech be illegal?"
    assert topic.question == kialo_texts(text)[0]
    assert_texts_kept(kialo_texts(text), skeleton)
    assert "cross-link" in skeleton
    urls = {s.url for s in topic.sources}
    assert "http://www.kialo.com" in urls
    assert all(u.startswith(("http://", "https://")) for u in urls if u)


@pytest.mark.parametrize("name", ["argdown-softdrugs", "argdown-censorship"])
def test_real_argdown_debates(name: str, tmp_path: Path, capsys) -> None:
    path = real_file(name)
    need_argdown()
    topic, skeleton = imported(path, tmp_path, capsys)
    assert_texts_kept(argdown_texts(path, tmp_path), skeleton)
    pairs = [pair for _, pair in topic.pairs()]
    assert any(p.supporter.claim and p.critic.claim for p in pairs)
    if name == "argdown-softdrugs":
        assert topic.title == "Pros and Cons Legalisation of Soft Drugs"


def test_real_aif_map(tmp_path: Path, capsys) -> None:
    path = real_file("aif")
    topic, skeleton = imported(path, tmp_path, capsys)
    assert_texts_kept(aif_texts(path.read_text(encoding="utf-8")), skeleton)
    assert topic.question


# --- round trips: our own exports come back with every claim ------------------------------------------


@pytest.mark.parametrize("fmt", ["argdown", "kialo", "aif"])
def test_round_trip_of_our_export(fmt: str, tmp_path: Path, capsys) -> None:
    if fmt == "argdown":
        need_argdown()
    source = load_file(SAMPLE).topic
    text = export_topic(source, fmt)
    topic, skeleton = imported(write(tmp_path, f"sample.{fmt}", text), tmp_path, capsys)
    assert topic.question == source.question
    claims = [pair.side(side).claim for _, pair in source.pairs() for side in Side]
    assert_texts_kept(claims, skeleton)
    linked = {s.url for s in source.sources if s.url and s.url in text}  # AIF carries no links
    assert {s.url for s in topic.sources} >= linked


# --- Kialo, hand-made ----------------------------------------------------------------------------------

KIALO = """Discussion Title: Should towns ban cars from the centre?

1. Towns should ban cars from the centre.
1.1. Pro: Cleaner air for everyone \\(see [the WHO](https://www.who.int/air)\\).
1.1.1. Con: Buses pollute too.
1.2. Con: Shops lose customers who drive.
1.2.1. Pro: -> See 1.1.
1.3. Pro: Streets become safer for children.
1.4. Pro: Café owners gain terrace space — naïve “quotes” 中文 עברית.
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("variant", ["lf", "crlf", "bom", "cr-only"], ids=["lf", "crlf", "bom", "cr-only"])
def test_kialo_line_endings_and_bom(variant: str, tmp_path: Path, capsys) -> None:
    text = {
        "lf": KIALO,
        "crlf": KIALO.replace("\n", "\r\n"),
        "bom": "\ufeff" + KIALO,
        "cr-only": KIALO.replace("\n", "\r"),
    }[variant]
    topic, skeleton = imported(write(tmp_path, "towns.txt", text), tmp_path, capsys)
    assert topic.title == "Should towns ban cars from the centre?"
    assert topic.question == "Towns should ban cars from the centre."
    assert_texts_kept(kialo_texts(KIALO), skeleton)


def test_pairing_rule_ith_pro_with_ith_con_and_leftovers(tmp_path: Path, capsys) -> None:
    topic, _ = imported(write(tmp_path, "towns.txt", KIALO), tmp_path, capsys)
    pairs = [pair for _, pair in topic.pairs()]
    assert [(p.supporter.claim, p.critic.claim) for p in pairs] == [
        ("Cleaner air for everyone (see the WHO).", "Shops lose customers who drive."),
        ("Streets become safer for children.", ""),
        ("Café owners gain terrace space — naïve “quotes” 中文 עברית.", ""),
    ]
    assert "Con: Buses pollute too." in pairs[0].supporter.note
    assert "cross-link to 1.1" in pairs[0].critic.note
    (source,) = topic.sources
    assert source.url == "https://www.who.int/air" and pairs[0].supporter.sources == [source.id]


def test_kialo_empty_discussion(tmp_path: Path, capsys) -> None:
    topic, skeleton = imported(
        write(tmp_path, "empty.txt", "Discussion Title: Nothing yet\r\n"), tmp_path, capsys
    )
    assert topic.title == "Nothing yet" and topic.question == ""
    assert "holds no claims" in skeleton


def test_kialo_deep_nesting_and_long_lines(tmp_path: Path, capsys) -> None:
    lines = ["Discussion Title: Deep", "1. Root claim."]
    ref = "1"
    for depth in range(1, 300):
        ref += ".1"
        lines.append(f"{ref}. {'Pro' if depth % 2 else 'Con'}: Level {depth} claim.")
    long_claim = "word " * 20_000
    lines.append(f"1.2. Con: {long_claim}")
    _, skeleton = imported(write(tmp_path, "deep.txt", "\n".join(lines)), tmp_path, capsys)
    # A 100,000-character claim is cut to the model's cap (issue 17) so the skeleton still loads.
    assert_texts_kept(
        [f"Level {d} claim." for d in range(1, 300)] + [long_claim[: MAX_SENTENCE // 2]], skeleton
    )
    claims = [str(v) for v in strings(yaml.safe_load(skeleton)) if str(v).startswith("word word")]
    assert claims and all(len(c) <= MAX_SENTENCE and c.endswith(" …") for c in claims)


def test_kialo_missing_cross_link_target_and_hostile_text(tmp_path: Path, capsys) -> None:
    text = (
        "Discussion Title: <script>alert(1)</script>\n"
        "1. Main: 'quoted' \"double\" # not a comment: {not: yaml} &anchor *alias !!tag | > %\n"
        "1.1. Pro: [click](javascript:alert(1)) and [data](data:text/html,<b>x</b>)"
        " and <img src=x onerror=1>\n"
        "1.2. Con: -> See 9.9.\n"
        "1.3. Con: \\[not a link\\]\\(http://example.org\\)\n"
        "1.4. Pro: control \x07 bell and \u2028 separator\n"
    )
    topic, skeleton = imported(write(tmp_path, "hostile.txt", text), tmp_path, capsys)
    assert topic.title == "<script>alert(1)</script>"
    assert topic.question.startswith("Main: 'quoted' \"double\" # not a comment")
    assert all(not s.url or s.url.startswith(("http://", "https://")) for s in topic.sources)
    assert not any(s.url.startswith(("javascript:", "data:")) for s in topic.sources)
    assert "9.9" in skeleton and "which the file does not have" in skeleton
    claims = [p.supporter.claim for _, p in topic.pairs()] + [p.critic.claim for _, p in topic.pairs()]
    assert "click and data and <img src=x onerror=1>" in claims
    assert "[not a link](http://example.org)" in claims


# --- AIF, hand-made ------------------------------------------------------------------------------------


def aif(nodes: list[dict[str, Any]], edges: list[tuple[str, str]]) -> str:
    return json.dumps(
        {
            "nodes": nodes,
            "edges": [{"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        }
    )


def test_aif_support_attack_missing_text_and_dangling_edges(tmp_path: Path, capsys) -> None:
    nodes = [
        {"nodeID": "1", "text": "Taxes should rise.", "type": "I"},
        {"nodeID": "2", "text": "Schools need money.", "type": "I"},
        {"nodeID": "3", "text": "Families are stretched.", "type": "I"},
        {"nodeID": "4", "type": "I"},
        {"nodeID": "5", "text": "Default Inference", "type": "RA"},
        {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "7", "text": "Default Inference", "type": "RA"},
        {"nodeID": "8", "text": "Speaker: taxes should rise", "type": "L"},
    ]
    edges = [("2", "5"), ("5", "1"), ("3", "6"), ("6", "1"), ("4", "7"), ("7", "2"), ("99", "1"), ("1", "98")]
    topic, skeleton = imported(write(tmp_path, "map.json", aif(nodes, edges)), tmp_path, capsys)
    assert topic.question == "Taxes should rise."
    (pair,) = [p for _, p in topic.pairs()]
    assert (pair.supporter.claim, pair.critic.claim) == ("Schools need money.", "Families are stretched.")
    assert "node 4 has no text" in skeleton and "2 edge(s)" in skeleton


def test_aif_cycle_and_no_edges(tmp_path: Path, capsys) -> None:
    nodes = [
        {"nodeID": "a", "text": "A holds.", "type": "I"},
        {"nodeID": "b", "text": "B holds.", "type": "I"},
        {"nodeID": "r1", "type": "RA"},
        {"nodeID": "r2", "type": "CA"},
        {"nodeID": "c", "text": "C stands alone.", "type": "I"},
    ]
    edges = [("a", "r1"), ("r1", "b"), ("b", "r2"), ("r2", "a")]
    topic, skeleton = imported(write(tmp_path, "cycle.json", aif(nodes, edges)), tmp_path, capsys)
    assert_texts_kept(["A holds.", "B holds.", "C stands alone."], skeleton)
    assert len(topic.sections) == 2  # the cycle is cut once; the lone claim is a section of its own
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    empty, skeleton = imported(write(empty_dir, "none.json", aif([], [])), empty_dir, capsys)
    assert empty.question == "" and "holds no claims" in skeleton


def test_json_that_is_not_aif_is_a_clear_error(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "other.json", '{"name": "not aif"}')
    assert main(["new", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "not AIF JSON" in err and "Traceback" not in err


# --- Argdown, hand-made --------------------------------------------------------------------------------


def test_argdown_without_pro_con_relations(tmp_path: Path, capsys) -> None:
    need_argdown()
    text = "[Thesis]: Cities should be car-free.\n\n[Other]: Bikes are fast & cheap, “naïve” 中文.\n"
    topic, skeleton = imported(write(tmp_path, "plain.argdown", text), tmp_path, capsys)
    assert_texts_kept(["Cities should be car-free.", "Bikes are fast & cheap, “naïve” 中文."], skeleton)
    assert len(topic.sections) == 2


def test_argdown_links_only_http_become_urls(tmp_path: Path, capsys) -> None:
    need_argdown()
    text = (
        "[T]: Tea is good.\n"
        "  + <Warm>: It warms you [study](https://example.org/tea).\n"
        "  - <Cost>: It costs [money](javascript:alert(1)).\n"
    )
    topic, _ = imported(write(tmp_path, "tea.argdown", text), tmp_path, capsys)
    assert [s.url for s in topic.sources if s.url] == ["https://example.org/tea"]
    (pair,) = [p for _, p in topic.pairs()]
    assert pair.supporter.claim.startswith("It warms you") and pair.critic.claim.startswith("It costs")


def test_argdown_syntax_error_is_reported_as_text(tmp_path: Path, capsys) -> None:
    need_argdown()
    path = write(tmp_path, "bad.argdown", "[T]: Tea is <script>alert(1)</script> good.\n")
    assert main(["new", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "could not parse" in err and "\x1b" not in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_argdown_without_the_cli_is_a_clear_error(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DEBATE_EXPLORER_ARGDOWN", str(tmp_path / "no-such-cli"))
    path = write(tmp_path, "t.argdown", "[T]: Tea is good.\n")
    assert main(["new", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "needs the Argdown CLI" in err and "make argdown" in err


# --- detection -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.txt", KIALO, "kialo"),
        ("a.md", KIALO.split("\n", 2)[2], "kialo"),
        ("a.txt", aif([], []), "aif"),
        ("a.argdown", "Anything at all", "argdown"),
        ("a", "[Thesis]: X.\n  + <A>: Y.\n", "argdown"),
        ("a.md", "# Title\n\n[link]: http://example.org\n\nText.\n", "article"),
        ("notes", "# Title\n\n[link]: http://example.org\n\nText.\n", "article"),
        ("a.txt", "Title\n\n1. Background\n\nText.\n", "article"),
    ],
)
def test_format_detection(name: str, text: str, expected: str) -> None:
    assert detect_format(Path(name), text) == expected


def test_cli_offers_every_reader() -> None:
    parser = build_parser()
    new = parser._subparsers._group_actions[0].choices["new"]  # type: ignore[union-attr]
    (action,) = [a for a in new._actions if a.dest == "input_format"]
    assert list(action.choices) == ["auto", *FORMATS]


def test_explicit_format_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "towns.txt", KIALO)
    topic = load_file(write_skeleton(path, tmp_path / "as-article.yaml", input_format="article")).topic
    assert topic.question == ""
    with pytest.raises(ImportProblem, match="not valid JSON"):
        write_skeleton(path, tmp_path / "as-aif.yaml", input_format="aif")


# --- any input of these shapes: a skeleton that loads, or a clear ImportProblem ---------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


def assert_loads(article_text: str, reader) -> None:
    try:
        skeleton = skeleton_of(reader(article_text))
    except ImportProblem:
        return
    topic = load_text(skeleton, "fuzz.yaml").topic
    assert topic.sections and all(section.pairs for section in topic.sections)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(1, 3), min_size=1, max_size=6),
            st.sampled_from(["Pro: ", "Con: ", ""]),
            _TEXT,
        ),
        max_size=25,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_any_kialo_shaped_text_loads(entries, newline: str) -> None:
    lines = ["Discussion Title: fuzz"] + [
        f"{'.'.join(map(str, ref))}. {stance}{text}" for ref, stance, text in entries
    ]
    assert_loads(newline.join(lines), read_kialo)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries(
            {"nodeID": st.sampled_from("abcdefgh"), "type": st.sampled_from(["I", "RA", "CA", "L", "YA"])},
            optional={"text": st.one_of(_TEXT, st.none(), st.integers())},
        ),
        max_size=12,
    ),
    st.lists(st.tuples(st.sampled_from("abcdefghz"), st.sampled_from("abcdefghz")), max_size=20),
)
def test_any_aif_shaped_json_loads(nodes, edges) -> None:
    assert_loads(aif(nodes, edges), read_aif)
