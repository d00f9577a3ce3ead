"""Problems found in agency data, reported in Traditional Chinese with English beside it."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def __str__(self) -> str:
        # What reads the same in both languages (a line of code, a date) is said once.
        return self.zh if self.zh == self.en else f"{self.zh} / {self.en}"


ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Edit:
    """A change `check --fix` makes to a file's text: `length` characters from (line, column), both 1-based
    and counted in the text as read (after any byte-order mark), replaced by `replacement`."""

    line: int
    column: int
    length: int
    replacement: str = ""
    # What was there, to make sure the file has not changed since it was read.
    original: str = ""
    # The value the edit changes (its path in the data) and what it becomes; no path when the data stays the same.
    path: tuple[Any, ...] = ()
    value: Any = None
    # What the edit does, said when it is done.
    done: Bilingual | None = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, located as precisely as the file allows.

    An error stops the check and the build; a warning is printed and never fails them. A warning that
    `gongkai check --fix` can mend carries the `edit` that mends it."""

    file: Path
    summary: Bilingual
    line: int | None = None
    column: int | None = None
    field: str = ""
    expected: Bilingual | None = None
    found: str | None = None
    hint: Bilingual | None = None
    severity: str = ERROR
    edit: Edit | None = dataclass_field(default=None, compare=False)

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def format(self, root: Path | None = None) -> str:
        where = display_path(self.file, root)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
            where += f"（第 {self.line} 行第 {self.column or 1} 欄 / line {self.line}, column {self.column or 1}）"
        label = "警告 warning" if self.is_warning else "問題 problem"
        lines = [f"{where}", f"  {label}：{self.summary}"]
        if self.field:
            lines.append(f"  欄位 field：{self.field}")
        if self.expected is not None:
            lines.append(f"  應為 expected：{self.expected}")
        if self.found is not None:
            lines.append(f"  實際 found：{self.found}")
        if self.hint is not None:
            lines.append(f"  建議 hint：{self.hint}")
        if self.edit is not None:
            lines.append("  可自動修正 fixable：gongkai check --fix")
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
    """Problems gathered across all files, so every one is reported, not just the first.

    `problems` are the errors; `warnings` never make the data fail. Whatever is added goes to the list of
    its severity."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        given, self.problems = self.problems, []
        warnings, self.warnings = self.warnings, []
        self.extend([*given, *warnings])

    def add(self, problem: Problem) -> None:
        (self.warnings if problem.is_warning else self.problems).append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def copy(self) -> Report:
        return Report(list(self.problems), list(self.warnings))

    @property
    def ok(self) -> bool:
        """No errors (warnings do not count)."""
        return not self.problems

    def format(self, root: Path | None = None, closing: Bilingual | None = NOT_BUILT) -> str:
        """Every error in file order, then every warning, then a count and `closing` (what the errors mean for
        the caller); no closing line at all when `closing` is None."""
        errors = sorted(self.problems, key=Problem.sort_key)
        warnings = sorted(self.warnings, key=Problem.sort_key)
        body = "\n\n".join(p.format(root) for p in [*errors, *warnings])
        if closing is None:
            return body
        count = len(errors)
        lines = [f"共 {count} 個問題，{closing.zh}。/ {count} problem(s) found; {closing.en}."] if count else []
        if warnings:
            lines.append(warning_count(len(warnings)))
        return "\n\n".join(filter(None, [body, "\n".join(lines)]))

    def format_warnings(self, root: Path | None = None) -> str:
        """The warnings alone, in file order, with their count; empty when there are none."""
        if not self.warnings:
            return ""
        warnings = sorted(self.warnings, key=Problem.sort_key)
        return "\n\n".join([*(p.format(root) for p in warnings), warning_count(len(warnings))])


def warning_count(count: int) -> str:
    return (f"另有 {count} 個警告：不影響檢查與建置，但請確認。/ {count} warning(s): they do not fail the check "
            "or the build, but please look at them.")
