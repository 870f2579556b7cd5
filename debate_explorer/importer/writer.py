"""Article -> skeleton topic YAML: values through the YAML dumper, comments from cleaned text."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

from ..loading import MAX_BYTES
from ..model import ID_PATTERN, MAX_LONG, MAX_SENTENCE, MAX_SHORT, Side
from .footnotes import DEFAULT_KIND, footnote_refs, guess_kind
from .sentences import side_cues, unclear_cue
from .structure import Article, ArticleSection, DraftSide, ImportProblem
from .text import _DANGLING, _URL, COMMENT_WIDTH, MAX_ID_LENGTH, SCHEMA_COMMENT

_ID = re.compile(ID_PATTERN)
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[IVXLC]{1,7}[.)])\s+(?=\S)")
"""A heading's own numbering: "1. ", "2.1 ", "2.1. ", "II. " (a bare "100 Days" keeps its number)."""


def section_title(heading: str) -> str:
    """A heading as a section title: without its numbering ("2.1 Costs" -> "Costs")."""
    return _NUMBERING.sub("", heading, count=1).strip() or heading


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """'U.S.–Israel: Policing & More' -> 'u-s-israel-policing-more': lowercase words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > max_length:
            while len(kept) > 1 and kept[-1] in _DANGLING:
                kept.pop()  # a cut-off id should not end in "-of-the"
            break
        kept.append(word)
    if not kept and words:
        return words[0][:max_length]
    return "-".join(kept)


def fit(text: str, cap: int) -> str:
    """Text cut to the model's length cap for its field (at a space when one is near), marked with " …".

    An imported claim of 100,000 characters would make a skeleton that never loads; the author keeps
    the start and finds the rest in the import source.
    """
    if len(text) <= cap:
        return text
    cut = text[: cap - 2]
    space = cut.rfind(" ")
    if space > cap // 2:
        cut = cut[:space]
    return cut.rstrip() + " …"


def _unique(base: str, used: set[str], fallback: str) -> str:
    base = base or fallback
    candidate, n = base, 2
    while candidate in used:
        suffix = f"-{n}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        n += 1
    used.add(candidate)
    return candidate


# --- writing YAML -----------------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """safe_dump with readable multi-line text and never an anchor (the loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    # Literal style only when requested and valid; the emitter itself falls back to quoting otherwise.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: Any, indent: int = 0) -> str:
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=COMMENT_WIDTH,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def _comment(text: str, indent: int = 0, prefix: str = "") -> list[str]:
    """Text -> wrapped comment lines. Text comes from _clean, so it holds no YAML line break."""
    pad = " " * indent
    width = max(COMMENT_WIDTH - indent - len(prefix) - 2, 40)
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    return [f"{pad}# {prefix}{line}".rstrip() + "\n" for line in lines]


def _drafted(side: DraftSide, source_ids: dict[int, str]) -> dict[str, Any]:
    """A side read from a debate: its claim filled, its sources cited, the rest left to write."""
    return {
        "held_by": "",
        "claim": fit(side.claim, MAX_SENTENCE),
        "reasoning": "",
        "evidence": "",
        "sources": [source_ids[i] for i in side.sources if i in source_ids],
        "origin": "document" if side.claim else "research",
        "rebuttal": "",
        "note": fit(side.note, MAX_LONG),
    }


def _position(
    note_lines: list[str], refs: dict[str, list[int]], source_ids: dict[int, str]
) -> dict[str, Any]:
    note = ""
    if note_lines:
        quoted = []
        for sentence in note_lines:
            cited = [f"footnote {n} = {source_ids[n]}" for n in refs.get(sentence, [])]
            if unclear_cue(sentence):
                cited.append("side unclear: 'advocates' may be rights advocates on the critic side")
            quoted.append(f"- {sentence}" + (f" ({'; '.join(cited)})" if cited else ""))
        note = "The article introduces this side (check the side, then write the position):\n" + "\n".join(
            quoted
        )
    return {
        "held_by": "",
        "claim": "",
        "reasoning": "",
        "evidence": "",
        "sources": [],
        "origin": "document" if note_lines else "research",
        "rebuttal": "",
        "note": fit(note, MAX_LONG),
    }


def _source_stubs(
    article: Article, used: set[str]
) -> tuple[list[dict[str, Any]], dict[int, str], dict[int, str]]:
    """Source stubs, with their ids by footnote number and by index in Article.footnotes."""
    stubs: list[dict[str, Any]] = []
    by_number: dict[int, str] = {}
    by_index: dict[int, str] = {}
    for index, note in enumerate(article.footnotes, start=1):
        urls = _URL.findall(note.text)
        title = (
            re.sub(r"\s+", " ", _URL.sub("", note.text)).strip(" -–—;,:")
            or f"Footnote {note.number or index}"
        )
        source_id = _unique(slugify(title, 40), used, f"footnote-{note.number or index}")
        kind = guess_kind(note.text)
        remarks = [
            note.origin
            or (
                f"Stub from the article's footnote {note.number}."
                if note.number
                else "Stub from the article's notes."
            ),
            "Open the page and confirm it, then fill publisher and published."
            if note.url
            else "Find the real page (primary source first), then fill url, publisher and published.",
            f"Kind guessed from the footnote text ({kind.value}); confirm it."
            if kind
            else f"Kind not recognised; set it (default {DEFAULT_KIND.value}).",
        ]
        if urls and not note.url:
            remarks.append(
                f"The footnote gives {', '.join(urls)}; open it and confirm before using it as url."
            )
        if note.problem:
            remarks.append(f"Note: {note.problem}.")
        stub: dict[str, Any] = {
            "id": source_id,
            "title": fit(title, MAX_SHORT),
            "publisher": "",
            "url": note.url,
        }
        stub["kind"] = (kind or DEFAULT_KIND).value
        if note.number is not None:
            stub["footnote"] = note.number
            by_number[note.number] = source_id
        by_index[index - 1] = source_id
        stub["note"] = fit(" ".join(remarks), MAX_LONG)
        stubs.append(stub)
    return stubs, by_number, by_index


def _section_yaml(
    section: ArticleSection,
    section_id: str,
    pair_ids: list[str],
    article: Article,
    source_ids: dict[int, str],
    by_index: dict[int, str],
) -> Iterator[str]:
    known = set(source_ids)
    cues = side_cues(section.paragraphs)
    refs = {s: footnote_refs(s, known, article.labels) for side in Side for s in cues[side]}
    yield from _comment(f"── Section: {section.title} " + "─" * 20, 2)
    yield from _dump(
        [
            {
                "id": section_id,
                "title": fit(section_title(section.title), MAX_SHORT),
                "summary": fit(section.summary, MAX_LONG),
            }
        ],
        2,
    )
    if section.pairs:
        yield "    # Pairs as the imported debate has them: reword each claim, then fill the rest.\n"
        pairs = [
            {
                "id": pair_id,
                "question": "",
                "supporter": _drafted(pair.supporter, by_index),
                "critic": _drafted(pair.critic, by_index),
            }
            for pair_id, pair in zip(pair_ids, section.pairs, strict=True)
        ]
        yield from _dump({"pairs": pairs, "questions": [], "terms": [], "fact_checks": []}, 4)
        return
    yield "    # Article text of this section: write the pair from it in your own words, never copy it.\n"
    if not section.paragraphs:
        yield "    # (no text under this heading)\n"
    for n, paragraph in enumerate(section.paragraphs):
        if n:
            yield "    #\n"
        yield from _comment(paragraph, 4, "> ")
    cited = footnote_refs(" ".join(section.paragraphs), known, article.labels)
    if cited:
        listed = ", ".join(f"{n} = {source_ids[n]}" for n in cited)
        yield from _comment(f"Footnotes cited in this section: {listed}", 4)
    pair = {
        "id": pair_ids[0],
        "question": "",
        "supporter": _position(cues[Side.SUPPORTER], refs, source_ids),
        "critic": _position(cues[Side.CRITIC], refs, source_ids),
    }
    yield "    # One pair to start: the sub-question both sides answer, then each side's best position.\n"
    yield from _dump({"pairs": [pair], "questions": [], "terms": [], "fact_checks": []}, 4)


def skeleton(article: Article, topic_id: str | None = None) -> str:
    """What a reader found -> skeleton topic YAML that loads and passes ``check --draft``."""
    if topic_id is not None and not _ID.match(topic_id):
        raise ImportProblem(f"{topic_id!r} is not a valid id: use lowercase letters and digits joined by '-'")
    topic_id = topic_id or slugify(article.title) or "topic"
    used: set[str] = set()  # section, pair and source ids; the topic id has its own namespace
    sources, source_ids, by_index = _source_stubs(article, set())

    out: list[str] = [
        SCHEMA_COMMENT + "\n",
        "# Skeleton made by `debate-explorer new`. Fill every empty '' field in your own words,\n",
        "# rewrite the summary in a neutral narrator's voice and find each source's real page\n",
        "# (docs/authoring.md).\n",
        "# Then `debate-explorer check --draft FILE` lists what is left to fill.\n",
        "\n",
    ]
    out.append(_dump({"id": topic_id, "title": fit(article.title, MAX_SHORT)}))
    for remark in article.remarks:
        out.extend(_comment(f"Import note: {remark}", 0))
    out.append("# The debatable question, phrased so both sides can answer it.\n")
    out.append(_dump({"question": fit(article.question, MAX_SENTENCE)}))
    if article.kind == "article":
        out.append("# Draft summary: the article's introduction. Rewrite it neutrally, in 2-4 sentences.\n")
    else:
        out.append("# Summary: what the debate is about, neutrally, in 2-4 sentences.\n")
    out.append(_dump({"summary": fit("\n\n".join(article.intro), MAX_LONG)}))
    out.append(
        f"# The {article.kind} this topic comes from; note how it leans and what you researched beyond it.\n"
    )
    out.append(_dump({"document": {"title": fit(article.title, MAX_SHORT), "note": ""}}))
    intro_cues = side_cues(article.intro)
    for side in Side:
        for sentence in intro_cues[side]:
            out.extend(_comment(f"The introduction names the {side.value} side: {sentence}", 0))
    out.append("# Who holds each side in the real world: its strongest real advocates.\n")
    out.append(
        _dump(
            {
                "sides": {
                    "supporter": {"label": "Supporters", "who": ""},
                    "critic": {"label": "Critics", "who": ""},
                }
            }
        )
    )
    if not article.has_headings:
        out.append("# The article has no headings, so all its text is one section; split it if it helps.\n")
    out.append("sections:\n")
    for section in article.sections:
        section_id = _unique(slugify(section_title(section.title)), used, "section")
        base = f"{section_id}-pair"[:MAX_ID_LENGTH].rstrip("-")
        pair_ids = [_unique(base, used, "pair") for _ in range(max(len(section.pairs), 1))]
        out.extend(_section_yaml(section, section_id, pair_ids, article, source_ids, by_index))
    out.append("timeline: []\n")
    if sources:
        out.append("# One stub per footnote of the article; urls stay empty until you open the real page.\n")
        out.append(_dump({"sources": sources}))
    else:
        out.append("# The article has no footnote list; add the sources you use here.\n")
        out.append("sources: []\n")
    skeleton = "".join(out)
    if len(skeleton.encode("utf-8")) > MAX_BYTES:
        raise ImportProblem(f"the skeleton would exceed the topic file limit of {MAX_BYTES:,} bytes")
    return skeleton
