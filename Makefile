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

# The yearly cycle (see README): copy the latest plan to next year, write a results skeleton, compare two years.
.PHONY: new-year results-skeleton diff
new-year: $(VENV)/.installed
	$(if $(AGENCY),,$(error 請指定機關：make new-year AGENCY=<agency-id> / name the agency: make new-year AGENCY=<agency-id>))
	$(PY) scripts/new-year $(AGENCY) $(if $(FROM),--from $(FROM)) $(if $(FORCE),--force)

results-skeleton: $(VENV)/.installed
	$(if $(and $(AGENCY),$(YEAR)),,$(error 請指定機關與年度：make results-skeleton AGENCY=<agency-id> YEAR=<year> / name the agency and year))
	$(PY) scripts/results-skeleton $(AGENCY) $(YEAR)

diff: $(VENV)/.installed
	$(if $(and $(AGENCY),$(FROM),$(TO)),,$(error 請指定機關與兩個年度：make diff AGENCY=<agency-id> FROM=<year> TO=<year> / name the agency and two years))
	$(PY) scripts/diff $(AGENCY) $(FROM) $(TO) $(if $(DIFF_LANG),--lang $(DIFF_LANG))

# Spot-checks published portals: `make spot-check URLS="https://host/ https://other/portal/"`;
# more options in SPOT_CHECK_ARGS, e.g. SPOT_CHECK_ARGS="--date 2026-02-15 --sample 10 --out reports".
.PHONY: spot-check bench-spot-check
spot-check: $(VENV)/.installed
	$(PY) scripts/spot-check $(URLS) $(SPOT_CHECK_ARGS)

# Serves 50 copies of the built site on loopback and spot-checks them all; prints sites per second and peak memory.
bench-spot-check: site
	$(PY) scripts/bench-spot-check --site site

# Builds synthetic portals of about SIZES HTML pages each (default 500) as `make site` does, and a plain
# MkDocs build of the same pages; prints time, memory, page and search sizes. More: BENCH_ARGS="--json bench.json --profile".
.PHONY: bench-build
bench-build: $(VENV)/.installed
	scripts/bench-build --sizes $(or $(SIZES),500) $(BENCH_ARGS)
