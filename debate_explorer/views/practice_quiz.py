"""Practice: the which-side quiz tab (a claim without its side; the student says whose it is).

Rounds, scores and totals are :mod:`debate_explorer.teaching` rules; this module keeps the round in
progress and earlier rounds in the session and renders them.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer import labels, teaching
from debate_explorer.model import Side, Topic
from debate_explorer.teaching import QuizRound
from debate_explorer.views import render
from debate_explorer.views.practice_keys import LAST, QUIZ, ROUNDS
from debate_explorer.views.render import md


def start_round(topic: Topic) -> None:
    old = st.session_state.get(QUIZ)
    if isinstance(old, QuizRound):
        st.session_state.setdefault(ROUNDS, []).extend(teaching.answered([old]))
    size = teaching.round_size(
        st.session_state.get("practice.round_size", teaching.DEFAULT_ROUND), len(teaching.quiz_items(topic))
    )
    st.session_state[QUIZ] = teaching.new_round(topic, teaching.new_seed(), size)
    st.session_state.pop(LAST, None)


def answer(side: Side) -> None:
    quiz = st.session_state.get(QUIZ)
    if isinstance(quiz, QuizRound) and not quiz.done:
        st.session_state[QUIZ], st.session_state[LAST] = quiz.answer(side)


def end_screen(topic: Topic, quiz: QuizRound) -> None:
    """The round's score, then every missed claim with the side it belongs to."""
    st.success(
        f"Round complete: {quiz.score.right} right out of {quiz.score.answered} ({quiz.score.percent}%).",
        icon=":material/flag:",
    )
    wrong = teaching.missed(quiz)
    if not wrong:
        return
    lines = [f"**Claims you missed ({len(wrong)})**"]
    for given in wrong:
        found = topic.find_pair(given.item.pair_id, given.item.section_id)
        question = f" — on *{md(found[1].question)}*" if found and found[1].question else ""
        lines.append(
            f"- {md(given.item.claim)}  \n  Right answer: {render.side_badge(topic, given.item.side)}"
            f" (you said {render.side_label(topic, given.chosen)}){question}"
        )
    st.markdown("\n".join(lines))


def quiz_tab(topic: Topic) -> None:
    items = teaching.quiz_items(topic)
    if not items:
        st.info("This topic has no written claims yet, so there is nothing to quiz.")
        return
    quiz = st.session_state.get(QUIZ)
    if not isinstance(quiz, QuizRound) or quiz.topic_id != topic.id:
        start_round(topic)
        quiz = st.session_state[QUIZ]
    total = teaching.total_score([*st.session_state.get(ROUNDS, []), quiz])
    st.markdown(
        "Each claim is shown without its side. Decide who says it: "
        f"{render.side_badge(topic, Side.SUPPORTER)} or {render.side_badge(topic, Side.CRITIC)}."
    )
    score_col, total_col, size_col = st.columns(3)
    score_col.metric("This round", f"{quiz.score.right} / {quiz.score.answered}")
    total_col.metric("All rounds", f"{total.right} / {total.answered}")
    size_col.number_input(
        "Claims per round",
        min_value=1,
        max_value=len(items),
        value=min(teaching.DEFAULT_ROUND, len(items)),
        key="practice.round_size",
        persist_state="session",
    )

    last = st.session_state.get(LAST)
    if last is not None and last in quiz.answers:
        item = last.item
        found = topic.find_pair(item.pair_id, item.section_id)
        pair = found[1] if found else None
        right = render.side_label(topic, item.side)
        if last.correct:
            st.success(f"Right: this claim is one the {right} make.", icon=":material/check_circle:")
        else:
            st.error(f"Not quite: that claim belongs to the {right}.", icon=":material/cancel:")
        if pair is not None:
            position = pair.side(item.side)
            sources = render.source_lines(topic, position.sources)
            with st.container(border=True):
                st.markdown(
                    f"{render.side_badge(topic, item.side)} on *{md(pair.question)}*\n\n"
                    f"> {md(item.claim)}\n\n"
                    + (f"**{labels.HELD_BY}:** {md(position.held_by)}\n\n" if position.held_by else "")
                    + (f"**Sources**\n\n{sources}" if sources else "")
                )

    current = quiz.current
    if current is not None:
        n = len(quiz.answers) + 1
        st.markdown(f"**Claim {n} of {len(quiz.items)}**")
        with st.container(border=True, key="practice.quiz_claim"):
            # full-contrast bold text, not a faded block quote; not a heading (it would skip heading levels)
            st.markdown(f"**{md(current.claim)}**")
        for column, side in zip(st.columns(2), Side, strict=True):
            column.button(
                render.side_label(topic, side),
                key=f"practice.answer.{side.value}",
                on_click=answer,
                args=(side,),
                use_container_width=True,
            )
    else:
        end_screen(topic, quiz)
    st.button(
        "New shuffled round",
        key="practice.new_round",
        on_click=start_round,
        args=(topic,),
        icon=":material/shuffle:",
    )
