"""The one rule for which URLs may become links, shared by the app and the exports."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https")


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or control characters, else None.

    The model already refuses other schemes; this guards every renderer again, so a topic built in code
    (or a future model change) can never smuggle a ``javascript:`` or ``data:`` link into a page. Plain
    strings are memoised: every rerun checks the same source URLs again.
    """
    return _safe_url(url) if type(url) is str else _safe_url.__wrapped__(url)


@lru_cache(maxsize=8192)
def _safe_url(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url
