"""A reader's query as the reader's script (static/search.js) looks it up in a written index: the terms whose
postings it fetches, and the pages those postings name. The benchmark bounds a search session by it
(gongkai.devtools.bench_build); the browser tests check that the script fetches the shards it names.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from gongkai.search import postings, text
from gongkai.search.index import fnv1a


@dataclass(frozen=True)
class Query:
    """Each term of a query as the n-grams or word it is looked up by, and the phrase's lookups (pairs of words, or
    the n-grams of the Chinese terms side by side), which only rank the pages."""

    terms: tuple[tuple[str, ...], ...]
    phrase: tuple[str, ...] = ()

    def lookups(self) -> list[str]:
        """Every term whose postings the script fetches, once each."""
        return list(dict.fromkeys([*(gram for grams in self.terms for gram in grams), *self.phrase]))


def parse(query: str, how: str) -> Query:
    """The query as the script parses it in an index of mode `how` (gongkai.search.page_index.mode)."""
    terms: dict[str, tuple[str, ...]] = {}
    pairs: list[str] = []
    previous = None
    for segment in text.segments(text.fold(query)):
        if how == "zh":
            terms.setdefault(segment, tuple(text.query_grams(segment)))
            continue
        for cjk, run in text.words_and_runs(segment):
            if cjk:
                terms.setdefault(run, tuple(text.query_grams(run)))
                previous = None
                continue
            token = text.word(run)
            terms.setdefault(token, (token,))
            if previous is not None and f"{previous} {token}" not in pairs:
                pairs.append(f"{previous} {token}")
            previous = token
    if how == "zh" and len(terms) > 1:
        return Query(tuple(terms.values()), tuple(text.query_grams("".join(terms))))
    return Query(tuple(terms.values()), tuple(pairs))


class WrittenIndex:
    """One language's index as written in its `search/` folder, read as the script reads it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.meta = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        self._shards: dict[Path, dict[str, str]] = {}

    def shard(self, term: str) -> Path:
        return self.folder / "t" / f"{fnv1a(term) % self.meta['shards']}.json"

    def postings(self, term: str) -> dict[int, int]:
        """The pages holding the term, each with the mask of its parts holding it."""
        path = self.shard(term)
        if path not in self._shards:
            self._shards[path] = json.loads(path.read_text(encoding="utf-8"))
        held = self._shards[path].get(term)
        return dict(zip(*postings.decode(held))) if held is not None else {}

    def within_one_part(self, grams: tuple[str, ...]) -> dict[int, int]:
        """The pages holding every one of the n-grams in one part, with the mask of those parts."""
        found = self.postings(grams[0])
        for gram in grams[1:]:
            other = self.postings(gram)
            found = {page: common for page, mask in found.items() if (common := mask & other.get(page, 0))}
        return found

    def matches(self, query: Query) -> dict[int, int]:
        """The pages the script takes for candidates (each term within one part), with the mask of the parts
        holding any of the terms: those the script may fetch to check the page and show its snippet."""
        if not query.terms:
            return {}
        found = [self.within_one_part(grams) for grams in query.terms]
        return {page: functools.reduce(int.__or__, (each[page] for each in found))
                for page in found[0] if all(page in each for each in found)}
