"""The AIF export: valid AIFdb-style JSON whose graph is exactly the topic's claims, supports and attacks."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from debate_explorer.exports import export_topic
from debate_explorer.loading import load_file
from debate_explorer.model import Side, Topic

ROOT = Path(__file__).resolve().parents[1]
TOPICS = {
    "sample": load_file(ROOT / "tests" / "fixtures" / "topics" / "sample-topic.yaml").topic,
    "render-hostile": load_file(ROOT / "tests" / "fixtures" / "render" / "render-hostile.yaml").topic,
    "script-tags": load_file(ROOT / "tests" / "fixtures" / "hostile" / "script-tags.yaml").topic,
}
SAMPLE = TOPICS["sample"]
I_KEYS = {"nodeID", "text", "type", "timestamp"}
S_KEYS = I_KEYS | {"scheme", "schemeID"}
EDGE_KEYS = {"edgeID", "fromID", "toID", "formEdgeID"}
"""The key sets of AIFdb's own files (the Moral Maze corpus): I-nodes, RA/CA nodes with a scheme, edges."""


def fold(text: str) -> str:
    return " ".join(text.split())


def graph(topic: Topic, section_id: str | None = None) -> dict:
    return json.loads(export_topic(topic, "aif", section_id))


class Graph:
    """The exported graph with lookups: node by id, and the single target of each S-node."""

    def __init__(self, data: dict) -> None:
        self.nodes = {n["nodeID"]: n for n in data["nodes"]}
        self.out: dict[str, list[str]] = {}
        self.into: dict[str, list[str]] = {}
        for edge in data["edges"]:
            self.out.setdefault(edge["fromID"], []).append(edge["toID"])
            self.into.setdefault(edge["toID"], []).append(edge["fromID"])

    def i_text(self, text: str) -> list[str]:
        return [i for i, n in self.nodes.items() if n["type"] == "I" and n["text"] == text]

    def relations(self) -> Counter[tuple[str, str, str]]:
        """(from text, S-node type, to text) for every RA/CA node."""
        found: Counter[tuple[str, str, str]] = Counter()
        for node_id, node in self.nodes.items():
            if node["type"] in ("RA", "CA"):
                (source,), (target,) = self.into[node_id], self.out[node_id]
                found[(self.nodes[source]["text"], node["type"], self.nodes[target]["text"])] += 1
        return found


@pytest.mark.parametrize("name", list(TOPICS))
def test_aif_is_aifdb_shaped_json_with_intact_edges(name: str) -> None:
    data = graph(TOPICS[name])
    assert list(data) == ["nodes", "edges", "locutions"] and data["locutions"] == []
    ids = [n["nodeID"] for n in data["nodes"]]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
    edge_ids = [e["edgeID"] for e in data["edges"]]
    assert len(set(edge_ids)) == len(edge_ids)
    for node in data["nodes"]:
        assert set(node) == (I_KEYS if node["type"] == "I" else S_KEYS), node
        assert node["type"] in ("I", "RA", "CA")
        assert all(isinstance(v, str) for v in node.values())
    g = Graph(data)
    for edge in data["edges"]:
        assert set(edge) == EDGE_KEYS and edge["formEdgeID"] is None
        assert edge["fromID"] in ids and edge["toID"] in ids, edge  # every endpoint exists
        types = {g.nodes[edge[k]]["type"] for k in ("fromID", "toID")}
        assert "I" in types and types != {"I"}, edge  # I-node to S-node or back, never I to I


@pytest.mark.parametrize("name", list(TOPICS))
def test_one_i_node_per_claim_and_the_question(name: str) -> None:
    topic = TOPICS[name]
    g = Graph(graph(topic))
    claims = [fold(p.side(s).claim) for _, p in topic.pairs() for s in Side if p.side(s).claim.strip()]
    rebuttals = [
        fold(p.side(s).rebuttal)
        for _, p in topic.pairs()
        for s in Side
        if p.side(s).rebuttal.strip() and p.side(s.other).claim.strip()
    ]
    texts = Counter(n["text"] for n in g.nodes.values() if n["type"] == "I")
    assert texts == Counter([fold(topic.question), *claims, *rebuttals])


@pytest.mark.parametrize("name", list(TOPICS))
def test_supporters_support_critics_attack_rebuttals_attack_the_other_claim(name: str) -> None:
    topic = TOPICS[name]
    g = Graph(graph(topic))
    question = fold(topic.question)
    expected: Counter[tuple[str, str, str]] = Counter()
    for _, pair in topic.pairs():
        for side in Side:
            claim = fold(pair.side(side).claim)
            expected[(claim, "RA" if side is Side.SUPPORTER else "CA", question)] += 1
            rebuttal = fold(pair.side(side.other).rebuttal)
            if rebuttal:
                expected[(rebuttal, "CA", claim)] += 1
    assert g.relations() == expected
    kinds = Counter(n["type"] for n in g.nodes.values())
    pairs = len(list(topic.pairs()))
    assert kinds["RA"] == pairs
    (thesis,) = [i for i in g.i_text(question) if i not in g.out]  # the one I-node only pointed at
    attacks = [i for i, n in g.nodes.items() if n["type"] == "CA" and g.out[i] == [thesis]]
    assert len(attacks) == pairs


def test_section_export_holds_only_that_sections_claims() -> None:
    section = SAMPLE.sections[1]
    texts = {n["text"] for n in graph(SAMPLE, section.id)["nodes"]}
    assert {fold(p.supporter.claim) for p in section.pairs} <= texts
    assert not {fold(p.supporter.claim) for p in SAMPLE.sections[0].pairs} & texts


def test_draft_positions_without_a_claim_are_left_out() -> None:
    section = SAMPLE.sections[0]
    pair = section.pairs[0]
    draft = pair.model_copy(update={"critic": pair.critic.model_copy(update={"claim": ""})})
    topic = SAMPLE.model_copy(
        update={"sections": [section.model_copy(update={"pairs": [draft]})], "sources": []}
    )
    g = Graph(graph(topic))
    assert "" not in {n["text"] for n in g.nodes.values()}
    assert g.relations() == Counter(
        {
            (fold(pair.supporter.claim), "RA", fold(SAMPLE.question)): 1,
            (fold(pair.critic.rebuttal), "CA", fold(pair.supporter.claim)): 1,
        }
    )


def test_same_topic_same_bytes_and_multiline_text_folded() -> None:
    pair = SAMPLE.sections[0].pairs[0]
    messy = pair.model_copy(
        update={"supporter": pair.supporter.model_copy(update={"claim": "line one\n\n  line\ttwo"})}
    )
    section = SAMPLE.sections[0].model_copy(update={"pairs": [messy]})
    topic = SAMPLE.model_copy(update={"sections": [section]})
    assert export_topic(topic, "aif") == export_topic(topic, "aif")
    assert Graph(graph(topic)).i_text("line one line two")


def test_the_documented_example_is_the_sample_topics_first_pair() -> None:
    doc = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    example = re.search(r"## AIF .*?```json\n(.*?)\n```", doc, re.DOTALL)
    assert example
    section = SAMPLE.sections[0]
    first = SAMPLE.model_copy(update={"sections": [section.model_copy(update={"pairs": section.pairs[:1]})]})
    assert json.loads(example[1]) == graph(first)
