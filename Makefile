# Rathaus – the two commands of the quickstart are `make site` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Material 9.8 prints an end-of-life banner on every build; we track that in the README instead.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint unit a11y schemas clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

site: $(STAMP)
	$(VENV)/bin/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

schemas: $(STAMP)
	$(VENV)/bin/rathaus schema

lint: $(STAMP)
	$(VENV)/bin/ruff check plugins tests
	$(VENV)/bin/ruff format --check plugins tests
	$(VENV)/bin/mypy

unit: $(STAMP)
	$(PY) -m pytest tests --ignore=tests/a11y

a11y: site
	bash tests/a11y/gate.sh

test: lint unit a11y

clean:
	rm -rf site .venv .mypy_cache .ruff_cache .pytest_cache tests/a11y/node_modules
