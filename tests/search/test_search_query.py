"""A query as the reader's script looks it up: the terms it fetches, and the pages the written index names."""

from __future__ import annotations

from pathlib import Path

from gongkai.search.index import write_index
from gongkai.search.query import Query, WrittenIndex, parse

PAGE = """<!doctype html><html><head><meta name="DC.Creator" content="甲公所"></head><body><article><h1>{title}</h1>
{body}</article></body></html>"""


def _site(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    for url, (title, body) in pages.items():
        (folder / url).mkdir(parents=True, exist_ok=True)
        (folder / url / "index.html").write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return folder


def test_chinese_terms_are_looked_up_by_their_grams_and_the_phrase_by_the_grams_of_the_terms_together():
    assert parse("標準作業流程", "zh") == Query((("標準作", "業流程"),))
    query = parse("滿意度 調查", "zh")
    assert query == Query((("滿意度",), ("調查",)), ("滿意度", "度調查"))
    assert query.lookups() == ["滿意度", "調查", "度調查"]


def test_english_words_are_looked_up_folded_and_the_phrase_by_pairs_of_words():
    assert parse("Satisfaction surveys", "en") == Query((("satisfaction",), ("survey",)), ("satisfaction survey",))
    assert parse("志工 volunteers", "en") == Query((("志工",), ("volunteer",)))


def test_a_written_index_names_the_pages_holding_every_term_within_one_part(tmp_path):
    site = _site(tmp_path, {
        "plans/a/114/": ("甲公所計畫", "<p>標準作業流程</p>"),
        "plans/a/113/": ("甲公所計畫", "<p>標準作業</p><p>作業流程</p>"),
        "about/": ("關於", "<p>流程</p>"),
    })
    write_index(site, "zh-TW")
    index = WrittenIndex(site / "search")
    pages = {n: url for n, url in enumerate(["plans/a/114/", "plans/a/113/", "about/"])}
    assert {pages[n] for n in index.postings("流程")} == set(pages.values())
    # 113 holds 標準作 and 業流程, but in two blocks of one chunk: the script takes it, and its text check drops it.
    assert {pages[n]: mask for n, mask in index.matches(parse("標準作業流程", "zh")).items()} == \
        {"plans/a/114/": 2, "plans/a/113/": 2}
    assert index.matches(parse("甲公所 關於", "zh")) == {}
    assert index.postings("不在") == {}
