"""Exports: a topic (or one section) as a handout or as data for other tools, one module per format.

Pure functions of the validated model; no Streamlit. :mod:`.registry` lists the formats; the CLI calls
:func:`export_topic`, app pages call :func:`download`. Content is untrusted text: each format escapes it
through ``debate_explorer.escape`` and links only http(s) URLs (``links.safe_url``).
"""

from __future__ import annotations

from .base import Renderer, cited_ids, select
from .json import JSON_FORMAT, JSON_FORMAT_VERSION
from .registry import FORMATS, Download, download, export_topic, file_name

__all__ = [
    "FORMATS",
    "JSON_FORMAT",
    "JSON_FORMAT_VERSION",
    "Download",
    "Renderer",
    "cited_ids",
    "download",
    "export_topic",
    "file_name",
    "select",
]
