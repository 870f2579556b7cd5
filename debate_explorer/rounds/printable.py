"""A self-contained printable HTML page for round handouts (cards, flow sheet, ballot).

Callers pass body HTML they built with ``escape.html`` for every value; this adds the page shell: no
script, and a Content-Security-Policy that forbids scripts and remote loads.
"""

from __future__ import annotations

from ..escape import html as esc
from ..escape import html_attr
from ..links import safe_url

CSS = """
body{font-family:Georgia,serif;margin:1.5em;color:#111;overflow-wrap:anywhere}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.2em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.3em;vertical-align:top;font-size:.85em}
.card{border:1px solid #444;padding:.6em .8em;margin:.6em 0;page-break-inside:avoid}
.tag{font-weight:bold}.cite{font-size:.9em;color:#333}.text{margin:.4em 0 0}
.side{page-break-before:always}.side:first-of-type{page-break-before:auto}
.lines{border-bottom:1px solid #999;height:1.6em}
"""


def link(url: str) -> str:
    """An http(s) URL as a link (``links.safe_url``); anything else as escaped text."""
    good = safe_url(url)
    if good:
        return f'<a href="{html_attr(good)}" rel="noopener noreferrer">{esc(good)}</a>'
    return esc(url)


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
