"""A term's postings as a shard holds them: one JSON string of small numbers, each written in as few characters
as it needs (the layout is described in gongkai.search.index; static/search.js reads it).

A number is written as in source maps' Base64 VLQ, without the sign: five bits a character, the lowest first, in
the URL-safe Base64 alphabet, where a character of value 32 or more says another one follows. None of those
characters needs escaping in JSON, and a number below 32 takes one character.
"""

from __future__ import annotations

import collections
import itertools
import operator

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_VALUES = {char: value for value, char in enumerate(DIGITS)}


def _number(value: int) -> str:
    out = []
    while value >= 32:
        out.append(DIGITS[32 + (value & 31)])
        value >>= 5
    out.append(DIGITS[value])
    return "".join(out)


# Nearly every number written is small: those are looked up rather than worked out each time.
_SMALL = [_number(value) for value in range(1024)]


def _numbers(values: list[int]) -> str:
    try:
        return "".join(map(_SMALL.__getitem__, values))
    except IndexError:  # a large one among them
        return "".join(_SMALL[value] if value < 1024 else _number(value) for value in values)


def _runs(numbers: list[int]) -> list[int]:
    """The page numbers as runs of consecutive ones: each run's gap from the end of the one before (the first's
    from -1), then its length less one."""
    breaks = [i for i, step in enumerate(map(operator.sub, numbers[1:], numbers), start=1) if step != 1]
    starts = [0, *breaks]
    ends = [*breaks, len(numbers)]
    previous = [-1, *(numbers[end - 1] for end in ends[:-1])]
    return list(itertools.chain.from_iterable(
        (numbers[start] - before - 1, end - start - 1) for start, end, before in zip(starts, ends, previous)))


def encode(numbers: list[int], masks: list[int]) -> str:
    """The postings of a term: its page numbers (ascending) and the mask of each."""
    table = [mask for mask, _ in sorted(collections.Counter(masks).items(), key=lambda item: (-item[1], item[0]))]
    runs = _runs(numbers)
    out = [_number(len(table)), _numbers(table), _number(len(runs) // 2), _numbers(runs)]
    if len(table) > 1:
        place = {mask: n for n, mask in enumerate(table)}
        out.append(_numbers(list(map(place.__getitem__, masks))))
    return "".join(out)


def _read(values: list[int], at: int) -> tuple[int, int]:
    """The number written from `values[at]` on, and where the next one starts."""
    number, shift = 0, 0
    while True:
        try:
            value = values[at]
        except IndexError:
            raise ValueError("postings cut short") from None
        number |= (value & 31) << shift
        at += 1
        if value < 32:
            return number, at
        shift += 5


def decode(postings: str) -> tuple[list[int], list[int]]:
    """The page numbers and masks back from `encode`'s string."""
    values = list(map(_VALUES.__getitem__, postings))
    count, at = _read(values, 0)
    table = []
    for _ in range(count):
        mask, at = _read(values, at)
        table.append(mask)
    runs, at = _read(values, at)
    numbers: list[int] = []
    for _ in range(runs):
        gap, at = _read(values, at)
        length, at = _read(values, at)
        start = (numbers[-1] if numbers else -1) + gap + 1
        numbers.extend(range(start, start + length + 1))
    if len(table) == 1:
        return numbers, table * len(numbers)
    places = values[at:]
    if len(places) != len(numbers) or max(places) >= 32:  # a place of 32 or more takes two characters
        places = []
        while at < len(values):
            place, at = _read(values, at)
            places.append(place)
    return numbers, list(map(table.__getitem__, places))
