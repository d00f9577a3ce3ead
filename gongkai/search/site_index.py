"""A language's index before it is written: its pages in order, and each term's postings as a shard holds them.

It is made from every page's share (`SiteIndex.of`) or, when the same pages are in the same order as in the
last build, from the last build's index by redoing only the terms of the pages that changed
(`SiteIndex.patched`): both give the same index, the second at the cost of the changed pages only.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps writes for a string with ensure_ascii=False

from gongkai.search import postings
from gongkai.search.page_index import PageIndex, PageText


def _piece(term: str, numbers: list[int], masks: list[int]) -> bytes:
    """A term's postings as a shard holds them: `"term":"postings"` (`gongkai.search.postings`)."""
    return f'{encode_basestring(term)}:"{postings.encode(numbers, masks)}"'.encode()


def _postings(term: str, piece: bytes) -> tuple[list[int], list[int]]:
    """A term's page numbers and masks back from its piece."""
    return postings.decode(piece[len(encode_basestring(term).encode()) + 2:-1].decode())


@dataclass
class SiteIndex:
    pages: list[PageText]  # in the order of page numbers
    pieces: dict[str, bytes]  # term → its piece of a shard, in UTF-8 (`_piece`)

    @classmethod
    def of(cls, pages: Iterable[PageIndex]) -> SiteIndex:
        """The index of the pages' shares, taken one at a time: each share's terms join the postings as it
        comes, under the page's place among those seen, and are numbered in the pages' order at the end, so
        that only one page's terms are held at once, however large the site."""
        texts: list[PageText] = []
        held: dict[str, tuple[list[int], list[int]]] = {}
        get = held.get
        for seen, page in enumerate(pages):
            texts.append(page.text)
            for term, mask in page.masks.items():
                entry = get(term)
                if entry is None:
                    held[term] = ([seen], [mask])
                else:
                    entry[0].append(seen)
                    entry[1].append(mask)
        order = sorted(range(len(texts)), key=lambda seen: texts[seen].order())
        number = [0] * len(texts)
        for n, seen in enumerate(order):
            number[seen] = n
        pieces = {}
        for term, (seens, masks) in held.items():
            pairs = sorted(zip([number[s] for s in seens], masks))
            pieces[term] = _piece(term, [n for n, _ in pairs], [m for _, m in pairs])
        return cls(pages=[texts[seen] for seen in order], pieces=pieces)

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
            numbers, masks = _postings(term, piece) if piece is not None else ([], [])
            for number, (_, new) in changes.items():
                at = bisect.bisect_left(numbers, number)
                held = at < len(numbers) and numbers[at] == number
                mask = new.masks.get(term)
                if mask is None:
                    if held:
                        del numbers[at], masks[at]
                elif held:
                    masks[at] = mask
                else:
                    numbers.insert(at, number)
                    masks.insert(at, mask)
            if numbers:
                pieces[term] = _piece(term, numbers, masks)
        return SiteIndex(pages=pages, pieces=pieces)
