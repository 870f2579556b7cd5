"""Memoising pure functions of the loaded model by the identity of their arguments.

The library's topics are frozen models, cached per file state and shared by every session (views/library.py),
so a function of a topic (a chart, a block of numbered sources) gives the same result for the same topic
object on every rerun. Hashing a model by value would cost more than the work saved; the memo keys on the
arguments' identities instead and keeps the arguments alive with the result, so an id cannot be reused by
another object while its entry exists. An edited topic file loads as a new object: a new entry; old ones
fall out least-recently-used first. No Streamlit here; thread-safe.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def by_identity(maxsize: int = 256) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: remember ``maxsize`` results, keyed by the positional arguments' identities (keyword
    arguments by value, so they must be hashable). Results are shared: callers must not mutate them."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        entries: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], R]] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (*map(id, args), *sorted(kwargs.items()))
            with lock:
                hit = entries.get(key)
                if hit is not None and all(a is b for a, b in zip(hit[0], args, strict=True)):
                    entries.move_to_end(key)
                    return hit[1]
            result = function(*args, **kwargs)
            with lock:
                entries[key] = (args, result)
                entries.move_to_end(key)
                while len(entries) > maxsize:
                    entries.popitem(last=False)
            return result

        wrapper.cache_clear = entries.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
