# Gongkai: `make site` builds the portal into site/, `make test` runs every test.
# Every target runs the `gongkai` command line from .venv; `.venv/bin/gongkai --help` lists its commands.
# make itself exits with 2 whenever a command fails; run .venv/bin/gongkai directly for its own exit
# status (1: a check failed, 2: bad arguments).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
GONGKAI := $(VENV)/bin/gongkai
SITE_LANG ?= zh-TW

.PHONY: site check serve test lint a11y translations clean review-copy

# The virtual environment is made on first use and refreshed when requirements.txt or pyproject.toml change;
# the project itself is installed in editable mode, which gives the `gongkai` command.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# axe-core for the accessibility checks, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

check: $(VENV)/.installed
	$(GONGKAI) check

# `make site PREVIEW=1` builds a preview (a pull request's): draft plans shown, marked DRAFT. Never publish it.
site: $(VENV)/.installed
	$(GONGKAI) build $(if $(PREVIEW),--preview)

serve: $(VENV)/.installed
	$(GONGKAI) serve --lang $(SITE_LANG)

# Lists every text without English; `make translations MIN=100` fails below 100% translated.
translations: $(VENV)/.installed
	$(GONGKAI) translations $(if $(MIN),--min $(MIN))

# The linters, then every test, including the browser ones: axe on every page, keyboard, reflow,
# no-JavaScript use.
test: lint node_modules/.installed
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check gongkai hooks tests
	$(VENV)/bin/mypy

# Builds the site and prints a per-page accessibility report; fails on any violation.
a11y: site node_modules/.installed
	$(GONGKAI) a11y site

# A copy of the site that opens from disk (file://), e.g. for a USB stick: review-copy/index.html.
review-copy: site
	$(GONGKAI) review-copy site review-copy

clean:
	rm -rf site .site-new-* .site-old-* .site-parts-* .gongkai-cache review-copy .review-copy-new-* .review-copy-old-*

# The yearly cycle (see README): copy the latest plan to next year, write a results skeleton, compare two years.
.PHONY: new-year results-skeleton diff
new-year: $(VENV)/.installed
	$(if $(AGENCY),,$(error 請指定機關：make new-year AGENCY=<agency-id> / name the agency: make new-year AGENCY=<agency-id>))
	$(GONGKAI) new-year $(AGENCY) $(if $(FROM),--from $(FROM)) $(if $(FORCE),--force)

results-skeleton: $(VENV)/.installed
	$(if $(and $(AGENCY),$(YEAR)),,$(error 請指定機關與年度：make results-skeleton AGENCY=<agency-id> YEAR=<year> / name the agency and year))
	$(GONGKAI) results-skeleton $(AGENCY) $(YEAR)

diff: $(VENV)/.installed
	$(if $(and $(AGENCY),$(FROM),$(TO)),,$(error 請指定機關與兩個年度：make diff AGENCY=<agency-id> FROM=<year> TO=<year> / name the agency and two years))
	$(GONGKAI) diff $(AGENCY) $(FROM) $(TO) $(if $(DIFF_LANG),--lang $(DIFF_LANG))

# Bringing agencies' files in (see README): a Word, OpenDocument or text file as a draft plan, a results
# spreadsheet to fill in, and the filled-in spreadsheet back into results.yml.
.PHONY: import import-bench results-template import-results
import: $(VENV)/.installed
	$(if $(and $(FILE),$(AGENCY)),,$(error 請指定檔案與機關：make import FILE=<file> AGENCY=<agency-id> / name the file and the agency))
	$(GONGKAI) import $(FILE) --agency $(AGENCY) $(if $(YEAR),--year $(YEAR)) $(if $(FORCE),--force)

# How close the importer comes to the hand-made plans of the five seed documents.
import-bench: $(VENV)/.installed
	$(PY) -m gongkai.devtools.import_bench

results-template: $(VENV)/.installed
	$(if $(and $(AGENCY),$(YEAR)),,$(error 請指定機關與年度：make results-template AGENCY=<agency-id> YEAR=<year> / name the agency and year))
	$(GONGKAI) results-template $(AGENCY) $(YEAR) $(if $(OUT),--out $(OUT))

import-results: $(VENV)/.installed
	$(if $(and $(FILE),$(AGENCY),$(YEAR)),,$(error 請指定檔案、機關與年度：make import-results FILE=<file> AGENCY=<agency-id> YEAR=<year> / name the file, agency and year))
	$(GONGKAI) import-results $(FILE) --agency $(AGENCY) --year $(YEAR) $(if $(FORCE),--force)

# How well site search finds what the pages hold: recall and precision@5 of a fixed list of queries drawn from
# the plans, and the bytes of index each query fetches; SEARCH_RECALL_ARGS e.g. "--site site", "--copies 143 --session".
.PHONY: search-recall
search-recall: $(VENV)/.installed
	$(PY) -m gongkai.devtools.search_recall $(SEARCH_RECALL_ARGS)

# Spot-checks published portals: `make spot-check URLS="https://host/ https://other/portal/"`;
# more options in SPOT_CHECK_ARGS, e.g. SPOT_CHECK_ARGS="--date 2026-02-15 --sample 10 --out reports".
.PHONY: spot-check bench-spot-check
spot-check: $(VENV)/.installed
	$(GONGKAI) spot-check $(URLS) $(SPOT_CHECK_ARGS)

# Serves 50 copies of the built site on loopback and spot-checks them all; prints sites per second and peak memory.
bench-spot-check: site
	$(PY) -m gongkai.devtools.bench_spot_check --site site

# Builds synthetic portals of about SIZES HTML pages each (default 500) as `make site` does, and a plain
# MkDocs build of the same pages; prints time, memory, page and search sizes. More: BENCH_ARGS="--json bench.json --profile".
.PHONY: bench-build
bench-build: $(VENV)/.installed
	$(PY) -m gongkai.devtools.bench_build --sizes $(or $(SIZES),500) $(BENCH_ARGS)
