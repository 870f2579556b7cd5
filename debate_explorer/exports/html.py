"""The printable HTML handout: one self-contained page rendered from ``templates/handout.html``.

Jinja2 runs with autoescape on, and its ``finalize`` sends every value through ``escape.html`` (the one
HTML escaping rule), so no content string reaches the page unescaped. Only values this module marks as
``Markup`` pass as they are: the package's own stylesheet (``templates/handout.css``) and the template's
macros. The page carries no script and a Content-Security-Policy that forbids scripts and remote loads;
only an absolute http(s) URL (``links.safe_url``) ever becomes an ``<a href>``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from markupsafe import Markup

from .. import __version__, labels
from ..escape import html as escape_html
from ..escape import html_attr
from ..links import safe_url
from ..model import Side, Topic
from .base import ORIGIN_TEXT, VERDICT_TEXT, Renderer, of_selection, position_fields

if TYPE_CHECKING:
    from jinja2 import Template


def _finalize(value: object) -> object:
    """Every ``{{ value }}``: Markup stays as it is, anything else is escaped by ``escape.html``."""
    return value if isinstance(value, Markup) else Markup(escape_html(value))


def _href(value: object) -> Markup:
    """The ``href`` filter: an exact attribute value (an href), escaped but never broken for display."""
    return Markup(html_attr(value))


@cache
def template(name: str = "handout.html") -> Template:
    """A template of ``templates/`` in the one escaping environment (also for ``sheet`` and ``worksheet``)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined  # only when a handout is rendered

    env = Environment(
        loader=PackageLoader("debate_explorer.exports", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["href"] = _href
    return env.get_template(name)


@cache
def css(name: str = "handout.css") -> Markup:
    """A stylesheet of ``templates/`` (the package's own file) to inline in a page."""
    return Markup(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


def page_context(topic: Topic) -> dict[str, object]:
    """What every page template of a topic is given: numbers, sides, version, link rule and labels."""
    return {
        "topic": topic,
        "nums": topic.source_numbers,
        "all_sides": list(Side),
        "version": __version__,
        "safe_url": safe_url,
        "kind_label": labels.source_kind,
        "held_by": labels.HELD_BY,
    }


def to_html(topic: Topic) -> str:
    """One self-contained, printable HTML page: no scripts, no external resources, all content escaped."""
    sides = [
        {"label": topic.sides.label(side), "who": topic.sides.info(side).who}
        for side in Side
        if topic.sides.info(side).who.strip()
    ]
    return template().render(
        page_context(topic),
        sides=sides,
        css=css(),
        position_fields=position_fields,
        origin_text=ORIGIN_TEXT,
        verdict_text=VERDICT_TEXT,
    )


DESCRIPTION = "One self-contained printable page: both sides of every pair, sources with full URLs."
RENDERER = Renderer("html", "HTML (printable)", "html", "text/html", of_selection(to_html), DESCRIPTION)
