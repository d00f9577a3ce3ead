"""What one built page gives the search index, whatever the other pages: its terms, each with the mask of the
parts of the page that hold it (bit 0: the title; bit k: the k-th chunk of text), and its chunks of text.

A page's share is computed once, then kept (gongkai.search.cache) until the page changes: putting the
shares of every page together into the index's files (gongkai.search.index) is the cheap part.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.search import text
from gongkai.search.extract import Page

CHUNK_BYTES = 1_200
MAX_CHUNKS = 30  # with the title's bit, a mask stays within a 32-bit integer, for the script's bit operations
KIND_ORDER = {"plan": 0, "results": 1, "agency": 2, "page": 3}


@dataclass(frozen=True)
class PageText:
    """A page as a result shows it: its address, title, kind, agency and year, and its text in chunks."""

    url: str
    title: str
    kind: str
    agency: str
    year: int | None
    chunks: tuple[str, ...]  # each chunk's blocks as the JSON of their [anchor, [text, …]] runs

    def order(self) -> tuple[int, str, int, str]:
        """Where the page is in the index: plans first, by agency, the latest year first."""
        return (KIND_ORDER[self.kind], self.agency, -(self.year or 0), self.url)


@dataclass(frozen=True)
class PageIndex:
    text: PageText
    masks: dict[str, int]  # term → the parts of the page holding it


def mode(lang: str) -> str:
    """How a language's index finds text: `zh`, every text by n-grams, for substrings; `en`, by words, and
    Chinese by n-grams."""
    return "en" if lang == "en" else "zh"


def chunks(blocks: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The blocks in consecutive chunks of about CHUNK_BYTES, at most MAX_CHUNKS of them."""
    size = CHUNK_BYTES
    while True:
        out: list[list[tuple[str, str]]] = []
        filled = size
        for block in blocks:
            length = len(block[1].encode("utf-8"))
            if filled + length > size and (not out or out[-1]):
                out.append([])
                filled = 0
            out[-1].append(block)
            filled += length
        if len(out) <= MAX_CHUNKS:
            return out
        size = math.ceil(size * 1.5)


# Words recur across a portal far more than they are new: each is folded to its singular once.
_word = functools.cache(text.word)


def _english_terms(value: str, found: set[str]) -> None:
    """Words, pairs of adjacent words and n-grams of Chinese runs, into `found`."""
    segments = text.indexed_segments(value)
    if not any(map(text.IS_CJK.search, segments)):  # most texts: words only, taken all at once
        words = list(map(_word, segments))
        found.update(words)
        found.update(map(" ".join, zip(words, words[1:])))
        return
    previous = None
    for segment in segments:
        for cjk, run in text.words_and_runs(segment):
            if cjk:
                text.add_grams(run, found)
                previous = None
            else:
                token = _word(run)
                found.add(token)
                if previous is not None:
                    found.add(previous + " " + token)
                previous = token


def texts_terms(values: Iterable[str], how: str) -> set[str]:
    """The index terms of some texts: n-grams of every segment (zh), or words, pairs of adjacent words within one
    text and n-grams of Chinese runs (en)."""
    found: set[str] = set()
    if how == "en":
        for value in values:
            _english_terms(value, found)
        return found
    segments: set[str] = set()
    for value in values:
        segments.update(text.indexed_segments(value))
    for segment in segments:  # a segment met twice gives the same n-grams
        text.add_grams(segment, found)
    return found


def terms(value: str, how: str) -> set[str]:
    """The index terms of one text."""
    return texts_terms((value,), how)


def _grouped(blocks: list[tuple[str, str]]) -> list[list[object]]:
    """Blocks as [anchor, [text, …]] runs: the anchor once for all the blocks that share it."""
    out: list[list[object]] = []
    for anchor, value in blocks:
        if out and out[-1][0] == anchor:
            texts = out[-1][1]
            assert isinstance(texts, list)
            texts.append(value)
        else:
            out.append([anchor, [value]])
    return out


def dump(value: object) -> str:
    """The index's JSON: compact, and Chinese as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def index_page(page: Page, how: str) -> PageIndex:
    """A page's share of an index in mode `how` (`mode`)."""
    masks = dict.fromkeys(terms(page.title, how), 1)
    get = masks.get
    parts = chunks(page.blocks) or [[]]
    for k, part in enumerate(parts, start=1):
        bit = 1 << k
        for term in texts_terms((value for _, value in part), how):
            masks[term] = get(term, 0) | bit
    return PageIndex(PageText(url=page.url, title=page.title, kind=page.kind, agency=page.agency, year=page.year,
                              chunks=tuple(dump(_grouped(part)) for part in parts)), masks)
