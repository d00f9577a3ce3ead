"""Writing the search index of one language's built pages into its `search/` folder.

- `search/index.json`: what the reader's script needs first: the mode (`zh`: every text by n-grams, for
  substrings; `en`: words, and n-grams for Chinese), the number of shards, the labels of the kinds of page.
- `search/t/<n>.json`: the shards. Each term (an n-gram, a word or a pair of adjacent words) is in the shard its
  hash names, as `"term":"postings"`. The postings are numbers written as characters (`gongkai.search.postings`):
  the number of the term's masks, then those masks (bit 0: the title; bit k: the k-th chunk of text), the most
  frequent first; the number of runs of consecutive page numbers holding the term, then each run as its gap from
  the end of the one before (the first's from -1) and its length less one; then, with more than one mask, the
  place in the masks of each page's mask, in page order.
- `search/d/<page>/<k>.json`: the k-th chunk of a page's text (blocks, as runs of [anchor, [text, …]]), with the
  page's address, title, kind, agency and year, for the result and its snippet.

A query fetches the shards of its terms (a Chinese term longer than an n-gram: of enough of its n-grams to cover
it, `gongkai.search.query`) and one chunk per result shown.

The number of shards grows with the index, so a shard stays about `SHARD_BYTES` however large the portal grows.
"""

from __future__ import annotations

import functools
import hashlib
import math
import shutil
from pathlib import Path
from typing import NamedTuple

from gongkai.data.workers import worker_pool
from gongkai.i18n.catalogue import UI, ui
from gongkai.i18n.dates import year_label
from gongkai.search import text
from gongkai.search.cache import Kept, PageCache
from gongkai.search.indexing import site_index
from gongkai.search.output import digest, same_as_before, update_files, write_files
from gongkai.search.page_index import KIND_ORDER, PageText, dump, mode
from gongkai.search.site_index import SiteIndex

FORMAT = 2
SHARD_BYTES = 1_000


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over the term's code points (static/search.js computes the same)."""
    value = 0x811C9DC5
    for char in term:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def _labels(lang: str) -> dict[str, str]:
    return {kind: ui(f"search_kind_{kind}", lang) for kind in KIND_ORDER}


def interface(lang: str) -> dict[str, object]:
    """The search box's texts, for the theme's template (overrides/partials/search.html) and the script."""
    def t(key: str) -> str:
        return UI[f"search_{key}"][lang]  # unformatted: the script fills in {query} and {count}
    return {"label": t("label"), "placeholder": t("placeholder"), "clear": t("clear"), "results": t("results"),
            "more": t("more"),
            "strings": {key: t(key) for key in ("hint", "busy", "none", "one", "many", "failed", "separator")}}


def _chunk_files(number: int, page: PageText, lang: str) -> dict[str, bytes]:
    head = dump({"u": page.url, "t": page.title, "k": page.kind, "a": page.agency,
                 "y": year_label(page.year, lang) if page.year else ""})
    # A chunk's JSON is the head's with the blocks ("b") as its last member.
    return {f"d/{number}/{k}.json": f'{head[:-1]},"b":{blocks}}}'.encode()
            for k, blocks in enumerate(page.chunks, start=1)}


def index_files(index: SiteIndex, lang: str) -> tuple[dict[str, object], dict[str, bytes]]:
    """index.json's content, and every file (in UTF-8) by its path under search/."""
    files: dict[str, bytes] = {}
    for number, page in enumerate(index.pages):
        files.update(_chunk_files(number, page, lang))
    total = sum(len(piece) + 1 for piece in index.pieces.values())
    count = max(1, math.ceil(total / SHARD_BYTES))
    shards: list[list[bytes]] = [[] for _ in range(count)]
    for term in sorted(index.pieces):  # the same bytes every build, whatever the hash seed
        shards[fnv1a(term) % count].append(index.pieces[term])
    for n, pieces in enumerate(shards):
        files[f"t/{n}.json"] = b"{" + b",".join(pieces) + b"}"
    identity = hashlib.sha256()
    for name in sorted(files):
        identity.update(name.encode())
        identity.update(files[name])
    meta = {"format": FORMAT, "id": identity.hexdigest()[:12], "lang": lang, "mode": mode(lang), "gram": text.GRAM,
            "shards": count, "pages": len(index.pages), "kinds": _labels(lang)}
    files["index.json"] = dump(meta).encode("utf-8")
    return meta, files


def write_index(folder: Path, lang: str, skip: tuple[str, ...] = (), *, cache: Path | None = None,
                before: Path | None = None) -> dict[str, object]:
    """Index the built pages in `folder` (one language; `skip`: other languages' folders within it) into
    `folder/search/`, replacing what was there. With the build's `cache` folder, a page indexed by an earlier
    build is not indexed again, and a file as it was in the same language's folder of the site built before
    (`before`) is linked from there, or left in place when `before` is `folder` itself (the preview's). Returns index.json's content, with the total size in bytes."""
    kept = PageCache(cache, lang) if cache is not None else None
    last = kept.load_index() if kept is not None else None
    index, listing = site_index(folder, lang, skip, cache=kept, last=last)
    meta, files = index_files(index, lang)
    digests = {name: digest(data) for name, data in files.items()} if kept is not None else {}
    same = same_as_before(before / "search", digests, last.digests) if before and last else set()
    target = folder / "search"
    if before is not None and before.resolve() == folder.resolve():
        update_files(target, files, same)
    else:
        if target.exists():
            shutil.rmtree(target)
        write_files(target, files, before / "search" if before else None, same)
    if kept is not None and (last is None or listing != last.listing or digests != last.digests):
        kept.store_index(Kept(listing, index, digests))
        kept.keep_only(set(listing.values()))
    return {**meta, "bytes": sum(map(len, files.values())), "files": len(files)}


class LanguageFolder(NamedTuple):
    """One language's built pages: their folder, the language, the other languages' folders within it, and the
    same language's folder of the site built before."""

    folder: Path
    lang: str
    skip: tuple[str, ...] = ()
    before: Path | None = None


def _write(language: LanguageFolder, cache: Path | None) -> None:
    write_index(language.folder, language.lang, language.skip, cache=cache, before=language.before)


def write_indexes(languages: list[LanguageFolder], *, cache: Path | None = None, jobs: int = 1) -> None:
    """The index of each language's pages (see `write_index`), side by side in up to `jobs` processes: each
    language's index is a whole job of about equal size, and the files it writes are its own."""
    write = functools.partial(_write, cache=cache)
    if jobs <= 1 or len(languages) <= 1:
        for language in languages:
            write(language)
        return
    # Forked workers start with the modules this process has loaded already.
    with worker_pool(min(jobs, len(languages))) as pool:
        pool.map(write, languages, chunksize=1)
        # Done: the workers end by themselves; leaving the `with` otherwise (an interrupt) terminates them.
        pool.close()
        pool.join()
