# Two commands for a new user: `make serve` and `make test`. Both set everything up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve test build check install clean

$(BIN)/playbook-kb: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	touch $@

install: $(BIN)/playbook-kb

serve: install  ## build and serve the site at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve

test: install  ## run the whole test suite
	$(BIN)/python -m pytest

check: install  ## check every playbook without building the site
	$(BIN)/playbook-kb check

build: install  ## build the site into site/ and fail on any error finding
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) site
