"""The folder where a build keeps the downloads it made, for the next build with the same code and settings.

The build in parts (gongkai.publish.parallel) and the preview name the folder in CACHE_VARIABLE. A plan's
files are kept in a folder named by the hash of what they are made of, with their sizes and SHA-256 beside
them (FACTS), so that an unchanged plan's files are neither made again nor read to be published, hashed or
listed; the bulk ZIP is kept in a folder named by the hash of what it holds."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from gongkai.data.model import Plan
from gongkai.data.whole_files import write_whole

CACHE_VARIABLE = "GONGKAI_DOWNLOAD_CACHE"
# In each kept folder: the size and SHA-256 of each of its files, by name.
FACTS = "facts.json"


def folder() -> Path | None:
    """The folder to keep downloads in, or None when the build keeps none."""
    value = os.environ.get(CACHE_VARIABLE)
    return Path(value) if value else None


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()


def made_of(plan: Plan) -> str:
    """The hash of what a plan's files are made of."""
    return digest([plan.agency_id, plan.year, plan.data, plan.results.data if plan.results else None])


def write_with(path: Path, writer: Callable[[BinaryIO], object]) -> bool:
    """What `writer` writes into `path`, whole or not at all; False when it cannot be written (a cache that
    cannot be written costs time only)."""
    try:
        write_whole(path, writer)
    except OSError:
        return False
    return True


def write(path: Path, content: bytes) -> bool:
    """`content` into `path`, whole or not at all; False when it cannot be written."""
    return write_with(path, lambda out: out.write(content))


def read_json(path: Path) -> Any:
    """What a kept JSON file holds, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def keep_only(where: Path, names: Iterable[str]) -> None:
    """Remove from `where` the folders this build did not use: the files of plans since changed, older ZIPs."""
    wanted = set(names)
    for path in where.iterdir() if where.is_dir() else []:
        if path.name not in wanted and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
