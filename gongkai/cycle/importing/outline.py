"""The neutral outline of a document: paragraphs with their detected numbering, and tables as rows of
cells (merges resolved), each with where it came from. Every reader produces one; nothing here knows
the plan schema.

Numbering is detected as typed (壹、 一、 (一) 1. (1) 甲、 1、, full- or half-width) and taken off the
text; the style and the value are kept so the tree can be rebuilt from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# Styles of typed numbering, in the order the levels usually nest.
CLAUSE, CN, PAREN_CN, ARABIC, ARABIC_DUN, PAREN_ARABIC, STEM = "壹、", "一、", "(一)", "1.", "1、", "(1)", "甲、"
STYLE_ORDER = (CLAUSE, CN, STEM, PAREN_CN, ARABIC, ARABIC_DUN, PAREN_ARABIC)

CAPITALS = "零壹貳參肆伍陸柒捌玖"
NUMERALS = "〇一二三四五六七八九"
STEMS = "甲乙丙丁戊己庚辛壬癸"
FINAL = "。！？；：!?;:"  # punctuation that ends a sentence; text cut before one goes on
FULL_WIDTH = str.maketrans("０１２３４５６７８９（）．：", "0123456789().:")

_CN = "一二三四五六七八九十"
_CAP = "壹貳參叁肆伍陸柒捌玖拾"
_D = "0-9０-９"
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CLAUSE, re.compile(rf"([{_CAP}]{{1,3}})\s*[、.．]\s*")),
    (CN, re.compile(rf"([{_CN}]{{1,3}})\s*[、.．]\s*")),
    (STEM, re.compile(rf"([{STEMS}])\s*[、.．]\s*")),
    (PAREN_CN, re.compile(rf"[(（]\s*([{_CN}]{{1,3}})\s*[)）]\s*")),
    (PAREN_ARABIC, re.compile(rf"[(（]\s*([{_D}]{{1,2}})\s*[)）]\s*")),
    # 1. but not 95.12.31 or 2.5%
    (ARABIC, re.compile(rf"([{_D}]{{1,2}})\s*[.．](?![{_D}])\s*")),
    (ARABIC_DUN, re.compile(rf"([{_D}]{{1,2}})\s*、\s*")),
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪●○]\s+)+")

# Characters between which a space is never meant in Chinese text: CJK ideographs and punctuation,
# full-width forms; digits count when next to them (112 年 → 112年, but 推動 e 化 keeps its spaces).
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACE_BETWEEN = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9])|(?<=[{_CJK}0-9])\s+(?=[{_CJK}])")


def is_cjk(char: str) -> bool:
    return bool(char) and re.match(f"[{_CJK}]", char) is not None


def cn_value(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 壹拾 → 10; digit by digit when there is no 十 (一一四 → 114)."""
    numeral = numeral.translate(str.maketrans("壹貳參叁肆伍陸柒捌玖拾零〇", "一二三三四五六七八九十〇〇"))
    if "十" not in numeral and "百" not in numeral:
        return int("".join(str(NUMERALS.index(c)) for c in numeral))
    total, current = 0, 0
    for char in numeral:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = NUMERALS.index(char)
    return total + current


