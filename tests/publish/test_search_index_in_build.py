"""The build keeps the search index's cache beside the agencies' files: after one plan is edited, only the
pages whose HTML changed are indexed again, the files that did not change are taken from the site built
before, and the index is the one a cold index of the site writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ROOT

from gongkai.devtools import synthetic
from gongkai.i18n.languages import LANGUAGES
from gongkai.publish.build import write_indexes
from gongkai.search import indexing
from gongkai.search.cache import FOLDER, version


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("index.html")
            if "search" not in p.relative_to(site).parts}


def _indexes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "search" in p.relative_to(site).parts}


def test_after_one_plan_is_edited_only_the_changed_pages_are_indexed_and_the_index_is_a_cold_ones(
        tmp_path, monkeypatch):
    from gongkai.cli import main
    from gongkai.data import project

    plans = synthetic.generate_portal(tmp_path / "data", synthetic.smallest_size() * 2).plans
    site = tmp_path / "site"
    monkeypatch.setattr(project, "_last", None)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-02-15")
    monkeypatch.chdir(ROOT)
    assert main(["build", "--plans", str(plans), "--out", str(site), "--jobs", "1"]) == 0
    kept = plans.parent / ".gongkai-cache" / "build" / FOLDER
    assert [p.name for p in kept.iterdir()] == [version()]  # beside the agencies', kept by the build's pruning
    assert {p.name for p in (kept / version()).iterdir()} == {language.code for language in LANGUAGES}
    before = _pages(site)
    files = {p: p.stat().st_ino for p in site.rglob("search/d/*/*.json")}

    synthetic.edit_one_plan(plans)
    read = []
    real = indexing.read_page
    monkeypatch.setattr(indexing, "read_page", lambda html, url: read.append(url) or real(html, url))
    assert main(["build", "--plans", str(plans), "--out", str(site), "--jobs", "1"]) == 0
    changed = [name for name, html in _pages(site).items() if before.get(name) != html]
    assert changed and len(read) == len(changed)
    # The chunks of the pages that did not change are the very files of the site built before.
    assert sum(path.stat().st_ino == inode for path, inode in files.items()) > len(files) / 2

    cold = tmp_path / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns("search"))
    write_indexes(cold)
    assert _indexes(cold) == _indexes(site)
