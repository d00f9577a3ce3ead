"""Limits every data file must keep, checked while it is read and before anything expensive happens.

A data file is written by a person in an editor. What no person writes, a hostile or damaged file can
hold: YAML aliases that expand to gigabytes, thousands of nested levels, lists of a million items,
one field of a million characters, numbers of thousands of digits, NaN, control characters, and
invisible characters that make the text shown differ from the text stored. Each is refused here with
a message that says where, so `gongkai check` stays fast and the build never meets such data.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.error import StreamMark
from ruamel.yaml.events import AliasEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gongkai.data.problems import Bilingual

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_ITEMS = 500
MAX_VALUES = 50_000
MAX_TEXT = 20_000
MAX_DIGITS = 20
# A file with many bad characters is reported by its first few; the count says how many more.
MAX_CHARACTER_PROBLEMS = 10

STR, INT, FLOAT, MERGE = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "merge"))

# Control characters (tab, line feed and carriage return are ordinary text), and the characters that
# YAML or a browser take as line ends although no editor shows them as such.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# Characters that change the direction of the text around them: the text shown is then not the text
# stored (the "Trojan Source" trick).
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters of no width: two ids or words that look the same are then different.
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


class LimitExceeded(Exception):
    """A file breaks one of the limits; raised while reading it, so reading stops there."""

    def __init__(self, mark: StreamMark | None, summary: Bilingual, *, path: list[Any] | None = None,
                 expected: Bilingual | None = None, found: str | None = None, hint: Bilingual | None = None) -> None:
        super().__init__(summary.en)
        self.line = mark.line + 1 if mark is not None else None
        self.column = mark.column + 1 if mark is not None else None
        self.summary = summary
        self.path = path or []
        self.expected = expected
        self.found = found
        self.hint = hint


def size_problem(size: int) -> tuple[Bilingual, Bilingual, str, Bilingual]:
    """Summary, expected, found and hint for a file over MAX_FILE_BYTES."""
    return (Bilingual("檔案太大", "the file is too large"),
            Bilingual(f"至多 {MAX_FILE_BYTES // 1024 // 1024} MB", f"at most {MAX_FILE_BYTES // 1024 // 1024} MB"),
            f"{size:,} 位元組 bytes",
            Bilingual("計畫檔通常不到 100 KB；長篇文件請存成 PDF，作為附件（annexes 的 file）",
                      "a plan is usually under 100 KB; attach long documents as a PDF file (an annex's file)"))


def _character_name(character: str) -> str:
    name = unicodedata.name(character, "")
    if not name and ord(character) < 0x20:
        name = {0: "NUL", 0x1B: "ESCAPE"}.get(ord(character), "CONTROL")
    return f"U+{ord(character):04X}{f' ({name})' if name else ''}"


KINDS = (
    (CONTROL, Bilingual("檔案含有控制字元", "the file contains a control character"),
     Bilingual("刪除這個字元：它通常來自複製貼上，或是檔案已損壞",
               "delete it: it usually comes from copying and pasting, or from a damaged file")),
    (BIDI, Bilingual("檔案含有改變文字方向的隱形字元", "the file contains an invisible character that changes the direction of text"),
     Bilingual("刪除這個字元：它讓畫面上看到的文字與實際儲存的內容不同",
               "delete it: it makes the text shown differ from the text stored")),
    (ZERO_WIDTH, Bilingual("檔案含有看不見的零寬度字元", "the file contains an invisible zero-width character"),
     Bilingual("刪除這個字元：它讓看起來相同的 id 或字詞其實不同",
               "delete it: it makes ids and words that look the same differ")),
)


def character_problems(text: str) -> Iterator[tuple[int, int, Bilingual, str, Bilingual]]:
    """(line, column, summary, found, hint) for every control or invisible character in `text`, in file
    order; after MAX_CHARACTER_PROBLEMS of them, one more that counts the rest."""
    found = sorted((match.start(), summary, hint) for pattern, summary, hint in KINDS
                   for match in pattern.finditer(text))
    for offset, summary, hint in found[:MAX_CHARACTER_PROBLEMS]:
        line_start = text.rfind("\n", 0, offset) + 1
        yield text.count("\n", 0, offset) + 1, offset - line_start + 1, summary, _character_name(text[offset]), hint
    rest = len(found) - MAX_CHARACTER_PROBLEMS
    if rest > 0:
        offset = found[MAX_CHARACTER_PROBLEMS][0]
        line_start = text.rfind("\n", 0, offset) + 1
        yield (text.count("\n", 0, offset) + 1, offset - line_start + 1,
               Bilingual(f"還有 {rest} 個同類字元", f"{rest} more such characters"),
               _character_name(text[offset]), Bilingual("全部刪除", "delete them all"))


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in one mapping: where it is the second time, and the line of the first."""

    key: str
    line: int
    column: int
    first_line: int
    path: tuple[Any, ...]


