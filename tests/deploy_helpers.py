"""What the deployment tests share: skip (or, in CI, fail) when nginx or PostgreSQL is not installed."""

from __future__ import annotations

import glob
import os

import pytest

from deploy.replicas import nginx_binary

REQUIRE_NGINX = "DEBATE_EXPLORER_REQUIRE_NGINX"
REQUIRE_POSTGRES = "DEBATE_EXPLORER_REQUIRE_POSTGRES"


def need_nginx() -> str:
    binary = nginx_binary()
    if binary is None:
        if os.environ.get(REQUIRE_NGINX):
            pytest.fail(f"{REQUIRE_NGINX} is set but nginx is not installed: CI must run the nginx tests")
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    return binary


def need_postgres_server() -> None:
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        if os.environ.get(REQUIRE_POSTGRES):
            pytest.fail(f"{REQUIRE_POSTGRES} is set but the PostgreSQL server is not installed")
        pytest.skip("PostgreSQL server is not installed (apt-get install postgresql; .ci/run does)")
