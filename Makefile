# Gongkai: `make site` builds the portal into site/, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SITE_LANG ?= zh-TW

.PHONY: site check serve test a11y translations clean review-copy

# The virtual environment is made on first use and refreshed when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# axe-core for the accessibility checks, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

check: $(VENV)/.installed
	$(PY) -m gongkai check

site: $(VENV)/.installed
	$(PY) scripts/build

serve: $(VENV)/.installed
	$(PY) -m gongkai check
	GONGKAI_LANG=$(SITE_LANG) GONGKAI_CONTENT=content/$(SITE_LANG) NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve

# Lists every text without English; `make translations MIN=100` fails below 100% translated.
translations: $(VENV)/.installed
	$(PY) scripts/translations $(if $(MIN),--min $(MIN))

# Every test, including the browser ones: axe on every page, keyboard, reflow, no-JavaScript use.
test: $(VENV)/.installed node_modules/.installed
	$(PY) -m pytest

# Builds the site and prints a per-page accessibility report; fails on any violation.
a11y: site node_modules/.installed
	$(PY) scripts/a11y site

# A copy of the site that opens from disk (file://), e.g. for a USB stick: review-copy/index.html.
review-copy: site
	$(PY) scripts/review-copy site review-copy

clean:
	rm -rf site .site-new-* .site-old-* review-copy .review-copy-new-* .review-copy-old-*
