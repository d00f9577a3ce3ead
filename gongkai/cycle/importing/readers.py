"""Reading a document into the neutral outline: .docx (python-docx), .odt (odfpy), and .txt / .md text
copied from a PDF or Word file.

Text copied out of a table arrives in one of two shapes, and both are read as tables: a row per line
with its cells between tabs, or every cell on lines of its own, each cell's first line starting with
a tab. HTML list and paragraph tags left in such text (<p>, <ol>, <li>) end a paragraph.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from gongkai.cycle.importing.outline import (
    NUMERALS,
    Cell,
    Outline,
    Paragraph,
    Table,
    Where,
    bare_marker,
    detect,
    join_lines,
)
from gongkai.data.problems import Bilingual

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
SUFFIXES = (".docx", ".odt", *TEXT_SUFFIXES)
SAVE_AS = Bilingual("請另存為 .docx 或 .odt 後再匯入", "save it as .docx or .odt and import that")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files, and password-protected .docx

_TAGS = re.compile(r"</?(?:p|ol|ul|li|br|div|span)\b[^>]*>", re.IGNORECASE)
_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…{2,}|‥{2,}|·{3,})\s*\t?\s*[0-9]+\s*$")
_CLAUSE_LINE = re.compile(r"^\s*[壹貳參叁肆伍陸柒捌玖拾]{1,3}\s*[、.．]")


class ReadError(Exception):
    """A file that cannot be read as a document, with what to do about it."""

    def __init__(self, message: Bilingual, hint: Bilingual = SAVE_AS) -> None:
        super().__init__(str(message))
        self.message = message
        self.hint = hint

    def format(self) -> str:
        return f"無法匯入 / cannot import: {self.message}\n{self.hint}"


def read(path: Path) -> Outline:
    """The outline of the document at `path`; a ReadError says why it cannot be read."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(Bilingual(f"找不到檔案 {path}", f"there is no file {path}"), Bilingual("請確認檔名", "check the file name"))
    raw = path.read_bytes()
    if not raw.strip():
        raise ReadError(Bilingual(f"{path.name} 是空的檔案", f"{path.name} is empty"))
    if raw.startswith(OLE_MAGIC) or suffix == ".doc":
        raise ReadError(Bilingual(f"{path.name} 是舊式 Word 97-2003 檔（.doc）或設有密碼保護，無法讀取",
                                  f"{path.name} is an old Word 97-2003 file (.doc) or is password-protected"))
    if suffix not in SUFFIXES:
        raise ReadError(Bilingual(f"不支援的檔案類型「{suffix or '（無副檔名）'}」：可匯入 .docx、.odt、.txt、.md",
                                  f'unsupported file type "{suffix or "(none)"}": .docx, .odt, .txt and .md can be imported'))
    if suffix in TEXT_SUFFIXES:
        outline = read_text(_decoded(raw, path.name), path.name)
    else:
        if not zipfile.is_zipfile(path):
            raise ReadError(Bilingual(f"{path.name} 已損壞，或不是真正的 {suffix} 檔", f"{path.name} is damaged or not really a {suffix} file"))
        try:
            outline = read_docx(path) if suffix == ".docx" else read_odt(path)
        except ReadError:
            raise
        except Exception as error:  # a damaged package fails in many ways inside the libraries
            raise ReadError(Bilingual(f"{path.name} 已損壞，無法讀取（{type(error).__name__}）",
                                      f"{path.name} is damaged and cannot be read ({type(error).__name__})")) from error
    if not any(source.text for source in outline.sources()):
        raise ReadError(Bilingual(f"{path.name} 沒有任何文字", f"{path.name} has no text"))
    return outline


def _decoded(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16", "cp950"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(Bilingual(f"{name} 不是 UTF-8 或 Big5 編碼的文字檔", f"{name} is not text in UTF-8 or Big5"),
                    Bilingual("請以 UTF-8 另存，或另存為 .docx 或 .odt", "save it as UTF-8 text, or as .docx or .odt"))


