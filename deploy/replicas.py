"""Run N Debate Explorer processes on one machine behind nginx, all sharing one PostgreSQL database.

Each replica is ``debate-explorer serve`` on 127.0.0.1 and its own port (consecutive from ``--first-port``),
with the same ``DEBATE_EXPLORER_DATABASE_URL``. Before any replica starts, the schema is brought up to date
once (``debate-explorer db upgrade``), so replicas never race to migrate. The launcher then writes nginx's
upstream list (``debate-explorer-upstream.conf``, one ``server`` line per replica) and watches each
replica's ``/_stcore/health``: open-source nginx only notices a dead replica when a request fails, so a
replica that exits or stops answering is restarted here. Usage::

    # upstream list for a system nginx that includes deploy/nginx/debate-explorer.conf:
    python deploy/replicas.py --replicas 2 --database-url postgresql+psycopg://... \\
        --upstream-file /etc/nginx/conf.d/debate-explorer-upstream.conf
    # everything on loopback, nginx included (tests, benchmarks, a trial run):
    python deploy/replicas.py --replicas 2 --database-url postgresql+psycopg://... --nginx 8080

Stops everything on Ctrl-C or SIGTERM. PostgreSQL sizing: see deploy/postgresql.conf.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_SITE = ROOT / "deploy" / "nginx" / "debate-explorer.conf"
UPSTREAM_FILE = "debate-explorer-upstream.conf"
DATABASE_URL_ENV = "DEBATE_EXPLORER_DATABASE_URL"  # debate_explorer.classroom.db reads it
HEALTH = "/_stcore/health"
CHECK_SECONDS = 2.0
"""How often the supervisor asks each replica for its health."""
FAILURES_BEFORE_RESTART = 3
"""Consecutive failed health checks (or an exited process) before a replica is restarted."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_ports(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports."""
    for _ in range(50):
        first = free_port()
        if first + count > 65535:
            continue
        ok = True
        for port in range(first, first + count):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    ok = False
                    break
        if ok:
            return first
    raise RuntimeError(f"no {count} consecutive free ports on 127.0.0.1")


def healthy(url: str, timeout: float = 2.0) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}{HEALTH}", timeout=timeout) as reply:
        return bool(reply.read().strip() == b"ok")
    return False


def upstream_conf(ports: Sequence[int]) -> str:
    """nginx ``server`` lines for the replicas (included inside ``upstream debate_explorer``)."""
    lines = ["# written by deploy/replicas.py: one line per app process"]
    lines += [f"server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;" for port in ports]
    return "\n".join(lines) + "\n"


def site_conf(listen: int, access_log: Path) -> str:
    """The shipped site configuration, listening on ``127.0.0.1:listen`` and logging to ``access_log``."""
    text = NGINX_SITE.read_text(encoding="utf-8")
    text, listens = re.subn(r"(?m)^(\s*)listen \S+;", rf"\1listen 127.0.0.1:{listen};", text)
    text, logs = re.subn(r"(?m)^(\s*)access_log \S+ ", rf"\1access_log {access_log} ", text)
    if listens != 1 or logs != 1:
        raise RuntimeError(f"{NGINX_SITE} must have exactly one listen and one access_log line")
    return text


