"""The topic as AIF JSON (Argument Interchange Format) the way AIFdb serves it.

Mapping: the topic question is one I-node (the thesis). Each pair's supporter claim is an I-node that
supports the thesis through an RA-node (claim → RA → thesis); each critic claim an I-node that attacks
it through a CA-node (claim → CA → thesis). A position's rebuttal answers the *other* side's claim, so it
is an I-node attacking that claim through its own CA-node (rebuttal → CA → claim). Positions with an
empty claim (drafts) are left out, with the rebuttal that answers them. Sections, pair questions,
reasoning, evidence and sources have no AIF counterpart and are not exported.

Conventions copied from AIFdb's own files (the Moral Maze corpus): ids are strings of digits; RA and CA nodes
carry AIFdb's default schemes ("Default Inference", 72; "Default Conflict", 71); every edge has
``formEdgeID: null``; ``locutions`` is empty because no dialogue is recorded. The topic has no creation
time, so every node carries the same fixed :data:`TIMESTAMP`: the same topic always gives the same
bytes. Texts are folded to one line (``escape.fold``) and otherwise exactly the topic's text.
"""

from __future__ import annotations

import json

from ..escape import fold
from ..model import Side, Topic
from .base import Renderer, of_selection

TIMESTAMP = "1970-01-01 00:00:00"
"""AIFdb's timestamp form; fixed, so exports are reproducible."""
SCHEMES = {"RA": ("Default Inference", "72"), "CA": ("Default Conflict", "71")}


class _Graph:
    """Nodes and edges with AIFdb-style ids, numbered in the order they are added."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, str]] = []
        self.edges: list[dict[str, str | None]] = []

    def node(self, kind: str, text: str = "") -> str:
        node_id = str(len(self.nodes) + 1)
        node = {"nodeID": node_id, "text": text, "type": kind, "timestamp": TIMESTAMP}
        if kind in SCHEMES:
            scheme, scheme_id = SCHEMES[kind]
            node.update(text=scheme, scheme=scheme, schemeID=scheme_id)
        self.nodes.append(node)
        return node_id

    def link(self, from_id: str, kind: str, to_id: str) -> None:
        """``from → S-node of kind → to``: two edges through a new RA or CA node."""
        middle = self.node(kind)
        for a, b in ((from_id, middle), (middle, to_id)):
            edge_id = str(len(self.edges) + 1)
            self.edges.append({"edgeID": edge_id, "fromID": a, "toID": b, "formEdgeID": None})


def to_aif(topic: Topic) -> str:
    """The topic as an AIF JSON document: ``{"nodes", "edges", "locutions"}``."""
    graph = _Graph()
    thesis = graph.node("I", fold(topic.question) or fold(topic.title))
    for _, pair in topic.pairs():
        claims: dict[Side, str] = {}
        for side in Side:
            claim = fold(pair.side(side).claim)
            if claim:
                claims[side] = graph.node("I", claim)
                graph.link(claims[side], "RA" if side is Side.SUPPORTER else "CA", thesis)
        for side in Side:
            rebuttal = fold(pair.side(side).rebuttal)
            if rebuttal and side.other in claims:
                graph.link(graph.node("I", rebuttal), "CA", claims[side.other])
    document = {"nodes": graph.nodes, "edges": graph.edges, "locutions": []}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


DESCRIPTION = "An AIF argument graph (AIFdb's JSON) for OVA, AIFdb and other argument-mining tools."
RENDERER = Renderer("aif", "AIF (JSON)", "aif.json", "application/json", of_selection(to_aif), DESCRIPTION)
