"""Kialo discussion text export -> Article.

The export is one claim per numbered line: ``Discussion Title: ...``, then ``1. thesis``, ``1.1. Pro: ...``,
``1.1.2. Con: ...``. Claims hold Markdown links and backslash escapes (``\\(``); a claim that only says
``-> See 1.2.2.`` is a cross-link to another claim. Lines without a number continue the claim above.
"""

from __future__ import annotations

import re

from .debate import Claim, debate_article, markdown_links
from .structure import Article

_TITLE = re.compile(r"^\s*Discussion Title:\s*(?P<title>.*)$")
_ENTRY = re.compile(r"^\s*(?P<ref>\d{1,6}(?:\.\d{1,6})*)\.\s+(?:(?P<stance>Pro|Con):\s*)?(?P<text>.*)$")
_SEE = re.compile(r"^->\s*See\s+(?P<ref>\d{1,6}(?:\.\d{1,6})*)\.?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")


def looks_like_kialo(text: str) -> bool:
    """A Kialo export starts with its discussion title, or with ``1.`` followed by ``1.1. Pro:``/``Con:``."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:3]
    if lines and _TITLE.match(lines[0]):
        return True
    return (
        len(lines) >= 2
        and lines[0].lstrip().startswith("1. ")
        and bool(re.match(r"^\s*1\.\d+\.\s+(?:Pro|Con):", lines[1]))
    )


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def read_kialo(text: str) -> Article:
    """Parse a Kialo text export; unknown lines are kept as text of the claim above, never dropped."""
    title = ""
    remarks: list[str] = []
    by_ref: dict[str, Claim] = {}
    raw: dict[str, str] = {}
    order: list[str] = []
    loose: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        if not line.strip():
            continue
        if not title and not order and (match := _TITLE.match(line)):
            title = unescape(match["title"].strip())
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            if order:
                raw[order[-1]] += "\n" + line.strip()
            else:
                loose.append(line.strip())
            continue
        ref = entry["ref"]
        if ref in by_ref:
            remarks.append(f"claim {ref} appears twice; the second one is kept as a separate claim")
            ref = f"{ref}#{sum(r.startswith(ref + '#') for r in by_ref) + 2}"
        stance = entry["stance"] or ""
        by_ref[ref] = Claim("", "pro" if stance == "Pro" else "con" if stance == "Con" else "", ref=ref)
        raw[ref] = entry["text"]
        order.append(ref)
    for ref in order:
        claim = by_ref[ref]
        body = raw[ref].strip()
        see = _SEE.match(body)
        if see:
            claim.see = see["ref"]
            target = by_ref.get(see["ref"])
            if target is None:
                remarks.append(f"claim {ref} links to {see['ref']}, which the file does not have")
            claim.text = body
            continue
        text, links = markdown_links(body)
        claim.text = unescape(text)
        claim.links = [(unescape(label), url) for label, url in links]
    for ref in order:
        claim = by_ref[ref]
        if claim.see and claim.see in by_ref:
            target_text = by_ref[claim.see].text
            claim.text = target_text
            remarks.append(f"claim {ref} is a cross-link to {claim.see} ({_short(target_text)})")
    roots: list[Claim] = []
    for ref in order:
        parent = by_ref.get(ref.split("#")[0].rsplit(".", 1)[0]) if "." in ref else None
        if parent is None or parent is by_ref[ref]:
            roots.append(by_ref[ref])
        else:
            parent.children.append(by_ref[ref])
    if loose:
        roots.append(Claim("\n".join(unescape(line) for line in loose), ref="text before the first claim"))
        remarks.append("lines before the first numbered claim are kept as a claim of their own")
    return debate_article(roots, "Kialo", title=title, remarks=remarks)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."
