"""The library every page reads, cached per content-folder state.

Pages read validated topics from here and never touch YAML. The library is cached per content folder
fingerprint (each file's path, mtime_ns and size), so an edited file reloads on the next run and an
unchanged one costs nothing; each file is cached on its own, so editing one topic reloads only it.

Pages are public: a load error names its file relative to the content folder (:func:`public_name`), never
by an absolute server path.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

from debate_explorer.config import content_dir
from debate_explorer.loading import TOPIC_SUFFIXES, Library, LoadedTopic, LoadError, load_file, load_library

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(folder: Path) -> Fingerprint:
    """(path, mtime_ns, size) of each topic file, sorted: changes whenever any topic file changes.

    One ``scandir`` pass with one ``stat`` per file: this runs on every rerun of every page.
    """
    out = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(TOPIC_SUFFIXES):
                continue
            path = str(folder / entry.name)
            try:
                if not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError:
                out.append((path, -1, -1))
                continue
            out.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(out))


@st.cache_resource(show_spinner=False, max_entries=4096)
def _load_file(path: str, mtime_ns: int, size: int) -> LoadedTopic | LoadError:
    """One topic file per (path, mtime, size): editing one topic reloads that file only."""
    try:
        return load_file(path)
    except LoadError as exc:
        return exc


@st.cache_resource(show_spinner=False, max_entries=16)
def _load(folder: str, digest: str, _files: Fingerprint) -> Library:
    """The library for one state of the folder; topics are frozen models, so sessions can share them.

    Keyed by a short digest of the fingerprint: hashing a long tuple on every rerun cost more than
    computing the digest once (benchmarks/scale.py, 1,000 topics).
    """
    stats = {path: (mtime, size) for path, mtime, size in _files}

    def load(path: Path) -> LoadedTopic:
        result = _load_file(str(path), *stats[str(path)])
        if isinstance(result, LoadError):
            raise replace(result)  # a fresh exception: the cached one is shared between sessions
        return result

    return load_library([Path(path) for path, _, _ in _files], load=load)


def public_name(file: str, folder: Path) -> str:
    """A file as public pages name it: relative to the content folder, else its name alone."""
    path = Path(file)
    for base in (folder, folder.absolute(), folder.resolve()):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name


def public_folder(folder: Path) -> str:
    """The content folder as public pages name it: its own name, not where it sits on the server."""
    return folder.resolve().name or "the content folder"


def _public(error: LoadError, folder: Path) -> LoadError:
    """``error`` with every file name made public (messages may name another file, e.g. a duplicate id)."""
    prefixes = sorted({f"{base}{os.sep}" for base in (folder, folder.absolute(), folder.resolve())}, key=len)
    message = error.message
    for prefix in reversed(prefixes):
        message = message.replace(prefix, "")
    return replace(
        error,
        file=public_name(error.file, folder),
        message=message,
        others=tuple(_public(other, folder) for other in error.others),
    )


def library() -> Library:
    """Every topic in the content folder (cached), or one error explaining why the folder can't be read.

    Errors name files relative to the content folder (:func:`public_name`).
    """
    folder = content_dir()
    try:
        key = fingerprint(folder)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = f"cannot read the content folder: {reason}"
        return Library(errors=[LoadError(public_folder(folder), None, "", problem)])
    loaded = _load(str(folder), hashlib.sha1(repr(key).encode()).hexdigest(), key)
    if not loaded.errors:
        return loaded
    return Library(topics=loaded.topics, errors=[_public(error, folder) for error in loaded.errors])
