"""Writing a file whole or not at all, for the caches: a reader (another build, a web server given a linked
file) sees the old file or the new one, never part of one, and an interrupted write leaves nothing behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_whole(path: Path, writer: Callable[[BinaryIO], object]) -> None:
    """What `writer` writes, into `path`: under a name of its own beside it until all is written, then renamed.
    The file has the usual modes (0666 less the umask), as one written directly would. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
    try:
        with open(partial, "xb") as out:
            writer(out)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_bytes_whole(path: Path, data: bytes) -> None:
    """`data` into `path`, whole or not at all (see `write_whole`)."""
    write_whole(path, lambda out: out.write(data))
