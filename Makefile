# Relais: `make html` builds the demo site, `make test` runs every test.
# Both create the virtual environment .venv/ and install the pinned
# dependencies first, so they work on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
SYSTEM := $(VENV)/.system-installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PUBLISH := $(BIN)/python publish.py
LIGHTHOUSE_DIR := tests/browser/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.installed
# The demo's report intake (README, "Anonymous reports"): its public key, made once per copy of the demo; the
# private half goes to ~/.local/share/relais/ (or $$RELAIS_DATA_HOME), locked with this demo passphrase.
DEMO_KEY := intake-public-key.txt
DEMO_PASSPHRASE := lanterne demo passphrase

.PHONY: html test check serve publish deploy lint translations bench bench-intake lighthouse clean

html: $(RUNTIME) $(DEMO_KEY)
	$(PUBLISH) build

test: $(DEV) $(DEMO_KEY) $(LIGHTHOUSE)
	$(BIN)/ruff check .
	RELAIS_LIGHTHOUSE=required $(BIN)/python -m pytest

check: $(RUNTIME)
	$(PUBLISH) check

serve: $(RUNTIME) $(DEMO_KEY)
	$(PUBLISH) serve

# The demo's key pair, when this copy has none yet (never replaces a private key: see `bad-dates keygen --help`).
$(DEMO_KEY): | $(RUNTIME)
	RELAIS_INTAKE_PASSPHRASE="$(DEMO_PASSPHRASE)" $(PUBLISH) bad-dates keygen --public-key $(DEMO_KEY)

publish: $(RUNTIME)
	$(PUBLISH) build --settings publishconf.py --strict

# Build the public site and put it online (DEPLOY in publishconf.py, or
# DEPLOY_FLAGS such as "--folder public"); the scheduled rebuilds in
# contrib/schedule/ run this every day.
deploy: $(RUNTIME)
	$(PUBLISH) deploy $(DEPLOY_FLAGS)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# List the theme's words (templates, and what plugins write into feeds and
# calendars) that no catalog translates yet; add them to the feature's .po.
translations: $(RUNTIME)
	PYTHONPATH=plugins $(BIN)/python -m theme_i18n.catalogs

# Lighthouse (mobile), for tests/browser/test_lighthouse.py: the version pinned
# in tests/browser/lighthouse/package-lock.json, installed with npm (no install
# scripts; it drives Debian's Chromium, no browser is downloaded). Node and npm
# come from apt when the machine has no npm.
$(LIGHTHOUSE): $(LIGHTHOUSE_DIR)/package.json $(LIGHTHOUSE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "Installing Node.js and npm (Debian packages) for Lighthouse"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Only the Lighthouse test (`make test` runs it with the others).
lighthouse: $(DEV) $(LIGHTHOUSE)
	RELAIS_LIGHTHOUSE=required $(BIN)/python -m pytest tests/browser/test_lighthouse.py

# Time Relais against plain Pelican on generated sites of 100, 1,000 and 5,000
# posts (see README, "Performance"); writes bench/results/latest.md. Pass
# options with BENCH, e.g. `make bench BENCH="--sizes 100,1000 --runs 5"`,
# or BENCH=--quick for a smoke test.
bench: $(RUNTIME)
	$(BIN)/python bench/run.py $(BENCH)
	$(BIN)/python bench/intake.py

# The report intake alone: reports per second and p99 response time (bench/results/intake.md).
bench-intake: $(RUNTIME)
	$(BIN)/python bench/intake.py $(BENCH_INTAKE)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Debian packages listed in apt-packages.txt, installed only when missing.
$(SYSTEM): apt-packages.txt | $(VENV)/bin/python
	@missing="$$(for package in $$(grep -v '^#' apt-packages.txt); do \
		dpkg -s $$package >/dev/null 2>&1 || echo $$package; done)"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	touch $@

$(RUNTIME): requirements.txt $(SYSTEM) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV): requirements.txt requirements-dev.txt $(SYSTEM) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(RUNTIME) $@

clean:
	rm -rf output output-public output-drafts .pytest_cache .ruff_cache
