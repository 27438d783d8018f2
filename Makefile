# Rathaus – the two commands of the quickstart are `make site` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Material 9.8 prints an end-of-life banner on every build; we track that in the README instead.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site publish check serve test lint unit a11y schemas clean ensure-ffmpeg

# ffprobe (Debian's ffmpeg) reads duration, resolution and frame rate of the sign-language
# videos; every target that checks or builds needs it, so it is installed when missing.
ensure-ffmpeg:
	@command -v ffprobe >/dev/null || { echo "installing ffmpeg (ffprobe) from Debian"; \
	  $$([ "$$(id -u)" = 0 ] || echo sudo) apt-get update -q >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$([ "$$(id -u)" = 0 ] || echo sudo) \
	  apt-get install -y -q ffmpeg >/dev/null; }

$(STAMP): pyproject.toml constraints.txt | ensure-ffmpeg
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,audit]'
	touch $@

# Atomic: builds into .site.build-*, replaces site/ only after a clean --strict build
# (a failed or killed build leaves the previous site/ as it was); see README "Bauen".
site: $(STAMP)
	$(VENV)/bin/rathaus build --site-dir site

# What CI publishes: like `site`, but site/ is replaced only after the accessibility gate
# passed on the new build, too.
publish: $(STAMP)
	$(VENV)/bin/rathaus build --site-dir site --gate "bash tests/a11y/gate.sh"

# All checks of the build without building; CHECK_FORMAT=github|gitlab|json for CI.
CHECK_FORMAT ?= human
check: $(STAMP)
	$(VENV)/bin/rathaus check --format $(CHECK_FORMAT)

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
	rm -rf site .site.lock .site.build-* .site.old-* .venv .mypy_cache .ruff_cache .pytest_cache tests/a11y/reports
