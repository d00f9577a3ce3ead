import markdown
import pytest
from bs4 import BeautifulSoup

from gongkai.i18n import text
from gongkai.i18n.text import block, heading, inline, inline_markdown, mark_chinese_runs, markdown_faults, pick


def test_plain_strings_are_chinese():
    assert pick("計畫", "en").lang == "zh-TW"


def test_translation_is_used_where_given():
    assert str(inline({"zh-TW": "計畫", "en": "Plan"}, "en")) == "Plan"


def test_untranslated_text_on_english_pages_is_marked_as_chinese():
    html = str(inline("計畫", "en"))
    assert 'lang="zh-Hant-TW"' in html and "gk-untranslated" in html and "計畫" in html


def test_chinese_pages_need_no_language_mark():
    assert str(inline("計畫", "zh-TW")) == "計畫"


def test_markdown_is_rendered_and_raw_html_is_escaped():
    html = str(block("**重點** <script>alert(1)</script>", "zh-TW"))
    assert "<strong>重點</strong>" in html
    assert "<script>" not in html


def test_single_paragraph_markdown_fits_in_a_cell():
    assert str(inline_markdown("一段*文字*", "zh-TW")) == "一段<em>文字</em>"


@pytest.mark.parametrize("source, href", [
    ("[網站](https://www.example.gov.tw/)", "https://www.example.gov.tw/"),
    ("[網站](http://www.example.gov.tw/)", "http://www.example.gov.tw/"),
    ("[信](mailto:service@example.gov.tw)", "mailto:service@example.gov.tw"),
    ("[電話](tel:+886-2-0000-0000)", "tel:+886-2-0000-0000"),
    ("[附件](annex-1.pdf)", "annex-1.pdf"),
    ("[上層](../#sec-body)", "../#sec-body"),
])
def test_links_to_the_web_mail_phones_and_the_site_are_kept(source, href):
    assert f'<a href="{href}">' in str(block(source, "zh-TW"))


@pytest.mark.parametrize("source", [
    "[按此](javascript:alert(1))",
    "[按此](JavaScript:alert(1))",
    "[按此]( javascript:alert(1))",
    "[按此](vbscript:msgbox(1))",
    "[資料](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[參考][r]\n\n[r]: javascript:alert(1)",
    "[檔案](file:///etc/passwd)",
])
def test_links_that_run_script_or_carry_a_document_lose_their_address(source):
    html = str(block(source, "zh-TW"))
    assert "href" not in html and "<a>" in html
    assert [f.kind for f in markdown_faults(source)] == ["link"]


@pytest.mark.parametrize("source", [
    "![追蹤](https://tracker.example/pixel.png)",
    "![追蹤](//tracker.example/pixel.png)",
    "![追蹤](/\\tracker.example/pixel.png)",
    "![追蹤](data:image/png;base64,iVBORw0KGgo=)",
])
def test_images_from_other_sites_lose_their_address(source):
    html = str(block(source, "zh-TW"))
    assert "<img" in html and "src" not in html
    assert [f.kind for f in markdown_faults(source)] == ["image"]


def test_images_of_the_site_itself_are_kept():
    assert '<img alt="櫃檯" src="counter-photo.png">' in str(block("![櫃檯](counter-photo.png)", "zh-TW"))
    assert markdown_faults("![櫃檯](counter-photo.png) [網站](https://www.example.gov.tw/)") == []


@pytest.mark.parametrize("source", [
    "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>', "<script>alert(1)</script>",
    "<style>*{display:none}</style>", "<iframe src=https://tracker.example/></iframe>", "*強調*{: onclick=alert(1) }",
])
def test_raw_html_and_attribute_lists_in_markdown_stay_text(source):
    html = str(block(source, "zh-TW"))
    assert not any(tag in html for tag in ("<img", "<a", "<script", "<style", "<iframe", 'onclick="'))


