# Houvast: `make run` serves the app, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
REQ_HASH := $(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(REQ_HASH)
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test bench lint system-deps icons clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

run: $(STAMP)
	$(FLASK) db upgrade
	@if [ "$${HOUVAST_ENV:-development}" != "production" ]; then \
		$(FLASK) demo ensure && $(FLASK) dossier demo; fi
	exec $(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 1 --threads 8 --access-logfile - wsgi:app

system-deps:
	@bash scripts/system-deps.sh

test: $(STAMP) system-deps
	@bash scripts/test.sh

bench: $(STAMP)
	@bash scripts/bench.sh

lint: $(STAMP)
	$(BIN)/ruff check .

icons: $(STAMP)
	$(BIN)/python scripts/make_icons.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
