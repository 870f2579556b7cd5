"""Argdown file -> Article, parsed by the pinned Argdown CLI (``argdown json``), never by hand.

Statements and arguments are the claims; ``support`` (and ``entails``) relations make a pro
child, ``attack``, ``undercut``, ``contrary`` and ``contradictory`` a con child. The main claim is the
node that others argue about and that argues about nothing, with the most claims below it. A node
reached twice is written once, then as a cross-link. Links in a statement's text become source stubs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .debate import Claim, debate_article
from .structure import Article, ImportProblem

INSTALL = "make argdown"
"""How to install the pinned CLI into .tools/argdown (the Makefile holds the version)."""
_CLI = Path(".tools") / "argdown" / "node_modules" / ".bin" / "argdown"
_PRO = {"support", "entails"}
_CON = {"attack", "undercut", "contrary", "contradictory"}
TIMEOUT = 120
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def find_cli() -> Path | None:
    """The Argdown CLI: $DEBATE_EXPLORER_ARGDOWN, else .tools/argdown in the repository or working folder."""
    configured = os.environ.get("DEBATE_EXPLORER_ARGDOWN")
    if configured:
        return Path(configured) if Path(configured).exists() else None
    repo = Path(__file__).resolve().parents[2]
    for base in (repo, Path.cwd()):
        if (base / _CLI).exists():
            return base / _CLI
    found = shutil.which("argdown")
    return Path(found) if found else None


def looks_like_argdown(text: str) -> bool:
    """Argdown marks: a ``[Statement]:`` or ``<Argument>:`` definition (not a Markdown ``[ref]: url``), or
    ``+``/``-`` relations to one."""
    return bool(
        re.search(r"^\s*(?:\[[^\]\n]+\]|<[^>\n]+>)\s*:(?!\s*<?\w+://)", text, re.MULTILINE)
        or re.search(r"^\s*[-+]>?\s*(?:\[[^\]\n]+\]|<[^>\n]+>)", text, re.MULTILINE)
    )


def parse_json(path: Path) -> dict[str, Any]:
    """Run ``argdown json`` on ``path``; the CLI's JSON, or ImportProblem with what the CLI said."""
    cli = find_cli()
    if cli is None:
        raise ImportProblem(f"reading Argdown needs the Argdown CLI; install it with `{INSTALL}`")
    with tempfile.TemporaryDirectory(prefix="argdown-") as work:
        source = Path(work) / "input.argdown"
        shutil.copyfile(path, source)
        try:
            result = subprocess.run(
                [str(cli), "json", str(source), str(Path(work) / "out")],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ImportProblem(f"the Argdown CLI did not run: {exc}") from None
        out = Path(work) / "out" / "input.json"
        if result.returncode != 0 or not out.exists():
            said = " ".join(_ANSI.sub("", result.stderr or result.stdout).split())[-500:]
            raise ImportProblem(f"the Argdown CLI could not parse {path}: {said or 'no output'}")
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ImportProblem(f"the Argdown CLI wrote JSON that does not parse: {exc}") from None
    if not isinstance(data, dict):
        raise ImportProblem("the Argdown CLI wrote an unexpected JSON shape")
    return data


def _member_text(node: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    texts: list[str] = []
    links: list[tuple[str, str]] = []
    for member in node.get("members") or []:
        if not isinstance(member, dict):
            continue
        words = member.get("text")
        if isinstance(words, str) and words.strip() and words.strip() not in texts:
            texts.append(words.strip())
            for span in member.get("ranges") or []:
                if isinstance(span, dict) and span.get("type") == "link" and isinstance(span.get("url"), str):
                    start, stop = span.get("start"), span.get("stop")
                    label = (
                        words[start : stop + 1] if isinstance(start, int) and isinstance(stop, int) else ""
                    )
                    links.append((label or span["url"], span["url"]))
    return " ".join(texts), links


def read_argdown_json(data: dict[str, Any], title: str = "") -> Article:
    """The CLI's JSON -> Article by the pairing rule."""
    claims: dict[str, Claim] = {}
    for group in ("statements", "arguments"):
        for name, node in (data.get(group) or {}).items():
            if not isinstance(node, dict) or name in claims:
                continue
            words, links = _member_text(node)
            claims[name] = Claim(words or name, links=links, ref=name)
    relations = [r for r in data.get("relations") or [] if isinstance(r, dict)]
    remarks: list[str] = []
    # An argument with a premise-conclusion structure argues through its main conclusion: what that conclusion
    # supports or attacks, the argument does. Its premises and conclusion are written under it, unless they
    # are claims that others argue about (then a cross-link points at them, and the argument supports its
    # conclusion).
    targets = {str(r.get("to")) for r in relations}
    conclusion_of: dict[str, str] = {}
    parts: dict[str, list[tuple[str, str]]] = {}
    for name, node in (data.get("arguments") or {}).items():
        if not isinstance(node, dict) or name not in claims:
            continue
        for member in node.get("pcs") or []:
            if not isinstance(member, dict) or not isinstance(member.get("title"), str):
                continue
            role = "Conclusion" if "conclusion" in str(member.get("role")) else "Premise"
            parts.setdefault(name, []).append((member["title"], role))
            if member.get("role") == "main-conclusion":
                if member["title"] in targets:  # a claim others argue about: the argument supports it
                    relations.append({"from": name, "to": member["title"], "relationType": "support"})
                else:
                    conclusion_of[member["title"]] = name
    sources = {str(r.get("from")) for r in relations}
    part_of: set[str] = set()
    for name, members in parts.items():
        for title, role in members:
            if title not in claims or title == name:
                continue
            if title in targets or (title in sources and conclusion_of.get(title) != name):
                claims[name].children.append(Claim("", see=title, label=role))
            else:
                part = claims[title]
                claims[name].children.append(Claim(part.text, label=role, links=part.links, ref=title))
                part_of.add(title)
    children: dict[str, list[tuple[str, str]]] = {}
    argues: set[str] = set()
    for relation in relations:
        kind, source, target = relation.get("relationType"), relation.get("from"), relation.get("to")
        source = conclusion_of.get(str(source), source)
        if source not in claims or target not in claims or source == target:
            continue
        stance = "pro" if kind in _PRO else "con" if kind in _CON else ""
        children.setdefault(str(target), []).append((str(source), stance))
        argues.add(str(source))
    placed: set[str] = set(part_of)

    def size(name: str) -> int:
        seen, stack = {name}, [name]
        while stack:
            for child, _ in children.get(stack.pop(), []):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return len(seen)

    order = [n for n in claims if n not in part_of]
    starts = sorted((n for n in order if n not in argues), key=lambda n: (-size(n), order.index(n)))
    starts += [n for n in order if n in argues]  # claims only reachable through a cycle
    roots: list[Claim] = []
    for start in starts:
        if start in placed:
            continue
        placed.add(start)
        root = claims[start]
        roots.append(root)
        stack = [root]
        while stack:
            parent = stack.pop()
            for child_name, stance in children.get(parent.ref, []):
                if child_name in placed:
                    parent.children.append(Claim("", stance, see=child_name))  # type: ignore[arg-type]
                    remarks.append(f"{child_name!r} argues about several claims; it is written once")
                    continue
                placed.add(child_name)
                child = claims[child_name]
                child.stance = stance  # type: ignore[assignment]
                parent.children.append(child)
                stack.append(child)
    return debate_article(roots, "Argdown", title=title, remarks=list(dict.fromkeys(remarks)))


def read_argdown(path: str | os.PathLike[str], text: str = "") -> Article:
    data = parse_json(Path(path))
    return read_argdown_json(data, title=front_title(text))


_FRONT = re.compile(r"\A\s*===[ \t]*\n(?P<body>.*?)\n===[ \t]*$", re.DOTALL | re.MULTILINE)


def front_title(text: str) -> str:
    """The ``title`` of an Argdown front matter block (YAML between ``===`` lines); the JSON leaves it out."""
    match = _FRONT.match(text.replace("\r\n", "\n"))
    if not match:
        return ""
    try:
        meta = yaml.safe_load(match["body"])
    except yaml.YAMLError:
        return ""
    title = meta.get("title") if isinstance(meta, dict) else None
    return title if isinstance(title, str) else ""
