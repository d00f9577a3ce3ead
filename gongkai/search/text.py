"""The text rules of the search index, which static/search.js repeats for the reader's query.

A text is folded character by character (NFKC, lower case, 臺 as 台, invisible format characters dropped), then
cut into segments: runs of letters, digits and marks, so punctuation and spaces separate. Chinese (and other
scripts written without spaces) is indexed as overlapping n-grams of 1 to `GRAM` characters; in English mode the
other runs are words, with the plural folded (`word`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

# The longest n-gram in the index: a query up to this long is looked up exactly, a longer one by its n-grams.
GRAM = 3
# Characters written the same way by readers in two forms; each is searched as the first.
VARIANTS = {"臺": "台"}
# Scripts written without spaces between words: Han (with its marks 々〆〇), kana, Hangul.
CJK = ("\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
       "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f")
CJK_RUN = re.compile(f"[{CJK}]+")
IS_CJK = re.compile(f"[{CJK}]")
# In English mode, a segment is cut into runs of CJK characters and runs of anything else.
RUNS = re.compile(f"[{CJK}]+|[^{CJK}]+")


# A site has a few thousand distinct characters in millions of places: each is folded once.
@functools.cache
def fold_char(char: str) -> str:
    """One character as the index sees it: "" for an invisible format character, " " for any space."""
    out = []
    for c in unicodedata.normalize("NFKC", char).lower():
        if unicodedata.category(c) == "Cf":
            continue
        out.append(" " if c.isspace() else VARIANTS.get(c, c))
    return "".join(out)


def fold(text: str) -> str:
    return "".join(fold_char(c) for c in text)


@functools.cache
def _is_word_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LNM"


def segments(folded: str) -> list[str]:
    """The runs of letters, digits and marks of a folded text."""
    out: list[str] = []
    start = None
    for i, c in enumerate(folded):
        if _is_word_char(c):
            if start is None:
                start = i
        elif start is not None:
            out.append(folded[start:i])
            start = None
    if start is not None:
        out.append(folded[start:])
    return out


class _SegmentTable(dict[int, str]):
    """`str.translate`'s table for `indexed_segments`: each character folded, with whatever separates segments
    as a space. Filled as characters are met, as `fold_char` is cached."""

    def __missing__(self, code: int) -> str:
        value = "".join(c if _is_word_char(c) else " " for c in fold_char(chr(code)))
        self[code] = value
        return value


_SEGMENT_TABLE = _SegmentTable()


def indexed_segments(value: str) -> list[str]:
    """`segments(fold(value))`, in one pass of `str.translate` rather than a step per character: the index
    cuts millions of characters. No letter, digit or mark is a space, so splitting at spaces finds the runs."""
    return value.translate(_SEGMENT_TABLE).split()


def add_grams(run: str, found: set[str]) -> None:
    """Every n-gram of 1 to GRAM characters of a run, into `found` (a set per run would be made only to be
    merged into it)."""
    found.update(run)
    for n in range(2, GRAM + 1):
        found.update(run[i:i + n] for i in range(len(run) - n + 1))


def query_grams(term: str) -> list[str]:
    """The n-grams a term is looked up by: itself when it is short enough, else enough of its longest n-grams to
    cover it (every GRAM characters, and the last GRAM). A page holding the term holds them all in one part: the
    reader's script then checks the text itself."""
    if len(term) <= GRAM:
        return [term]
    grams = [term[i:i + GRAM] for i in range(0, len(term) - GRAM, GRAM)]
    return list(dict.fromkeys([*grams, term[-GRAM:]]))


def word(token: str) -> str:
    """An English word with its plural folded: "services" and "service", "agencies" and "agency" are one."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith(("ches", "shes", "sses", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def words_and_runs(segment: str) -> Iterator[tuple[bool, str]]:
    """English mode: a segment as (is CJK, run) pairs; non-CJK runs are words."""
    for match in RUNS.finditer(segment):
        run = match.group()
        yield bool(IS_CJK.match(run)), run
