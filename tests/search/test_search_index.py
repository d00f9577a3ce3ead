"""The index of built pages: what is read from a page, and the files written for the reader's script."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from gongkai.search.extract import read_page
from gongkai.search.index import fnv1a, index_files, write_index
from gongkai.search.page_index import MAX_CHUNKS, chunks, index_page, terms
from gongkai.search.postings import decode
from gongkai.search.site_index import SiteIndex

PAGE = """<!doctype html><html lang="zh-Hant-TW"><head><meta name="DC.Creator" content="示範區公所"></head><body>
<a class="gk-accesskey" id="gk-u" href="#gk-u">:::</a>
<article class="md-content__inner"><a class="gk-accesskey" id="gk-c" href="#gk-c">:::</a>
<h1 id="114">示範區公所114年<span>提升服務品質</span>執行計畫</h1>
<h2 id="sec-goals">貳、計畫目標</h2>
<p>提升區民對本所服務之<strong>滿意度</strong>。</p>
<table><tr><th id="a1-1">(一)推動志工</th><td>榮欣</td><td>志工\u200b服務</td></tr></table>
<svg><text>圖表文字</text></svg>
</article></body></html>"""


def _page(url: str = "plans/example-district-office/114/"):
    return read_page(PAGE.encode("utf-8"), url)


def test_a_page_is_read_as_title_kind_and_blocks_with_their_anchors():
    page = _page()
    assert page.title == "示範區公所114年提升服務品質執行計畫"
    assert (page.kind, page.agency, page.year) == ("plan", "示範區公所", 114)
    assert page.blocks == [("sec-goals", "貳、計畫目標"), ("sec-goals", "提升區民對本所服務之滿意度。"),
                           ("a1-1", "(一)推動志工"), ("a1-1", "榮欣"), ("a1-1", "志工服務")]


def test_the_kind_of_page_follows_its_address():
    assert _page("plans/example-district-office/114/results/").kind == "results"
    assert _page("plans/example-district-office/").year is None
    about = _page("about/")
    assert (about.kind, about.agency) == ("page", "")


def test_chinese_is_indexed_by_ngrams_english_by_words_and_pairs():
    assert {"滿意度", "意度", "度"} <= terms("服務滿意度", "zh")
    assert "service quality" in terms("Service qualities", "en") and "quality" in terms("qualities", "en")
    assert "滿意" in terms("The 滿意度 survey", "en") and "the survey" not in terms("The 滿意度 survey", "en")


def test_chunks_stay_few_however_long_the_page():
    blocks = [("", "字" * 500)] * 400
    parts = chunks(blocks)
    assert len(parts) <= MAX_CHUNKS and sum(len(p) for p in parts) == 400


def test_postings_name_each_page_and_the_parts_holding_the_term():
    meta, files = index_files(SiteIndex.of([index_page(_page(), "zh")]), "zh-TW")
    shard = json.loads(files[f"t/{fnv1a('志工') % meta['shards']}.json"])
    assert decode(shard["志工"]) == ([0], [1 << 1])
    title = json.loads(files[f"t/{fnv1a('品質') % meta['shards']}.json"])
    assert decode(title["品質"]) == ([0], [1])
    chunk = json.loads(files["d/0/1.json"])
    assert chunk["u"] == "plans/example-district-office/114/" and chunk["y"] == "114年" and chunk["k"] == "plan"
    assert chunk["b"][0] == ["sec-goals", ["貳、計畫目標", "提升區民對本所服務之滿意度。"]]


def test_write_index_replaces_the_folder_and_leaves_other_languages_out(tmp_path):
    (tmp_path / "plans" / "x").mkdir(parents=True)
    (tmp_path / "plans" / "x" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "en" / "about").mkdir(parents=True)
    (tmp_path / "en" / "about" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    meta = write_index(tmp_path, "zh-TW", skip=("en/",))
    assert meta["pages"] == 1 and not (tmp_path / "search" / "search_index.json").exists()
    index = json.loads((tmp_path / "search" / "index.json").read_text(encoding="utf-8"))
    assert index["mode"] == "zh" and index["shards"] == meta["shards"]
    assert all((tmp_path / "search" / "t" / f"{n}.json").exists() for n in range(index["shards"]))


def test_the_index_is_the_same_whatever_the_hash_seed(tmp_path):
    # Sets of terms iterate in a different order in each Python process: the files must not follow it.
    (tmp_path / "plans" / "x").mkdir(parents=True)
    (tmp_path / "plans" / "x" / "index.html").write_text(PAGE, encoding="utf-8")
    write = "import sys; from pathlib import Path; from gongkai.search.index import write_index; write_index(Path(sys.argv[1]), 'zh-TW')"
    shards = []
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", write, str(tmp_path)], env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        shards.append({p.name: p.read_bytes() for p in (tmp_path / "search" / "t").iterdir()})
    assert shards[0] == shards[1]
