"""Writing an index's files into a site's `search/` folder. A file that is the same as in the site built before
is linked from there rather than written again: the index kept in the cache has a digest of each file it wrote,
and a site's files are only ever replaced, never changed in place, so the old site keeps its own files and the
new one shares those that did not change.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Set
from pathlib import Path

from gongkai.data.whole_files import write_bytes_whole

DIGEST_SIZE = 16


def digest(data: bytes) -> bytes:
    """What tells a file's content from another's."""
    return hashlib.sha256(data).digest()[:DIGEST_SIZE]


def same_as_before(before: Path, digests: dict[str, bytes], last: dict[str, bytes]) -> set[str]:
    """The files (with their `digests`) that are as they were in the folder `before`, written with the digests
    `last`: none unless its index.json is the one written then (its id names all the other files' content)."""
    try:
        index = (before / "index.json").read_bytes()
    except OSError:
        return set()
    if digest(index) != last.get("index.json"):
        return set()
    return {name for name, value in digests.items() if last.get(name) == value}


def write_files(target: Path, files: dict[str, bytes], before: Path | None = None,
                same: Set[str] = frozenset()) -> None:
    """The files, by their path under `target`, into the empty or missing folder `target`; those in `same`
    linked from the folder `before`, where the file system allows it."""
    made: set[Path] = set()
    for name, data in files.items():
        path = target / name
        if path.parent not in made:  # a folder per page: each made once, not asked for before each file
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if before is not None and name in same:
            try:
                os.link(before / name, path)
                continue
            except OSError:  # another file system, one without links, or the file is gone
                pass
        with open(path, "xb") as out:
            out.write(data)


def update_files(target: Path, files: dict[str, bytes], same: Set[str]) -> None:
    """The files into `target`, which holds the index written before (the preview's folder, rebuilt in
    place): those in `same` are left as they are, the others each replaced whole, and the files the index no
    longer has removed."""
    for name, data in files.items():
        if name in same:
            continue
        write_bytes_whole(target / name, data)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif path.relative_to(target).as_posix() not in files:
            path.unlink()
