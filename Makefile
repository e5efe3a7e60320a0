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
# make is the developer's front door: what it runs (make run and its demo world, migrate, openapi)
# is development, where the published development secret is accepted, unless SHULCHAN_ENVIRONMENT
# says otherwise. The shulchan command on its own defaults to production.
export SHULCHAN_ENVIRONMENT ?= development

FRONTEND := frontend
NPM_STAMP := $(FRONTEND)/node_modules/.installed-stamp
# The SPA is rebuilt only when something it is built from changed.
FRONTEND_DIST := $(FRONTEND)/dist/index.html
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(wildcard $(FRONTEND)/index.html $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig*.json $(FRONTEND)/postcss.config.cjs)

.PHONY: help install run serve migrate migration seed openapi openapi-check test test-sqlite test-postgres lint lock bench bench-search-quality clean \
	frontend-install frontend-build frontend-lint frontend-test frontend-e2e

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(STAMP): backend/pyproject.toml backend/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c backend/constraints.txt -e 'backend[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the backend with pinned versions

run: install ## install, build the web app, migrate, seed the demo world, serve on http://127.0.0.1:8000
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory frontend-build; \
	else \
		echo ""; echo "!! npm is not installed: serving the API only (http://$(HOST):$(PORT)/api/docs)."; \
		echo "!! Install Node.js 20 with npm to get the web app, then run 'make run' again."; echo ""; \
	fi
	$(BIN)/shulchan migrate
	SHULCHAN_DEMO_MODE=true $(BIN)/shulchan seed-demo --if-empty
	SHULCHAN_DEMO_MODE=true $(BIN)/shulchan serve --host $(HOST) --port $(PORT)

migrate: install ## apply migrations to the configured database
	$(BIN)/shulchan migrate

migration: install ## write the next Alembic revision from the models: make migration m="what it changes"
	@test -n "$(m)" || { echo 'usage: make migration m="what it changes"'; exit 2; }
	$(BIN)/shulchan new-migration "$(m)"

openapi: install ## write openapi/openapi.json from the app
	$(BIN)/shulchan export-openapi --output openapi/openapi.json

lint: install ## ruff and mypy
	$(BIN)/ruff check backend tests migrations bench
	$(BIN)/mypy

test: install lint test-sqlite test-postgres frontend-lint frontend-test frontend-e2e ## lint, the suite on SQLite and PostgreSQL, then the web app's lint, unit and browser tests

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

# ---- the web app (frontend/): pinned npm packages, Vite build, ESLint + tsc, Vitest, Playwright ----

$(NPM_STAMP): $(FRONTEND)/package-lock.json $(FRONTEND)/package.json
	@command -v npm >/dev/null 2>&1 || { echo "ERROR: npm is not installed (the web app needs Node.js 20 and npm)." >&2; exit 1; }
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

frontend-install: $(NPM_STAMP) ## install the web app's pinned packages (npm ci)

$(FRONTEND_DIST): $(NPM_STAMP) $(FRONTEND_SOURCES)
	cd $(FRONTEND) && npm run build

frontend-build: $(FRONTEND_DIST) ## build the web app into frontend/dist (served by the backend)

frontend-lint: frontend-install ## ESLint and the TypeScript type check
	cd $(FRONTEND) && npm run lint && npm run typecheck

frontend-test: frontend-install ## Vitest unit tests (incl. translation parity, API types fresh vs openapi.json)
	cd $(FRONTEND) && npm test

frontend-e2e: install frontend-install ## Playwright against the real backend (fresh SQLite, demo data) in Debian's Chromium
	@test -x "$${SHULCHAN_CHROMIUM:-/usr/bin/chromium}" || { \
		echo "ERROR: Chromium is missing: apt-get update && apt-get install -y chromium" >&2; exit 1; }
	cd $(FRONTEND) && npm run e2e

BENCH_PG ?= postgresql+asyncpg://postgres@127.0.0.1:5432/shulchan_bench
BENCH_SQLITE ?= sqlite+aiosqlite:///$(CURDIR)/var/bench.db

BENCH_QUALITY_PG ?= postgresql+asyncpg://postgres@127.0.0.1:5432/shulchan_search_quality
BENCH_QUALITY_SQLITE ?= sqlite+aiosqlite:///$(CURDIR)/var/search-quality.db

bench: install bench-search-quality ## the Hebrew search quality table, then generate the large world (once) and measure the API served by several workers
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.generate --database-url $(BENCH_PG)
	$(BIN)/python -m bench.generate --database-url $(BENCH_SQLITE)
	$(BIN)/python -m bench.run --database-url $(BENCH_PG) --sqlite-url $(BENCH_SQLITE)

bench-search-quality: install ## recall, precision and MRR of Hebrew search per query class on the judged collection (bench/search/)
	command -v hspell >/dev/null && command -v hunspell >/dev/null && test -f /usr/share/hunspell/he_IL.dic \
		|| (apt-get update -qq && apt-get install -y -qq hspell hunspell hunspell-he)
	mkdir -p var
	$(BIN)/python -m bench.search_quality --database-url $(BENCH_QUALITY_SQLITE) --database-url $(BENCH_QUALITY_PG)

lock: ## re-pin every Python package after a dependency change
	$(BIN)/python -m pip install --quiet -e 'backend[dev]'
	( head -2 backend/constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^shulchan' ) > backend/constraints.txt.new
	mv backend/constraints.txt.new backend/constraints.txt

clean: ## remove the virtual environment, local databases and the web app's build and packages
	rm -rf $(VENV) var $(FRONTEND)/node_modules $(FRONTEND)/dist $(FRONTEND)/test-results $(FRONTEND)/playwright-report
