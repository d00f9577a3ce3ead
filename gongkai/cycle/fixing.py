"""`gongkai check --fix`: the mistakes the check can mend by itself, mended in the files.

Each fix changes the characters at its line and column and nothing else: the byte-order mark, line ends,
comments, quotes and layout stay byte for byte. Before a file is written, it is read again to make sure
its data changed only where the fixes say; otherwise the file is left as it was and the warning stays.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from gongkai.cycle.agency_files import ToolError
from gongkai.cycle.yaml_writer import BOM, write_bytes_atomically
from gongkai.data.problems import Bilingual, Edit, Problem
from gongkai.data.yaml_source import yaml_loader


@dataclass
class Fixed:
    """What `fix` did: the problems mended, and the files it left alone, with why."""

    fixed: list[Problem] = field(default_factory=list)
    left: list[tuple[Path, Bilingual]] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """The data without ruamel's types (comments, styles), to compare values only."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for element in path[:-1]:
        data = data[element]
    data[path[-1]] = value


def edited_text(text: str, edits: list[Edit]) -> str | None:
    """`text` with `edits` made, or None when one of them no longer fits the text (it changed since the check)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        if not 1 <= edit.line <= len(lines):
            return None
        source = lines[edit.line - 1]
        start = edit.column - 1
        if source[start:start + edit.length] != edit.original:
            return None
        newline = "\r\n" if source.endswith("\r") else "\n"
        lines[edit.line - 1] = source[:start] + edit.replacement.replace("\n", newline) + source[start + edit.length:]
    return "\n".join(lines)


def _fix_file(path: Path, problems: list[Problem]) -> Bilingual | None:
    """Mend `path`; None when done, else why it was left as it was."""
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    try:
        text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    except UnicodeDecodeError:
        return Bilingual("檔案不是 UTF-8 編碼", "the file is not UTF-8")
    if "\r" in text.replace("\r\n", ""):
        return Bilingual("檔案的換行只用 CR，無法依行號修正", "the file ends lines with CR alone, so lines cannot be counted safely")
    edits = [p.edit for p in problems if p.edit is not None]
    new_text = edited_text(text, edits)
    if new_text is None:
        return Bilingual("檔案在檢查後改過了，請再執行一次", "the file changed since it was checked; run the command again")
    try:
        before, after = yaml_loader().load(text), yaml_loader().load(new_text)
    except (YAMLError, ValueError) as error:
        return Bilingual(f"修正後無法讀取（{error.__class__.__name__}）", f"the fixed file would not read ({error.__class__.__name__})")
    expected = _plain(before)
    for edit in edits:
        if edit.path:
            _set(expected, edit.path, edit.value)
    if _plain(after) != expected:
        return Bilingual("修正會改到其他內容，請手動修改", "the fix would change other values; mend it by hand")
    try:
        write_bytes_atomically(path, (BOM if bom else b"") + new_text.encode("utf-8"))
    except ToolError as error:
        return error.message
    return None


def fix(problems: list[Problem]) -> Fixed:
    """Make the edit of every problem that has one, file by file."""
    by_file: dict[Path, list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.edit is not None:
            by_file[problem.file].append(problem)
    outcome = Fixed()
    for path, mine in sorted(by_file.items()):
        why = _fix_file(path, mine)
        if why is None:
            outcome.fixed.extend(sorted(mine, key=Problem.sort_key))
        else:
            outcome.left.append((path, why))
    return outcome
