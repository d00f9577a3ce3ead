"""Reading YAML files so that every value can be traced back to its line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from gongkai.data.problems import Bilingual, Problem

PathElement = str | int


@dataclass
class Document:
    """A parsed YAML file that still knows where each of its values stands."""

    path: Path
    data: Any

    def position(self, path: list[PathElement], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `path`, or of its key when `key` is true."""
        node = self.data
        line, column = 0, 0
        for depth, element in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, CommentedMap) and element in node:
                line, column = node.lc.key(element) if (key and last) else node.lc.value(element)
                node = node[element]
            elif isinstance(node, CommentedSeq) and isinstance(element, int) and element < len(node):
                line, column = node.lc.item(element)
                node = node[element]
            else:
                break
        return line + 1, column + 1


class _DatesAsTextConstructor(RoundTripConstructor):
    """Keeps dates as written: an impossible date must reach validation as text, not crash the parser.

    A subclass with its own table, because `add_constructor` on ruamel's class would change every
    round-trip loader in the process."""

    yaml_constructors = {
        **RoundTripConstructor.yaml_constructors,
        "tag:yaml.org,2002:timestamp": lambda constructor, node: str(constructor.construct_scalar(node)),
    }


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsTextConstructor
    return yaml


def _decode(path: Path, raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        return None, Problem(
            file=path,
            line=line,
            column=column,
            summary=Bilingual("檔案不是 UTF-8 編碼", "the file is not encoded as UTF-8"),
            expected=Bilingual("UTF-8 編碼的文字檔", "a text file in UTF-8"),
            found=f"位元組 byte 0x{raw[error.start]:02X}",
            hint=Bilingual(
                "請用編輯器「另存為 UTF-8」（不要用 Big5）", "save the file as UTF-8 in your editor (not Big5)"
            ),
        )


def _syntax_problem(path: Path, error: MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem_text = (error.problem or "").strip()
    if isinstance(error, DuplicateKeyError):
        return Problem(
            file=path, line=line, column=column,
            summary=Bilingual("同一層有重複的欄位名稱", "a key appears twice in the same mapping"),
            found=problem_text,
            hint=Bilingual("刪除或改名其中一個", "remove or rename one of them"),
        )
    if "'\\t'" in problem_text:
        return Problem(
            file=path, line=line, column=column,
            summary=Bilingual("用了 Tab 字元縮排", "a tab character is used for indentation"),
            expected=Bilingual("以空白鍵縮排（每層 2 個空白）", "indentation with spaces (2 per level)"),
            found="Tab",
            hint=Bilingual("把 Tab 換成空白", "replace the tab with spaces"),
        )
    return Problem(
        file=path, line=line, column=column,
        summary=Bilingual("YAML 語法錯誤", "YAML syntax error"),
        found=" ".join(filter(None, [problem_text, (error.context or "").strip()])),
        hint=Bilingual(
            "檢查這一行與上一行的縮排、冒號與引號是否成對",
            "check indentation, colons and matching quotes on this line and the one before",
        ),
    )


def load(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or None with the problems that stopped it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file=path, summary=Bilingual("無法讀取檔案", "the file cannot be read"), found=str(error))]
    text, problem = _decode(path, raw)
    if problem is not None:
        return None, [problem]
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    if data is None:
        return None, [
            Problem(
                file=path, line=1, column=1,
                summary=Bilingual("檔案是空的", "the file is empty"),
                expected=Bilingual("YAML 內容", "YAML content"),
                found="空白 / nothing",
            )
        ]
    return Document(path=path, data=data), []
