"""Classroom practice as pure logic: rebuttal drills, the which-side quiz, speech lengths, drafts.

No Streamlit here: the Practice page (views/practice.py) keeps these small frozen values in the session
and renders them, so every rule a teacher relies on (what a drill shows, how a quiz round is shuffled
and scored, how a timer counts) is tested without a browser. Randomness always comes from a
``random.Random`` the caller seeds, so a round can be replayed exactly.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from .escape import markdown as md
from .limits import MAX_DRAFTS
from .model import Pair, Section, Side, Topic


def new_seed() -> int:
    """A fresh seed for a drill or a round (from the OS: sessions must not share a sequence)."""
    return random.SystemRandom().randrange(2**31)


# ---------------------------------------------------------------- the rebuttal drill


@dataclass(frozen=True)
class Step:
    label: str
    hint: str


REFUTATION_STEPS: tuple[Step, ...] = (
    Step("They say", "Restate the other side's claim fairly, in one sentence."),
    Step("But", "Say what is wrong with it or what it leaves out."),
    Step("Because", "Give your reason and the evidence for it."),
    Step("Therefore", "Say why your point outweighs theirs and what follows."),
)
"""The four-step refutation taught in debate classes."""

SELF_CHECK: tuple[str, ...] = (
    "I answered their claim itself, not a weaker version of it.",
    "I gave a reason (because …), not just a counter-claim.",
    "I cited evidence a listener could check.",
    "I said why my point matters more (therefore …).",
)

PLACEHOLDER = "\n".join(
    f"{step.label} … ({step.hint[0].lower()}{step.hint[1:]})" for step in REFUTATION_STEPS
)
"""Text-area placeholder: the four steps as a skeleton to write into."""


@dataclass(frozen=True)
class Drill:
    """One rebuttal exercise: the student argues ``side`` against the other side's claim in a pair."""

    topic_id: str
    section_id: str
    pair_id: str
    side: Side

    @property
    def key(self) -> str:
        """Identifies the drill (and its draft); the other side of the same pair has its own key."""
        return f"{self.topic_id}/{self.section_id}/{self.pair_id}/{self.side.value}"

    @property
    def opponent(self) -> Side:
        return self.side.other

    def switched(self) -> Drill:
        """The same pair argued from the other side."""
        return replace(self, side=self.side.other)

    def locate(self, topic: Topic) -> tuple[Section, Pair] | None:
        """The drill's section and pair in ``topic``, or None if the topic no longer has them."""
        return topic.find_pair(self.pair_id, self.section_id)


def drillable(topic: Topic, section_id: str | None = None) -> list[tuple[Section, Pair]]:
    """Pairs usable for a drill: both claims written (a draft pair with an empty side is skipped)."""
    return [
        (section, pair)
        for section, pair in topic.pairs()
        if (section_id is None or section.id == section_id)
        and pair.supporter.claim.strip()
        and pair.critic.claim.strip()
    ]


def pick_drill(
    topic: Topic,
    rng: random.Random,
    section_id: str | None = None,
    pair_id: str | None = None,
    side: Side | None = None,
) -> Drill | None:
    """A drill on the chosen pair (or a random one, within a section if given) and side (or random).

    Returns None when no pair qualifies, e.g. an empty section or an unknown pair id.
    """
    candidates = drillable(topic, section_id)
    if pair_id is not None:
        candidates = [(s, p) for s, p in candidates if p.id == pair_id]
    if not candidates:
        return None
    section, pair = candidates[0] if len(candidates) == 1 else rng.choice(candidates)
    chosen = side if side is not None else rng.choice(list(Side))
    return Drill(topic.id, section.id, pair.id, chosen)


_STEP_PATTERNS = {
    step.label: re.compile(rf"(?<!\w){re.escape(step.label)}(?!\w)", re.IGNORECASE)
    for step in REFUTATION_STEPS
}


def steps_used(text: str) -> list[str]:
    """The refutation steps whose signal words appear in a draft, in teaching order."""
    return [label for label, pattern in _STEP_PATTERNS.items() if pattern.search(text)]


# ---------------------------------------------------------------- the which-side quiz


@dataclass(frozen=True)
class QuizItem:
    """One claim shown without its label; ``side`` is the right answer."""

    section_id: str
    pair_id: str
    side: Side
    claim: str


