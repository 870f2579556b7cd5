"""What a reader found, in the source's own words: the structure every reader produces for the writer.

An article gives sections with paragraphs and footnotes; a debate (Kialo, Argdown, AIF) gives the same plus a
question and filled pairs. The writer turns either into the skeleton YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportProblem(Exception):
    """The article cannot become a skeleton (binary, empty, unreadable) or the output is not writable."""


@dataclass
class Footnote:
    number: int | None
    text: str
    problem: str = ""
    url: str = ""
    """Only an http(s) URL that links.safe_url accepts (from a debate's links; articles leave it empty)."""
    origin: str = ""
    """Where the stub came from, for its note (default: the article's footnote)."""


@dataclass
class DraftSide:
    """One side of an imported pair: the claim as the source states it, deeper levels as a working note."""

    claim: str = ""
    note: str = ""
    sources: list[int] = field(default_factory=list)
    """Indexes into Article.footnotes."""


@dataclass
class DraftPair:
    supporter: DraftSide = field(default_factory=DraftSide)
    critic: DraftSide = field(default_factory=DraftSide)


@dataclass
class ArticleSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    summary: str = ""
    pairs: list[DraftPair] = field(default_factory=list)
    """Filled pairs from a debate; an article section gets one empty pair instead."""


@dataclass
class Article:
    """What the importer read: the structure only, in the article's own words."""

    title: str
    intro: list[str]
    sections: list[ArticleSection]
    footnotes: list[Footnote]
    has_headings: bool
    labels: dict[str, int] = field(default_factory=dict)
    """Markdown footnote labels ([^label]) -> footnote number."""
    question: str = ""
    kind: str = "article"
    """What was read: article, kialo, argdown, aif (named in the skeleton's header)."""
    remarks: list[str] = field(default_factory=list)
    """What the reader noticed and the author should know (cross-links, dangling edges), as comments."""
