# Two entry points (see README): `make run` and `make test`. Everything they need is installed here.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test test-fast lint install install-dev browser-deps

# The browser tests (tests/web) drive Debian's chromium through Playwright (no browser download);
# without a CJK font Chinese renders as boxes. Installed with apt when missing (sudo when not root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# torch first, pinned to the CPU build on this machine's disk; otherwise pip resolves a CUDA build.
$(VENV)/.base: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[llm]'
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PIP) install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.base
install-dev: $(VENV)/.dev

browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

# Serves the API (and web UI) on the bundled sample corpus; builds ./index first when it is empty.
# MALLOC_ARENA_MAX=2: under 24 concurrent clients glibc's per-thread arenas grew RSS 13 % (2 arenas: 5 %),
# evals/bench_load.py
run: install
	MALLOC_ARENA_MAX=2 $(VENV)/bin/assistant serve

# ruff (lint + format), mypy and the import-linter layer contracts (pyproject.toml); `make test` runs it first.
lint: install-dev
	$(VENV)/bin/ruff check assistant web tests evals
	$(VENV)/bin/ruff format --check assistant web tests evals
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint browser-deps
	$(PY) -m pytest

# The inner loop: no browser and no index-building tests.
test-fast: install-dev
	$(PY) -m pytest -m "not slow and not browser"