def quiz_items(topic: Topic, section_id: str | None = None) -> list[QuizItem]:
    """Every written claim of the topic (or one section), in topic order."""
    return [
        QuizItem(section.id, pair.id, side, pair.side(side).claim)
        for section, pair in topic.pairs()
        if section_id is None or section.id == section_id
        for side in Side
        if pair.side(side).claim.strip()
    ]


def quiz_round(
    topic: Topic, seed: int, size: int | None = None, section_id: str | None = None
) -> list[QuizItem]:
    """A shuffled round: the same seed gives the same order; ``size`` caps its length."""
    items = quiz_items(topic, section_id)
    random.Random(seed).shuffle(items)
    return items if size is None else items[: max(size, 0)]


@dataclass(frozen=True)
class Answer:
    item: QuizItem
    chosen: Side

    @property
    def correct(self) -> bool:
        return self.chosen is self.item.side


@dataclass(frozen=True)
class Score:
    right: int = 0
    answered: int = 0

    def add(self, correct: bool) -> Score:
        return Score(self.right + int(correct), self.answered + 1)

    @property
    def percent(self) -> int | None:
        return None if not self.answered else round(100 * self.right / self.answered)

    def __str__(self) -> str:
        return f"{self.right} right out of {self.answered}"


@dataclass(frozen=True)
class QuizRound:
    """A round in progress: its items in order and the answers given so far."""

    topic_id: str
    seed: int
    items: tuple[QuizItem, ...]
    answers: tuple[Answer, ...] = ()

    @property
    def current(self) -> QuizItem | None:
        """The next unanswered item, or None when the round is over."""
        return self.items[len(self.answers)] if len(self.answers) < len(self.items) else None

    @property
    def done(self) -> bool:
        return self.current is None

    @property
    def score(self) -> Score:
        score = Score()
        for answer in self.answers:
            score = score.add(answer.correct)
        return score

    def answer(self, chosen: Side) -> tuple[QuizRound, Answer]:
        """Record an answer to the current item. Raises ValueError when the round is already over."""
        item = self.current
        if item is None:
            raise ValueError("the round is over; start a new one")
        given = Answer(item, chosen)
        return replace(self, answers=(*self.answers, given)), given


def missed(quiz: QuizRound) -> list[Answer]:
    """The round's wrong answers, in the order given (the end screen lists them with the right side)."""
    return [given for given in quiz.answers if not given.correct]


def new_round(topic: Topic, seed: int, size: int | None = None, section_id: str | None = None) -> QuizRound:
    return QuizRound(topic.id, seed, tuple(quiz_round(topic, seed, size, section_id)))


DEFAULT_ROUND = 8
"""Claims per round unless the student chooses otherwise."""


def round_size(requested: object, available: int) -> int:
    """Claims in the next round: the requested number (or the default), at least 1, at most ``available``."""
    try:
        wanted = int(requested) if isinstance(requested, int | float | str) else DEFAULT_ROUND
    except (ValueError, OverflowError):
        wanted = DEFAULT_ROUND
    return max(1, min(wanted, available))


def answered(rounds: Iterable[QuizRound | None]) -> list[QuizRound]:
    """The rounds with at least one answer, in order: what the history keeps and the totals count."""
    return [r for r in rounds if r is not None and r.answers]


def total_score(rounds: Iterable[QuizRound | None]) -> Score:
    """Every answer of every round added up (the page's "All rounds" and the saved work's total)."""
    total = Score()
    for quiz in answered(rounds):
        for given in quiz.answers:
            total = total.add(given.correct)
    return total


# ---------------------------------------------------------------- the speech timer


@dataclass(frozen=True)
class SpeechFormat:
    name: str
    minutes: float
    note: str

    @property
    def seconds(self) -> int:
        return round(self.minutes * 60)


SPEECH_FORMATS: tuple[SpeechFormat, ...] = (
    SpeechFormat("Constructive", 6, "Build your side's case (often 4-8 minutes)."),
    SpeechFormat("Rebuttal", 4, "Answer the other side and rebuild your own (often 3-5 minutes)."),
    SpeechFormat("Cross-examination", 3, "Question the last speaker (usually 3 minutes)."),
)
"""Defaults only: every length can be changed on the page to match a format or a class. The countdown
itself (pausing, overtime, ``m:ss``) is :mod:`debate_explorer.clock`'s."""