class LimitedComposer(Composer):
    """ruamel's composer, refusing what data files never need before it can cost time or memory:
    anchors and aliases, tags, keys that are not text, and anything past the limits above."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.values = 0
        self.where: list[Any] = []
        self.duplicates: list[Duplicate] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise LimitExceeded(
                event.start_mark, Bilingual("資料檔不使用 YAML 的錨點與別名（& 與 *）",
                                            "YAML anchors and aliases (& and *) are not used in data files"),
                path=list(self.where), found=f"{'*' if isinstance(event, AliasEvent) else '&'}{event.anchor}",
                hint=Bilingual("把內容完整寫出來", "write the value out in full"))
        tag = getattr(event, "ctag", None)
        if tag is not None:
            raise LimitExceeded(
                event.start_mark, Bilingual("資料檔不使用 YAML 的標記（例如 !!int）", "YAML tags such as !!int are not used in data files"),
                path=list(self.where), found=str(tag),
                hint=Bilingual("刪除標記；要寫成文字時請加引號", "remove the tag; put quotes around a value meant as text"))
        if self.depth >= MAX_DEPTH:
            raise LimitExceeded(
                event.start_mark, Bilingual("資料層次太深", "the data is nested too deeply"), path=list(self.where),
                expected=Bilingual(f"至多 {MAX_DEPTH} 層", f"at most {MAX_DEPTH} levels"),
                found=f"超過 {MAX_DEPTH} 層 / more than {MAX_DEPTH}")
        self.values += 1
        if self.values > MAX_VALUES:
            raise LimitExceeded(
                event.start_mark, Bilingual("檔案中的值太多", "the file holds too many values"), path=list(self.where),
                expected=Bilingual(f"至多 {MAX_VALUES:,} 個", f"at most {MAX_VALUES:,}"),
                found=f"超過 {MAX_VALUES:,} 個 / more than {MAX_VALUES:,}")
        if index is not None:
            self.where.append(index.value if isinstance(index, ScalarNode) else index)
        node = super().compose_node(parent, index)
        if isinstance(node, SequenceNode) and len(node.value) > MAX_ITEMS:
            raise LimitExceeded(
                node.start_mark, Bilingual("清單的項目太多", "the list has too many items"), path=list(self.where),
                expected=Bilingual(f"至多 {MAX_ITEMS} 項", f"at most {MAX_ITEMS} items"), found=f"{len(node.value)} 項 / items")
        if index is not None:
            self.where.pop()
        return node

    def compose_scalar_node(self, anchor: Any) -> Any:
        event: ScalarEvent = self.parser.peek_event()
        node = super().compose_scalar_node(anchor)
        _check_scalar(node, event, list(self.where))
        return node

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        seen: dict[str, Any] = {}
        for key, _ in node.value:
            if isinstance(key, ScalarNode) and str(key.tag) == MERGE:
                raise LimitExceeded(
                    key.start_mark, Bilingual("資料檔不使用 YAML 的合併鍵（<<）", "YAML merge keys (<<) are not used in data files"),
                    path=list(self.where), found="<<", hint=Bilingual("把欄位逐一寫出來", "write each key out"))
            if not isinstance(key, ScalarNode) or str(key.tag) != STR:
                shown = key.value if isinstance(key, ScalarNode) else ("{…}" if isinstance(key, MappingNode) else "[…]")
                raise LimitExceeded(
                    key.start_mark, Bilingual("欄位名稱必須是文字", "a key must be a text"), path=list(self.where),
                    found=f"「{shown}」", hint=Bilingual('加上引號，例如 "1":', 'put it in quotes, e.g. "1":'))
            if key.value in seen:
                self.duplicates.append(Duplicate(key.value, key.start_mark.line + 1, key.start_mark.column + 1,
                                                 seen[key.value].start_mark.line + 1, tuple(self.where)))
            else:
                seen[key.value] = key
        return node


def _check_scalar(node: Node, event: ScalarEvent, path: list[Any]) -> None:
    value, tag = node.value, str(node.tag)
    if tag == INT and len(value.lstrip("+-").replace("_", "")) > MAX_DIGITS:
        raise LimitExceeded(
            event.start_mark, Bilingual("數字太長", "the number is too long"), path=path,
            expected=Bilingual(f"至多 {MAX_DIGITS} 位數", f"at most {MAX_DIGITS} digits"),
            found=f"{len(value):,} 個字元 / characters",
            hint=Bilingual("要寫成文字時請加引號", "put quotes around a value meant as text"))
    if tag == FLOAT and not _finite(value):
        raise LimitExceeded(
            event.start_mark, Bilingual("不是有限的數字", "not a finite number"), path=path,
            expected=Bilingual("一般的數字，例如 80 或 99.5", "an ordinary number, e.g. 80 or 99.5"), found=value,
            hint=Bilingual("要寫成文字時請加引號", "put quotes around a value meant as text"))
    if len(value) > MAX_TEXT:
        raise LimitExceeded(
            event.start_mark, Bilingual("文字太長", "the text is too long"), path=path,
            expected=Bilingual(f"每個欄位至多 {MAX_TEXT:,} 字", f"at most {MAX_TEXT:,} characters per field"),
            found=f"{len(value):,} 字 / characters",
            hint=Bilingual("長篇文件請存成 PDF，作為附件", "attach a long document as a PDF file"))


def _finite(value: str) -> bool:
    try:
        return math.isfinite(float(value.replace("_", "")))
    except ValueError:
        # .inf, .nan and their spellings are YAML's own; anything else float() cannot read is not a number.
        return "inf" not in value.lower() and "nan" not in value.lower()