# --- text -------------------------------------------------------------------------------------------


def _is_row_line(line: str) -> bool:
    """A table row copied as one line, its cells between tabs."""
    return (line.count("\t") >= 2 or "\t" in line.lstrip("\t")) and bool(line.strip()) and not _CONTENTS_LINE.search(line)


def _is_cell_line(line: str) -> bool:
    """The first line of a table cell copied on lines of its own."""
    return line.startswith("\t") and "\t" not in line[1:]


def _pieces(text: str) -> list[str]:
    return [piece for piece in (p.strip() for p in _TAGS.sub("\n", text).split("\n")) if piece]


def _paragraphs(lines: list[str], where: Where) -> list[Paragraph]:
    """Paragraphs of a cell copied on several lines: a blank line or a numbered line starts one, other
    lines continue the one before (a word split across two lines joins again)."""
    groups: list[list[str]] = []
    for line in lines:
        for piece in _pieces(line) or [""]:
            if not piece:
                if groups and groups[-1]:
                    groups.append([])
            elif groups and len(groups[-1]) == 1 and bare_marker(groups[-1][0]):
                groups[-1].append(piece)
            elif groups and not groups[-1] and len(groups) > 1 and len(groups[-2]) == 1 and bare_marker(groups[-2][0]):
                groups.pop()
                groups[-1].append(piece)
            elif not groups or not groups[-1] or detect(piece)[0] is not None:
                groups.append([piece])
            else:
                groups[-1].append(piece)
    return [Paragraph.of(join_lines(group), where) for group in groups if group]


def _row_table(rows: list[tuple[int, str]], number: int) -> Table:
    table_rows = []
    for row_number, (line_number, line) in enumerate(rows, start=1):
        cells = []
        for column, text in enumerate(line.split("\t"), start=1):
            where = Where(line=line_number, table=number, row=row_number, column=column)
            cells.append(Cell([Paragraph.of(piece, where) for piece in _pieces(text)]))
        table_rows.append(cells)
    return Table(table_rows, number)


def _cell_table(lines: list[tuple[int, str]], number: int) -> Table:
    """Cells on lines of their own: the header is the run of cells before the first numbered one, and
    gives the number of columns."""
    cells: list[tuple[int, list[str]]] = []
    for line_number, line in lines:
        if line.startswith("\t"):
            cells.append((line_number, [line[1:]]))
        elif cells:
            cells[-1][1].append(line)
    first_numbered = next((i for i, (_, text) in enumerate(cells) if detect(join_lines(text))[0] is not None), None)
    width = first_numbered if first_numbered else 1
    rows: list[list[Cell]] = []
    for index, (line_number, text) in enumerate(cells):
        if index % width == 0:
            rows.append([])
        where = Where(line=line_number, table=number, row=len(rows), column=index % width + 1)
        rows[-1].append(Cell(_paragraphs(text, where)))
    return Table(rows, number)


def read_text(text: str, name: str) -> Outline:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Paragraph | Table] = []
    tables = 0
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        if _is_row_line(lines[index]) or _is_cell_line(lines[index].rstrip(" ")):
            cell_shape = not _is_row_line(lines[index])
            block: list[tuple[int, str]] = []
            while index < len(lines):
                current = lines[index].rstrip(" \r")
                if current.strip() and (_CLAUSE_LINE.match(current) if cell_shape else not _is_row_line(current)):
                    break
                if current.strip() or (cell_shape and current.startswith("\t")):
                    block.append((index + 1, current))
                elif cell_shape:
                    block.append((index + 1, ""))
                index += 1
            tables += 1
            blocks.append(_cell_table(block, tables) if cell_shape else _row_table(block, tables))
            continue
        for piece in _pieces(line):
            blocks.append(Paragraph.of(piece, Where(line=index + 1)))
        index += 1
    return Outline(blocks, name)


