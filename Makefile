# Một Cửa — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# Test processes (pytest-xdist); `auto` is one per core. PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto

.PHONY: run test setup format messages clean bench

$(STAMP): pyproject.toml scripts/setup.sh scripts/install-fonts.sh
	PYTHON=$(PYTHON) sh scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/motcua migrate --noinput
	$(BIN)/motcua collectstatic --noinput --verbosity 0
	$(BIN)/motcua seed-demo --if-empty
	PORT=$(PORT) sh scripts/run.sh

test: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports
	$(BIN)/motcua makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Load scenarios with wrk against gunicorn on PostgreSQL (bench/README.md); not part of `make test`.
bench: setup
	sh scripts/install-wrk.sh
	$(BIN)/python bench/run.py

format: setup
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

# Refresh the English catalogue after adding or changing user-facing text, translate the new
# entries in src/motcua/locale/en/LC_MESSAGES/django.po, then run it again to compile the .mo.
messages: setup
	cd src/motcua && ../../$(BIN)/motcua makemessages --locale en --no-obsolete --add-location file \
		--ignore 'simulators/*' --ignore 'demo/*'
	cd src/motcua && ../../$(BIN)/motcua compilemessages --locale en --locale vi

clean:
	rm -rf $(VENV) var
