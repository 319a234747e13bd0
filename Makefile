# Two commands do everything: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test venv lint typecheck unit bench bench-smoke translations clean hub demo-profile

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[hub,dev]'
	@touch $(STAMP)

venv: $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m zz_desktop.ui.i18n_build

run: $(STAMP)
	@bash packaging/run-local.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP)
	$(MAKE) --no-print-directory lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --durations=15
	$(MAKE) --no-print-directory bench-smoke

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run_all $(BUDGETS)

bench-smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run_all --smoke

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
