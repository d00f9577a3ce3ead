import pytest

from gongkai.i18n.numbering import CAPITAL_DIGITS, NONE, STYLES, chinese, level_style, marker


@pytest.mark.parametrize("n, expected", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (21, "二十一"), (99, "九十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numerals_follow_common_usage(n, expected):
    assert chinese(n) == expected


@pytest.mark.parametrize("style, n, expected", [
    ("壹、", 1, "壹、"), ("壹、", 4, "肆、"), ("壹、", 10, "拾、"), ("壹、", 12, "拾貳、"),
    ("一、", 6, "六、"), ("(一)", 3, "(三)"), ("1.", 7, "7."), ("(1)", 2, "(2)"), ("甲、", 2, "乙、"), ("1、", 3, "3、"),
])
def test_markers_in_chinese(style, n, expected):
    assert marker(style, n) == expected


@pytest.mark.parametrize("style, n, expected", [("壹、", 4, "IV."), ("一、", 2, "2."), ("(一)", 3, "(3)"),
                                                ("1.", 2, "b."), ("(1)", 3, "(iii)"), ("甲、", 1, "A.")])
def test_markers_in_english(style, n, expected):
    assert marker(style, n, "en") == expected


def test_levels_go_from_sections_to_actions():
    assert [level_style(d) for d in range(6)] == ["壹、", "一、", "(一)", "1.", "(1)", "(1)"]


def test_numbering_starts_at_one():
    with pytest.raises(ValueError):
        chinese(0)


@pytest.mark.parametrize("n, expected, capital", [
    (101, "一百零一", "壹佰零壹"), (999, "九百九十九", "玖佰玖拾玖"), (1000, "一千", "壹仟"), (1001, "一千零一", "壹仟零壹"),
    (1010, "一千零一十", "壹仟零壹拾"), (1100, "一千一百", "壹仟壹佰"), (2019, "二千零一十九", "貳仟零壹拾玖"),
    (10000, "一萬", "壹萬"), (10010, "一萬零一十", "壹萬零壹拾"), (100000, "十萬", "拾萬"), (110000, "十一萬", "拾壹萬"),
    (100000001, "一億零一", "壹億零壹"),
])
def test_chinese_numerals_past_ninety_nine(n, expected, capital):
    assert chinese(n) == expected
    assert chinese(n, CAPITAL_DIGITS) == capital


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
@pytest.mark.parametrize("style", STYLES)
def test_every_style_numbers_lists_of_any_length_without_repeating(style, lang):
    markers = [marker(style, n, lang) for n in range(1, 1001)]
    assert all(markers)
    assert len(set(markers)) == len(markers)


def test_the_stems_go_on_in_chinese_numerals_after_the_tenth():
    assert [marker("甲、", n) for n in (1, 10, 11, 12)] == ["甲、", "癸、", "十一、", "十二、"]


def test_full_width_styles_number_as_the_document_writes_them():
    assert [marker("（一）", 3), marker("（1）", 12)] == ["（三）", "（12）"]


def test_a_level_declared_unnumbered_has_no_marker():
    assert marker(NONE, 4) == "" and marker(NONE, 4, "en") == ""
