"""Pages' shares of the search index (gongkai.search.page_index), and each language's last index, kept between
builds in the build's cache.

A page's entry is named after a hash of its address and HTML, in a folder of its language within a folder named
after the indexing code (`version`): a changed page, or a change to the code, never meets an old entry. Beside the
entries, `index` holds the language's last index (gongkai.search.site_index) with the key of every page it was
made of. Each file is written whole under a temporary name and then renamed, and starts with a digest of the
rest: one cut short or damaged is not trusted, and what it held is made again.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from lxml import etree

from gongkai.search import extract, page_index, site_index, text
from gongkai.search.page_index import PageIndex, PageText
from gongkai.search.site_index import SiteIndex

# The cache's folder in the build's cache (names starting with "_" are the portal's, not an agency's).
FOLDER = "_search"
_DIGEST = hashlib.sha256().digest_size


@functools.cache
def version() -> str:
    """The indexing code and what it relies on: what a page gives the index depends on nothing else."""
    digest = hashlib.sha256()
    for module in (extract, text, page_index, site_index, sys.modules[__name__]):
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
    """`payload` into `path`, after its digest; under a temporary name until it is all written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".new-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(payload).digest())
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_whole(path: Path) -> Any:
    """The value whose marshalled bytes `_write_whole` wrote into `path`, or None if there is no such file or
    its content does not match its digest."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if data[:_DIGEST] != hashlib.sha256(payload).digest():
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


class PageCache:
    """One language's pages' shares, and its last index, in the build's cache folder `root`."""

    # The last index's name among the pages' entries (whose names are hexadecimal).
    INDEX = "index"

    def __init__(self, root: Path, lang: str) -> None:
        self.folder = root / FOLDER / version() / lang

    @staticmethod
    def key(html: bytes, url: str) -> str:
        return hashlib.sha256(url.encode() + b"\0" + html).hexdigest()

    def load(self, key: str) -> PageIndex | None:
        """The share kept under `key`, or None if there is none whole."""
        value = _read_whole(self.folder / key)
        if value is None:
            return None
        fields, terms, masks = value
        return PageIndex(PageText(*fields), dict(zip(_split(terms), masks)))

    def store(self, key: str, page: PageIndex) -> None:
        _write_whole(self.folder / key, marshal.dumps((_text_fields(page.text), "\0".join(page.masks),
                                                       list(page.masks.values()))))

    def load_index(self) -> tuple[dict[str, str], SiteIndex] | None:
        """The last build's pages (address → key, every page, with an article or not) and index, or None."""
        value = _read_whole(self.folder / self.INDEX)
        if value is None:
            return None
        listing, pages, terms, pieces = value
        return listing, SiteIndex(pages=[PageText(*fields) for fields in pages],
                                  pieces=dict(zip(_split(terms), pieces.split(b"\0"))))

    def store_index(self, listing: dict[str, str], index: SiteIndex) -> None:
        pages = [_text_fields(page) for page in index.pages]
        _write_whole(self.folder / self.INDEX,
                     marshal.dumps((listing, pages, "\0".join(index.pieces), b"\0".join(index.pieces.values()))))

    def keep_only(self, keys: set[str]) -> None:
        """Drop every page's entry but those of `keys` (and what an interrupted build left half written)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in keys and path.name != self.INDEX:
                path.unlink(missing_ok=True)
