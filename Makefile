# `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PIP_QUIET := --quiet --disable-pip-version-check

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: run test lint bench bench-quick eval check clean deploy deploy-stop serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_QUIET) -e . 2>&1 | grep -v "is ignored" || true
	$(BIN)/python -c "import prefect, duckdb, flows.cli"
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_QUIET) -e '.[test]' 2>&1 | grep -v "is ignored" || true
	$(BIN)/python -c "import prefect, duckdb, pytest, requests_mock, flows.cli"
	touch $@ $(STAMP)

run: $(STAMP)  ## run the sync (the offline demo when no Discogs credentials are set)
	$(BIN)/discogs-sync run

check: $(STAMP)  ## try your credentials on one album
	$(BIN)/discogs-sync check

test: $(TEST_STAMP)  ## lint, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/pytest -q

bench: $(TEST_STAMP)  ## benchmark figures, every target (see BENCHMARKS.md; ~40 min)
	$(BIN)/python -m bench

bench-quick: $(TEST_STAMP)  ## the same at small sizes, a few minutes (targets shown, not met at size)
	$(BIN)/python -m bench --quick

eval: $(STAMP)  ## the Spotify matcher on the labeled set, both halves (tests/data/match_set)
	$(BIN)/discogs-sync eval

deploy: $(STAMP)  ## a local Prefect server, the nightly deployment and a worker (README)
	scripts/deploy.sh

deploy-stop:  ## stop the worker and the server that `make deploy` started
	scripts/deploy.sh stop

serve: $(STAMP)  ## serve the nightly deployment in this process (needs PREFECT_API_URL)
	$(BIN)/discogs-sync serve

clean:
	rm -rf $(VENV) data/site data/demo data/*.duckdb
