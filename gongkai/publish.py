"""Replacing a published folder only once its replacement is complete."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A new empty folder beside `target`, on the same file system so the swap is a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))


def swap_in(staged: Path, target: Path) -> None:
    """Put `staged` in place of `target`. Visitors see the old folder or the new one, never a mix."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        target.rename(old / target.name)
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
