"""The topic as Kialo's discussion text export, so it can be imported into Kialo or its tools.

Mapping: the topic question is the thesis (``1.``) and the discussion title. Pair by pair, the
supporter's claim is a Pro of the thesis and the critic's claim a Con (``1.1. Pro: …``, ``1.2. Con: …``);
each side's rebuttal answers the other side's claim, so it is a Con *of that claim* one level down
(``1.2.1. Con: <supporter's rebuttal>``). Positions with an empty claim (drafts) are left out, with the
rebuttal that answers them. Sections, pair questions, reasoning, evidence and sources are not exported:
Kialo's text has one claim per line and nothing else.

Conventions copied from a real Kialo export (Kialo-Parser's test file): ``Discussion Title:``,
a blank line, numbers ending in ``.``, CRLF line endings and no line break after the last line. Content
goes through ``escape.kialo``: folded to one line, ``\\ ( ) < >`` backslash-escaped (Kialo escapes
parentheses the same way), so no text can start a line, form a link or pose as a stance.
"""

from __future__ import annotations

from ..escape import kialo as escape
from ..model import Side, Topic
from .base import Renderer, of_selection

NEWLINE = "\r\n"
STANCE = {Side.SUPPORTER: "Pro", Side.CRITIC: "Con"}


def to_kialo(topic: Topic) -> str:
    """The topic as Kialo discussion text."""
    thesis = escape(topic.question) or escape(topic.title)
    lines = [f"Discussion Title: {thesis}", "", f"1. {thesis}"]
    number = 0
    for _, pair in topic.pairs():
        for side in Side:
            claim = escape(pair.side(side).claim)
            if not claim:
                continue
            number += 1
            lines.append(f"1.{number}. {STANCE[side]}: {claim}")
            rebuttal = escape(pair.side(side.other).rebuttal)
            if rebuttal:
                lines.append(f"1.{number}.1. Con: {rebuttal}")
    return NEWLINE.join(lines)


DESCRIPTION = "Kialo's discussion text: the question as thesis, claims as Pros and Cons, rebuttals below."
RENDERER = Renderer("kialo", "Kialo (text)", "txt", "text/plain", of_selection(to_kialo), DESCRIPTION)
