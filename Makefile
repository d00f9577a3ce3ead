# Gongkai: `make site` builds the portal into site/, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SITE_LANG ?= zh-TW

.PHONY: site check serve test clean

# The virtual environment is made on first use and refreshed when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

check: $(VENV)/.installed
	$(PY) -m gongkai check

site: $(VENV)/.installed
	$(PY) scripts/build

serve: $(VENV)/.installed
	$(PY) -m gongkai check
	GONGKAI_LANG=$(SITE_LANG) GONGKAI_CONTENT=content/$(SITE_LANG) NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve

test: $(VENV)/.installed
	$(PY) -m pytest

clean:
	rm -rf site .site-new-* .site-old-*
