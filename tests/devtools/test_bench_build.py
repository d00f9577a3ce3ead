"""The build benchmark: its synthetic portals are valid and of the size asked for; it reports every figure."""

from __future__ import annotations

import cProfile
import json
import re
from pathlib import Path

import pytest

from gongkai.devtools import bench_build, synthetic
from gongkai.devtools.profile_summary import time_by_group, top_cumulative
from gongkai.pages.site import Site
from gongkai.search.index import write_index
from gongkai.search.query import WrittenIndex, parse


def nav_pages(nav: list) -> int:
    count = 0
    for entry in nav:
        for value in entry.values():
            count += nav_pages(value) if isinstance(value, list) else 1
    return count


def test_a_synthetic_portal_is_valid_and_about_the_size_asked(tmp_path: Path):
    generated = synthetic.generate_portal(tmp_path, 120)
    site, report = Site.load(generated.plans, "zh-TW")
    # Dated, approved plans and dated results, as a real portal's are: not even a warning.
    assert report.ok and not report.warnings, report.format()
    assert len(site.portal.agencies) == generated.agencies > 1
    plans = list(site.portal.plans())
    assert len(plans) == generated.plans_written
    assert all(plan.results for plan in plans)
    assert all(agency.data["fictional"] for agency in site.portal.agencies.values())
    # Every page of a language is in its site map, besides MkDocs's 404 page; both languages have the same pages.
    pages = 2 * (nav_pages(site.site_tree()) + 1)
    assert pages == generated.expected_pages
    assert abs(pages - 120) <= 0.1 * 120


def test_copies_are_renamed_consistently(tmp_path: Path):
    generated = synthetic.generate_portal(tmp_path, 140, years_per_agency=3)
    folder = generated.plans / "example-district-office-002"
    agency = (folder / "agency.yml").read_text(encoding="utf-8")
    assert "示範市示範區公所（複本002）" in agency and "code: EXAMPLE00002" in agency
    years = sorted(int(p.name) for p in folder.iterdir() if p.is_dir())
    assert years == [114, 115, 116]
    later = (folder / "116" / "plan.yml").read_text(encoding="utf-8")
    assert "示範區公所（複本002）116年" in later and "year: 116" in later
    assert "reported: 2028-01-20" in (folder / "116" / "results.yml").read_text(encoding="utf-8")
    # The same size always gives the same files.
    again = synthetic.generate_portal(tmp_path / "again", 140, years_per_agency=3)
    assert (again.plans / "example-district-office-002" / "116" / "plan.yml").read_text(encoding="utf-8") == later


def test_the_layout_follows_the_size():
    assert synthetic.expected_pages(synthetic.layout(4000)) == pytest.approx(4000, abs=12)
    assert synthetic.layout(synthetic.smallest_size()) == [1]


@pytest.mark.parametrize("argv, words", [
    (["--sizes", "500,abc"], "abc"),
    (["--sizes", "5"], "too small"),
    (["--frobnicate"], "--frobnicate"),
    (["--json", "/no/such/folder/out.json"], "does not exist"),
])
def test_bad_arguments_are_told_in_both_languages(argv, words, capsys):
    assert bench_build.main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and re.search(r"[\u4e00-\u9fff]", err) and "Traceback" not in err


def test_a_tiny_run_reports_every_figure(tmp_path: Path, capsys):
    out = tmp_path / "bench.json"
    assert bench_build.main(["--sizes", str(synthetic.smallest_size()), "--json", str(out),
                             "--keep", str(tmp_path / "kept"), "--serve"]) == 0
    [result] = json.loads(out.read_text(encoding="utf-8"))
    assert set(bench_build.JSON_KEYS) <= set(result)
    assert result["pages"] == result["expected_pages"] == result["plain_pages"] == synthetic.smallest_size()
    assert result["seconds"] > 0 and result["plain_seconds"] > 0 and result["incremental_seconds"] > 0
    assert result["ratio"] == pytest.approx(result["seconds"] / result["plain_seconds"], rel=0.05)
    assert 30 < result["peak_mb"] < 4000
    assert 0 < result["median_plan_bytes"] <= result["max_plan_bytes"]
    site = tmp_path / "kept" / str(synthetic.smallest_size()) / "site"
    index = site / "search" / "index.json"
    assert result["search_session_bytes"] > index.stat().st_size
    assert bench_build.sharded_search_session(site)[0] == index
    assert result["serve_edit_seconds"] > 0
    printed = capsys.readouterr().out
    assert "incremental s" in printed and "serve edit s" in printed


def test_a_search_session_counts_each_file_once_and_only_documents_the_queries_can_show(tmp_path: Path):
    page = ('<!doctype html><html><head></head><body><article><h1>{title}</h1><p>{text}</p></article>'
            '</body></html>')
    pages = {"plans/a/114/": ("甲計畫", "提升服務滿意度。"), "plans/b/114/": ("乙計畫", "訂定標準作業流程。"),
             "about/": ("關於", "天氣晴朗。" * 400)}
    for url, (title, text) in pages.items():
        (tmp_path / url).mkdir(parents=True)
        (tmp_path / url / "index.html").write_text(page.format(title=title, text=text), encoding="utf-8")
    (tmp_path / "assets").mkdir()
    for name in ("search.js", "search.css"):
        (tmp_path / "assets" / name).write_text("/* */", encoding="utf-8")
    write_index(tmp_path, "zh-TW")
    files = bench_build.sharded_search_session(tmp_path)
    assert len(files) == len(set(files))
    urls = {json.loads(p.read_text(encoding="utf-8"))["u"] for p in files if p.parent.parent.name == "d"}
    # The largest documents are the page about the weather, which no query finds.
    assert urls == {"plans/a/114/", "plans/b/114/"}
    index = WrittenIndex(tmp_path / "search")
    shards = {index.shard(term) for query in bench_build.SESSION_QUERIES["zh-TW"] for term in parse(query, "zh").lookups()}
    assert {p for p in files if p.parent.name == "t"} == shards


def test_time_by_part_adds_up_and_counts_built_ins_for_their_caller(tmp_path: Path):
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [synthetic.layout(n) for n in range(30, 3000)])
    profiler.dump_stats(tmp_path / "p.prof")
    from gongkai.devtools.profile_summary import load
    stats = load([tmp_path / "p.prof"])
    parts = time_by_group(stats)
    assert sum(parts.values()) == pytest.approx(stats.total_tt, rel=1e-6)
    assert top_cumulative(stats, 5)
