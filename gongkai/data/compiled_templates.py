"""Templates compiled once, not in every build and every process: Jinja's own bytecode cache, in its own
folder in the user's temporary folder. Jinja checks each template's source against what it compiled, so a
changed template is compiled again."""

from __future__ import annotations

import functools

from jinja2 import BytecodeCache, FileSystemBytecodeCache


@functools.cache
def bytecode_cache() -> BytecodeCache | None:
    """The cache, or None where the temporary folder cannot hold one (the templates are then compiled)."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None
