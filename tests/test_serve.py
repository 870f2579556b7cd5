"""`debate-explorer serve` from a built wheel, installed in a fresh virtual environment outside the checkout.

The wheel is built from a copy of the sources (so the build leaves nothing in the checkout), installed with
``--no-deps`` into a new venv, and run from a folder that is neither the checkout nor holds a
``.streamlit/config.toml``. The dependencies (Streamlit and the rest) come from this test run's own
environment through a ``.pth`` line: installing them from an index would need the network and minutes,
and they are not what is under test; the package is (code, page scripts, server config, console script).
Needs no browser: the page is read over Streamlit's WebSocket protocol, as benchmarks/load.py does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.load import Session
from benchmarks.server import free_port, serve_command
from debate_explorer.loading import load_file
from tests.conftest import ROOT, SAMPLE, run_cli

BUILD_TIMEOUT = 600


def run(*command: str | Path, cwd: Path) -> str:
    """Run a command to completion; its output is in the failure message if it fails."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the debate-explorer wheel installed in it."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(
        ROOT / "debate_explorer", source / "debate_explorer", ignore=shutil.ignore_patterns("__pycache__")
    )
    wheels = base / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", wheels, source, cwd=base)
    (wheel,) = wheels.glob("debate_explorer-*.whl")

    venv = base / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / "bin" / "python"
    site = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base).strip()
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(ours)), encoding="utf-8")
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=base
    )
    return venv


def test_the_wheel_holds_the_package_and_its_data(venv: Path) -> None:
    where = run(
        venv / "bin" / "python", "-c", "import debate_explorer; print(debate_explorer.__file__)", cwd=venv
    )
    package = Path(where.strip()).parent
    assert package.is_relative_to(venv), f"imported from {package}, not from the installed wheel"
    assert (package / "views" / ".streamlit" / "config.toml").is_file()
    assert (package / "views" / "app.py").is_file() and (package / "py.typed").is_file()
    assert (venv / "bin" / "debate-explorer").is_file()


def first_visit(url: str) -> tuple[ForwardMsg, list[str], list[str]]:
    """One session's first run of the home page: its new_session message, Markdown bodies, exceptions."""
    session = Session(url)
    try:
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_name = ""
        session.ws.send_binary(message.SerializeToString())
        new_session, texts, exceptions = ForwardMsg(), [], []
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(session.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                new_session = forward
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                texts.append(element.markdown.body)
                if element.WhichOneof("type") == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif kind == "script_finished":
                return new_session, texts, exceptions
    finally:
        session.close()


@pytest.mark.timeout(BUILD_TIMEOUT)
def test_serve_runs_the_installed_app_over_a_folder(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SAMPLE.parent, elsewhere / "my-topics", ignore=shutil.ignore_patterns("checks"))
    port = free_port()
    command = [str(venv / "bin" / "debate-explorer"), "serve", "my-topics", "--port", str(port)]
    command += ["--address", "127.0.0.1"]
    env = {"PYTHONPATH": "", "DEBATE_EXPLORER_DIR": "", "HOME": str(tmp_path)}
    log = tmp_path / "server.log"
    with serve_command(command, port, env=env, log=log, cwd=elsewhere) as url:
        new_session, texts, exceptions = first_visit(url)
    assert exceptions == [], log.read_text()
    shown = "\n".join(texts).replace("\\", "")
    assert load_file(SAMPLE).topic.question in shown, shown[:2000]
    # The packaged .streamlit/config.toml applied, though the working folder has none.
    assert new_session.new_session.config.toolbar_mode == new_session.new_session.config.MINIMAL


def test_serve_refuses_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "serve", str(tmp_path / "no-such-folder"))
    assert code == 2 and out == ""
    assert "no-such-folder" in err and "DEBATE_EXPLORER_DIR" in err
