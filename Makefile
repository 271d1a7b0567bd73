# Two entry points (see README): `make run` and `make test`. Everything they need is installed here.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test install install-dev

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

# Serves the API (and web UI) on the bundled sample corpus; builds ./index first when it is empty.
run: install
	$(VENV)/bin/assistant serve

test: install-dev
	$(PY) -m pytest
