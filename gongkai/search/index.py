"""Writing the search index of one language's built pages into its `search/` folder.

- `search/index.json`: what the reader's script needs first: the mode (`zh`: every text by n-grams, for
  substrings; `en`: words, and n-grams for Chinese), the number of shards, the labels of the kinds of page.
- `search/t/<n>.json`: the shards. Each term (an n-gram, a word or a pair of adjacent words) is in the shard its
  hash names, with its postings: page numbers (as differences from the one before) each followed by a mask of
  the page's parts holding the term (bit 0: the title; bit k: the k-th chunk of text).
- `search/d/<page>/<k>.json`: the k-th chunk of a page's text (blocks, as runs of [anchor, [text, …]]), with the
  page's address, title, kind, agency and year, for the result and its snippet. A query fetches the shards of its terms and one chunk per result shown.

The number of shards grows with the index, so a shard stays about `SHARD_BYTES` however large the portal grows.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from collections.abc import Iterable
from pathlib import Path

from gongkai.i18n.catalogue import UI, ui
from gongkai.i18n.dates import year_label
from gongkai.search import text
from gongkai.search.extract import Page, site_pages

FORMAT = 1
SHARD_BYTES = 4_000
CHUNK_BYTES = 1_200
MAX_CHUNKS = 30  # with the title's bit, a mask stays within a 32-bit integer, for the script's bit operations
KIND_ORDER = {"plan": 0, "results": 1, "agency": 2, "page": 3}


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over the term's code points (static/search.js computes the same)."""
    value = 0x811C9DC5
    for char in term:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def mode(lang: str) -> str:
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


def terms(value: str, how: str) -> set[str]:
    """The index terms of one text: n-grams of every segment (zh), or words, pairs of adjacent words and n-grams
    of Chinese runs (en)."""
    found: set[str] = set()
    previous = None
    for segment in text.segments(text.fold(value)):
        if how == "zh":
            found |= text.grams(segment)
            continue
        for cjk, run in text.words_and_runs(segment):
            if cjk:
                found |= text.grams(run)
                previous = None
            else:
                token = text.word(run)
                found.add(token)
                if previous is not None:
                    found.add(previous + " " + token)
                previous = token
    return found


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


def _order(page: Page) -> tuple:
    return (KIND_ORDER[page.kind], page.agency, -(page.year or 0), page.url)


def _labels(lang: str) -> dict[str, str]:
    return {kind: ui(f"search_kind_{kind}", lang) for kind in KIND_ORDER}


def interface(lang: str) -> dict[str, object]:
    """The search box's texts, for the theme's template (overrides/partials/search.html) and the script."""
    def t(key: str) -> str:
        return UI[f"search_{key}"][lang]  # unformatted: the script fills in {query} and {count}
    return {"label": t("label"), "placeholder": t("placeholder"), "clear": t("clear"), "results": t("results"),
            "more": t("more"),
            "strings": {key: t(key) for key in ("hint", "busy", "none", "one", "many", "failed", "separator")}}


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def build(pages: Iterable[Page], lang: str) -> tuple[dict[str, object], dict[str, str]]:
    """The index of `pages`: index.json's content, and every other file by its path under search/."""
    how = mode(lang)
    ordered = sorted(pages, key=_order)
    postings: dict[str, list[int]] = {}
    files: dict[str, str] = {}
    for number, page in enumerate(ordered):
        masks: dict[str, int] = {}
        for term in terms(page.title, how):
            masks[term] = 1
        parts = chunks(page.blocks) or [[]]
        head = {"u": page.url, "t": page.title, "k": page.kind, "a": page.agency,
                "y": year_label(page.year, lang) if page.year else ""}
        for k, part in enumerate(parts, start=1):
            bit = 1 << k
            for _, value in part:
                for term in terms(value, how):
                    masks[term] = masks.get(term, 0) | bit
            files[f"d/{number}/{k}.json"] = _dump({**head, "b": _grouped(part)})
        for term, mask in masks.items():
            entry = postings.get(term)
            if entry is None:
                postings[term] = [number, mask]
            else:
                entry.append(number)
                entry.append(mask)
    encoded: dict[str, str] = {}
    total = 0
    for term, entry in sorted(postings.items()):  # the same bytes every build, whatever the hash seed
        last = 0
        for i in range(0, len(entry), 2):
            entry[i], last = entry[i] - last, entry[i]
        encoded[term] = f"{_dump(term)}:{_dump(entry)}"
        total += len(encoded[term].encode("utf-8")) + 1
    count = max(1, math.ceil(total / SHARD_BYTES))
    shards: list[list[str]] = [[] for _ in range(count)]
    for term, piece in encoded.items():
        shards[fnv1a(term) % count].append(piece)
    for n, pieces in enumerate(shards):
        files[f"t/{n}.json"] = "{" + ",".join(pieces) + "}"
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode())
        digest.update(files[name].encode("utf-8"))
    meta = {"format": FORMAT, "id": digest.hexdigest()[:12], "lang": lang, "mode": how, "gram": text.GRAM,
            "shards": count, "pages": len(ordered), "kinds": _labels(lang)}
    return meta, files


def write_index(folder: Path, lang: str, skip: tuple[str, ...] = ()) -> dict[str, object]:
    """Index the built pages in `folder` (one language; `skip`: other languages' folders within it) into
    `folder/search/`, replacing what was there. Returns index.json's content, with the total size in bytes."""
    meta, files = build(site_pages(folder, skip), lang)
    target = folder / "search"
    if target.exists():
        shutil.rmtree(target)
    total = 0
    for name, content in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    index = _dump(meta).encode("utf-8")
    (target / "index.json").write_bytes(index)
    return {**meta, "bytes": total + len(index), "files": len(files) + 1}
