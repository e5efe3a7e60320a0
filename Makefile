# Shulchan — the front door. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
export SHULCHAN_TEST_POSTGRES_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432

.PHONY: help install run serve migrate seed openapi openapi-check test test-sqlite test-postgres lint lock bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): backend/pyproject.toml backend/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c backend/constraints.txt -e 'backend[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the backend with pinned versions

run: install ## install, migrate, seed the demo world, serve on http://127.0.0.1:8000
	$(BIN)/shulchan migrate
	SHULCHAN_DEMO_MODE=true $(BIN)/shulchan seed-demo --if-empty
	SHULCHAN_DEMO_MODE=true $(BIN)/shulchan serve --host $(HOST) --port $(PORT)

migrate: install ## apply migrations to the configured database
	$(BIN)/shulchan migrate

openapi: install ## write openapi/openapi.json from the app
	$(BIN)/shulchan export-openapi --output openapi/openapi.json

lint: install ## ruff and mypy
	$(BIN)/ruff check backend tests migrations bench
	$(BIN)/mypy

test: install lint test-sqlite test-postgres ## lint, then the whole suite on SQLite and on PostgreSQL

test-sqlite: install
	SHULCHAN_TEST_DATABASE=sqlite $(BIN)/pytest -q

test-postgres: install
	@if $(BIN)/python tests/postgres_available.py; then \
		SHULCHAN_TEST_DATABASE=postgresql $(BIN)/pytest -q; \
	elif [ "$$CI" = "true" ]; then \
		echo "ERROR: PostgreSQL is not reachable at $$SHULCHAN_TEST_POSTGRES_URL, and CI requires it." >&2; exit 1; \
	else \
		echo ""; echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! PostgreSQL is not reachable at $$SHULCHAN_TEST_POSTGRES_URL:"; \
		echo "!! the suite ran on SQLite ONLY. Set SHULCHAN_TEST_POSTGRES_URL to test PostgreSQL."; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

BENCH_PG ?= postgresql+asyncpg://postgres@127.0.0.1:5432/shulchan_bench
BENCH_SQLITE ?= sqlite+aiosqlite:///$(CURDIR)/var/bench.db

bench: install ## generate the large world (once) and measure the API served by several workers
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.generate --database-url $(BENCH_PG)
	$(BIN)/python -m bench.generate --database-url $(BENCH_SQLITE)
	$(BIN)/python -m bench.run --database-url $(BENCH_PG) --sqlite-url $(BENCH_SQLITE)

lock: ## re-pin every Python package after a dependency change
	$(BIN)/python -m pip install --quiet -e 'backend[dev]'
	( head -2 backend/constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^shulchan' ) > backend/constraints.txt.new
	mv backend/constraints.txt.new backend/constraints.txt

clean: ## remove the virtual environment and local databases
	rm -rf $(VENV) var
