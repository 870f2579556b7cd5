"""The importer: articles written for these tests -> skeleton topics that load and pass `check --draft`.

Every article under tests/fixtures/articles/ is invented for the tests; none is the seed article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_explorer.checks import CODES, Severity, check_topic
from debate_explorer.importer import (
    SCHEMA_COMMENT,
    ImportProblem,
    footnote_refs,
    guess_kind,
    parse_article,
    sentences,
    skeleton_from_text,
    slugify,
    write_skeleton,
)
from debate_explorer.loading import LoadError, load_file, load_text
from debate_explorer.model import Pair, Side, SourceKind, Topic
from tests.conftest import FIXTURES, ROOT
from tests.conftest import run_cli as run

ARTICLES = FIXTURES / "articles"
PLAIN = ARTICLES / "plain_sectioned.txt"
MARKDOWN = ARTICLES / "markdown_article.md"
NO_HEADINGS = ARTICLES / "no_headings.txt"
NO_FOOTNOTES = ARTICLES / "no_footnotes.txt"

# What each test article must become: section titles in order, the start of the summary, footnote
# number -> source title, and a sentence expected in each side's note (per section id).
EXPECTED: dict[Path, dict] = {
    PLAIN: {
        "id": "congestion-charging-in-harborview-and-its-effect-on-traffic",
        "title": "Congestion Charging in Harborview and Its Effect on Traffic and Local Trade",
        "sections": [
            "Origins of the Charging Scheme",
            "Traffic, Air and Noise",
            "Effects on Local Shops",
            "Who Pays and Who Benefits",
        ],
        "summary_start": "For nearly a decade, the invented city of Harborview",
        "summary_end": "whether to make the charge permanent¹.",
        "footnotes": {
            1: "Harborview council minutes on the 2021 trial decision",
            2: "Harborview transport plan 2016, department of city planning",
            3: "City transport office traffic counts, first-year report",
            4: "Chamber of commerce member survey, reported by the Harborview Courier",
            5: "University of Eastmere study on car ownership and income",
        },
        "notes": {
            ("origins-of-the-charging-scheme", Side.SUPPORTER): "Supporters argue that the charge",
            ("origins-of-the-charging-scheme", Side.CRITIC): "Opponents contend that the council rushed",
            ("traffic-air-and-noise", Side.SUPPORTER): "Proponents say the cleaner air",
            ("traffic-air-and-noise", Side.CRITIC): "Critics point out that traffic on the ring road",
            ("effects-on-local-shops", Side.SUPPORTER): "Advocates reply that pedestrians",
            ("effects-on-local-shops", Side.CRITIC): "Detractors of the scheme say",
            ("who-pays-and-who-benefits", Side.CRITIC): "Skeptics of that reading note",
        },
        "empty_notes": [("who-pays-and-who-benefits", Side.SUPPORTER)],
    },
    MARKDOWN: {
        "id": "should-riverton-build-a-desalination-plant",
        "title": "Should Riverton Build a Desalination Plant?",
        "sections": ["The Water Shortage", "Cost and Energy", "Marine Life"],
        "summary_start": "The invented coastal town of Riverton is running short of fresh water.",
        "summary_end": "where people disagree.",
        "footnotes": {
            1: "Riverton Water Board, proposal for a north shore desalination plant",
            2: "Regional weather service rainfall records",
            3: "Coastal Engineering Journal, study of plant energy use",
            4: "Seagrass Trust statement on brine outfalls",
        },
        "notes": {
            ("the-water-shortage", Side.SUPPORTER): "Supporters of the plant argue",
            ("the-water-shortage", Side.CRITIC): "Critics say that fixing leaks",
            ("cost-and-energy", Side.CRITIC): "Opponents warn that water bills",
            ("marine-life", Side.SUPPORTER): "Advocates of the plant note",
        },
        "empty_notes": [("cost-and-energy", Side.SUPPORTER), ("marine-life", Side.CRITIC)],
    },
    NO_HEADINGS: {
        "id": "a-four-day-week-for-public-libraries",
        "title": "A Four-Day Week for Public Libraries",
        "sections": ["A Four-Day Week for Public Libraries"],
        "summary_start": "The invented county of Westmoor is considering",
        "summary_end": "to save money [1].",
        "footnotes": {
            1: "Westmoor county budget office, library spending review",
            2: "Westmoor student union letter to the county board",
        },
        "notes": {
            ("a-four-day-week-for-public-libraries", Side.SUPPORTER): "Supporters argue that the savings",
            ("a-four-day-week-for-public-libraries", Side.CRITIC): "Critics contend that the closure",
        },
        "empty_notes": [],
    },
    NO_FOOTNOTES: {
        "id": "night-buses-in-millbrook",
        "title": "Night Buses in Millbrook",
        "sections": ["The Case for Restoring Service", "Concerns About Cost", "The Road Ahead"],
        "summary_start": "Millbrook, an invented town, stopped its night buses three years ago. Now the town",
        "summary_end": "at what cost to the day timetable.",
        "footnotes": {},
        "notes": {
            ("the-case-for-restoring-service", Side.SUPPORTER): "Supporters say that shift workers",
            ("concerns-about-cost", Side.CRITIC): "Opponents argue that the buses ran nearly empty",
        },
        "empty_notes": [("the-road-ahead", Side.SUPPORTER), ("the-road-ahead", Side.CRITIC)],
    },
}


def skeleton_of(article: Path, tmp_path: Path) -> Path:
    return write_skeleton(article, output=tmp_path / "arguments")


def position(topic: Topic, section_id: str, side: Side):
    section = topic.section(section_id)
    assert section is not None, f"no section {section_id!r} in {[s.id for s in topic.sections]}"
    return section.pairs[0].side(side)


# --- round trip: article -> file -> loaded topic -------------------------------------------------------


@pytest.mark.parametrize("article", list(EXPECTED), ids=lambda p: p.name)
def test_skeleton_round_trip(article: Path, tmp_path: Path) -> None:
    expected = EXPECTED[article]
    written = skeleton_of(article, tmp_path)
    assert written == tmp_path / "arguments" / f"{expected['id']}.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    assert "&id" not in text and "*id" not in text  # no anchors: the loader refuses aliases

    topic = load_file(written).topic
    assert topic.id == expected["id"]
    assert topic.title == expected["title"]
    assert topic.document is not None and topic.document.title == expected["title"]
    assert [s.title for s in topic.sections] == expected["sections"]
    assert topic.summary.startswith(expected["summary_start"])
    assert topic.summary.endswith(expected["summary_end"])
    assert topic.question == ""

    assert {s.footnote: s.title for s in topic.sources} == expected["footnotes"]
    for source in topic.sources:
        assert source.url == ""
        assert "Find the real page" in source.note

    for section in topic.sections:
        assert len(section.pairs) == 1
        pair = section.pairs[0]
        assert pair.question == "" and pair.supporter.claim == "" and pair.critic.claim == ""
    ids = [s.id for s in topic.sections] + [p.id for _, p in topic.pairs()]
    assert len(ids) == len(set(ids))

    for (section_id, side), sentence in expected["notes"].items():
        held = position(topic, section_id, side)
        assert sentence in held.note
        assert held.origin.value == "document"
    for section_id, side in expected["empty_notes"]:
        held = position(topic, section_id, side)
        assert held.note == ""
        assert held.origin.value == "research"


@pytest.mark.parametrize("article", list(EXPECTED), ids=lambda p: p.name)
def test_skeleton_passes_draft_check_and_fails_full_check(article: Path, tmp_path: Path, capsys) -> None:
    written = skeleton_of(article, tmp_path)
    code, out, _ = run(capsys, "check", "--draft", "--format", "json", written)
    assert code == 0, out
    findings = json.loads(out)
    severities = {f["severity"] for f in findings}
    assert "error" not in severities
    todos = [f for f in findings if f["severity"] == Severity.TODO.value]
    assert {"E103", "E104", "E106"} <= {f["code"] for f in todos}
    if EXPECTED[article]["footnotes"]:
        assert "E105" in {f["code"] for f in todos}  # every source stub still needs its url
    paths = {f["path"] for f in todos}
    assert "question" in paths and "sections[0].pairs[0].supporter.claim" in paths

    code, out, _ = run(capsys, "check", written)
    assert code == 1
    assert " E103 error: " in out


def test_draft_findings_point_at_the_skeleton_lines(tmp_path: Path) -> None:
    written = skeleton_of(PLAIN, tmp_path)
    loaded = load_file(written)
    lines = written.read_text(encoding="utf-8").splitlines()
    for finding in check_topic(loaded, draft=True):
        if finding.code == "E103":
            assert finding.line is not None
            assert lines[finding.line - 1].strip() == "claim: ''"


def test_section_text_is_kept_as_comments_above_the_pair() -> None:
    text = skeleton_from_text(PLAIN.read_text(encoding="utf-8"))
    lines = text.splitlines()
    start = lines.index("  - id: traffic-air-and-noise")
    pairs = lines.index("    pairs:", start)
    comments = "\n".join(lines[start:pairs])
    assert "# > Counts published by the city transport office" in comments
    assert "# > - Charges apply only on weekdays between seven and seven" in comments
    assert "Footnotes cited in this section: 3 = city-transport-office-traffic-counts" in comments
    # Article text is only ever in comments, never in a value a reader would see.
    assert "Counts published" not in json.dumps(load_text(text).topic.model_dump())


def test_side_notes_name_cited_footnotes_and_unclear_cues() -> None:
    topic = load_text(skeleton_from_text(PLAIN.read_text(encoding="utf-8"))).topic
    critic = position(topic, "traffic-air-and-noise", Side.CRITIC)
    assert "footnote 3 = city-transport-office-traffic-counts" in critic.note
    supporter = position(topic, "effects-on-local-shops", Side.SUPPORTER)
    assert "side unclear" in supporter.note  # bare "Advocates": the author decides the side
    markdown = load_text(skeleton_from_text(MARKDOWN.read_text(encoding="utf-8"))).topic
    assert "side unclear" not in position(markdown, "marine-life", Side.SUPPORTER).note  # "advocates of"


def test_guessed_source_kinds() -> None:
    topic = load_text(skeleton_from_text(PLAIN.read_text(encoding="utf-8"))).topic
    kinds = {s.footnote: s.kind for s in topic.sources}
    assert kinds == {
        1: SourceKind.GOVERNMENT,
        2: SourceKind.GOVERNMENT,
        3: SourceKind.GOVERNMENT,
        4: SourceKind.PRESS,  # "Chamber of commerce member survey, reported by the Courier"
        5: SourceKind.ACADEMIC,
    }
    assert guess_kind("Supreme Court ruling in Doe v. Roe") is SourceKind.COURT
    assert guess_kind("Amnesty International report, 2020") is SourceKind.NGO
    assert guess_kind("Smith, interview with the Daily News") is SourceKind.PRESS
    assert guess_kind("Something nobody can classify") is None


# --- the heading heuristic on tricky cases --------------------------------------------------------------


def titles(text: str) -> list[str]:
    return [s.title for s in parse_article(text).sections]


LONG = (
    "This paragraph is long enough to be an ordinary paragraph of running text in an article, and it "
    "ends with a full stop as paragraphs do."
)


def test_short_sentence_line_is_not_a_heading() -> None:
    text = f"Title\n{LONG}\nReal Heading\n{LONG}\nThe vote was close.\n{LONG}\n"
    assert titles(text) == ["Real Heading"]


def test_heading_directly_above_a_short_paragraph_without_blank_lines() -> None:
    text = f"Title\n{LONG}\nFirst Part\nA short paragraph.\n{LONG}\nSecond Part\n{LONG}\n"
    assert titles(text) == ["First Part", "Second Part"]


def test_one_line_list_items_are_not_headings() -> None:
    text = f"Title\nFirst Heading\n{LONG}\n- Buy more buses\n{LONG}\n• Another Item Here\n{LONG}\n"
    assert titles(text) == ["First Heading"]
    numbered = f"Title\nSteps\n{LONG}\n1. Open the form\n2. Fill it in\n{LONG}\n"
    assert titles(numbered) == ["Steps"]


def test_numbered_heading_between_paragraphs() -> None:
    text = f"Title\n{LONG}\n1. Background\n{LONG}\n2. Outlook\n{LONG}\n"
    assert titles(text) == ["1. Background", "2. Outlook"]


def test_footnote_heading_starts_the_list_not_a_section() -> None:
    for heading in (
        "Footnotes",
        "Sources:",
        "References",
        "Notes",
        "Footnotes & Sources",
        "Sources and notes",
    ):
        text = f"Title\n{LONG}¹\nOnly Section\n{LONG}²\n{heading}\n- First source\n- Second source\n"
        article = parse_article(text)
        assert [s.title for s in article.sections] == ["Only Section"], heading
        assert [(f.number, f.text) for f in article.footnotes] == [(1, "First source"), (2, "Second source")]
        assert all(heading.rstrip(":") not in p for p in article.sections[0].paragraphs)


def test_footnote_words_inside_a_longer_heading_are_a_section() -> None:
    text = f"Title\n{LONG}\nSources of Funding\n{LONG}\nNotes on Method\n{LONG}\n"
    assert titles(text) == ["Sources of Funding", "Notes on Method"]
    assert parse_article(text).footnotes == []


def test_hard_wrapped_paragraphs_and_short_line_runs() -> None:
    text = (
        "Title\n\nIntro sentence one.\n\nA Heading\n\n"
        "Supporters say that shift workers in the hospital and the warehouses\n"
        "have no other way home. More text follows here.\n\n"
        "They list three wishes:\n\nEarlier buses\nMore stops\n\n"
        "The Council Chamber held its meeting in the\n"
        "Old Town Hall on Monday.\n\n"
        "The Mayor of the Old Town\n"
        "Hall spoke first.\n\n"
        "Closing Heading\n\nThe end.\n"
    )
    article = parse_article(text)
    assert [s.title for s in article.sections] == ["A Heading", "Closing Heading"]
    assert article.intro == ["Intro sentence one."]
    paragraphs = article.sections[0].paragraphs
    assert paragraphs[0].startswith(
        "Supporters say that shift workers in the hospital and the warehouses have"
    )
    assert "Earlier buses" in paragraphs and "More stops" in paragraphs


def test_lowercase_continuation_and_trailing_line_are_not_headings() -> None:
    wrapped = "The committee voted on the new\nbudget after a long debate."
    text = f"Title\n{LONG}\n{wrapped}\n{LONG}\nThanks for Reading\n"
    assert titles(text) == ["Title"]  # no headings: the whole text is one section named after the article
    assert parse_article(text).has_headings is False


def test_trailing_page_chrome_after_the_footnote_list_is_ignored() -> None:
    text = f"Title\nSection\n{LONG}¹\nSources\n- Only source\n\n\n\nNo comments:\nPost a Comment\n"
    article = parse_article(text)
    assert [(f.number, f.text) for f in article.footnotes] == [(1, "Only source")]
    assert [s.title for s in article.sections] == ["Section"]


def test_footnote_list_formats() -> None:
    text = (
        f"Title\nSection\n{LONG}\nReferences\n"
        "[1] Council report on parking\n2. Bus company timetable,\n   spring edition\n"
        "[7] A later note\n- An unnumbered one\n3. A duplicate three\n3. Duplicate again\n"
    )
    notes = [(f.number, f.text) for f in parse_article(text).footnotes]
    assert notes == [
        (1, "Council report on parking"),
        (2, "Bus company timetable, spring edition"),
        (7, "A later note"),
        (8, "An unnumbered one"),
        (3, "A duplicate three"),
        (None, "Duplicate again"),
    ]
    topic = load_text(skeleton_from_text(text)).topic
    assert [s.footnote for s in topic.sources] == [1, 2, 7, 8, 3, None]
    assert "two footnotes 3" in topic.sources[-1].note


def test_footnote_url_is_mentioned_but_never_filled_in() -> None:
    text = f"Title\nSection\n{LONG}[1]\nSources\n1. City budget, https://example.org/budget.pdf\n"
    source = load_text(skeleton_from_text(text)).topic.sources[0]
    assert source.title == "City budget"
    assert source.url == ""
    assert "https://example.org/budget.pdf" in source.note


def test_markdown_structure() -> None:
    article = parse_article(MARKDOWN.read_text(encoding="utf-8"))
    water = article.sections[0]
    assert "### Leaks in the network" in water.paragraphs  # deeper headings stay inside their section
    assert "# This is not a heading: it is inside a code block" in water.paragraphs
    assert not any("References" in p for s in article.sections for p in s.paragraphs)
    setext = (
        "Title\n=====\n\nIntro.\n\nFirst part\n----------\n\nText one.\n\nSecond part\n-----------\n\nText.\n"
    )
    assert titles(setext) == ["First part", "Second part"]
    assert parse_article(setext).title == "Title"


def test_front_matter_title() -> None:
    text = "---\ntitle: 'Front Matter Title'\nauthor: x\n---\n# Heading One\n\nIntro.\n\n## Part\n\nText.\n"
    article = parse_article(text)
    assert article.title == "Front Matter Title"


# --- helpers: sentences, markers, slugs ----------------------------------------------------------------


def test_sentences_keep_abbreviations() -> None:
    assert sentences("The U.S. Senate met. Dr. Lee spoke¹. Critics left [2]. Then e.g. this one.") == [
        "The U.S. Senate met.",
        "Dr. Lee spoke¹.",
        "Critics left [2].",
        "Then e.g. this one.",
    ]


def test_footnote_refs() -> None:
    known = set(range(1, 13))
    assert footnote_refs("one¹ and two² and twelve¹²", known) == [1, 2, 12]
    assert footnote_refs("pair¹² when there is no twelve", {1, 2}) == [1, 2]
    assert footnote_refs("[1], [3-5] and [7, 9] then [1] again", known) == [1, 3, 4, 5, 7, 9]
    assert footnote_refs("an area of 40 m² only", {1}) == []
    assert footnote_refs("markdown[^a] style[^2]", {1, 2}, {"a": 1, "2": 2}) == [1, 2]


def test_slugify() -> None:
    assert slugify("U.S.–Israel: Policing & More!") == "u-s-israel-policing-more"
    assert slugify("Café crème à Zürich") == "cafe-creme-a-zurich"
    cut = slugify("Council decision on the future of the scooter trial", 40)
    assert cut == "council-decision-on-the-future"
    long = slugify("word " * 40)
    assert len(long) <= 60 and not long.endswith("-")
    assert slugify("日本語のタイトル") == ""
    topic = load_text(skeleton_from_text("日本語のタイトル\n本文です。\n")).topic
    assert topic.id == "topic" and topic.title == "日本語のタイトル"


def test_explicit_id_and_invalid_id() -> None:
    assert load_text(skeleton_from_text("A Title\nText.\n", topic_id="my-topic")).topic.id == "my-topic"
    with pytest.raises(ImportProblem, match="not a valid id"):
        skeleton_from_text("A Title\nText.\n", topic_id="Bad Id")


def test_empty_and_binary_text_raise() -> None:
    for text in ("", "   \n\n\t\n", "\ufeff\n"):
        with pytest.raises(ImportProblem, match="empty"):
            skeleton_from_text(text)
    with pytest.raises(ImportProblem, match="binary"):
        skeleton_from_text("Title\x00\nText")


def test_too_many_headings_or_footnotes_raise() -> None:
    sections = "".join(f"Heading Number {n}\nSome text for the section.\n" for n in range(201))
    with pytest.raises(ImportProblem, match="201 headings"):
        skeleton_from_text(f"Title\n{sections}")
    notes = "".join(f"- Source {n}\n" for n in range(1000))
    with pytest.raises(ImportProblem, match="1000 footnotes"):
        skeleton_from_text(f"Title\nSection\nText.\nSources\n{notes}")


def test_largest_article_gives_a_skeleton_within_the_loader_limit(tmp_path: Path) -> None:
    paragraph = "Supporters argue that a sentence is one¹. Critics contend it is two [2]. " * 20
    sections = "".join(f"Heading Number {n}\n{paragraph}\n" for n in range(200))
    article = tmp_path / "big.txt"
    article.write_text(f"Big Title\n{sections}Sources\n- One\n- Two\n", encoding="utf-8")
    assert article.stat().st_size < 1024 * 1024
    topic = load_file(write_skeleton(article, output=tmp_path)).topic
    assert len(topic.sections) == 200 and len(topic.sources) == 2


def test_title_only_article() -> None:
    topic = load_text(skeleton_from_text("Just a Title\n")).topic
    assert topic.title == "Just a Title"
    assert [s.title for s in topic.sections] == ["Just a Title"]
    assert topic.summary == "" and topic.sources == []


def test_yaml_hostile_text_stays_text() -> None:
    text = (
        "no: yes\n"
        "Intro with 'quotes', \"double\", #hash, & ampersand, *star, {brace}, - dash: colon.\n"
        "- ? : !tag\n"
        "Heading: With Colon Inside\n"
        "@at `tick` | pipe > fold % percent\u2028line sep\x85nel\x07bell\ttab.\n"
        "Sources\n- null\n- 2019-05-01\n"
    )
    topic = load_text(skeleton_from_text(text)).topic
    assert topic.title == "no: yes"
    assert [s.title for s in topic.sources] == ["null", "2019-05-01"]
    assert "Intro with 'quotes', \"double\", #hash" in topic.summary


# --- files and the CLI ---------------------------------------------------------------------------------


def test_cli_new_default_output(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", PLAIN)
    target = Path("arguments") / f"{EXPECTED[PLAIN]['id']}.yaml"
    assert code == 0 and f"wrote {target}; next: debate-explorer check --draft {target}" in err
    assert load_file(target).topic.id == EXPECTED[PLAIN]["id"]


def test_cli_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    target = tmp_path / "my-topic.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    code, _, err = run(capsys, "new", MARKDOWN, "-o", target)
    assert code == 2 and "already exists; pass --force" in err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run(capsys, "new", MARKDOWN, "-o", target, "--force")
    assert code == 0
    assert load_file(target).topic.id == "my-topic"  # the id follows the file name


def test_cli_id_option_and_mismatch(tmp_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "new", NO_HEADINGS, "--id", "libraries", "-o", tmp_path)
    assert code == 0 and load_file(tmp_path / "libraries.yaml").topic.id == "libraries"
    code, _, err = run(capsys, "new", NO_HEADINGS, "--id", "libraries", "-o", tmp_path / "other.yaml")
    assert code == 2 and "must equal the topic id" in err
    code, _, err = run(capsys, "new", NO_HEADINGS, "-o", tmp_path / "Not An Id.yaml")
    assert code == 2 and "not a valid topic id" in err
    code, _, err = run(capsys, "new", NO_HEADINGS, "-o", tmp_path / "x.txt")
    assert code == 2 and "must end in .yaml" in err
    code, _, err = run(capsys, "new", NO_HEADINGS, "--id", "Bad_Id", "-o", tmp_path)
    assert code == 2 and "not a valid id" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n \t\n", "is empty"),
        (b"\xef\xbb\xbf\n", "is empty"),
        (b"Title\n\x00\x01\x02binary", "NUL bytes"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (b"Title\nCaf\xe9 latin-1 text\n", "not UTF-8 text (byte 0xe9 on line 2)"),
    ],
    ids=["empty", "blank", "bom-only", "nul", "png", "latin-1"],
)
def test_cli_refuses_unusable_articles(data: bytes, message: str, tmp_path: Path, capsys) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(data)
    code, out, err = run(capsys, "new", article, "-o", tmp_path / "out")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_refuses_missing_article_folder_and_itself(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "new", tmp_path / "missing.txt", "-o", tmp_path)
    assert code == 2 and "cannot read" in err
    code, _, err = run(capsys, "new", tmp_path, "-o", tmp_path)
    assert code == 2 and "is a folder" in err
    itself = tmp_path / "self-topic.yaml"
    itself.write_text("Self Topic\nText.\n", encoding="utf-8")
    code, _, err = run(capsys, "new", itself, "-o", itself, "--force")
    assert code == 2 and "is the article itself" in err
    assert itself.read_text(encoding="utf-8") == "Self Topic\nText.\n"


def test_write_skeleton_returns_the_path(tmp_path: Path) -> None:
    path = write_skeleton(NO_FOOTNOTES, output=tmp_path / "deep" / "folder" / "buses.yaml")
    assert path == tmp_path / "deep" / "folder" / "buses.yaml"
    assert load_file(path).topic.sources == []
    with pytest.raises(ImportProblem, match="already exists"):
        write_skeleton(NO_FOOTNOTES, output=path)


# --- any text: a skeleton that loads, or an ImportProblem ----------------------------------------------


def assert_skeleton_or_problem(text: str) -> None:
    try:
        skeleton = skeleton_from_text(text)
    except ImportProblem as exc:
        assert str(exc)
        return
    try:
        topic = load_text(skeleton).topic
    except LoadError as exc:  # pragma: no cover - the assertion message is the point
        raise AssertionError(f"skeleton does not load: {exc}\n---\n{skeleton}") from None
    assert topic.sections and all(len(s.pairs) == 1 for s in topic.sections)
    assert yaml.safe_load(skeleton)["id"] == topic.id
    assert skeleton.startswith(SCHEMA_COMMENT + "\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_loading_skeleton_or_an_import_problem(text: str) -> None:
    assert_skeleton_or_problem(text)


LINE = st.one_of(
    st.sampled_from(
        [
            "",
            "Heading Words Here",
            "## Markdown Heading",
            "Footnotes & Sources",
            "Sources:",
            "References",
            "- a bullet item",
            "1. numbered item",
            "[2] bracketed footnote",
            "¹ superscript footnote",
            "[^1]: markdown footnote definition",
            "Supporters argue that it works¹. Critics contend it does not [2].",
            "Advocates emphasize costs.",
            "```",
            "=====",
            "-----",
            "---",
            "title: front",
            "The vote was close.",
            LONG,
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
def test_article_shaped_text_gives_a_loading_skeleton_or_an_import_problem(
    lines: list[str], eol: str
) -> None:
    assert_skeleton_or_problem(eol.join(lines))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60), min_size=2)
)
def test_title_and_intro_round_trip(parts: list[str]) -> None:
    """Values survive YAML exactly (up to the model's whitespace stripping), whatever their characters."""
    parts = [p.strip() for p in parts]
    if not all(parts) or any(re.search(r"\s", p[0] + p[-1]) for p in parts):
        return
    text = "\n\n".join(parts)
    try:
        article = parse_article(text)
        topic = load_text(skeleton_from_text(text)).topic
    except ImportProblem:
        return
    assert topic.title == article.title.strip()
    assert topic.summary == "\n\n".join(article.intro).strip()


# --- docs and editor support ----------------------------------------------------------------------------


def test_authoring_guide_explains_every_check_code() -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if code not in guide]
    assert not missing, f"docs/authoring.md does not explain {missing}"
    documented = set(re.findall(r"\b[EW]\d{3}\b", guide))
    assert documented <= set(CODES), (
        f"docs/authoring.md names codes that do not exist: {documented - set(CODES)}"
    )
    assert SCHEMA_COMMENT.lstrip("# ") in guide


