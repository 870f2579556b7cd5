"""Every escaper in one place, each named for the target its output is safe in.

Content and student text are untrusted: before they reach any renderer they go through exactly one of
these. Each function folds whitespace to single spaces first, so no text can start a new block (a heading,
a list, a fence) in its target. Links are never built here: :mod:`debate_explorer.links` decides which URLs
may become links, and these functions only make text inert.

Long unbroken runs (issue 17: one 100,000-character word froze Chromium's layout for 28 s) are broken
where text is *displayed*: the escapers for the app (:func:`streamlit_md`), Markdown files
(:func:`markdown`), HTML (:func:`html`) and Plotly (:func:`plotly`) pass text through :func:`break_long`
first (a displayed http(s) URL of up to 2,000 characters stays whole). Never broken: URLs used as link
targets (:func:`streamlit_link_target`, :func:`markdown_autolink`, :func:`html_attr`), and the data
exports (JSON, Argdown, Kialo, AIF, CSV cells: :func:`argdown`, :func:`kialo`, :func:`csv_cell`,
``fold``), which keep the topic's text byte-faithful for other tools.
"""

from __future__ import annotations

import html as _html
import json
import re
from functools import lru_cache
from urllib.parse import quote

from .links import safe_url

WORD_JOINER = "\u2060"
"""Invisible; breaks a Markdown renderer's autolink detection, which runs on text after escapes resolve."""


def fold(text: object) -> str:
    """Whitespace (newlines included) folded to single spaces, ends stripped."""
    return " ".join(str(text).split())


ZERO_WIDTH_SPACE = "\u200b"
"""Invisible; a line may break here. Inserted into long runs by :func:`break_long`."""

BREAK_EVERY = 40
"""Longest run of non-space characters shown without a break opportunity (characters)."""

_NO_BREAK_BEFORE = "\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u200c\u200d"
"""Combining marks, variation selectors and joiners: a break before them would split a character."""


URLS_KEPT_UP_TO = 2_000
"""A displayed http(s) URL up to this long (``model.MAX_URL``) is left whole, so a reader can copy it."""

_RUN = re.compile(r"\S+")
_URL_START = re.compile(r"(?i)https?://")


def break_long(text: str, every: int = BREAK_EVERY) -> str:
    """``text`` with a zero-width space after every ``every`` characters of an unbroken run.

    Shorter runs and all spaces are untouched, no break lands before a combining mark or joiner, and an
    http(s) URL of up to :data:`URLS_KEPT_UP_TO` characters stays whole (copied, it still works; display
    targets wrap it with CSS), so ordinary text and links come back unchanged.
    """
    if len(text) <= every:
        return text
    pattern = _long_run(every)

    def broken(match: re.Match[str]) -> str:
        run = match[0]
        if len(run) <= every or (len(run) <= URLS_KEPT_UP_TO and _URL_START.match(run)):
            return run
        return pattern.sub(lambda m: m[0] + ZERO_WIDTH_SPACE, run)

    return _RUN.sub(broken, text)


_RUNS: dict[int, re.Pattern[str]] = {}


def _long_run(every: int) -> re.Pattern[str]:
    if every not in _RUNS:
        _RUNS[every] = re.compile(
            rf"[^\s{ZERO_WIDTH_SPACE}]{{{every}}}(?=[^\s{ZERO_WIDTH_SPACE}{_NO_BREAK_BEFORE}])"
        )
    return _RUNS[every]


def shorten(text: object, limit: int) -> str:
    """Folded text cut to ``limit`` characters with an ellipsis (for echoing untrusted values)."""
    folded = fold(text)
    return folded if len(folded) <= limit else folded[: max(limit - 1, 0)] + "…"


# ---------------------------------------------------------------- Streamlit Markdown (the app)

_ST_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&\"'=^%@/;?])")
_ST_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")


MEMO_SIZE = 8192
"""Escaped strings remembered per process: a page rerun escapes the same content strings every time."""


def streamlit_md(text: object) -> str:
    """Text as Streamlit Markdown that renders literally: every ASCII punctuation character escaped.

    Keeps tags, links, autolinks (``www.x``, ``https://``), emphasis, headings, lists, maths (``$``) and
    Streamlit directives (``:red[...]``) inert; a word joiner after ``www``, ``:`` before ``//`` and ``@``
    keeps bare URLs and e-mail addresses unlinked. Never put the result inside a code span: backslashes
    show literally there. Text strings are memoised (a pure function; reruns repeat the same strings).
    """
    return _streamlit_md(text) if type(text) is str else _streamlit_md.__wrapped__(text)


@lru_cache(maxsize=MEMO_SIZE)
def _streamlit_md(text: object) -> str:
    folded = _ST_AUTOLINK.sub(WORD_JOINER, break_long(fold(text)))
    return _ST_SPECIAL.sub(r"\\\1", folded)