# --- .docx ------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalFullWidth", "decimalHalfWidth"):
        return str(value)
    if fmt in ("ideographTraditional",):
        return "甲乙丙丁戊己庚辛壬癸"[(value - 1) % 10]
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese(value).translate(str.maketrans("一二三四五六七八九十", "壹貳參肆伍陸柒捌玖拾"))
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand", "chineseCounting", "chineseCountingThousand",
               "ideographDigital", "japaneseCounting"):
        return _chinese(value)
    return str(value) if fmt != "bullet" else ""


def _chinese(value: int) -> str:
    if value < 10:
        return NUMERALS[value]
    tens, units = divmod(value, 10)
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[units] if units else "")


class _Numbering:
    """Word's automatic numbering, written out as the reader of the printed page sees it."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            for level in definition.iter(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                self.levels[(num.get(f"{_W}numId"), level.get(f"{_W}ilvl"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1)

    @staticmethod
    def _num_pr(paragraph: Any) -> Any:
        """The paragraph's numbering, or its style's (a list style such as List Number numbers by style)."""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        style = paragraph.style if num_pr is None else None
        while num_pr is None and style is not None:
            p_pr = style.element.pPr
            num_pr = p_pr.numPr if p_pr is not None else None
            style = style.base_style
        return num_pr

    def marker(self, paragraph: Any) -> str:
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id, level = str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt, template, start = self.levels.get((num_id, str(level)), ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet" or fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]

        def value(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            level_fmt = self.levels.get((num_id, str(at)), (fmt, "", 1))[0]
            return _format_number(counters.get(at, 1), level_fmt)

        return re.sub(r"%([1-9])", value, template)


def read_docx(path: Path) -> Outline:
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(str(path))
    numbering = _Numbering(document)
    blocks: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            item = DocxParagraph(element, document)
            for piece in (item.text or "").split("\n"):
                if piece.strip():
                    paragraphs += 1
                    blocks.append(Paragraph.of(numbering.marker(item) + piece, Where(paragraph=paragraphs)))
        elif element.tag == f"{_W}tbl":
            tables += 1
            blocks.append(_docx_table(DocxTable(element, document), tables, numbering, DocxParagraph))
    return Outline(blocks, path.name)


def _docx_table(table: Any, number: int, numbering: _Numbering, paragraph_class: Any) -> Table:
    """Rows of cells on the table's grid: a cell spanning columns (gridSpan) or continuing the one above
    (vMerge) is marked as merged into its origin."""
    rows: list[list[Cell]] = []
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        row: list[Cell] = []
        for tc in tr.tc_lst:
            column = len(row)
            span = tc.grid_span
            if tc.vMerge == "continue" and (r - 1, column) in origins:
                origin = origins[(r - 1, column)]
                cell = Cell(merged_from=origin)
            else:
                origin = (r, column)
                where = Where(table=number, row=r + 1, column=column + 1)
                paragraphs = []
                for p in tc.p_lst:
                    item = paragraph_class(p, table)
                    for piece in (item.text or "").split("\n"):
                        if piece.strip():
                            paragraphs.append(Paragraph.of(numbering.marker(item) + piece, where))
                cell = Cell(paragraphs)
            for offset in range(span):
                origins[(r, column + offset)] = origin
                row.append(cell if offset == 0 else Cell(merged_from=origin))
        rows.append(row)
    return Table(rows, number)


# --- .odt -------------------------------------------------------------------------------------------


def _odt_text(element: Any) -> str:
    from odf import teletype

    return str(teletype.extractText(element))


class _OdtLists:
    """Automatic list numbering of an .odt file, written out as printed."""

    def __init__(self, document: Any) -> None:
        from odf.namespaces import TEXTNS
        from odf.text import ListStyle

        self.styles: dict[str, dict[int, tuple[str, str, str]]] = {}
        for container in (document.automaticstyles, document.styles):
            for style in container.getElementsByType(ListStyle):
                levels: dict[int, tuple[str, str, str]] = {}
                for child in style.childNodes:
                    if child.qname == (TEXTNS, "list-level-style-number"):
                        levels[int(child.getAttribute("level") or 1)] = (
                            child.getAttribute("numformat") or "1", child.getAttribute("numprefix") or "",
                            child.getAttribute("numsuffix") or "")
                self.styles[str(style.getAttribute("name"))] = levels

    def marker(self, style: str | None, level: int, counters: list[int]) -> str:
        fmt = self.styles.get(style or "", {}).get(level)
        if fmt is None:
            return ""
        kind, prefix, suffix = fmt
        value = counters[level - 1]
        shown = _chinese(value) if kind in ("一, 二, 三, ...", "一") else str(value)
        return f"{prefix}{shown}{suffix}"


def read_odt(path: Path) -> Outline:
    from odf import opendocument
    from odf.namespaces import TABLENS, TEXTNS

    document = opendocument.load(str(path))
    lists = _OdtLists(document)
    blocks: list[Paragraph | Table] = []
    counter = {"paragraphs": 0, "tables": 0}

    def add_paragraph(element: Any, marker: str) -> None:
        for piece in _odt_text(element).split("\n"):
            if piece.strip():
                counter["paragraphs"] += 1
                blocks.append(Paragraph.of(marker + piece, Where(paragraph=counter["paragraphs"])))

    def walk_list(element: Any, style: str | None, level: int, counters: list[int]) -> None:
        style = element.getAttrNS(TEXTNS, "style-name") or style
        counters = [*counters[:level - 1], 0]
        for item in element.childNodes:
            if item.qname != (TEXTNS, "list-item"):
                continue
            counters[level - 1] += 1
            first = True
            for child in item.childNodes:
                if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                    add_paragraph(child, lists.marker(style, level, counters) if first else "")
                    first = False
                elif child.qname == (TEXTNS, "list"):
                    walk_list(child, style, level + 1, counters)

    for element in document.text.childNodes:
        if element.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            add_paragraph(element, "")
        elif element.qname == (TEXTNS, "list"):
            walk_list(element, None, 1, [])
        elif element.qname == (TABLENS, "table"):
            counter["tables"] += 1
            blocks.append(_odt_table(element, counter["tables"]))
    return Outline(blocks, path.name)


def _odt_rows(table: Any) -> list[Any]:
    from odf.namespaces import TABLENS

    rows = []
    for child in table.childNodes:
        if child.qname == (TABLENS, "table-row"):
            rows.append(child)
        elif child.qname in ((TABLENS, "table-header-rows"), (TABLENS, "table-rows"), (TABLENS, "table-row-group")):
            rows.extend(_odt_rows(child))
    return rows


def _odt_table(table: Any, number: int) -> Table:
    """Rows of cells on the table's grid; covered cells point at the cell that spans them."""
    from odf.namespaces import TABLENS, TEXTNS

    rows: list[list[Cell]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(_odt_rows(table)):
        row: list[Cell] = []
        for tc in tr.childNodes:
            if tc.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                continue
            repeat = int(tc.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            for _ in range(min(repeat, 64)):
                column = len(row)
                if tc.qname == (TABLENS, "covered-table-cell"):
                    row.append(Cell(merged_from=spans.get((r, column), (r, max(column - 1, 0)))))
                    continue
                where = Where(table=number, row=r + 1, column=column + 1)
                paragraphs = []
                for p in tc.childNodes:
                    if p.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                        paragraphs += [Paragraph.of(piece, where) for piece in _odt_text(p).split("\n") if piece.strip()]
                row.append(Cell(paragraphs))
                across = int(tc.getAttrNS(TABLENS, "number-columns-spanned") or 1)
                down = int(tc.getAttrNS(TABLENS, "number-rows-spanned") or 1)
                for dr in range(down):
                    for dc in range(across):
                        if dr or dc:
                            spans[(r + dr, column + dc)] = (r, column)
        rows.append(row)
    return Table(rows, number)

