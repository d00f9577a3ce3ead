"""What reading and checking each data file found, kept beside the plans folder between runs.

Reading and checking a file costs far more than reading back what was found, and between two checks
or builds nearly every file is as it was. An entry is found by everything its outcome follows from:
the file's bytes, its place in the plans folder, and the code, schemas and libraries that read and
checked it. Whatever else the check looks at (the files a plan names, the other files of the
portal) is looked at again every time, by the caller.

The cache only ever saves time: an entry that cannot be read, or a folder that cannot be written,
means the file is read and checked again, as without a cache."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from gongkai.data.whole_files import write_bytes_whole

FOLDER = Path(".gongkai-cache") / "load"
SUFFIX = ".pickle"
PACKAGE = Path(__file__).resolve().parent.parent
# The code an outcome follows from: the reading and checks, the schemas, and the language helpers the
# checks call (numbering styles, Markdown).
SOURCES = ("data/*.py", "schema/*.json", "i18n/*.py")
LIBRARIES = ("PyYAML", "ruamel.yaml", "jsonschema", "jsonschema-rs", "referencing", "Markdown", "nh3")


def cache_folder(plans_dir: Path) -> Path:
    """Where the outcomes of the files of `plans_dir` are kept: beside it, so that each portal has its own
    (`make clean` removes .gongkai-cache/), and by its name, so that two data folders side by side do not
    remove each other's entries."""
    return plans_dir.parent / FOLDER / plans_dir.name


@functools.cache
def code_fingerprint() -> bytes | None:
    """A digest of the code, schemas and library versions that read and check the data; None when the
    sources cannot be read, and the cache is then not used."""
    digest = hashlib.sha256(f"{sys.version}\0libyaml={yaml.__with_libyaml__}\0".encode())
    try:
        for pattern in SOURCES:
            for path in sorted(PACKAGE.glob(pattern)):
                digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        for name in LIBRARIES:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
    except (OSError, metadata.PackageNotFoundError):
        return None
    return digest.digest()


class LoadCache:
    """The entries in `folder`; with no folder (a build with --no-cache) nothing is kept or found."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        fingerprint = code_fingerprint() if folder is not None else None
        self._fingerprint = fingerprint
        self._writable = fingerprint is not None
        self._used: set[str] = set()

    def key(self, where: tuple[str, ...], content: bytes) -> str | None:
        """The key of an outcome that follows from `content` and `where` (the file's kind and place)."""
        if self._fingerprint is None:
            return None
        digest = hashlib.sha256(self._fingerprint)
        for part in where:
            digest.update(f"\0{part}".encode())
        digest.update(b"\0")
        digest.update(content)
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        """Whether an entry is kept under `key` (which `get` may still find damaged)."""
        return self.folder is not None and (self.folder / f"{key}{SUFFIX}").is_file()

    def get(self, key: str | None) -> Any | None:
        """The outcome kept under `key`, or None."""
        if key is None or self.folder is None:
            return None
        self._used.add(key)
        try:
            stored = (self.folder / f"{key}{SUFFIX}").read_bytes()
        except OSError:
            return None
        try:
            kept_key, outcome = pickle.loads(stored)
        # A damaged entry can fail in any way unpickling can; it is then read and checked again.
        except Exception:
            return None
        return outcome if kept_key == key else None

    def put(self, key: str | None, outcome: Any) -> None:
        """Keep `outcome` under `key`, written whole or not at all."""
        if key is None or self.folder is None or not self._writable:
            return
        self._used.add(key)
        try:
            stored = pickle.dumps((key, outcome), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        try:
            write_bytes_whole(self.folder / f"{key}{SUFFIX}", stored)
        except OSError:
            self._writable = False

    def prune(self) -> None:
        """Remove the entries that neither `get` nor `put` asked for: the outcomes of files since changed
        or removed."""
        if self.folder is None or not self._writable:
            return
        try:
            names = [entry.name for entry in os.scandir(self.folder)]
        except OSError:
            return
        for name in names:
            if name.endswith(SUFFIX) and name.removesuffix(SUFFIX) not in self._used:
                _remove(self.folder / name)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
