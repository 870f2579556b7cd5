"""The export registry: every format by name, and the entry points the CLI and the app call.

Each format is one module of this package exposing a :class:`~.base.Renderer` as ``RENDERER`` (as
argdown-core has one plugin per export); :mod:`.sheet` holds two, the claims sheet and the worksheet.
:data:`FORMATS` is the only list of formats: the CLI's ``--format`` choices, the Practice page's download
buttons and docs/export-format.md (checked by a test) all come from it. Add a format by writing its
module and adding it to :data:`FORMATS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Topic
from . import aif, argdown, cards, html, json, kialo, markdown, sheet
from .base import Renderer

FORMATS: dict[str, Renderer] = {
    renderer.name: renderer
    for renderer in (
        markdown.RENDERER,
        html.RENDERER,
        sheet.SHEET,
        sheet.WORKSHEET,
        json.RENDERER,
        argdown.RENDERER,
        aif.RENDERER,
        kialo.RENDERER,
        cards.RENDERER,
    )
}


@dataclass(frozen=True)
class Download:
    """What ``st.download_button`` needs: ``st.download_button(label, **asdict(download))``."""

    data: str
    file_name: str
    mime: str


def renderer(fmt: str) -> Renderer:
    """The format's renderer; ValueError naming the choices for an unknown format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def export_topic(topic: Topic, fmt: str, section_id: str | None = None) -> str:
    """The topic (or one section) in ``fmt``, one of :data:`FORMATS`.

    Raises KeyError("unknown section 'x'") for an unknown section and ValueError for an unknown format
    or a section asked of a format that only exports whole topics.
    """
    chosen = renderer(fmt)
    if section_id is not None and not chosen.accepts_section:
        raise ValueError(f"format '{fmt}' exports whole topics only")
    return chosen.render(topic, section_id)


def file_name(topic: Topic, fmt: str, section_id: str | None = None) -> str:
    """``<topic-id>[-<section-id>].<ext>``: ids are lowercase words and '-', so always a safe name."""
    stem = topic.id if section_id is None else f"{topic.id}-{section_id}"
    return f"{stem}.{renderer(fmt).extension}"


def download(topic: Topic, fmt: str, section_id: str | None = None) -> Download:
    """Data, file name and media type of an export, ready for ``st.download_button``."""
    return Download(
        data=export_topic(topic, fmt, section_id),
        file_name=file_name(topic, fmt, section_id),
        mime=renderer(fmt).mime,
    )
