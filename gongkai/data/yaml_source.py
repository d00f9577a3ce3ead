"""Reading YAML files so that every value can be traced back to its line and column."""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from gongkai.data import limits
from gongkai.data.problems import Bilingual, Problem, field_path
from gongkai.data.yaml_fast import plain_load
from gongkai.data.yaml_syntax import syntax_problems

PathElement = str | int


@dataclass
class Document:
    """A parsed YAML file that still knows where each of its values stands.

    A file read by the fast reader (yaml_fast) is read again with positions only when a problem in it
    must be pointed at, which is rare; `text` is kept for that."""

    path: Path
    data: Any
    # The file's text as read (without a byte-order mark), for what needs its characters.
    text: str = ""

    @functools.cached_property
    def _positioned(self) -> Any:
        # The fast reader (yaml_fast) keeps no positions: the file is read again, carefully, when a
        # problem in it must be pointed at, which is rare.
        if isinstance(self.data, (CommentedMap, CommentedSeq)) or not self.text:
            return self.data
        try:
            return yaml_loader().load(self.text)
        except (YAMLError, limits.LimitExceeded):
            return None  # the problem is then reported without a line

    def position(self, path: list[PathElement], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `path`, or of its key when `key` is true."""
        node = self._positioned
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


def yaml_loader() -> YAML:
    """The loader of every data file: round-trip (positions kept), dates as text, limits enforced."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsTextConstructor
    yaml.Composer = limits.LimitedComposer
    # Duplicate keys are found by the composer, every one of them, and reported after reading.
    yaml.allow_duplicate_keys = True
    return yaml


FILE_KINDS = ((stat.S_ISDIR, "資料夾 / a folder"), (stat.S_ISFIFO, "具名管道 / a named pipe (FIFO)"),
              (stat.S_ISCHR, "裝置 / a device"), (stat.S_ISBLK, "裝置 / a device"), (stat.S_ISSOCK, "socket"))


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in both languages."""
    return next((name for test, name in FILE_KINDS if test(mode)), "不是一般檔案 / not a regular file")


def outside_problem(path: Path, folder: Path, **where: Any) -> Problem:
    return Problem(file=path, summary=Bilingual(f"檔案位於 {folder.name} 資料夾以外（經由連結）",
                                                f"the file lies outside the {folder.name} folder (through a link)"),
                   expected=Bilingual(f"{folder.name} 資料夾中的一般檔案", f"a regular file inside the {folder.name} folder"),
                   found=str(path.resolve()),
                   hint=Bilingual("把檔案本身放進資料夾，不要用捷徑或符號連結",
                                  "put the file itself in the folder, not a shortcut or symbolic link"), **where)


def read(path: Path, within: Path | None = None) -> tuple[bytes | None, Problem | None]:
    """The bytes of `path`: a regular file (inside `within`, if given, after following links) of at most
    MAX_FILE_BYTES; otherwise None, with the problem that stopped it."""
    if within is not None and not path.resolve().is_relative_to(within.resolve()):
        return None, outside_problem(path, within)
    try:
        # Non-blocking, so that a named pipe in place of the file cannot make the check wait forever.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, Problem(file=path, summary=Bilingual("無法讀取檔案", "the file cannot be read"),
                             found=error.strerror or str(error))
    mode, size = os.fstat(handle).st_mode, os.fstat(handle).st_size
    if not stat.S_ISREG(mode):
        os.close(handle)
        return None, Problem(file=path, summary=Bilingual("不是一般檔案", "not a regular file"),
                             expected=Bilingual("YAML 文字檔", "a YAML text file"), found=file_kind(mode))
    with os.fdopen(handle, "rb") as file:
        # Some files (under /proc) say they are empty: the read is bounded whatever the size says.
        raw = file.read(limits.MAX_FILE_BYTES + 1) if size <= limits.MAX_FILE_BYTES else b""
    if size > limits.MAX_FILE_BYTES or len(raw) > limits.MAX_FILE_BYTES:
        summary, expected, found, hint = limits.size_problem(max(size, len(raw)))
        return None, Problem(file=path, summary=summary, expected=expected, found=found, hint=hint)
    return raw, None


def text_of(raw: bytes) -> str:
    """The text of a data file's bytes, without a byte-order mark; UnicodeDecodeError when it is not UTF-8."""
    return raw.decode("utf-8-sig")


def _decode(path: Path, raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        return text_of(raw), None
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


def _duplicate_problems(path: Path, duplicates: list[limits.Duplicate]) -> list[Problem]:
    return [Problem(file=path, line=d.line, column=d.column, field=field_path([*d.path, d.key]),
                    summary=Bilingual(f"欄位「{d.key}」在同一層出現兩次", f'the key "{d.key}" appears twice in the same mapping'),
                    expected=Bilingual("每個欄位只寫一次", "each key once"),
                    found=f"第 {d.first_line} 行與第 {d.line} 行 / lines {d.first_line} and {d.line}",
                    hint=Bilingual("刪除其中一個，或把兩者的內容合併", "delete one of them, or merge the two"))
            for d in sorted(duplicates, key=lambda d: (d.line, d.column))]


def load(path: Path, within: Path | None = None) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file, which must lie inside `within` when it is given (after following links).
    Returns the document, or None with the problems that stopped it."""
    raw, problem = read(path, within)
    if raw is None:
        return None, [problem] if problem else []
    return parse(path, raw)


def parse(path: Path, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """The document in `raw`, the bytes of the file `path`, or None with the problems that stopped it."""
    text, problem = _decode(path, raw)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    characters = [Problem(file=path, line=line, column=column, summary=summary, found=found, hint=hint)
                  for line, column, summary, found, hint in limits.character_problems(text)]
    if characters:
        return None, characters
    plain = plain_load(text)
    if plain is not None:
        return Document(path=path, data=plain, text=text), []
    yaml = yaml_loader()
    try:
        data = yaml.load(text)
    except limits.LimitExceeded as refused:
        return None, [Problem(file=path, line=refused.line, column=refused.column, summary=refused.summary,
                              field=field_path(refused.path) if refused.path else "", expected=refused.expected,
                              found=refused.found, hint=refused.hint)]
    except MarkedYAMLError:
        return None, syntax_problems(path, text, lambda mended: yaml_loader().load(mended))
    except (YAMLError, ValueError, TypeError, RecursionError) as error:
        return None, [Problem(file=path, summary=Bilingual("YAML 語法錯誤", "YAML syntax error"), found=str(error)[:200])]
    duplicates = yaml.composer.duplicates
    if duplicates:
        return None, _duplicate_problems(path, duplicates)
    if data is None:
        return None, [
            Problem(
                file=path, line=1, column=1,
                summary=Bilingual("檔案是空的", "the file is empty"),
                expected=Bilingual("YAML 內容", "YAML content"),
                found="空白 / nothing",
            )
        ]
    return Document(path=path, data=data, text=text), []
