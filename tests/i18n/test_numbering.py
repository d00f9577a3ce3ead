import pytest

from gongkai.i18n.numbering import chinese, level_style, marker


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