def main_conf(run_dir: Path) -> str:
    """A self-contained nginx.conf around the site file, for an unprivileged nginx in ``run_dir``."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # temp files stay in run_dir either way
    temp = "\n".join(
        f"    {name}_temp_path {run_dir / 'tmp' / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi")
    )
    return (
        f"{user}worker_processes 1;\npid {run_dir / 'nginx.pid'};\nerror_log {run_dir / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        f"{temp}\n    scgi_temp_path {run_dir / 'tmp' / 'scgi'};\n"
        "    types { text/html html; application/javascript js; text/css css; }\n"
        "    default_type application/octet-stream;\n"
        f"    include {run_dir / 'debate-explorer.conf'};\n"
        "}\n"
    )


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


@dataclass
class Replica:
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    failures: int = 0
    back: threading.Event = field(default_factory=threading.Event)
    """Set when the supervisor sees a restarted replica answer its health check (tests wait on it)."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    """N replicas (and optionally nginx) on loopback; a context manager that stops them all at the end."""

    replicas: int
    database_url: str
    run_dir: Path
    content: Path | None = None
    first_port: int | None = None
    nginx_port: int | None = None
    """Listen port of a private nginx in front of the replicas (None: only write the upstream file)."""
    upstream_file: Path | None = None
    supervise: bool = True
    env: Mapping[str, str] = field(default_factory=dict)
    members: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    """One secret for every replica (``STREAMLIT_SERVER_COOKIE_SECRET``, unless the environment sets it)."""
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        """Where browsers go: nginx if this cluster runs it, else the first replica."""
        return f"http://127.0.0.1:{self.nginx_port}" if self.nginx_port else self.members[0].url

    def _env(self) -> dict[str, str]:
        env = {**os.environ, **self.env, DATABASE_URL_ENV: self.database_url}
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", self.cookie_secret)
        if self.content is not None:
            env["DEBATE_EXPLORER_DIR"] = str(self.content)
        elif not env.get("DEBATE_EXPLORER_DIR"):
            env["DEBATE_EXPLORER_DIR"] = str(ROOT / "arguments")  # replicas run in run_dir, not the checkout
        return env

    def upgrade(self) -> None:
        """Bring the shared database's schema up to date once, before any replica starts."""
        command = [sys.executable, "-m", "debate_explorer", "db", "upgrade"]
        done = subprocess.run(command, env=self._env(), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"db upgrade failed: {done.stderr.strip()[-500:]}")

    def _spawn(self, replica: Replica) -> None:
        command = [sys.executable, "-m", "debate_explorer", "serve", "--port", str(replica.port)]
        command += ["--address", "127.0.0.1"]
        with replica.log.open("ab") as sink:
            replica.process = subprocess.Popen(
                command, cwd=self.run_dir, env=self._env(), stdout=sink, stderr=subprocess.STDOUT
            )

    def _wait_healthy(self, url: str, process: subprocess.Popen[bytes] | None, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while not healthy(url):
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{url} exited with {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} not healthy after {timeout:.0f}s")
            time.sleep(0.2)

    def start(self) -> Cluster:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.upgrade()
        first = self.first_port or free_ports(self.replicas)
        self.members = [
            Replica(first + i, self.run_dir / f"replica-{i + 1}.log") for i in range(self.replicas)
        ]
        for replica in self.members:
            self._spawn(replica)
        for replica in self.members:
            self._wait_healthy(replica.url, replica.process)
        upstream = upstream_conf([r.port for r in self.members])
        (self.run_dir / UPSTREAM_FILE).write_text(upstream, encoding="utf-8")
        if self.upstream_file is not None:
            self.upstream_file.write_text(upstream, encoding="utf-8")
        if self.nginx_port is not None:
            self._start_nginx()
        if self.supervise:
            threading.Thread(target=self._watch, name="replica-health", daemon=True).start()
        return self

    def nginx_command(self) -> list[str]:
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed (apt-get install nginx)")
        return [binary, "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf"),
                "-e", str(self.run_dir / "error.log")]  # fmt: skip

    def _start_nginx(self) -> None:
        assert self.nginx_port is not None
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.run_dir / "tmp" / name).mkdir(parents=True, exist_ok=True)
        (self.run_dir / "debate-explorer.conf").write_text(
            site_conf(self.nginx_port, self.run_dir / "access.log"), encoding="utf-8"
        )
        (self.run_dir / "nginx.conf").write_text(main_conf(self.run_dir), encoding="utf-8")
        test = subprocess.run([*self.nginx_command(), "-t"], capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t failed: {test.stderr.strip()}")
        with (self.run_dir / "nginx.out").open("ab") as sink:
            self.nginx = subprocess.Popen(
                [*self.nginx_command(), "-g", "daemon off;"], stdout=sink, stderr=subprocess.STDOUT
            )
        self._wait_healthy(self.url, self.nginx, timeout=30)

    def _watch(self) -> None:
        """Active health checks: restart a replica that exited or failed several checks in a row."""
        while not self._stop.wait(CHECK_SECONDS):
            for replica in self.members:
                with self._lock:
                    if self._stop.is_set():
                        return
                    alive = replica.process is not None and replica.process.poll() is None
                    answers = alive and healthy(replica.url)
                    replica.failures = 0 if answers else replica.failures + 1
                    if answers and replica.restarts:
                        replica.back.set()
                    if not alive or replica.failures >= FAILURES_BEFORE_RESTART:
                        self._terminate(replica.process)
                        replica.restarts += 1
                        replica.failures = 0
                        print(f"replica on port {replica.port} restarted (health check)", file=sys.stderr)
                        self._spawn(replica)

    def kill(self, index: int) -> None:
        """SIGKILL one replica (a crash, for fault tests); the supervisor, if on, restarts it."""
        with self._lock:
            process = self.members[index].process
            if process is not None:
                process.kill()
                process.wait(timeout=10)

    @staticmethod
    def _terminate(process: subprocess.Popen[bytes] | None) -> None:
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            self._terminate(self.nginx)
            for replica in self.members:
                self._terminate(replica.process)

    def __enter__(self) -> Cluster:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def cluster(**options: object) -> Iterator[Cluster]:
    """``with cluster(replicas=2, database_url=..., run_dir=..., nginx_port=...) as c:`` (see Cluster)."""
    with Cluster(**options) as running:  # type: ignore[arg-type]
        yield running


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="app processes (default 2)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(DATABASE_URL_ENV, ""),
        help=f"the shared PostgreSQL URL (default ${DATABASE_URL_ENV})",
    )
    parser.add_argument(
        "--first-port", type=int, default=8501, help="port of the first replica (default 8501)"
    )
    parser.add_argument("--content", type=Path, help="topic folder (default: the app's)")
    parser.add_argument(
        "--run-dir", type=Path, default=Path("run"), help="logs and nginx files (default ./run)"
    )
    parser.add_argument("--upstream-file", type=Path, help="also write the upstream list here (system nginx)")
    parser.add_argument("--nginx", type=int, metavar="PORT", help="run a private nginx on 127.0.0.1:PORT")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgresql"):
        parser.error(
            f"replicas share one PostgreSQL database: give --database-url or set ${DATABASE_URL_ENV}"
        )
    running = Cluster(
        replicas=args.replicas,
        database_url=args.database_url,
        run_dir=args.run_dir.resolve(),
        content=args.content.resolve() if args.content else None,
        first_port=args.first_port,
        nginx_port=args.nginx,
        upstream_file=args.upstream_file,
    )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with running:
        ports = ", ".join(str(r.port) for r in running.members)
        print(f"{args.replicas} replica(s) on 127.0.0.1 ports {ports}; open {running.url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stopped.wait()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
