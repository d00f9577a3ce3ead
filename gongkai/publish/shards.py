"""Splitting the build by agency: which files of the site each part writes.

A part is a set of agencies, and whether it also makes the portal-wide files (home, status, site map,
agency index, transparency.json, the ZIP, sitemap.xml, 404, the theme's assets). Each part runs the
whole MkDocs build, so every page's links and the menu come out exactly as in an unsharded build,
but MkDocs reads and writes only the files the part owns (see hooks/gongkai_mkdocs.py). The merge
(gongkai.publish.merge) puts the parts' folders together and indexes the site for search.

Who owns a file is told by its path alone: `plans/<agency>/…` (and `en/plans/<agency>/…`) is that
agency's; everything else is portal-wide."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.data.problems import Bilingual
from gongkai.i18n.languages import LANGUAGES

PART_VARIABLE = "GONGKAI_PART"
# Written at the root of a part's folder; the merge reads it, and does not copy it into the site.
PART_FILE = ".gongkai-part.json"
PART_FORMAT = 1
# The other languages' folders inside the site: `en/plans/x/…` is x's too.
_PREFIXES = tuple(language.prefix for language in LANGUAGES if language.prefix)


class ShardError(Exception):
    """A bad shard argument or set of parts, told in both languages."""

    def __init__(self, message: Bilingual) -> None:
        super().__init__(str(message))
        self.message = message


def owner(path: str) -> str | None:
    """The agency a file of one language's site belongs to (its path from that language's root), or None
    for a portal-wide file."""
    parts = path.split("/")
    if len(parts) >= 3 and parts[0] == "plans" and parts[1]:
        return parts[1]
    return None


def site_owner(path: str) -> str | None:
    """`owner` for a path from the root of the whole site, where other languages are in their folders."""
    for prefix in _PREFIXES:
        if path.startswith(prefix):
            return owner(path[len(prefix):])
    return owner(path)


@dataclass(frozen=True)
class Part:
    """The agencies whose files one process writes, and whether it writes the portal-wide files."""

    agencies: frozenset[str]
    shared: bool

    def owns(self, path: str) -> bool:
        """Whether this part writes the file at `path` (from one language's root)."""
        agency = owner(path)
        return self.shared if agency is None else agency in self.agencies

    def owns_in_site(self, path: str) -> bool:
        """`owns` for a path from the root of the whole site."""
        agency = site_owner(path)
        return self.shared if agency is None else agency in self.agencies

    def to_env(self) -> str:
        return json.dumps({"agencies": sorted(self.agencies), "shared": self.shared})

    @classmethod
    def from_env(cls) -> Part | None:
        """The part the MkDocs build in this process makes; None for the whole site."""
        value = os.environ.get(PART_VARIABLE)
        if not value:
            return None
        data = json.loads(value)
        return cls(agencies=frozenset(data["agencies"]), shared=bool(data["shared"]))


def parse_shard(value: str) -> tuple[int, int]:
    """`K/N` as (K, N), 1 ≤ K ≤ N."""
    k, _, n = value.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise ShardError(Bilingual(f"--shard 應寫成 K/N，1 ≤ K ≤ N，例如 1/4；「{value}」不是",
                                   f"--shard takes K/N with 1 ≤ K ≤ N, e.g. 1/4; \"{value}\" is not"))
    return int(k), int(n)


def split(weights: Iterable[tuple[str, int]], count: int) -> list[list[str]]:
    """The agencies, in their order, cut into `count` runs of about equal weight (pages). The same data
    always gives the same runs, so shards on different machines agree without talking to each other."""
    items = list(weights)
    total = sum(weight for _, weight in items)
    runs: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for agency, weight in items:
        # The run an agency goes to is where the middle of its weight falls.
        index = min(count - 1, (2 * done + weight) * count // (2 * total)) if total else 0
        runs[index].append(agency)
        done += weight
    return runs


def shard_part(weights: Iterable[tuple[str, int]], k: int, n: int) -> Part:
    """Shard K of N: the K-th run of agencies; the first shard also makes the portal-wide files."""
    return Part(agencies=frozenset(split(weights, n)[k - 1]), shared=k == 1)
