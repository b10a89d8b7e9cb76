# Two entry points for a fresh machine (see README):
#   make extract   - install into .venv and extract corpus/ into outputs/
#   make test      - install into .venv (with dev extras) and run the tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: extract test install score bench clean browser

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

test: $(STAMP) browser
	$(PY) -m pytest

# The browser test (tests/test_browser.py) drives Debian's Chromium; never a
# browser download.  Installed only when missing, and only as root (CI is).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; \
	  else echo "warning: /usr/bin/chromium missing (apt-get install chromium); the browser test will skip or fail"; fi; \
	fi

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache
