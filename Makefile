# Two entry points for a fresh machine (see README):
#   make extract   - install into .venv and extract corpus/ into outputs/
#   make test      - install into .venv (with dev extras) and run the tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: extract test install score bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

extract: $(STAMP)
	$(PY) -m pipeline extract corpus --out outputs

score: $(STAMP)
	$(PY) -m pipeline score --gold corpus/gold --pred outputs

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache
