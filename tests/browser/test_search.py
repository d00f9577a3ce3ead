"""Site search, as a reader uses it: queries typed, pasted or entered by an input method, results read and
followed by keyboard; and every query of the recall list through the search's own code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from support import ROOT

from gongkai.devtools import search_recall
from gongkai.search.index import fnv1a
from gongkai.search.query import WrittenIndex, parse

INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@pytest.fixture(scope="module")
def pages(built_site):
    """Each language's pages, as the recall measure reads them: path → folded text blocks."""
    return {lang: search_recall.site_pages(built_site, prefix)
            for lang, (prefix, _) in search_recall.LANGUAGES.items()}


def expected(base_url: str, pages, lang: str, query: str) -> list[str]:
    prefix = search_recall.LANGUAGES[lang][0]
    return sorted(base_url + prefix + url for url, blocks in pages[lang].items()
                  if search_recall.holds(blocks, query, lang))


def ui_search(page, base_url: str, prefix: str, query: str) -> list[str]:
    """Fill the box (an input event, no key press), and read every result, showing more while there are more."""
    page.goto(base_url + prefix)
    page.fill("#gk-search-input", query)
    page.wait_for_selector(".md-search-result__item")
    while page.locator("[data-gk-search-more]").is_visible():
        count = page.locator(".md-search-result__item").count()
        page.click("[data-gk-search-more]")
        page.wait_for_function(f"() => document.querySelectorAll('.md-search-result__item').length > {count}")
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return [link.split("#")[0] for link in links]


@pytest.mark.parametrize("lang, query", [("zh-TW", "滿意度"), ("zh-TW", "志工"), ("zh-TW", "標準作業流程"),
                                         ("zh-TW", "服務品質"), ("en", "accessibility"), ("en", "single window")])
def test_the_search_box_finds_every_page_that_holds_the_query(page, base_url, pages, lang, query):
    links = ui_search(page, base_url, search_recall.LANGUAGES[lang][0], query)
    want = expected(base_url, pages, lang, query)
    assert want and sorted(links) == want
    # Each language searches its own pages only.
    assert all(("/en/" in link) == (lang == "en") for link in links)


def test_every_query_of_the_recall_list_finds_all_its_pages_and_only_them(built_site, base_url, chromium):
    rows = [row for lang in search_recall.LANGUAGES
            for row in search_recall.run_queries(base_url, chromium, built_site, search_recall.ROOT / "plans", lang)]
    assert len([r for r in rows if r.lang == "zh-TW"]) >= 30 and len([r for r in rows if r.lang == "en"]) >= 10
    assert all(r.in_data for r in rows if r.query != "台南")
    missed = [(r.query, sorted(set(r.expected) - set(r.found))) for r in rows if r.recall < 1]
    assert missed == []
    imprecise = [(r.query, r.found[:5]) for r in rows if r.precision_at_5 < 1]
    assert imprecise == []
    assert all(r.bytes < 150_000 for r in rows), [(r.query, r.bytes) for r in rows]


@pytest.mark.parametrize("lang, query", [("zh-TW", "標準作業流程"), ("zh-TW", "滿意度 調查"),
                                         ("en", "satisfaction surveys"), ("en", "志工 volunteers")])
def test_a_query_fetches_the_shards_the_benchmark_counts_and_no_other(chromium, base_url, built_site, lang, query):
    prefix = search_recall.LANGUAGES[lang][0]
    index = WrittenIndex(built_site / prefix / "search")
    context = chromium.new_context()
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("requestfinished", lambda request: fetched.append(request.url.split("?")[0]))
        page.goto(base_url + prefix)
        page.evaluate("q => window.gongkaiSearch.search(q, 10)", query)
    finally:
        context.close()
    shards = {url.removeprefix(base_url + prefix + "search/") for url in fetched if "/search/t/" in url}
    looked_up = parse(query, index.meta["mode"]).lookups()
    assert shards == {index.shard(term).relative_to(index.folder).as_posix() for term in looked_up}


@pytest.mark.parametrize("words", ["申辦 流程", "滿意度 調查", "教育 訓練"])
def test_the_exact_phrase_ranks_before_pages_with_its_words_apart(page, base_url, pages, words):
    page.goto(base_url)
    found = page.evaluate("q => window.gongkaiSearch.search(q)", words)
    urls = [r["url"] for r in found["results"]]
    first, second = words.split()
    assert set(urls) == set(expected(base_url, pages, "zh-TW", first)) & set(expected(base_url, pages, "zh-TW", second))
    whole = [url in expected(base_url, pages, "zh-TW", words.replace(" ", "")) for url in urls]
    assert True in whole and False in whole, urls
    assert whole == sorted(whole, reverse=True), urls


def test_a_page_with_the_parts_of_a_phrase_apart_is_not_found(page, base_url):
    # Luodong's 112 plan has 標準作業 and 作業流程, never 標準作業流程.
    page.goto(base_url)
    phrase = page.evaluate("q => window.gongkaiSearch.search(q)", "標準作業流程")
    assert phrase["results"] and all("標準作業流程" in r["snippet"] for r in phrase["results"])
    assert not [r for r in phrase["results"] if "luodong" in r["url"]]
    assert phrase["candidates"] > len(phrase["results"])  # it was a candidate by its n-grams, and was checked


@pytest.mark.parametrize("lang, query", [("zh-TW", "滿意度"), ("zh-TW", "志工"), ("zh-TW", "服務品質"),
                                         ("en", "satisfaction"), ("en", "service quality")])
def test_snippets_are_clean_text_cut_between_words(page, base_url, pages, lang, query):
    from gongkai.search.text import fold

    prefix = search_recall.LANGUAGES[lang][0]
    page.goto(base_url + prefix)
    found = page.evaluate("q => window.gongkaiSearch.search(q)", query)
    assert found["results"]
    for result in found["results"]:
        snippet = result["snippet"]
        assert snippet and not INVISIBLE.search(snippet), snippet
        body = fold(snippet.strip("…"))
        # The snippet is a piece of one block of the page's text as the page shows it, not a re-cut copy.
        blocks = [b for b in pages[lang][result["url"].removeprefix(base_url + prefix)] if body in b]
        assert blocks, (snippet, result["url"])
        if lang == "en":
            # …and it starts and ends between words.
            at = blocks[0].index(body)
            before, after = blocks[0][at - 1:at], blocks[0][at + len(body):at + len(body) + 1]
            assert not (before.isalnum() and body[0].isalnum()), snippet
            assert not (after.isalnum() and body[-1].isalnum()), snippet


def test_results_show_title_kind_agency_and_year_without_tag_chips(page, base_url):
    page.goto(base_url)
    page.fill("#gk-search-input", "榮欣志工")
    page.wait_for_selector(".md-search-result__item")
    item = page.locator(".md-search-result__item").first
    assert item.locator("a").inner_text() == "嘉義榮民服務處114年提升政府服務效能執行計畫"
    assert item.locator(".gk-search__meta").inner_text() == "計畫｜嘉義榮民服務處｜114年"
    assert "榮欣志工" in item.locator("mark").all_inner_texts()
    assert page.locator(".gk-search .md-tag").count() == 0
    assert page.inner_text("#gk-search-status") == "找到 1 個網頁"


def test_a_pasted_query_is_searched_without_a_key_press(page, base_url):
    page.goto(base_url + "en/")
    page.evaluate("""() => {
        const input = document.getElementById('gk-search-input');
        input.focus();
        input.value = 'volunteers';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
    }""")
    page.wait_for_selector(".md-search-result__item")
    assert "volunteer" in page.inner_text(".md-search-result__list").lower()


