"""Problems found in agency data, reported in Traditional Chinese with English beside it."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, located as precisely as the file allows."""

    file: Path
    summary: Bilingual
    line: int | None = None
    column: int | None = None
    field: str = ""
    expected: Bilingual | None = None
    found: str | None = None
    hint: Bilingual | None = None

    def format(self, root: Path | None = None) -> str:
        where = display_path(self.file, root)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
            where += f"（第 {self.line} 行第 {self.column or 1} 欄 / line {self.line}, column {self.column or 1}）"
        lines = [f"{where}", f"  問題 problem：{self.summary}"]
        if self.field:
            lines.append(f"  欄位 field：{self.field}")
        if self.expected is not None:
            lines.append(f"  應為 expected：{self.expected}")
        if self.found is not None:
            lines.append(f"  實際 found：{self.found}")
        if self.hint is not None:
            lines.append(f"  建議 hint：{self.hint}")
        return "\n".join(lines)

    def sort_key(self) -> tuple:
        return (str(self.file), self.line or 0, self.column or 0, self.field)


def field_path(path: Iterable[Any]) -> str:
    """`sections[3].items[0].text`, the way the problem is located in the file."""
    out = ""
    for element in path:
        out += f"[{element}]" if isinstance(element, int) else (f".{element}" if out else str(element))
    return out or "（整個檔案 / whole file）"


OS_ERROR_REASONS = {
    errno.EACCES: Bilingual("沒有寫入這個資料夾的權限", "no permission to write in this folder"),
    errno.EPERM: Bilingual("沒有寫入這個資料夾的權限", "no permission to write in this folder"),
    errno.EROFS: Bilingual("這個資料夾在唯讀的磁碟上", "the folder is on a read-only disk"),
    errno.ENOSPC: Bilingual("磁碟已滿", "the disk is full"),
    errno.EDQUOT: Bilingual("磁碟配額已用完", "the disk quota is used up"),
    errno.EISDIR: Bilingual("同名的是一個資料夾", "a folder has that name"),
    errno.ENOTDIR: Bilingual("路徑中有一個同名的檔案", "a file stands where a folder should be"),
}


def os_error_reason(error: OSError) -> Bilingual:
    """Why a file could not be written, said for a person: a read-only folder, a full disk…"""
    text = error.strerror or str(error)
    return OS_ERROR_REASONS.get(error.errno or 0, Bilingual(text, text))


NOT_BUILT = Bilingual("網站未建置", "the site was not built")
FIX_BEFORE_BUILDING = Bilingual("請修正後再建置", "fix them before building")


def display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


@dataclass
class Report:
    """Problems gathered across all files, so every one is reported, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    def format(self, root: Path | None = None, closing: Bilingual | None = NOT_BUILT) -> str:
        """Every problem in file order, then a count and `closing` (what this means for the caller); no
        closing line at all when `closing` is None."""
        ordered = sorted(self.problems, key=Problem.sort_key)
        body = "\n\n".join(p.format(root) for p in ordered)
        if closing is None:
            return body
        count = len(ordered)
        return f"{body}\n\n共 {count} 個問題，{closing.zh}。/ {count} problem(s) found; {closing.en}."
