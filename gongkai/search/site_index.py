"""A language's index before it is written: its pages in order, and each term's postings as a shard holds them.

It is made from every page's share (`SiteIndex.of`) or, when the same pages are in the same order as in the
last build, from the last build's index by redoing only the terms of the pages that changed
(`SiteIndex.patched`): both give the same index, the second at the cost of the changed pages only.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps writes for a string with ensure_ascii=False

from gongkai.search.page_index import PageIndex, PageText


def _piece(term: str, postings: list[int]) -> str:
    """A term's postings as a shard holds them: `"term":[page, mask, step, mask, …]`, each page number after
    the first as the step from the one before. `postings` (page, mask, page, mask, …) is changed in place."""
    numbers = postings[::2]
    postings[2::2] = [b - a for a, b in zip(numbers, numbers[1:])]
    return f"{encode_basestring(term)}:[{','.join(map(str, postings))}]"


def _postings(term: str, piece: str) -> list[int]:
    """A term's postings back from its piece: (page, mask, page, mask, …)."""
    postings: list[int] = json.loads(piece[len(encode_basestring(term)) + 1:])
    postings[::2] = itertools.accumulate(postings[::2])
    return postings


@dataclass
class SiteIndex:
    pages: list[PageText]  # in the order of page numbers
    pieces: dict[str, str]  # term → its piece of a shard (`_piece`)

    @classmethod
    def of(cls, pages: Iterable[PageIndex]) -> SiteIndex:
        """The index of the pages' shares."""
        ordered = sorted(pages, key=lambda page: page.text.order())
        postings: dict[str, list[int]] = {}
        for number, page in enumerate(ordered):
            get = postings.get
            for term, mask in page.masks.items():
                entry = get(term)
                if entry is None:
                    postings[term] = [number, mask]
                else:
                    entry += (number, mask)
        return cls(pages=[page.text for page in ordered],
                   pieces={term: _piece(term, entry) for term, entry in postings.items()})

    def patched(self, changes: dict[int, tuple[PageIndex, PageIndex]]) -> SiteIndex:
        """This index with the pages of some numbers changed: number → (old share, new share). Each page stays
        where it is: the caller checked that a changed page sorts where the old one did."""
        pages = list(self.pages)
        for number, (_, new) in changes.items():
            pages[number] = new.text
        pieces = dict(self.pieces)
        redone = set().union(*(old.masks.keys() | new.masks.keys() for old, new in changes.values()))
        for term in redone:
            piece = pieces.pop(term, None)
            kept = _postings(term, piece) if piece is not None else []
            entries = {kept[i]: kept[i + 1] for i in range(0, len(kept), 2) if kept[i] not in changes}
            entries.update((number, new.masks[term]) for number, (_, new) in changes.items() if term in new.masks)
            if entries:
                pieces[term] = _piece(term, [value for pair in sorted(entries.items()) for value in pair])
        return SiteIndex(pages=pages, pieces=pieces)
