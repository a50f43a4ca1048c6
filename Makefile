# `make demo` and `make test` are the contract: both work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench lexicon clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/newsprism analyze examples/ --db out/newsprism.db --export out/analysis.json --report out/report.html

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: setup lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python benchmarks/pipeline_bench.py
	$(BIN)/python benchmarks/repair_bench.py

# Rebuild the repair stage's German case lexicon from ../shared/data (committed; reproducible).
lexicon: setup
	$(BIN)/python scripts/build_case_lexicon.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
