"""Pages' shares of the search index (gongkai.search.page_index), and each language's last index, kept between
builds in the build's cache.

A page's entry (in `pages/`) is named after a hash of its address and HTML, in a folder of its language within a
folder named after the indexing code (`version`): a changed page, or a change to the code, never meets an old
entry. Beside them, `index` holds the language's last index (gongkai.search.site_index), the key of every page
it was made of and a digest of every file it wrote (gongkai.search.output). Each is written whole under a
temporary name and then renamed, and starts with a digest of the rest: one cut short or damaged is not trusted,
and what it held is made again.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from gongkai.data.whole_files import write_bytes_whole
from gongkai.search import extract, output, page_index, postings, site_index, text
from gongkai.search.output import DIGEST_SIZE
from gongkai.search.page_index import PageIndex, PageText
from gongkai.search.site_index import SiteIndex

# The cache's folder in the build's cache (names starting with "_" are the portal's, not an agency's).
FOLDER = "_search"
_DIGEST = hashlib.sha256().digest_size


@functools.cache
def version() -> str:
    """The indexing code and what it relies on: what a page gives the index depends on nothing else."""
    digest = hashlib.sha256()
    for module in (extract, text, page_index, postings, site_index, output, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(repr((sys.version_info[:2], etree.LXML_VERSION, etree.LIBXML_VERSION,
                        unicodedata.unidata_version)).encode())
    return digest.hexdigest()[:16]


def _text_fields(page: PageText) -> tuple[str, str, str, str, int | None, tuple[str, ...]]:
    return (page.url, page.title, page.kind, page.agency, page.year, page.chunks)


# Many short texts are kept as one, joined by a character none of them holds (a term is made of letters, digits,
# marks and spaces; a piece of a shard is JSON): marshal reads and writes a few long texts several times faster
# than thousands of short ones.
def _split(joined: str) -> list[str]:
    return joined.split("\0") if joined else []


def _write_whole(path: Path, payload: bytes) -> None:
    """`payload` into `path`, after its digest, whole or not at all."""
    write_bytes_whole(path, hashlib.sha256(payload).digest() + payload)


def _read_whole(path: Path, *, compressed: bool = False) -> Any:
    """The value whose marshalled bytes (`compressed` with zlib) `_write_whole` wrote into `path`, or None if
    there is no such file or its content does not match its digest."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if data[:_DIGEST] != hashlib.sha256(payload).digest():
        return None
    try:
        return marshal.loads(zlib.decompress(payload) if compressed else payload)
    except (zlib.error, EOFError, ValueError, TypeError):
        return None


@dataclass(frozen=True)
class Kept:
    """What a build keeps of one language's index: the key of every page by its address (with an article or not),
    the index, and a digest of each file written (by its path under search/)."""

    listing: dict[str, str]
    index: SiteIndex
    digests: dict[str, bytes]


class PageCache:
    """One language's pages' shares, and its last index, in the build's cache folder `root`."""

    def __init__(self, root: Path, lang: str) -> None:
        folder = root / FOLDER / version() / lang
        self.pages = folder / "pages"
        self.index_file = folder / "index"

    @staticmethod
    def key(html: bytes, url: str) -> str:
        return hashlib.sha256(url.encode() + b"\0" + html).hexdigest()

    def load(self, key: str) -> PageIndex | None:
        """The share kept under `key`, or None if there is none whole."""
        value = _read_whole(self.pages / key, compressed=True)
        if value is None:
            return None
        fields, terms, masks = value
        return PageIndex(PageText(*fields), dict(zip(_split(terms), masks)))

    def store(self, key: str, page: PageIndex) -> None:
        # Compressed, a portal's entries take a third of the room, for a hundredth of the time of a cold build.
        # The index is read and written at every build: it is left as it is.
        value = (_text_fields(page.text), "\0".join(page.masks), list(page.masks.values()))
        _write_whole(self.pages / key, zlib.compress(marshal.dumps(value), 1))

    def load_index(self) -> Kept | None:
        """What the last build kept of the index, or None."""
        value = _read_whole(self.index_file)
        if value is None:
            return None
        listing, pages, terms, pieces, names, digests = value
        return Kept(listing, SiteIndex(pages=[PageText(*fields) for fields in pages],
                                       pieces=dict(zip(_split(terms), pieces.split(b"\0")))),
                    {name: digests[i * DIGEST_SIZE:(i + 1) * DIGEST_SIZE] for i, name in enumerate(_split(names))})

    def store_index(self, kept: Kept) -> None:
        pages = [_text_fields(page) for page in kept.index.pages]
        pieces = kept.index.pieces
        _write_whole(self.index_file, marshal.dumps((kept.listing, pages, "\0".join(pieces), b"\0".join(pieces.values()),
                                                 "\0".join(kept.digests), b"".join(kept.digests.values()))))

    def keep_only(self, keys: set[str]) -> None:
        """Drop every page's entry but those of `keys` (and what an interrupted build left half written)."""
        if not self.pages.is_dir():
            return
        for path in self.pages.iterdir():
            if path.name not in keys:
                path.unlink(missing_ok=True)
