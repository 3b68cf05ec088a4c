# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP := $(BIN)/survey-app
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-sqlite test-postgres install browser system-libs lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

run: install system-libs
	$(APP) db upgrade
	$(APP) demo
	$(APP) run --host $(HOST) --port $(PORT)

test: install browser system-libs test-sqlite test-postgres

# PDF reports: WeasyPrint needs Pango, and from version 70 HarfBuzz's subsetting library (without
# it, it warns, and the suite treats warnings as errors). As root, install what is missing.
system-libs:
	@missing=""; for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do \
	  dpkg -s $$lib >/dev/null 2>&1 || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "PDF reports need:$$missing (sudo apt-get install$$missing)"; \
	  fi; fi

# The browser tests drive Debian's Chromium (never a browser download). As root, install it when
# missing; otherwise say how, and the browser tests fail naming what is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is missing: run 'sudo apt-get install chromium' for the browser tests"; \
	  fi; }

test-sqlite: install browser system-libs
	$(BIN)/python -m pytest -q -n 2

test-postgres: install browser system-libs
	TEST_DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest -q -n 2

lint: install
	$(BIN)/ruff check .

# Each benchmark exits 1 when it misses its target; the leading '-' lets the others still run.
bench: install
	-$(BIN)/python benchmarks/page_weight.py
	-$(BIN)/python benchmarks/submit_throughput.py
	-$(BIN)/python benchmarks/report_scale.py
	-$(BIN)/python benchmarks/comment_speed.py

clean:
	rm -rf $(VENV) instance .pytest_cache
