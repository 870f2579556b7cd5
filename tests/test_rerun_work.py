"""Work taken out of every rerun (issue 15): built once, shared safely, and the same output as before."""

from __future__ import annotations

from debate_explorer import charts, escape, links, memo
from debate_explorer.loading import load_file
from debate_explorer.model import Side
from debate_explorer.views import render
from tests.conftest import SAMPLE as SAMPLE_FILE


def test_memo_keys_on_identity_and_forgets_the_oldest() -> None:
    calls: list[object] = []

    @memo.by_identity(maxsize=2)
    def size(value: list[int], extra: int = 0) -> int:
        calls.append(value)
        return len(value) + extra

    first, equal = [1, 2], [1, 2]
    assert size(first) == size(first) == 2 and len(calls) == 1
    assert size(equal) == 2 and len(calls) == 2  # equal but another object: computed again
    assert size(first, extra=1) == 3 and len(calls) == 3  # keyword arguments are part of the key
    size(first)  # evicted (the two newest entries are `equal` and `first, extra=1`): computed again
    assert len(calls) == 4


def test_a_reloaded_topic_gets_its_own_figures() -> None:
    topic = load_file(SAMPLE_FILE).topic
    again = load_file(SAMPLE_FILE).topic  # what an edited (re-read) file gives: a new object
    for build in (charts.words_butterfly, charts.sources_per_side, charts.timeline, charts.sunburst):
        assert build(topic) is build(topic)
        assert build(again) is not build(topic)
        assert build(again).to_json() == build(topic).to_json()
    flipped = charts.words_butterfly(topic, left=Side.CRITIC)
    assert charts.words_butterfly(topic).data[0].name != flipped.data[0].name


def test_memoised_escapes_give_the_same_text() -> None:
    texts = ["a *b* [c](javascript:x) www.example.org", "x" * 5000, "<script>"]
    for text in texts:
        assert escape.streamlit_md(text) == escape._streamlit_md.__wrapped__(text)
        assert escape.streamlit_md(text) == escape.streamlit_md(text)

    class Sneaky(str):
        pass

    assert escape.streamlit_md(Sneaky("*x*")) == "\\*x\\*"  # subclasses are escaped, never cached
    assert links.safe_url("https://example.org/a") == "https://example.org/a"
    assert links.safe_url("javascript:alert(1)") is None
    assert links.safe_url(["https://example.org"]) is None


def test_support_parts_are_shared_and_immutable() -> None:
    topic = load_file(SAMPLE_FILE).topic
    _, pair = next(iter(topic.pairs()))
    parts = render.support_parts(topic, pair.supporter)
    assert isinstance(parts, tuple) and parts is render.support_parts(topic, pair.supporter)
