"""A built page loses its indentation and nothing a reader sees."""

from __future__ import annotations

from gongkai.pages.compact import compact_html


def test_indentation_becomes_the_line_break_alone() -> None:
    html = "<div>\n    <p>one\n      two</p>\n\n\n    <span>a</span>\n</div>"
    assert compact_html(html) == "<div>\n<p>one\ntwo</p>\n<span>a</span>\n</div>"


def test_preformatted_text_scripts_and_styles_keep_their_spaces() -> None:
    kept = ("<pre>\n    code\n  more</pre>", "<PRE class=x>\n  a</PRE>", "<textarea>\n  typed</textarea>",
            "<script>\n  let s = `\n    x`;\n</script>", "<style>\n  a { color: red }\n</style>")
    for block in kept:
        assert compact_html(f"<div>\n  {block}\n  </div>") == f"<div>\n{block}\n</div>"


def test_words_on_two_lines_stay_two_words() -> None:
    assert compact_html("<p>first\n        second</p>") == "<p>first\nsecond</p>"


def test_quotes_in_the_text_are_written_as_quotes() -> None:
    html = "<p>the office&#39;s &#34;plan&#34;</p><title>a &#39;b&#39;</title>"
    assert compact_html(html) == "<p>the office's \"plan\"</p><title>a 'b'</title>"


def test_quotes_inside_tags_scripts_and_styles_stay_as_written() -> None:
    kept = ('<meta name="DC.Title" content="&#34;plan&#34; it&#39;s">', "<a title='&#39;x&#39;' href=\"#a\">",
            "<script>let s = '&#39;';</script>", '<style>a::before { content: "&#34;" }</style>',
            '<p title="a>b &#34;c&#34;">')
    for block in kept:
        assert compact_html(block) == block
