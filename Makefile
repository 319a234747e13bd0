# Two commands do everything: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: run test venv lint typecheck unit bench bench-smoke translations clean hub demo-profile \
	syslibs-run syslibs-test lock audit package package-smoke

# Installs exactly the locked set (hashes checked), then the project itself without resolving.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

venv: $(STAMP)

# Regenerate the lock after changing dependencies in pyproject.toml (see CONTRIBUTING.md).
lock:
	@command -v uv >/dev/null || { echo "uv missing: pip install uv"; exit 1; }
	uv pip compile pyproject.toml --extra hub --extra dev --extra package --generate-hashes \
		--python-version 3.11 --universal --quiet -o $(LOCK)

audit: $(STAMP)
	$(BIN)/python packaging/audit.py

syslibs-run: $(STAMP)
	@$(BIN)/python packaging/check_system_libs.py run

syslibs-test: $(STAMP)
	@$(BIN)/python packaging/check_system_libs.py test

translations: $(STAMP)
	$(BIN)/python -m zz_desktop.ui.i18n_build

run: $(STAMP) syslibs-run
	@bash packaging/run-local.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) syslibs-test
	$(MAKE) --no-print-directory lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --durations=15
	$(MAKE) --no-print-directory bench-smoke

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run_all $(BUDGETS)

bench-smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run_all --smoke

# One-folder frozen build (dist/zz-desktop/) plus a .deb (see packaging/README.md).
package: $(STAMP)
	bash packaging/build-linux.sh

package-smoke:
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/package_smoke.py dist/zz-desktop/zz-desktop

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
