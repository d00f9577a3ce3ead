"""Chinese positional numbering (壹、 一、 (一) 1. (1)), generated, never stored."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Numbered(Protocol):
    """An item of an outline: its depth, its position among its parents', and its parents."""

    depth: int
    position: tuple[int, ...]

    def ancestors(self) -> Sequence[Numbered]: ...

DIGITS = "零一二三四五六七八九"
CAPITAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
STEMS = "甲乙丙丁戊己庚辛壬癸"

# Levels of an outline, outermost first: section, item, sub-item, sub-sub-item, action.
LEVEL_STYLES = ("壹、", "一、", "(一)", "1.", "(1)")
ENGLISH_STYLES = {"壹、": "roman", "一、": "arabic", "(一)": "paren-arabic", "1.": "alpha",
                  "(1)": "paren-roman", "甲、": "alpha-upper", "1、": "arabic"}


def chinese(n: int, digits: str = DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五."""
    if n < 1:
        raise ValueError("numbering starts at 1")
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    hundred = "佰" if digits is CAPITAL_DIGITS else "百"
    tail = "" if rest == 0 else ((digits[0] if rest < 10 else "") + _tens_in_hundreds(rest, digits, ten))
    return digits[hundreds] + hundred + tail


def _tens_in_hundreds(rest: int, digits: str, ten: str) -> str:
    # Inside a hundred, 10–19 keep their leading 一: 一百一十.
    if 10 <= rest < 20:
        return digits[1] + ten + (digits[rest % 10] if rest % 10 else "")
    return chinese(rest, digits, ten)


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
    """The visible marker for item `n` in a list of `style`, e.g. ("(一)", 3) → "(三)"."""
    if lang == "en":
        return _english_marker(ENGLISH_STYLES[style], n)
    if style == "壹、":
        return chinese(n, CAPITAL_DIGITS, "拾") + "、"
    if style == "一、":
        return chinese(n) + "、"
    if style == "(一)":
        return f"({chinese(n)})"
    if style == "1.":
        return f"{n}."
    if style == "(1)":
        return f"({n})"
    if style == "甲、":
        return STEMS[(n - 1) % len(STEMS)] + "、"
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
    """A body item's number with its parents', as a reader cites it: 四、(二) or 4.(b)."""
    return "".join(marker(level_style(n.depth), n.position[-1], lang) for n in [*node.ancestors(), node])
