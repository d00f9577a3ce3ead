from gongkai.i18n.text import block, inline, inline_markdown, pick


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
