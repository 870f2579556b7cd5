"""Regressions of the hand-rolled Markdown and sentence code that markdown-it-py and sentencex replaced."""

from __future__ import annotations

import pytest

from debate_explorer.importer import parse_article, section_title, sentences, skeleton_from_text
from debate_explorer.loading import load_text

LONG = "A paragraph long enough to read as prose, with a full sentence that ends here."


def titles(text: str) -> list[str]:
    return [s.title for s in parse_article(text).sections]


def test_fence_containing_the_other_fence_marker_hides_its_heading() -> None:
    text = f"# Title\n\n## Real\n\n{LONG}\n\n```\n~~~\n## Not a heading\n~~~\n```\n\n## Second\n\n{LONG}\n"
    assert titles(text) == ["Real", "Second"]


def test_four_backtick_fence_holds_a_three_backtick_one() -> None:
    text = f"# Title\n\n## Real\n\n````md\n```\n## Inside\n```\n## Still inside\n````\n\n## After\n\n{LONG}\n"
    assert titles(text) == ["Real", "After"]


@pytest.mark.parametrize("indent", ["", " ", "  ", "   "])
def test_heading_indented_up_to_three_spaces(indent: str) -> None:
    text = f"# Title\n\n{indent}## Indented\n\n{LONG}\n\n## Other\n\n{LONG}\n"
    assert titles(text) == ["Indented", "Other"]


def test_four_spaces_is_code_not_a_heading() -> None:
    text = f"# Title\n\n## Real\n\n{LONG}\n\n    ## code\n\n## Other\n\n{LONG}\n"
    assert titles(text) == ["Real", "Other"]


def test_heading_inside_an_html_comment_is_not_a_section() -> None:
    text = f"# Title\n\n## Real\n\n{LONG}\n\n<!--\n## Hidden draft heading\n-->\n\n## Other\n\n{LONG}\n"
    assert titles(text) == ["Real", "Other"]


def test_footnote_definitions_are_found_by_the_parser_not_inside_code() -> None:
    text = (
        "# Title\n\n## Part\n\nClaim[^a] here.\n\n```\n[^b]: not a footnote\n```\n\n"
        "[^a]: The Real Source, Reuters, 2020.\n"
    )
    article = parse_article(text)
    assert [f.text for f in article.footnotes] == ["The Real Source, Reuters, 2020."]
    assert any("[^b]: not a footnote" in p for p in article.sections[0].paragraphs)


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("1. Background", "Background"),
        ("II. History", "History"),
        ("2.1 Costs", "Costs"),
        ("2.1. Costs", "Costs"),
        ("100 Days of Change", "100 Days of Change"),
        ("1984 Revisited", "1984 Revisited"),
    ],
)
def test_numbered_headings_lose_their_numbers_in_the_skeleton(heading: str, title: str) -> None:
    assert section_title(heading) == title
    topic = load_text(skeleton_from_text(f"# Title\n\n## {heading}\n\n{LONG}\n")).topic
    assert [s.title for s in topic.sections] == [title]


def test_plain_numbered_headings_lose_their_numbers_in_the_skeleton() -> None:
    topic = load_text(skeleton_from_text(f"Title\n{LONG}\n1. Background\n{LONG}\n2. Outlook\n{LONG}\n")).topic
    assert [s.title for s in topic.sections] == ["Background", "Outlook"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan costs $3.5 billion over ten years.",
        "As Fig. 2 shows, the numbers rose.",
        "The law took effect in Jan. 2020 after a vote.",
        '"Stop!" she said to the crowd.',
    ],
)
def test_one_sentence_stays_one(sentence: str) -> None:
    assert sentences(f"{sentence} Then another one follows.") == [sentence, "Then another one follows."]


def test_footnote_marker_after_the_full_stop_stays_with_its_sentence() -> None:
    assert sentences("Critics left. [2] Then ¹ more. Supporters stayed. ³ The end.") == [
        "Critics left. [2]",
        "Then ¹ more.",
        "Supporters stayed. ³",
        "The end.",
    ]
