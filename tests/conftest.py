"""Shared test helpers: fixture paths, a topic-variant writer, benchmark modules. Keep this file small."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

SAMPLE = Path(__file__).parent / "fixtures" / "topics" / "sample-topic.yaml"
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def fresh_streamlit_caches() -> Iterator[None]:
    """st.cache_* entries outlive an AppTest within one pytest process; clear them so tests don't leak."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def sample_text() -> str:
    """The clean sample topic's YAML text (passes `check --strict`)."""
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def write_topic(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text as ``<folder>/<name>.yaml`` (default name: sample-topic, so the id matches)."""

    def write(text: str, name: str = "sample-topic", folder: str = "topics") -> Path:
        path = tmp_path / folder / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def edit() -> Callable[[str, str, str], str]:
    """``edit(text, old, new)``: replace the one ``old``; fails loudly if the fixture changed."""

    def replace_once(text: str, old: str, new: str) -> str:
        assert text.count(old) == 1, f"expected exactly one {old!r} in the fixture"
        return text.replace(old, new)

    return replace_once


@pytest.fixture(scope="session")
def load_benchmark() -> Callable[[str], ModuleType]:
    """``load_benchmark("load")``: benchmarks/load.py, freshly executed, as module ``benchmarks_load``.

    benchmarks/ is not a package the tests can import, so each script is loaded from its file.
    """

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(autouse=True)
def classroom_database(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test that opens the app gets its own throwaway classroom database, never ./data/."""
    url = f"sqlite:///{tmp_path_factory.mktemp('classroom') / 'classroom.db'}"
    monkeypatch.setenv("DEBATE_EXPLORER_DATABASE_URL", url)
    return url
