"""Writing YAML files the way people keep them: comments, key order, quotes and layout unchanged."""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from gongkai.cycle.agency_files import ToolError
from gongkai.data.problems import Bilingual, os_error_reason
from gongkai.data.schemas import SCHEMA_MARK as SCHEMA_MARK
from gongkai.data.schemas import schema_line as schema_line


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


BOM = b"\xef\xbb\xbf"
LONE_LINE_FEED = re.compile(r"(?<!\r)\n")


@dataclass(frozen=True)
class Style:
    """How a file is kept on disk: with a byte-order mark or not, and its line ends."""

    bom: bool = False
    newline: str = "\n"


def style_of(path: Path) -> Style:
    """The style of the file at `path` (its usual line end: CRLF when most lines end so); plain UTF-8 with LF
    when there is no such file."""
    try:
        raw = path.read_bytes()
    except OSError:
        return Style()
    crlf = raw.count(b"\r\n")
    return Style(bom=raw.startswith(BOM), newline="\r\n" if crlf and crlf * 2 >= raw.count(b"\n") else "\n")


def _not_written(path: Path, reason: Bilingual, details: str = "") -> ToolError:
    return ToolError(Bilingual(f"無法寫入 {path.name}，未做任何修改", f"{path.name} could not be written; nothing was changed"),
                     f"原因 reason：{reason}\n檔案 file：{path}" + (f"\n{details}" if details else ""))


def _missing_folders(folder: Path) -> list[Path]:
    """The folders above and including `folder` that do not exist yet, outermost first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing[::-1]


def write_atomically(path: Path, text: str, like: Path | None = None) -> None:
    """Write the whole file or nothing, so an interrupted run never leaves half a file, nor a new folder.

    The file keeps its byte-order mark and line ends (CRLF or LF); a new file takes those of `like`.
    A symbolic link or a folder at `path` is not replaced: a ToolError says so, as it says why the
    file could not be written (a read-only folder, a full disk)."""
    if path.is_symlink():
        raise _not_written(path, Bilingual("它是符號連結；工具不經由連結寫入", "it is a symbolic link, and the tools do not write through links"),
                           "建議 hint：把連結換成檔案本身 / replace the link with the file itself")
    if path.exists() and not path.is_file():
        raise _not_written(path, Bilingual("同名的不是一般檔案（例如是資料夾）", "something other than a file (a folder, say) has that name"))
    style = style_of(path) if path.exists() else style_of(like) if like is not None else Style()
    write_bytes_atomically(path, (BOM if style.bom else b"") + LONE_LINE_FEED.sub(style.newline, text).encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write exactly `data` as the whole file or nothing (see write_atomically)."""
    if path.is_symlink():
        raise _not_written(path, Bilingual("它是符號連結；工具不經由連結寫入", "it is a symbolic link, and the tools do not write through links"),
                           "建議 hint：把連結換成檔案本身 / replace the link with the file itself")
    created = _missing_folders(path.parent)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        # mkstemp makes the file private; give it the mode a file written by an editor would have.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with open(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        # A year folder made for this file alone would fail the check empty: it goes too.
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(error, OSError):
            raise _not_written(path, os_error_reason(error)) from error
        raise
