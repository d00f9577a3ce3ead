"""Chinese positional numbering (壹、 一、 (一) 1. (1)), generated, never stored."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Numbered(Protocol):
    """An item of an outline: its depth, its position among its parents', and its parents."""

    depth: int
    position: tuple[int, ...]
    style: str

    def ancestors(self) -> Sequence[Numbered]: ...

DIGITS = "零一二三四五六七八九"
CAPITAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"

# Levels of an outline, outermost first: section, item, sub-item, sub-sub-item, action.
LEVEL_STYLES = ("壹、", "一、", "(一)", "1.", "(1)")
ENGLISH_STYLES = {"壹、": "roman", "一、": "arabic", "(一)": "paren-arabic", "（一）": "paren-arabic", "1.": "alpha",
                  "(1)": "paren-roman", "（1）": "paren-roman", "甲、": "alpha-upper", "1、": "arabic"}
# Every style a plan may declare, and `none` for a level the document leaves unnumbered.
STYLES = ("壹、", "一、", "(一)", "（一）", "1.", "1、", "(1)", "（1）", "甲、")
NONE = "none"


# Units of a group of four digits, and the names of the groups (萬 = 10⁴, 億 = 10⁸, …), as Taiwan writes them.
UNITS = ("", "十", "百", "千")
CAPITAL_UNITS = ("", "拾", "佰", "仟")
GROUPS = ("", "萬", "億", "兆", "京", "垓", "秭", "穰", "溝", "澗", "正", "載")


def chinese(n: int, digits: str = DIGITS) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 1010 → 一千零一十, 10000 → 一萬, for any n ≥ 1 up to 10⁴⁸ − 1;
    with CAPITAL_DIGITS, the capital forms: 12 → 拾貳, 1000 → 壹仟."""
    if n < 1:
        raise ValueError("numbering starts at 1")
    units = CAPITAL_UNITS if digits is CAPITAL_DIGITS else UNITS
    groups = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    if len(groups) > len(GROUPS):
        raise ValueError("number too large for Chinese numerals")
    out = ""
    zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero = bool(out)
            continue
        # A zero is read wherever digits are skipped between two that are not: 一萬零五, 一千零一十.
        if out and (zero or group < 1000):
            out += digits[0]
        out += _group(group, digits, units) + GROUPS[index]
        zero = False
    # Only a number that starts with ten drops its 一: 十二, 十萬; inside one it stays: 一百一十.
    return out[1:] if out.startswith(digits[1] + units[1]) else out


def _group(group: int, digits: str, units: tuple[str, ...]) -> str:
    """Up to four digits with their units, zeros read once between digits: 1010 → 一千零一十."""
    out = ""
    zero = False
    for position in range(3, -1, -1):
        digit = group // 10 ** position % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
        out += digits[digit] + units[position]
        zero = False
    return out


def roman(n: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _alpha(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def marker(style: str, n: int, lang: str = "zh-TW") -> str:
    """The visible marker for item `n` in a list of `style`, e.g. ("(一)", 3) → "(三)"; none for `none`."""
    if style == NONE:
        return ""
    if lang == "en":
        return _english_marker(ENGLISH_STYLES[style], n)
    if style == "壹、":
        return chinese(n, CAPITAL_DIGITS) + "、"
    if style == "一、":
        return chinese(n) + "、"
    if style == "(一)":
        return f"({chinese(n)})"
    if style == "（一）":
        return f"（{chinese(n)}）"
    if style == "（1）":
        return f"（{n}）"
    if style == "1.":
        return f"{n}."
    if style == "(1)":
        return f"({n})"
    if style == "甲、":
        # The ten stems have no eleventh: `gongkai check` refuses longer lists in this style, and past
        # 癸 the numbering goes on in Chinese numerals (十一、), so no two items ever share a marker.
        return (STEMS[n - 1] if n <= len(STEMS) else chinese(n)) + "、"
    if style == "1、":
        return f"{n}、"
    raise ValueError(f"unknown list style {style!r}")


def _english_marker(kind: str, n: int) -> str:
    return {
        "roman": f"{roman(n)}.",
        "arabic": f"{n}.",
        "paren-arabic": f"({n})",
        "alpha": f"{_alpha(n)}.",
        "paren-roman": f"({roman(n).lower()})",
        "alpha-upper": f"{_alpha(n).upper()}.",
    }[kind]


def level_style(depth: int) -> str:
    """Style for outline depth: 0 is a section (壹、), 1 an item (一、), 2 (一), 3 1., 4 and deeper (1)."""
    return LEVEL_STYLES[min(depth, len(LEVEL_STYLES) - 1)]


def full_marker(node: Numbered, lang: str = "zh-TW") -> str:
    """A body item's number with its parents', as a reader cites it: 四、(二) or 4.(b); a sentence the
    document leaves unnumbered adds nothing."""
    return "".join(marker(n.style or level_style(n.depth), n.position[-1], lang)
                   for n in [*node.ancestors(), node] if n.position[-1])
