# Two commands do all the set-up: `make run` serves the app, `make test` runs lint and tests.
# Each creates .venv with the machine's python3 on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# The real Argdown parser for tests/test_argdown.py, pinned (2.x needs Node >= 22); .tools/ is gitignored.
ARGDOWN_CLI := @argdown/cli@1.7.5
ARGDOWN := .tools/argdown/node_modules/.bin/argdown
# axe-core for tests/e2e/test_accessibility.py (injected into every page in Chromium), pinned the same way.
AXE_CORE := axe-core@4.14.1
AXE := .tools/axe/node_modules/axe-core/axe.min.js

.PHONY: run run-replicas test lint argdown axe schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/debate-explorer serve --port $(PORT)

# Several replicas behind a private nginx on loopback (deploy/replicas.py; README, "Deployment").
# DEBATE_EXPLORER_DATABASE_URL must name the shared PostgreSQL database.
REPLICAS ?= 2
NGINX_PORT ?= 8080
run-replicas: $(VENV)/.installed
	$(BIN)/python deploy/replicas.py --replicas $(REPLICAS) --first-port $(PORT) --nginx $(NGINX_PORT)

test: lint argdown axe
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Installs the pinned Argdown CLI when npm is on the machine (.ci/run installs npm first); without npm the
# Argdown tests skip locally, and CI fails instead of skipping.
argdown:
	@if [ -x $(ARGDOWN) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		npm install --prefix .tools/argdown --no-audit --no-fund --loglevel=error $(ARGDOWN_CLI) >/dev/null; \
	else echo "npm not found: the Argdown tests will skip (install Node.js and npm to run them)"; fi

# Installs the pinned axe-core the same way; without npm the accessibility audit skips locally (fails in CI).
axe:
	@if [ -f $(AXE) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		npm install --prefix .tools/axe --no-audit --no-fund --loglevel=error $(AXE_CORE) >/dev/null; \
	else echo "npm not found: the accessibility audit will skip (install Node.js and npm to run it)"; fi

schema: $(VENV)/.installed
	$(BIN)/debate-explorer schema > schema/topic.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