def test_table_columns_are_aligned_without_a_style_attribute():
    # The Content-Security-Policy allows no inline style.
    html = str(block("| 項目 | 數量 |\n|:--|--:|\n| 窗口 | 3 |", "zh-TW"))
    assert '<td align="right">3</td>' in html and "style" not in html


@pytest.mark.parametrize("text", [
    "標題 { onfocus=alert(1) autofocus tabindex=1",
    "標題 {: onclick=alert(1) }",
    "x</title><script>alert(1)</script>",
    "[按此](javascript:alert(1)) *不是強調* _也不是_ `code` #1.",
    "第一行\n\n{: onclick=alert(1) }第二行",
    "示範\"機關 & <b>'s",
])
def test_a_heading_shows_its_text_as_typed_and_nothing_else(text):
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])
    h2 = BeautifulSoup(md.convert(f"## 壹、{heading(text, 'zh-TW')} {{#sec-1}}"), "html.parser").find_all()
    assert [(e.name, e.attrs) for e in h2] == [("h2", {"id": "sec-1"})]
    assert h2[0].get_text() == "壹、" + " ".join(text.split("\n"))
    en = BeautifulSoup(md.reset().convert(f"## {heading(text, 'en')} {{#sec-2}}"), "html.parser").find_all()
    assert [(e.name, e.attrs) for e in en] == [("h2", {"id": "sec-2"}),
                                                ("span", {"lang": "zh-Hant-TW", "class": ["gk-untranslated"]})]


def test_chinese_inside_english_text_is_marked_as_chinese_once():
    marked = mark_chinese_runs('Letter 府計研字第1080015936號 <a href="#x">（見附件）</a> '
                               '<span lang="zh-Hant-TW">已<b>標示</b></span> <img alt="圖"> 2025 (ROC 114)')
    assert marked == ('Letter <span lang="zh-Hant-TW">府計研字第1080015936號</span> <a href="#x">'
                      '<span lang="zh-Hant-TW">（見附件）</span></a> <span lang="zh-Hant-TW">已<b>標示</b></span> '
                      '<img alt="圖"> 2025 (ROC 114)')
    # An English translation that quotes a document number is marked where it is shown.
    assert str(inline({"zh-TW": "依示區秘字第1號辦理", "en": "Under letter 示區秘字第1號"}, "en")) == \
        'Under letter <span lang="zh-Hant-TW">示區秘字第1號</span>'


def _converted_in_full(source: str) -> str:
    return text._CLEANER.clean(text._converted(source))


def _taken_as_plain(sources):
    return [source for source in sources if text._PLAIN_LINE.fullmatch(source)]


def test_a_line_of_any_characters_but_markup_is_the_paragraph_markdown_makes_of_it():
    # Every code point a line of words may hold, a few hundred at a time: at its start, inside it and at its end.
    points = [chr(n) for n in range(0x80, 0x110000) if not 0xD800 <= n <= 0xDFFF]
    kept = [c for c in points if text._PLAIN_LINE.fullmatch("a" + c + "b")]
    runs = ["".join(kept[i:i + 500]) for i in range(0, len(kept), 500)]
    sources = _taken_as_plain([s for run in runs for s in (run, f"a {run}", f"{run} b", f"a{run}b")])
    assert len(sources) == 4 * len(runs) > 100
    assert [text.render_markdown(s) for s in sources] == [_converted_in_full(s) for s in sources]


def test_a_line_with_ascii_punctuation_is_the_paragraph_markdown_makes_of_it():
    ascii_ = [chr(n) for n in range(0x20, 0x7F)]
    pairs = [a + b for a in ascii_ for b in ascii_]
    sources = _taken_as_plain([s for pair in pairs for s in (pair + "a", pair + " a", "a" + pair, "a " + pair + " b")])
    assert len(sources) > 10000
    assert [text.render_markdown(s) for s in sources] == [_converted_in_full(s) for s in sources]