def streamlit_link_target(url: str) -> str:
    """A URL as a Markdown link destination: the characters that would end or bend it are escaped."""
    return re.sub(r"([\\()<>])", r"\\\1", url)


def streamlit_link(label_md: str, url: object, title: object = "") -> str:
    """``[label](url "title")`` for an http(s) URL; otherwise just the label, so no other scheme links.

    ``label_md`` must already be Markdown (escape content with :func:`streamlit_md`); ``title`` is text.
    """
    good = safe_url(url)
    if good is None:
        return label_md
    title_part = f' "{streamlit_md(title)}"' if title else ""
    return f"[{label_md}]({streamlit_link_target(good)}{title_part})"


# ---------------------------------------------------------------- Markdown files (exports)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$&!])")
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
"""A list marker, rule or setext underline at the start of a line: the marker is escaped too."""
URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"
"""RFC 3986 reserved and unreserved characters; anything else in a URL is percent-encoded in Markdown."""


def markdown(text: object) -> str:
    """Text as CommonMark that renders literally: one line, link/HTML/emphasis characters escaped.

    Lighter than :func:`streamlit_md` so that a printed handout stays readable as plain text.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", break_long(fold(text)))
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def markdown_autolink(url: object) -> str | None:
    """An http(s) URL as a Markdown autolink ``<url>`` (characters that could end it percent-encoded)."""
    good = safe_url(url)
    return f"<{quote(good, safe=URL_SAFE)}>" if good else None


# ---------------------------------------------------------------- HTML (handouts)


def html(text: object) -> str:
    """Text as HTML text (long runs broken), also safe inside a quoted attribute that shows text."""
    return _html.escape(break_long(fold(text)), quote=True)


def html_attr(value: object) -> str:
    """A quoted HTML attribute value that must stay exact (``href``): folded, escaped, never broken."""
    return _html.escape(fold(value), quote=True)


# ---------------------------------------------------------------- Plotly labels and hover text


def plotly(text: object, limit: int | None = None) -> str:
    """Text safe for Plotly labels and hover (Plotly renders a subset of HTML): folded, cut, escaped."""
    folded = fold(text) if limit is None else shorten(text, limit)
    return _html.escape(break_long(folded), quote=True)


# ---------------------------------------------------------------- Argdown

_AD_ALWAYS = re.compile(r"([\\@#*_\[\]<>{}=`])")
"""Characters that can start Argdown syntax anywhere in a line: escaped wherever they occur."""
_AD_BEFORE_TEXT = re.compile(r"([.:])(?=\S)|(/)(?=[/*])")
"""``.name.``/``:name:`` (shortcodes) and ``//``, ``/*`` (comments) start syntax only before a non-space."""


def argdown(text: object) -> str:
    """Text as inert Argdown: one line, syntax characters escaped, readable punctuation kept."""
    escaped = _AD_ALWAYS.sub(r"\\\1", fold(text))
    return _AD_BEFORE_TEXT.sub(lambda m: "\\" + (m.group(1) or m.group(2)), escaped)


_AD_FRONT_MATTER = {"=": "\\u003d", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def argdown_front_matter(text: object) -> str:
    """Text as a quoted YAML scalar for Argdown's front matter: folded, JSON-quoted (valid YAML).

    ``=`` is written as ``\\u003d`` so content cannot close the front matter, and ``< > &`` as ``\\u00xx``
    so no tag appears even in tools that paste the title into HTML unescaped.
    """
    quoted = json.dumps(fold(text), ensure_ascii=False)
    return re.sub(r"[=<>&]", lambda m: _AD_FRONT_MATTER[m[0]], quoted)


def argdown_url(url: str) -> str:
    """An http(s) URL safe inside Argdown's ``[text](url)``: parentheses and spaces percent-encoded."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


# ---------------------------------------------------------------- Kialo discussion text

_KIALO_SPECIAL = re.compile(r"([\\()<>])")
"""Kialo's own export writes ``\\(`` and ``\\)``; ``\\`` and ``<>`` are escaped the same way."""
_KIALO_STANCE = re.compile(r"^(Pro|Con):")


def kialo(text: object) -> str:
    """Text as one inert line of a Kialo export: folded, ``\\ ( ) < >`` backslash-escaped.

    With ``(`` escaped no Markdown link can form, with ``>`` escaped no ``-> See 1.2.`` cross-link, and
    a leading ``Pro:``/``Con:`` becomes ``Pro\\:`` so text cannot pose as a stance. A reader removes the
    backslash before any ASCII punctuation character (CommonMark's rule) to get the folded text back.
    """
    escaped = _KIALO_SPECIAL.sub(r"\\\1", fold(text))
    return _KIALO_STANCE.sub(r"\1\\:", escaped)


# ---------------------------------------------------------------- CSV cells (spreadsheets)


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a leading ``= + - @`` or tab/CR gets an apostrophe.

    Not folded: a cell may hold line breaks (the csv module quotes them).
    """
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