def clean(text: str) -> str:
    """One line of text as it is meant: no spaces inside Chinese, single spaces elsewhere."""
    text = _SPACE_BETWEEN.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph wrapped by a PDF or a narrow cell, joined again (a word split across two
    lines is one word): no space where either side is Chinese."""
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if joined and not (is_cjk(joined[-1]) or is_cjk(line[0])):
            joined += " "
        joined += line
    return clean(joined)


@dataclass(frozen=True)
class Marker:
    """Typed numbering: its style (one of STYLE_ORDER) and value (一 → 1)."""

    style: str
    value: int
    typed: str


def bare_marker(text: str) -> bool:
    """Numbering alone on its line (一、 with its text on the next line)."""
    text = _BULLET.sub("", text).strip()
    return any(pattern.fullmatch(text) for _, pattern in _MARKERS)


def detect(text: str) -> tuple[Marker | None, str]:
    """The numbering a paragraph starts with, and the paragraph without it."""
    text = _BULLET.sub("", text).lstrip()
    for style, pattern in _MARKERS:
        match = pattern.match(text)
        if match and len(text) > match.end():
            number = match.group(1).translate(FULL_WIDTH)
            value = int(number) if number.isdigit() else STEMS.index(number) + 1 if style == STEM else cn_value(number)
            return Marker(style, value, match.group(0).strip()), text[match.end():]
    return None, text


@dataclass(frozen=True)
class Where:
    """Where a text was found: a line of a text file, a paragraph of a document, or a table cell."""

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def zh(self) -> str:
        if self.table is not None:
            return f"表格 {self.table} 第 {self.row} 列第 {self.column} 欄"
        return f"第 {self.line} 行" if self.line is not None else f"第 {self.paragraph} 段"

    def en(self) -> str:
        if self.table is not None:
            return f"table {self.table}, row {self.row}, column {self.column}"
        return f"line {self.line}" if self.line is not None else f"paragraph {self.paragraph}"

    def __str__(self) -> str:
        return f"{self.zh()} / {self.en()}"


@dataclass(eq=False)
class Source:
    """One text of the document, as the unit the review report counts: placed in the plan or not."""

    text: str
    where: Where
    placed: bool = False


@dataclass(eq=False)
class Paragraph:
    """A paragraph: its numbering (if typed), its text without the numbering, and its source."""

    marker: Marker | None
    text: str
    source: Source
    raw: str = ""  # the text after the numbering with its spaces as typed (they may separate a title)

    @classmethod
    def of(cls, raw: str, where: Where) -> Paragraph:
        marker, rest = detect(raw)
        return cls(marker, clean(rest), Source(clean(raw), where), re.sub(r"\s+", " ", rest).strip())


@dataclass(eq=False)
class Cell:
    """A table cell: its paragraphs, and the cell it belongs to when merged (row, column of the origin)."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    merged_from: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        return join_lines([p.source.text for p in self.paragraphs])

    @property
    def empty(self) -> bool:
        return self.merged_from is None and not any(p.source.text for p in self.paragraphs)


@dataclass(eq=False)
class Table:
    rows: list[list[Cell]]
    number: int


Block = Paragraph | Table


@dataclass
class Outline:
    blocks: list[Block]
    name: str

    def sources(self) -> Iterator[Source]:
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block.source
            else:
                for row in block.rows:
                    for cell in row:
                        if cell.merged_from is None:
                            yield from (p.source for p in cell.paragraphs)


@dataclass(eq=False)
class Entry:
    """One numbered (or unnumbered) entry of a cell or list: its marker, text and the sources it joins."""

    marker: Marker | None
    text: str
    sources: list[Source]
    raw: str = ""

    def place(self) -> None:
        for source in self.sources:
            source.placed = True


def _inline_split(paragraph: Paragraph, after: Marker | None = None) -> list[tuple[Marker | None, str]]:
    """A paragraph holding a whole numbered list on one line (1. … 2. … 3. …), split at each next
    number of the same style; numbers that are not the next one stay in the text. An unnumbered
    paragraph going on from entry `after` (a row cut by a page break) is split at the numbers after it."""
    marker = paragraph.marker or after
    if marker is None or marker.style not in (ARABIC, ARABIC_DUN):
        return [(paragraph.marker, paragraph.raw)]
    parts: list[tuple[Marker | None, str]] = []
    text, current = paragraph.raw, paragraph.marker
    value = marker.value
    sign = "." if marker.style == ARABIC else "、"
    while True:
        value += 1
        match = re.search(rf"(?<=\s){value}\s*[{re.escape(sign)}{'．' if sign == '.' else ''}](?![0-9])\s*", text)
        if not match:
            parts.append((current, text.strip()))
            return parts
        parts.append((current, text[:match.start()].strip()))
        current = Marker(marker.style, value, match.group(0).strip())
        text = text[match.end():]


def entries(paragraphs: list[Paragraph], after: Marker | None = None) -> list[Entry]:
    """The entries of a cell or list: a numbered paragraph starts one, and an unnumbered paragraph
    after a numbered one continues it, as does one after a sentence cut before its end (a page or
    column break, a word split across lines)."""
    found: list[Entry] = []
    for paragraph in paragraphs:
        if not paragraph.source.text:
            continue
        last = found[-1].marker if found else after
        for marker, raw in _inline_split(paragraph, last if paragraph.marker is None else None):
            if marker is None and found and (found[-1].marker is not None or found[-1].text[-1:] not in FINAL):
                found[-1].text = join_lines([found[-1].text, raw])
                found[-1].raw = f"{found[-1].raw} {raw}"
                found[-1].sources.append(paragraph.source)
            else:
                found.append(Entry(marker, clean(raw), [paragraph.source], raw))
    return [e for e in found if e.text or e.marker]