def test_worked_example_in_the_guide_is_real_importer_output() -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    example = guide[guide.index("## 8. Worked example") :]
    blocks = re.findall(r"```(\w+)\n(.*?)```", example, re.DOTALL)
    article = next(body for lang, body in blocks if lang == "text")
    skeleton = skeleton_from_text(article).splitlines()
    excerpts = [body for lang, body in blocks if lang == "yaml"]
    for excerpt in excerpts[:2]:
        for line in excerpt.splitlines():
            if "..." not in line:
                assert line in skeleton, f"the guide shows {line!r}, which the importer does not write"
    finished = yaml.safe_load(excerpts[2])["pairs"][0]
    pair = Pair.model_validate(finished)
    assert pair.supporter.claim and pair.critic.claim and pair.supporter.sources and pair.critic.sources
    words = sorted([pair.supporter.words, pair.critic.words])
    assert words[1] <= 1.5 * words[0]  # the example is balanced by the check's own rule


def test_pre_commit_hook_checks_changed_topic_files() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    hook = next(h for h in hooks if "debate-explorer check" in h["entry"])
    assert "--strict" in hook["entry"]
    assert hook["language"] == "system"
    files = re.compile(hook["files"])
    assert files.search("arguments/new-topic.yaml")
    assert not files.search("tests/fixtures/topics/sample-topic.yaml")
    assert not files.search("arguments/notes.txt")
