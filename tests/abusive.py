"""Generators of abusive but valid topics (issue 17), built in the test that needs them, never committed.

Beside the hostile corpus (tests/fixtures/hostile/, malformed and malicious files): these topics pass the
loader, yet would freeze a browser or slow a server without the caps, breaks and pages that guard them.
Each function returns plain data for ``yaml.safe_dump``; :func:`write` puts it into a content folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def position(claim: str, sources: list[str]) -> dict[str, Any]:
    return {
        "held_by": "A made-up holder",
        "claim": claim,
        "reasoning": "Invented reasoning for a generated test topic.",
        "evidence": "Invented evidence for a generated test topic.",
        "sources": sources,
        "rebuttal": "An invented rebuttal.",
    }


def topic(
    topic_id: str = "abusive",
    *,
    pairs: int = 2,
    sources: int = 2,
    citations: int = 1,
    claim: str = "An invented claim.",
    sections: int = 1,
) -> dict[str, Any]:
    """A valid topic: ``sections`` sections of ``pairs`` pairs, each position citing ``citations`` of
    ``sources`` sources (round robin), every supporter claim ``claim``."""
    source_ids = [f"s{n}" for n in range(sources)]
    cursor = 0

    def cite() -> list[str]:
        nonlocal cursor
        chosen = [source_ids[(cursor + k) % sources] for k in range(citations)]
        cursor += citations
        return chosen

    return {
        "id": topic_id,
        "title": "A generated abusive topic",
        "question": "Does an invented question need an answer?",
        "summary": "Generated for a test; nothing in it is real.",
        "sections": [
            {
                "id": f"section-{s}",
                "title": f"Section {s}",
                "summary": "A generated section.",
                "questions": ["An invented question?"],
                "pairs": [
                    {
                        "id": f"p{s}-{n}",
                        "question": f"Invented question {n}?",
                        "supporter": position(claim, cite()),
                        "critic": position("An invented counter-claim.", cite()),
                    }
                    for n in range(pairs)
                ],
            }
            for s in range(sections)
        ],
        "sources": [
            {
                "id": sid,
                "title": f"Invented source {sid}",
                "url": f"https://example.org/{sid}",
                "kind": "reference",
            }
            for sid in source_ids
        ],
    }


def long_word(length: int) -> str:
    """One unbroken run of ``length`` letters: what froze Chromium's layout at 100,000 characters."""
    return ("abcdefghij" * (length // 10 + 1))[:length]


def write(folder: Path, data: dict[str, Any]) -> Path:
    """``data`` as ``folder/<id>.yaml`` (the folder is created); returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=1 << 30), encoding="utf-8")
    return path