def test_an_input_method_is_searched_when_it_ends_its_composition(page, base_url):
    page.goto(base_url)
    page.evaluate("""() => {
        const input = document.getElementById('gk-search-input');
        input.focus();
        input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
        input.value = 'zhi';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));
    }""")
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result__item").count() == 0
    page.evaluate("""() => {
        const input = document.getElementById('gk-search-input');
        input.value = '志工';
        input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));
        input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '志工'}));
    }""")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() == 3


def test_the_results_are_used_by_keyboard(page, base_url):
    page.goto(base_url)
    # The S access key's marker leads to the search box.
    page.click("#gk-s")
    assert page.evaluate("document.activeElement.id") == "gk-search-input"
    page.keyboard.type("無障礙")
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "gk-search-input"
    # Enter goes to the first result; following it opens the page at the text shown.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.href") == links[0]
    page.keyboard.press("Enter")
    page.wait_for_url(links[0])
    if "#" in links[0]:
        anchor = links[0].split("#", 1)[1]
        assert page.locator(f"[id='{anchor}']").count() == 1


def test_escape_and_tab_close_the_results_so_they_never_cover_the_focus(page, base_url):
    page.goto(base_url)
    page.fill("#gk-search-input", "志工")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "gk-search-input"
    page.keyboard.press("Escape")
    expect(page.locator(".md-search__output")).to_be_hidden()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search__output")).to_be_visible()
    for _ in range(8):
        page.keyboard.press("Tab")
    assert not page.evaluate("document.querySelector('.gk-search').contains(document.activeElement)")
    # The results close on the focus leaving the search, which the browser reports a moment after the key.
    expect(page.locator(".md-search__output")).to_be_hidden()


def test_the_search_box_works_at_phone_width(chromium, base_url):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url)
        page.click("label.md-header__button[for='__search']")
        assert page.evaluate("document.activeElement.id") == "gk-search-input"
        page.keyboard.type("志工")
        page.wait_for_selector(".md-search-result__item")
        assert page.locator("a.md-search-result__link").first.is_visible()
    finally:
        context.close()


def test_axe_finds_no_violations_in_the_open_results(chromium, base_url):
    from gongkai.devtools.axe import RULE_TAGS

    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    for prefix, query, width in (("", "滿意度", 1280), ("en/", "service quality", 1280), ("", "志工", 360)):
        # axe is added as an inline script, which the pages' Content-Security-Policy would refuse.
        context = chromium.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
        try:
            page = context.new_page()
            page.goto(base_url + prefix)
            if width < 600:
                page.click("label.md-header__button[for='__search']")
            page.fill("#gk-search-input", query)
            page.wait_for_selector(".md-search-result__item")
            page.add_script_tag(path=str(axe))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", RULE_TAGS)
            assert [(v["id"], [n["html"] for n in v["nodes"]]) for v in result["violations"]] == []
        finally:
            context.close()


def test_the_script_follows_the_index_text_rules(page, base_url):
    from gongkai.search import text

    page.goto(base_url)
    samples = ["服務\u200b滿意度", "ＳＯＰ（一）與1999專線", "臺南市", "Services, agencies; processes & boxes", "𠀀字",
               "ﬁle Ⅻ ㈠", "Ünïcödé"]
    got = page.evaluate("""samples => samples.map(s => {
        const t = window.gongkaiSearch.text;
        const folded = t.fold(s);
        return {fold: folded, segments: t.segments(folded).map(x => x[2]), hash: t.fnv1a(folded),
                words: t.segments(folded).map(x => t.word(x[2])), grams: t.queryGrams(folded, 3)};
    })""", samples)
    for sample, result in zip(samples, got):
        folded = text.fold(sample)
        assert result["fold"] == folded, sample
        assert result["segments"] == text.segments(folded), sample
        assert result["hash"] == fnv1a(folded), sample
        assert result["words"] == [text.word(s) for s in text.segments(folded)], sample
        assert result["grams"] == text.query_grams(folded), sample
