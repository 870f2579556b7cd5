"""A Streamlit app on a free loopback port for the length of a ``with`` block.

One helper for every place that starts a real server: benchmarks/load.py, benchmarks/page_load.py and the
browser tests (tests/e2e/conftest.py). The server listens on 127.0.0.1 only (never another interface),
headless, without usage stats or a file watcher. Usage::

    with serve(ROOT / "app.py", env={"DEBATE_EXPLORER_DIR": "arguments"}, log=Path("server.log")) as url:
        ...  # url is "http://127.0.0.1:<port>", healthy

The process is terminated (killed if it will not stop) when the block ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listened on a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(log: Path | None) -> str:
    """The end of the server's output, to append to an error (empty without a log file)."""
    if log is None:
        return ""
    with contextlib.suppress(OSError):
        return f": {log.read_text(errors='replace')[-2000:]}"
    return ""


@contextlib.contextmanager
def serve(
    script: Path,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    timeout: float = 60.0,
) -> Iterator[str]:
    """Run ``streamlit run script`` until the block ends; yields the base URL once /_stcore/health is ok.

    ``env`` is added to this process's environment. The server's stdout and stderr go to ``log`` when
    given (else nowhere). Raises RuntimeError if the process exits, or is not healthy after ``timeout``
    seconds; the process is stopped either way.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        f"--server.port={port}", "--server.address=127.0.0.1", "--server.headless=true",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
    ]  # fmt: skip
    with serve_command(command, port, env=env, log=log, timeout=timeout) as url:
        yield url


@contextlib.contextmanager
def serve_command(
    command: Sequence[str],
    port: int,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    timeout: float = 60.0,
    cwd: Path = ROOT,
) -> Iterator[str]:
    """Run ``command``, a server that listens on 127.0.0.1:``port``, as :func:`serve` runs Streamlit.

    For servers started some other way, e.g. ``debate-explorer serve`` from an installed package (run in
    ``cwd``, so the checkout is not the working folder).
    """
    url = f"http://127.0.0.1:{port}"
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(log.open("wb")) if log else subprocess.DEVNULL
        process = subprocess.Popen(
            list(command), cwd=cwd, env={**os.environ, **(env or {})}, stdout=sink, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited with {process.returncode}{_log_tail(log)}")
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply,
                ):
                    if reply.read().strip() == b"ok":
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not become healthy in {timeout}s{_log_tail(log)}")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
