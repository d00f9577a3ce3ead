"""Writing YAML files the way people keep them: comments, key order, quotes and layout unchanged."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SCHEMA_MARK = "# yaml-language-server: $schema="


def round_trip() -> YAML:
    """A loader and dumper that writes back every file under plans/ exactly as it was read."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line of Chinese
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def schema_line(kind: str, depth: int) -> str:
    """The editor's schema line for a file `depth` folders below the repository (plan.yml: 3)."""
    return f"{SCHEMA_MARK}{'../' * depth}gongkai/schema/{kind}.schema.json"


def with_schema_line(text: str, line: str) -> str:
    """`text` starting with `line`, replacing a schema line that is there already."""
    first, _, rest = text.partition("\n")
    if first.startswith(SCHEMA_MARK):
        return f"{line}\n{rest}"
    return f"{line}\n{text}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing, so an interrupted run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private; give it the mode a file written by an editor would have.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
