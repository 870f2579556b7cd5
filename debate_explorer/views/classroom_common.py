"""What the teacher's and the students' classroom views share: the service, errors, links, QR codes."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode, urlsplit

import streamlit as st

from debate_explorer.classroom import ClassroomError, ClassroomService, DatabaseUnavailable, db
from debate_explorer.model import Topic
from debate_explorer.routing import param
from debate_explorer.views.library import library

PAGE_PATH = "classroom"


@st.cache_resource(show_spinner=False)
def _service(url: str) -> ClassroomService:
    """One service per database URL and process; migrations run once, when it is first made."""
    options: dict[str, Any] = db.engine_options(url)
    connection = st.connection(db.CONNECTION_NAME, type="sql", url=url, **options)
    engine = db.prepare(connection.engine)
    db.upgrade(engine)
    return ClassroomService(engine)


def service_or_stop() -> ClassroomService:
    """The classroom service; if the database cannot be reached, a clear message and a retry button."""
    try:
        return _service(db.database_url())
    except Exception:  # any driver or migration failure: the message must not leak URLs or paths
        st.error(str(DatabaseUnavailable()), icon=":material/cloud_off:")
        st.button("Try again", key="class.retry_db", type="primary")
        st.caption("The other pages (Topics, Compare, Practice …) keep working without the class database.")
        st.stop()


@contextmanager
def guarded() -> Iterator[None]:
    """Show a classroom error as a friendly message (with a retry for database faults) and stop the page."""
    try:
        yield
    except DatabaseUnavailable as exc:
        st.error(str(exc), icon=":material/cloud_off:")
        st.button("Try again", key="class.retry", type="primary")
        st.stop()
    except ClassroomError as exc:
        st.error(str(exc), icon=":material/error:")
        st.stop()


def digest(secret: str) -> str:
    """A fingerprint of a secret for this session's memo (the secret itself is not kept twice)."""
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def base_url() -> str:
    """The app's own address as the browser sees it (scheme, host and port), for join links."""
    try:
        url = st.context.url
    except Exception:  # AppTest has no browser URL
        url = None
    parts = urlsplit(url if isinstance(url, str) else "")
    if parts.scheme in ("http", "https") and parts.netloc:
        prefix = (
            parts.path.rsplit("/", 1)[0] if parts.path.endswith(f"/{PAGE_PATH}") else parts.path.rstrip("/")
        )
        return f"{parts.scheme}://{parts.netloc}{prefix}"
    return "http://localhost:8501"


def class_link(**params: str) -> str:
    return f"{base_url()}/{PAGE_PATH}?{urlencode(params)}"


def qr_png(text: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def client_address() -> str:
    """Who is joining, for the code-guessing limit (hashed before it is stored)."""
    try:
        address = st.context.ip_address
    except Exception:  # no browser connection (AppTest)
        address = None
    return address if isinstance(address, str) and address else "unknown"


def topic_of(topic_id: str) -> Topic | None:
    for loaded in library().topics:
        if loaded.topic.id == topic_id:
            return loaded.topic
    return None


def pair_questions(topic: Topic | None) -> dict[str, str]:
    return {pair.id: pair.question for _, pair in topic.pairs()} if topic else {}


def query(name: str) -> str | None:
    """A query parameter's value (the last if repeated), or None."""
    return param({name: st.query_params.get_all(name)}, name)