# ---------------------------------------------------------------- a student's drafts


@dataclass(frozen=True)
class Draft:
    drill: Drill
    text: str
    saved: datetime = field(default_factory=lambda: datetime.now(UTC))


def can_keep(drafts: Mapping[str, Draft], key: str) -> bool:
    """Whether a draft for drill ``key`` is kept: it already is, or fewer than ``MAX_DRAFTS`` are."""
    return key in drafts or len(drafts) < MAX_DRAFTS


def _quote(text: str) -> list[str]:
    """The student's own words as a Markdown block quote, kept as written (line breaks included)."""
    return [f"> {line}".rstrip() for line in text.strip().splitlines()] or ["> (empty)"]


MAX_NAME = 60
"""Longest student name kept in the saved work (and 40 characters of it in the file name)."""


def clean_name(name: str) -> str:
    """A typed name on one line, without control characters, at most :data:`MAX_NAME` characters."""
    kept = "".join(ch if ch.isprintable() else " " for ch in name)
    return " ".join(kept.split())[:MAX_NAME]


def work_file_name(name: str, today: datetime) -> str:
    """``my-debate-practice[-<name>]-<YYYY-MM-DD>.md``: the name as lowercase ASCII words joined by '-'."""
    words = re.findall(r"[a-z0-9]+", clean_name(name).lower())
    slug = "-".join(words)[:40].strip("-")
    return "-".join(part for part in ("my-debate-practice", slug, today.strftime("%Y-%m-%d")) if part) + ".md"


def drafts_markdown(
    drafts: Iterable[Draft],
    topics: Mapping[str, Topic],
    rounds: Sequence[QuizRound] = (),
    *,
    now: datetime | None = None,
    name: str = "",
    ticks: Mapping[str, Iterable[int]] | None = None,
) -> str:
    """A student's work as Markdown: each drafted rebuttal with the claim it answers, and quiz scores.

    ``name`` (optional) heads the file; ``ticks`` maps a drill key to the :data:`SELF_CHECK` items the
    student ticked for that draft. Topic text and the name are escaped (the name is typed text, shown as
    text); the student's draft is kept as written, in block quotes.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    who = clean_name(name)
    out = ["# My debate practice", ""]
    out += [f"*Name:* {md(who)}  "] if who else []
    out += [f"*Saved from Debate Explorer, {stamp}.*", ""]
    written = [d for d in drafts if d.text.strip()]
    out += ["## Rebuttal drafts", ""]
    if not written:
        out += ["No drafts yet.", ""]
    for draft in written:
        drill = draft.drill
        topic = topics.get(drill.topic_id)
        located = drill.locate(topic) if topic is not None else None
        if topic is None or located is None:
            out += [f"### {md(drill.key)}", "", *_quote(draft.text), ""]
            continue
        _, pair = located
        mine = topic.sides.label(drill.side)
        theirs = topic.sides.label(drill.opponent)
        out += [
            f"### {md(pair.question) or pair.id}",
            "",
            f"*Topic:* {md(topic.title)}  ",
            f"*I argued for:* {md(mine)}  ",
            f"*They say ({md(theirs)}):* {md(pair.side(drill.opponent).claim)}",
            "",
            *_quote(draft.text),
            "",
        ]
        ticked = set((ticks or {}).get(drill.key, ()))
        out += [
            "*Self-check:*",
            "",
            *(f"- [{'x' if n in ticked else ' '}] {item}" for n, item in enumerate(SELF_CHECK)),
            "",
        ]
    finished = answered(rounds)
    if finished:
        out += ["## Which side? quiz", ""]
        for n, quiz in enumerate(finished, start=1):
            topic = topics.get(quiz.topic_id)
            title = md(topic.title) if topic else md(quiz.topic_id)
            skipped = len(quiz.items) - len(quiz.answers)
            rest = f" ({skipped} of its {len(quiz.items)} claims not answered)" if skipped else ""
            out.append(f"- Round {n} ({title}): {quiz.score}{rest}")
        total = total_score(finished)
        out += ["", f"**Total: {total}** ({total.percent}%)", ""]
    return "\n".join(out).rstrip("\n") + "\n"
