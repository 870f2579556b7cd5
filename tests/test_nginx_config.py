"""The shipped nginx configuration (deploy/nginx/debate-explorer.conf), run by real nginx in front of the app.

nginx listens on a free loopback port, started by ``deploy/replicas.py`` exactly as a deployment would use
the file (only ``listen`` and ``access_log`` are changed), in front of one real app process. Every answer
carries the security headers, the metrics endpoint is denied, the host configuration names no Streamlit Cloud
origins, the WebSocket works through the proxy and the access log keeps no query strings (issues 15 and 17).
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from benchmarks import load
from deploy.replicas import NGINX_SITE, Cluster, free_port, site_conf, upstream_conf
from tests.conftest import FIXTURES
from tests.deploy_helpers import need_nginx

SECURITY = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    need_nginx()
    content = tmp_path_factory.mktemp("content")
    (content / "sample-topic.yaml").write_bytes((FIXTURES / "topics" / "sample-topic.yaml").read_bytes())
    run_dir = tmp_path_factory.mktemp("nginx")
    database = f"sqlite:///{run_dir / 'classroom.db'}"
    with Cluster(
        replicas=1, database_url=database, run_dir=run_dir, content=content, nginx_port=free_port()
    ) as cluster:
        yield cluster


def get(url: str, cookie: str | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_accepts_the_shipped_configuration(proxied: Cluster) -> None:
    done = subprocess.run([*proxied.nginx_command(), "-t"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "test is successful" in done.stderr


def test_only_listen_and_access_log_differ_from_the_shipped_file(tmp_path: Path) -> None:
    shipped = NGINX_SITE.read_text().splitlines()
    used = site_conf(8123, tmp_path / "a.log").splitlines()
    changed = [(a.strip(), b.strip()) for a, b in zip(shipped, used, strict=True) if a != b]
    assert [b.split()[0] for _, b in changed] == ["listen", "access_log"]
    assert "listen 127.0.0.1:8123;" in [line.strip() for line in used]
    assert upstream_conf([8501, 8502]).count("max_fails=3") == 2


@pytest.mark.parametrize(
    "path", ["/", "/_stcore/health", "/_stcore/host-config", "/_stcore/metrics", "/nope"]
)
def test_every_answer_carries_the_security_headers(proxied: Cluster, path: str) -> None:
    _, headers, _ = get(proxied.url + path)
    for name, value in SECURITY.items():
        assert headers.get(name) == value, (path, name, dict(headers))


def test_app_alone_sends_none_of_them(proxied: Cluster) -> None:
    """The headers come from the proxy: another proxy must add them (README, "Deployment")."""
    _, headers, _ = get(proxied.members[0].url + "/")
    assert headers.get("X-Frame-Options") is None


def test_components_may_be_framed_by_the_app_only(proxied: Cluster) -> None:
    _, headers, _ = get(proxied.url + "/component/anything/index.html")
    assert headers.get("X-Frame-Options") == "SAMEORIGIN"
    assert headers.get("Content-Security-Policy") == "frame-ancestors 'self'"
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_metrics_are_denied(proxied: Cluster) -> None:
    direct, _, body = get(proxied.members[0].url + "/_stcore/metrics")
    assert direct == 200 and body  # the app itself would tell anyone
    status, _, body = get(proxied.url + "/_stcore/metrics")
    assert status in (403, 404)
    assert b"session" not in body.lower()


def test_host_config_names_no_streamlit_cloud_origin(proxied: Cluster) -> None:
    _, _, direct = get(proxied.members[0].url + "/_stcore/host-config")
    assert b"streamlit.app" in direct  # what the app alone answers
    status, headers, body = get(proxied.url + "/_stcore/host-config")
    assert status == 200 and headers.get_content_type() == "application/json"
    config = json.loads(body)
    assert config["allowedOrigins"] == []
    assert set(config) == set(json.loads(direct))  # the same fields the frontend reads
    assert b"streamlit" not in body


def test_route_cookie_is_set_once_and_keeps_the_browser_on_its_replica(proxied: Cluster) -> None:
    _, first, _ = get(proxied.url + "/")
    cookie = first.get("Set-Cookie", "")
    match = re.match(r"de_route=([0-9a-f]+); Path=/; HttpOnly; SameSite=Lax", cookie)
    assert match, cookie
    _, again, _ = get(proxied.url + "/", cookie=f"de_route={match.group(1)}")
    assert "de_route" not in " ".join(again.get_all("Set-Cookie") or [])


def test_websocket_session_works_through_nginx(proxied: Cluster) -> None:
    session = load.Session(proxied.url)
    try:
        result = session.rerun(load.Target("compare", "topic=sample-topic"))
    finally:
        session.close()
    assert result.error is None and result.elements > 0


def test_access_log_has_no_query_strings(proxied: Cluster) -> None:
    get(proxied.url + "/classroom?class=K7QX3M&seat=secret-token")
    log = (proxied.run_dir / "access.log").read_text()
    assert "GET /classroom " in log
    assert "K7QX3M" not in log and "secret-token" not in log


def test_launcher_restarts_a_replica_that_stops_answering(proxied: Cluster) -> None:
    """Active health checks (open-source nginx has none): a killed replica is started again. Runs last."""
    proxied.kill(0)
    replica = proxied.members[0]
    assert replica.back.wait(120), "the replica was not restarted"
    assert replica.restarts >= 1
    assert get(replica.url + "/_stcore/health")[2] == b"ok"
    assert get(proxied.url + "/_stcore/health")[2] == b"ok"
