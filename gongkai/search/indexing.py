"""Indexing one language's built pages: each page that changed since the last build is read and indexed, the
others' shares are taken from the cache, and when the pages are the same ones in the same order, the last
build's index is changed only where the changed pages' terms are.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gongkai.search.cache import Kept, PageCache
from gongkai.search.extract import page_files, read_page
from gongkai.search.page_index import PageIndex, index_page, mode
from gongkai.search.site_index import SiteIndex

# A page of the built site: its file, its address, and its key in the cache ("" without a cache).
Listed = tuple[Path, str, str]


def _index_file(listed: Listed, how: str, cache: PageCache | None) -> PageIndex | None:
    path, url, key = listed
    page = read_page(path.read_bytes(), url)
    if page is None:
        return None  # nothing to search, and nothing to keep: such a page is read again next time
    share = index_page(page, how)
    if cache is not None:
        cache.store(key, share)
    return share


def _shares(pages: list[Listed], how: str, cache: PageCache | None) -> dict[str, PageIndex | None]:
    """Each page's share by its address: kept in the cache, or made (and kept)."""
    found: dict[str, PageIndex | None] = {}
    todo = []
    for listed in pages:
        share = cache.load(listed[2]) if cache is not None else None
        if share is None:
            todo.append(listed)
        else:
            found[listed[1]] = share
    found.update((listed[1], _index_file(listed, how, cache)) for listed in todo)
    return found


def _each_share(pages: list[Listed], how: str, cache: PageCache | None) -> Iterator[PageIndex | None]:
    """Each page's share in turn, kept in the cache or made (and kept): one held at a time."""
    for listed in pages:
        share = cache.load(listed[2]) if cache is not None else None
        yield share if share is not None else _index_file(listed, how, cache)


def _patched(last: Kept, pages: list[Listed], how: str, cache: PageCache) -> SiteIndex | None:
    """The last index with the changed pages redone, or None when the pages are not the same ones in the same
    order (or a changed page's old share is no longer kept)."""
    listing, index = last.listing, last.index
    if len(listing) != len(pages) or any(url not in listing for _, url, _ in pages):
        return None
    changed = [listed for listed in pages if listing[listed[1]] != listed[2]]
    if not changed:
        return index
    numbers = {page.url: number for number, page in enumerate(index.pages)}
    new = _shares(changed, how, cache)
    changes: dict[int, tuple[PageIndex, PageIndex]] = {}
    for _, url, _ in changed:
        old = cache.load(listing[url]) if url in numbers else None
        share = new[url]
        if old is None or share is None or share.text.order() != old.text.order():
            return None
        changes[numbers[url]] = (old, share)
    return index.patched(changes)


def site_index(folder: Path, lang: str, skip: tuple[str, ...] = (), *, cache: PageCache | None = None,
               last: Kept | None = None) -> tuple[SiteIndex, dict[str, str]]:
    """The index of one language's built site in `folder` (`skip`: other languages' folders within it), and the
    key of each page in the `cache` by its address. With the cache, only the pages changed since the `last`
    index kept there are indexed."""
    how = mode(lang)
    pages = [(path, url, cache.key(path.read_bytes(), url) if cache is not None else "")
             for path, url in page_files(folder, skip)]
    index = _patched(last, pages, how, cache) if last is not None and cache is not None else None
    if index is None:
        index = SiteIndex.of(share for share in _each_share(pages, how, cache) if share is not None)
    return index, {url: key for _, url, key in pages}
