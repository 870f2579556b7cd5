"""AIF JSON (as AIFdb serves it) -> Article.

``nodes`` carry ``nodeID``, ``text`` and ``type``: I nodes are claims, RA nodes are inference (support), CA
nodes are conflict (attack); L, YA, TA and the other dialogue nodes are not claims and are skipped. ``edges``
run ``fromID`` -> ``toID``: premise -> RA/CA -> conclusion. The main claim is the I node that concludes and is
no premise, with the most claims below it; other trees become further sections.
"""

from __future__ import annotations

import json
from typing import Any

from .debate import Claim, debate_article
from .structure import Article, ImportProblem

_STANCE = {"RA": "pro", "CA": "con"}


def looks_like_aif(text: str) -> bool:
    """JSON whose top level has ``nodes`` and ``edges`` lists."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("{"):
        return False
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(data, dict) and isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list)
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def read_aif(text: str) -> Article:
    """Parse AIF JSON; missing text and dangling edges are noted, never a crash."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except ValueError as exc:
        raise ImportProblem(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise ImportProblem("the JSON is nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ImportProblem("not AIF JSON: the top level needs a 'nodes' list and an 'edges' list")
    remarks: list[str] = []
    nodes: dict[str, dict[str, Any]] = {}
    for node in data["nodes"]:
        if isinstance(node, dict) and node.get("nodeID") is not None:
            nodes[_text(node["nodeID"])] = node
    claims: dict[str, Claim] = {}
    for node_id, node in nodes.items():
        if node.get("type") == "I":
            words = _text(node.get("text")).strip()
            if not words:
                remarks.append(f"I node {node_id} has no text")
            claims[node_id] = Claim(words or f"(AIF node {node_id} has no text)", ref=node_id)
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    dangling = 0
    for edge in data.get("edges") or []:
        if not isinstance(edge, dict):
            continue
        source, target = _text(edge.get("fromID")), _text(edge.get("toID"))
        if source not in nodes or target not in nodes:
            dangling += 1
            continue
        outgoing.setdefault(source, []).append(target)
        incoming.setdefault(target, []).append(source)
    if dangling:
        remarks.append(f"{dangling} edge(s) name a node the file does not have; they are left out")
    parent_of: dict[str, str] = {}
    for node_id, node in nodes.items():
        stance = _STANCE.get(_text(node.get("type")))
        if stance is None:
            continue
        premises = [n for n in incoming.get(node_id, []) if n in claims]
        conclusions = [n for n in outgoing.get(node_id, []) if n in claims]
        for conclusion in conclusions[:1]:
            for premise in premises:
                if premise in parent_of or _is_ancestor(premise, conclusion, parent_of):
                    continue  # one parent each, and no cycles: a tree
                claims[premise].stance = stance  # type: ignore[assignment]
                claims[conclusion].children.append(claims[premise])
                parent_of[premise] = conclusion
    roots = [c for node_id, c in claims.items() if node_id not in parent_of]
    roots.sort(key=lambda c: -_size(c))
    return debate_article(roots, "AIF", remarks=remarks)


def _is_ancestor(candidate: str, node: str, parent_of: dict[str, str]) -> bool:
    """Whether ``candidate`` is ``node`` or above it (placing it under ``node`` would make a cycle)."""
    current: str | None = node
    while current is not None:
        if current == candidate:
            return True
        current = parent_of.get(current)
    return False


def _size(claim: Claim) -> int:
    count, stack = 0, [claim]
    while stack:
        count += 1
        stack.extend(stack.pop().children)
    return count
