"""A draft plan.yml (and agency.yml) written from a document's outline, in today's plan schema.

This is the one module of the importer that knows the schema. Every value it had to guess (a section's
kind from its heading, a date, a deadline, units, a basis document's parts) carries a
`# 請確認 / check:` comment, so a person confirms it before the plan is published.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gongkai.cycle.importing.outline import (
    CLAUSE,
    CN,
    STYLE_ORDER,
    Entry,
    Outline,
    Paragraph,
    Source,
    Table,
    clean,
    cn_value,
    join_lines,
)
from gongkai.cycle.importing.tables import (
    UNNUMBERED,
    Action,
    TableColumn,
    TableTree,
    TreeNode,
    read_tree,
    written_style,
)
from gongkai.cycle.yaml_writer import dump, schema_line
from gongkai.data.model import DRAFT
from gongkai.data.problems import Bilingual
from gongkai.i18n.dates import western_year

IMPORT_MARK = "# gongkai import:"
CHECK = "請確認 / check:"
LIST_STYLES = ("一、", "(一)", "1.", "(1)", "甲、", "1、")
SECTION_WORDS = (
    ("basis", ("依據",)),
    ("goals", ("目標",)),
    ("audience", ("實施對象", "適用對象", "對象")),
    ("period", ("實施期間", "期間", "實施期程")),
    ("status_quo", ("現況",)),
    ("body", ("實施要項", "工作項目", "計畫內容", "執行策略", "實施內容", "工作要項", "具體作法", "實施項目", "執行項目")),
    ("monitoring", ("管考", "管制考核", "管制")),
    ("evaluation", ("考核", "獎勵", "獎懲", "績效評估")),
    ("approach", ("推動作法", "執行方式", "推動方式", "實施方式", "實施步驟", "推動步驟")),
    ("future", ("未來努力方向", "未來")),
    ("annexes", ("附件",)),
    ("other", ("其他",)),
)
SINGLE = ("basis", "goals", "audience", "period", "status_quo", "body", "annexes")
DIMENSIONS = (
    ("完備基礎服務", "basic-service"), ("重視全程意見回饋", "feedback"), ("便捷服務遞送", "delivery"),
    ("關懷多元對象", "inclusion"), ("開放政府", "open-government"), ("掌握社經發展", "foresight"),
    ("優質便民服務", "convenience"), ("資訊流通服務", "information"), ("創新加值服務", "innovation"),
)
ORG_SUFFIX = re.compile(r"(?:公所|事務所|服務處|委員會|辦公室|中心|[所處局府會院部署室隊館])$")
_FINAL = "。！？；：!?;:"
_OPENING_PUNCT = "，。、；：）」』,.;:)"
_CONTENTS = re.compile(r"(?:\.{3,}|…{2,}|‥{2,}|·{3,})\s*[0-9]+\s*$")
_ROC_DATE = re.compile(r"(?:民國|中華民國)?\s*([0-9]{2,3})\s*(?:年|\.|/)\s*([0-9]{1,2})\s*(?:月|\.|/)\s*([0-9]{1,2})\s*日?")
_ROC_MONTH = re.compile(r"^(?:中華民國|民國)?\s*([0-9]{2,3})\s*年\s*([0-9]{1,2})\s*月\s*$")
_YEAR = re.compile(r"(?<![0-9])([0-9]{2,3})\s*年|([〇零一二三四五六七八九十百]{2,5})\s*年")
_ANNEX = re.compile(r"^附件\s*([0-9０-９一二三四五六七八九十]+)$")
_ANNEX_SUFFIX = re.compile(r"^(.*?)[（(]\s*(附件\s*[0-9０-９一二三四五六七八九十]+)\s*[)）]$")
_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})字第\s*([0-9A-Za-z]+)\s*號")


class DraftError(Exception):
    def __init__(self, message: Bilingual) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Draft:
    plan: CommentedMap
    agency: CommentedMap
    year: int
    checks: int = 0
    notes: list[Bilingual] = field(default_factory=list)


# --- small readers of values ------------------------------------------------------------------------


def roc_date(text: str) -> datetime.date | None:
    """民國92年9月8日, 92.9.8, 95.12.31 → the date; None when there is none or it does not exist."""
    match = _ROC_DATE.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(western_year(year) if year < 1000 else year, month, day)
    except ValueError:
        return None


def roc_year_in(text: str) -> int | None:
    """The ROC year a title names: 114 年, 九十五年度, 一一四年度."""
    for match in _YEAR.finditer(text):
        value = int(match.group(1)) if match.group(1) else cn_value(match.group(2))
        if 30 <= value <= 250:
            return value
    return None


def deadline_of(text: str, year: int) -> tuple[Any, Bilingual | None]:
    """A deadline cell as the document writes it (`as_written`, shown on the page), with the date, the day
    of every year or `ongoing` it means for machines, and what to check about it."""
    written = re.sub(r"\s+", "", text)
    words = written.rstrip("。.")
    value = CommentedMap(as_written=written)
    if re.fullmatch(r"(持續辦理|持續|經常性|隨時辦理|全年)", words):
        value["ongoing"] = True
        return value, Bilingual(f"「{words}」讀為持續辦理（ongoing）", f'"{words}" read as ongoing')
    every = re.fullmatch(r"每年([0-9]{1,2})月([0-9]{1,2})日(?:前|以前)?", words)
    if every:
        month, day = int(every.group(1)), int(every.group(2))
        value["every_year"] = f"{month:02d}-{day:02d}"
        return value, Bilingual(f"「{words}」讀為每年 {month:02d}-{day:02d}", f'"{words}" read as every year')
    if _ROC_DATE.fullmatch(words) or re.fullmatch(r"[0-9]{2,3}\.[0-9]{1,2}\.[0-9]{1,2}", words):
        date = roc_date(words)
        if date:
            value["date"] = date
            return value, Bilingual(f"「{words}」換算為 {date.isoformat()}", f'"{words}" read as {date.isoformat()}')
        value["note"] = "原文日期不存在"
        return value, Bilingual(f"「{words}」不是存在的日期，照原文保留", f'"{words}" is not a real date: kept as written')
    return value, Bilingual("完成期限照原文保留", "deadline kept as written")


def basis_item(text: str) -> tuple[CommentedMap, list[str]]:
    """A basis document's sentence with its issuer, date, number and title where they can be read."""
    item = CommentedMap(text=text)
    found: list[str] = []
    date_match = _ROC_DATE.search(text)
    date = roc_date(text)
    number = _NUMBER.search(text)
    issuer = None
    if date_match:
        before = re.sub(r"^(依據|依照|依|奉|根據)", "", text[:date_match.start()]).strip("，, ")
        if ORG_SUFFIX.search(before) and len(before) <= 20:
            issuer = before
    if number:
        start = number.start(1)
        if date_match and date_match.end() <= number.end(1):
            start = max(start, date_match.end())
        prefix = text[start:number.end(1)]
        if not issuer and len(prefix) > 4:
            for cut in range(len(prefix) - 2, 0, -1):
                if ORG_SUFFIX.search(prefix[:cut]) and 2 <= len(prefix) - cut <= 4:
                    issuer, prefix = prefix[:cut], prefix[cut:]
                    break
        item_number = f"{prefix}字第{number.group(2)}號"
    title = re.search(r"「([^」]+)」", text)
    if not issuer and not date_match:
        org = re.match(r"^(.{2,16}?(?:政府[^\d]{0,4}?局|政府|公所|委員會|[院部署局處府會]))(?=[0-9〇一二三四五六七八九十])", text)
        if org:
            issuer = org.group(1)
    if issuer:
        item["issuer"] = issuer
        found.append("issuer")
    if date:
        item["date"] = date
        found.append("date")
    if number:
        item["number"] = item_number
        found.append("number")
    if title:
        item["title"] = title.group(1)
        found.append("title")
    elif not number and re.search(r"(計畫|方案|要點|辦法)。?$", text):
        item["title"] = text.rstrip("。")
        found.append("title")
    return item, found


def period_of(text: str) -> tuple[str | None, str | None]:
    match = re.search(r"([0-9]{2,3})年([0-9]{1,2})月.*?至(?:([0-9]{2,3})年)?([0-9]{1,2})月", text)
    if not match:
        return None, None
    start_year = int(match.group(1))
    end_year = int(match.group(3) or start_year)
    return (f"{western_year(start_year)}-{int(match.group(2)):02d}", f"{western_year(end_year)}-{int(match.group(4)):02d}")


# --- comments ---------------------------------------------------------------------------------------


class _Checks:
    def __init__(self) -> None:
        self.count = 0

    def add(self, holder: CommentedMap, key: str, *given: Bilingual | None) -> None:
        notes = [n for n in given if n is not None]
        if not notes:
            return
        self.count += 1
        zh = "；".join(n.zh for n in notes)
        en = "; ".join(n.en for n in notes)
        holder.yaml_add_eol_comment(f"# {CHECK} {zh} / {en}", key)


# --- the document's parts ---------------------------------------------------------------------------


@dataclass
class _Section:
    heading: str | None
    inline: str | None
    clause: Paragraph
    blocks: list[Paragraph | Table] = field(default_factory=list)
    kind: str = "other"
    guessed: Bilingual | None = None


@dataclass
class _Annex:
    label: str
    title: str | None
    table: Table | None
    sources: list[Source]


def _is_clause(block: Paragraph | Table) -> bool:
    return (isinstance(block, Paragraph) and block.marker is not None and block.marker.style == CLAUSE
            and not _CONTENTS.search(block.source.text))


def _split_heading(text: str) -> tuple[str | None, str | None]:
    match = re.match(r"^([^：:，。,]{1,24})[：:]\s*(.*)$", text)
    if match:
        return clean(match.group(1)), clean(match.group(2)) or None
    if len(text) <= 14 and not re.search(r"[，。,;；]", text):
        return text, None
    return None, text


def _kind(heading: str | None, taken: set[str]) -> tuple[str, Bilingual | None]:
    if heading is None:
        return "other", None
    words = re.sub(r"\s+", "", heading)
    for kind, keys in SECTION_WORDS:
        if any(key in words for key in keys):
            if kind in SINGLE and kind in taken:
                return "other", Bilingual(f"已有「{kind}」章節，這一節列為 other", f'there is a "{kind}" section already: this one is other')
            return kind, Bilingual(f"由標題「{words}」判斷為 {kind}", f'kind {kind} guessed from the heading')
    return "other", Bilingual(f"不認得的標題「{words}」，列為 other", "heading not recognised: kind other")


def _entries_of(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Entry]]:
    """Plain paragraphs before a list, and the list's entries; an unnumbered line that goes on from a
    list item without ending its sentence (a word split across lines) joins it."""
    plain: list[Paragraph] = []
    items: list[Entry] = []
    for paragraph in paragraphs:
        if paragraph.marker is not None:
            items.append(Entry(paragraph.marker, paragraph.text, [paragraph.source], paragraph.raw))
            continue
        last = items[-1] if items else None
        if last is not None and (last.text[-1:] not in _FINAL or paragraph.text[:1] in _OPENING_PUNCT):
            last.text = join_lines([last.text, paragraph.text])
            last.sources.append(paragraph.source)
        elif last is None and plain and plain[-1].text[-1:] not in _FINAL and paragraph.text[:1] in _OPENING_PUNCT:
            plain[-1] = Paragraph(None, join_lines([plain[-1].text, paragraph.text]), plain[-1].source, plain[-1].raw)
            paragraph.source.placed = True
        elif last is not None:
            # Text after a list: kept as its own item so nothing is lost.
            items.append(Entry(None, paragraph.text, [paragraph.source], paragraph.raw))
        else:
            plain.append(paragraph)
    return plain, items


def _list_tree(items: list[Entry]) -> list[dict[str, Any]]:
    """Numbered entries as a tree: the first style is level 1, each other style nests by STYLE_ORDER."""
    roots: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    first = items[0].marker.style if items and items[0].marker else CN
    for entry in items:
        style = entry.marker.style if entry.marker else first
        rank = 0 if style == first else 1 + STYLE_ORDER.index(style)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        node = {"text": entry.text.rstrip("：:"), "entry": entry, "children": []}
        (stack[-1][1]["children"] if stack else roots).append(node)
        stack.append((rank, node))
    return roots


def _flow(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _column(column: TableColumn) -> CommentedMap:
    out = CommentedMap(label=column.label)
    if len(column.levels) == 1:
        out["level"] = column.levels[0]
    elif column.levels:
        out["levels"] = _flow(column.levels)
    elif column.field:
        out["field"] = column.field
    else:
        out["cell"] = column.cell
    return out


def _list_styles(roots: list[dict[str, Any]]) -> list[str]:
    """The numbering style of each level of a list, as the document types it."""
    found: dict[int, Counter[str]] = {}

    def walk(nodes: list[dict[str, Any]], depth: int) -> None:
        for node in nodes:
            found.setdefault(depth, Counter())[written_style(node["entry"].marker)] += 1
            walk(node["children"], depth + 1)
    walk(roots, 1)
    return [found[d].most_common(1)[0][0] for d in sorted(found)]


def _placed(sources: list[Source]) -> None:
    for source in sources:
        source.placed = True


# --- building the plan ------------------------------------------------------------------------------


class _Builder:
    def __init__(self, outline: Outline, agency_id: str, year: int | None, today: datetime.date, new_agency: bool) -> None:
        self.outline = outline
        self.agency_id = agency_id
        self.given_year = year
        self.today = today
        self.new_agency = new_agency
        self.checks = _Checks()
        self.annexes: list[_Annex] = []

    def build(self) -> Draft:
        blocks = self.outline.blocks
        first = next((i for i, b in enumerate(blocks) if _is_clause(b)), len(blocks))
        front = self._front(blocks[:first])
        sections = self._sections(blocks[first:])
        year = self.given_year or front.get("year")
        if year is None:
            raise DraftError(Bilingual("文件中找不到計畫年度，請用 --year 指定（例如 --year 114）",
                                       "the document does not say the plan's year: give it with --year (e.g. --year 114)"))
        self.year = year
        plan = CommentedMap()
        title = front.get("title") or f"{front.get('name', '')}{year}年提升服務品質執行計畫"
        plan["title"] = title
        if not front.get("title"):
            self.checks.add(plan, "title", Bilingual("文件中找不到標題，這是預設標題", "no title found: this one is made up"))
        if front.get("inner_title"):
            plan["inner_title"] = front["inner_title"]
        plan["year"] = year
        if not self.given_year:
            self.checks.add(plan, "year", Bilingual("由標題判斷年度", "year read from the title"))
        # A draft until a person has checked it: not published.
        plan["state"] = DRAFT
        if front.get("category"):
            plan["category"] = front["category"]
        if front.get("issued"):
            plan["issued"] = front["issued"]
            self.checks.add(plan, "issued", Bilingual("由封面日期判斷", "read from the date on the cover"))
        plan["history"] = CommentedSeq([CommentedMap(date=self.today, event="drafted",
                                                     note=CommentedMap([("zh-TW", f"由 {self.outline.name} 匯入"),
                                                                        ("en", f"Imported from {self.outline.name}")]))])
        plan["sections"] = CommentedSeq([self._section(s) for s in sections])
        if not any(s["kind"] == "body" for s in plan["sections"]):
            raise DraftError(Bilingual("找不到實施要項（計畫的主體：條列或表格），無法建立草稿",
                                       "no body (the plan's items, as a list or a table) was found; no draft was made"))
        annexes = [self._annex(a, plan) for a in self.annexes]
        if annexes:
            plan["annexes"] = CommentedSeq(annexes)
        agency = self._agency(front)
        return Draft(plan=plan, agency=agency, year=year, checks=self.checks.count)

    # front matter: title, agency name, category, date, contents, profile table
    def _front(self, blocks: list[Paragraph | Table]) -> dict[str, Any]:
        front: dict[str, Any] = {}
        titles: list[tuple[str, list[Source]]] = []
        pending: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, Table):
                profile = _profile(block)
                if profile:
                    front["profile"] = profile
                continue
            text = block.source.text
            words = re.sub(r"\s+", "", text)
            if words in ("目錄", "目次") or _CONTENTS.search(text):
                block.source.placed = True
            elif words.startswith(("類別：", "類別:")):
                front["category"] = words.split("：" if "：" in words else ":", 1)[1]
                block.source.placed = True
            elif _ROC_MONTH.match(words):
                match = _ROC_MONTH.match(words)
                assert match is not None
                front["issued"] = f"{western_year(int(match.group(1)))}-{int(match.group(2)):02d}"
                block.source.placed = True
            elif words == "基本資料":
                block.source.placed = True
            elif "計畫" in words or "方案" in words:
                parts = [*pending, block]
                titles.append((join_lines([p.source.text for p in parts]), [p.source for p in parts]))
                pending = []
            elif roc_year_in(words) and not titles:
                pending.append(block)
            elif ORG_SUFFIX.search(words) and len(words) <= 25 and not re.search(r"[0-9，。]", words):
                front.setdefault("name", words)
                block.source.placed = True
        if titles:
            front["title"] = titles[0][0]
            _placed(titles[0][1])
            inner = [t for t in titles[1:] if t[0] != titles[0][0]]
            if inner:
                front["inner_title"] = inner[0][0]
                _placed(inner[0][1])
        for title in [front.get("title"), front.get("inner_title")]:
            if title and "year" not in front:
                year = roc_year_in(title)
                if year:
                    front["year"] = year
            if title and "name" not in front:
                match = re.match(r"^(.+?)\s*[0-9〇一二三四五六七八九十]{2,4}\s*年", title)
                if match and ORG_SUFFIX.search(match.group(1)):
                    front["name"] = match.group(1)
        return front

    def _sections(self, blocks: list[Paragraph | Table]) -> list[_Section]:
        sections: list[_Section] = []
        taken: set[str] = set()
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if _is_clause(block):
                assert isinstance(block, Paragraph)
                heading, inline = _split_heading(block.text)
                sections.append(_Section(heading=heading, inline=inline, clause=block))
                block.source.placed = True
            elif isinstance(block, Paragraph) and _ANNEX.match(re.sub(r"\s+", "", block.text)) and sections:
                label = "附件" + re.sub(r"\s+", "", block.text)[2:]
                block.source.placed = True
                title = None
                table = None
                sources = [block.source]
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                if isinstance(following, Paragraph) and following.marker is None and not _is_clause(following):
                    title = following.text
                    sources.append(following.source)
                    index += 1
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                if isinstance(following, Table):
                    table = following
                    index += 1
                self.annexes.append(_Annex(label, title, table, sources))
            elif sections:
                sections[-1].blocks.append(block)
            index += 1
        for section in sections:
            section.kind, section.guessed = _kind(section.heading, taken)
            taken.add(section.kind)
        if "body" not in taken:
            holder = next((s for s in sections if any(isinstance(b, Table) and read_tree(b) for b in s.blocks)), None)
            if holder is not None:
                holder.kind = "body"
                holder.guessed = Bilingual("這一節有實施要項的表格，列為 body", "this section holds the plan's table: kind body")
        return sections

    def _section(self, section: _Section) -> CommentedMap:
        out = CommentedMap(kind=section.kind)
        self.checks.add(out, "kind", section.guessed)
        if section.heading and not (section.kind == "other" and section.heading is None):
            out["heading"] = section.heading
        if section.kind == "body":
            self._body(section, out)
            return out
        paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
        for table in (b for b in section.blocks if isinstance(b, Table)):
            self.annexes.append(_Annex("", None, table, []))
        if section.inline:
            paragraphs.insert(0, Paragraph(None, section.inline, section.clause.source, section.inline))
        plain, items = _entries_of(paragraphs)
        if section.kind == "basis":
            out["items"] = CommentedSeq()
            for entry in items or [Entry(None, p.text, [p.source]) for p in plain]:
                item, found = basis_item(entry.text)
                out["items"].append(item)
                _placed(entry.sources)
                if found:
                    self.checks.add(item, found[0], Bilingual("由原文判斷：" + "、".join(found), "read from the sentence: " + ", ".join(found)))
            return out
        if section.kind == "period":
            text = join_lines([p.text for p in plain] + [e.text for e in items])
            start, end = period_of(text)
            if start and end:
                out["start"], out["end"] = start, end
                self.checks.add(out, "start", Bilingual("由原文判斷起訖年月", "start and end read from the text"))
            if text:
                out["text"] = text
            _placed([p.source for p in plain] + [s for e in items for s in e.sources])
            return out
        if section.kind == "annexes":
            for paragraph in [*plain, *[Paragraph(None, e.text, e.sources[0]) for e in items]]:
                match = _ANNEX_SUFFIX.match(paragraph.text) or re.match(r"^(附件\s*[0-9０-９一二三四五六七八九十]+)\s*[:：、]?\s*(.+)$", paragraph.text)
                if match and match.group(1).startswith("附件"):
                    label, title = re.sub(r"\s+", "", match.group(1)), match.group(2)
                elif match:
                    title, label = match.group(1), re.sub(r"\s+", "", match.group(2))
                else:
                    label, title = "", paragraph.text
                self.annexes.append(_Annex(label, title, None, [paragraph.source]))
            return out
        if plain:
            out["text"] = "\n\n".join(p.text for p in plain)
            _placed([p.source for p in plain])
        if items:
            out["items"] = CommentedSeq(e.text for e in items)
            for entry in items:
                entry.place()
            style = items[0].marker.typed if items[0].marker else None
            canonical = items[0].marker.style if items[0].marker else None
            if canonical and canonical != CN and canonical in LIST_STYLES:
                out["list_style"] = canonical
            elif style and canonical not in LIST_STYLES:
                self.checks.add(out, "items", Bilingual(f"原文編號 {style} 將顯示為 一、", f"numbered {style} in the document, shown as 一、"))
        if "text" not in out and "items" not in out and "heading" not in out:
            out["text"] = section.clause.text
        return out

    def _body(self, section: _Section, out: CommentedMap) -> None:
        tables = [b for b in section.blocks if isinstance(b, Table)]
        trees = [(t, read_tree(t)) for t in tables]
        main = next(((t, tree) for t, tree in trees if tree is not None and tree.roots), None)
        before = section.blocks[:section.blocks.index(main[0])] if main else section.blocks
        paragraphs = [b for b in before if isinstance(b, Paragraph)]
        if section.inline:
            paragraphs.insert(0, Paragraph(None, section.inline, section.clause.source, section.inline))
        for table, _tree in trees:
            if main is None or table is not main[0]:
                self.annexes.append(_Annex("", None, table, []))
        plain, items = _entries_of(paragraphs)
        if main is None:
            if not items:
                return
            if plain:
                out["intro"] = "\n\n".join(p.text for p in plain)
                _placed([p.source for p in plain])
            out["layout"] = "list"
            roots = _list_tree(items)
            styles = _list_styles(roots)
            if styles:
                out["numbering"] = CommentedMap(levels=_flow(styles))
            out["items"] = CommentedSeq(self._list_node(node, f"a{i}") for i, node in enumerate(roots, start=1))
            return
        table, tree = main
        assert tree is not None
        if plain and not items and plain[-1].text[-1:] not in "。：:" and len(plain[-1].text) <= 40 and len(plain) > 1:
            out["table_title"] = plain[-1].text
            plain[-1].source.placed = True
            plain = plain[:-1]
        elif plain and items and plain[-1] is paragraphs[-1] and plain[-1].text[-1:] not in "。：:" and len(plain[-1].text) <= 40:
            out["table_title"] = plain.pop().text
            paragraphs[-1].source.placed = True
        if plain:
            out["intro"] = "\n\n".join(p.text for p in plain)
            _placed([p.source for p in plain])
        if items:
            out["intro_items"] = CommentedSeq(e.text for e in items)
            for entry in items:
                entry.place()
        self._table_settings(out, tree)
        out["items"] = CommentedSeq(self._tree_node(node, f"a{i}", tree) for i, node in enumerate(tree.roots, start=1))

    def _table_settings(self, out: CommentedMap, tree: TableTree) -> None:
        """The table as the document draws it: its columns in order under their headers, its numbering
        styles, and a row per action where the document gives each action a row; the old level names and
        labels only when the columns cannot be declared."""
        if tree.columns:
            out["columns"] = CommentedSeq(_column(c) for c in tree.columns)
            self.checks.add(out, "columns", Bilingual("欄位與欄名照原文表格的表頭", "columns and headers as the document's table header"))
        else:
            if tree.levels:
                out["levels"] = CommentedSeq(tree.levels)
            labels = CommentedMap((role, tree.labels[role]) for role in ("actions", "units", "deadline", "outcomes") if role in tree.labels)
            if labels:
                out["labels"] = labels
        numbering = tree.numbering()
        written = CommentedMap(levels=_flow(numbering["levels"]))
        if "actions" in numbering:
            written["actions"] = numbering["actions"]
        out["numbering"] = written
        if tree.rows_are_actions:
            out["rows"] = "actions"

    def _dimension(self, node: CommentedMap, depth: int) -> None:
        if depth != 1:
            return
        words = re.sub(r"\s+", "", node["text"])
        for key, dimension in DIMENSIONS:
            if key in words:
                node["dimension"] = dimension
                self.checks.add(node, "dimension", Bilingual(f"由文字判斷構面 {dimension}", f"framework dimension {dimension} guessed from the text"))
                return

    def _list_node(self, node: dict[str, Any], node_id: str, depth: int = 1) -> CommentedMap:
        out = CommentedMap(id=node_id, text=node["text"] or node["entry"].text)
        node["entry"].place()
        self._dimension(out, depth)
        if node["children"]:
            out["items"] = CommentedSeq(self._list_node(child, f"{node_id}-{i}", depth + 1)
                                        for i, child in enumerate(node["children"], start=1))
            if depth >= 3:
                self.checks.add(out, "items", Bilingual("超過 3 層，請改寫為具體作法", "more than 3 levels: rewrite the last as actions"))
        return out

    def _tree_node(self, node: TreeNode, node_id: str, tree: TableTree) -> CommentedMap:
        out = CommentedMap(id=node_id, text=node.text or "（未命名）")
        self._dimension(out, node.depth)
        if node.children:
            out["items"] = CommentedSeq(self._tree_node(child, f"{node_id}-{i}", tree) for i, child in enumerate(node.children, start=1))
            # An item with sub-items cannot have actions or outcomes: they stay in the report as not placed.
            for source in [s for a in node.actions for s in a.sources] + [s for e in node.outcomes for s in e.sources]:
                source.placed = False
            return out
        if node.actions:
            numbered = tree.numbering().get("actions", UNNUMBERED) != UNNUMBERED
            # An unnumbered sentence among numbered actions (a lead sentence) stays unnumbered.
            lead = numbered and (len(node.actions) > 1 or tree.rows_are_actions)
            out["actions"] = CommentedSeq(self._action(a, lead and not a.numbered) for a in node.actions)
        if node.units:
            out["units"] = CommentedSeq(node.units)
            if len(node.units) > 1:
                self.checks.add(out, "units", Bilingual("由表格的單位欄拆分", "split from the table's units column"))
        if node.deadline:
            value, note = deadline_of(node.deadline, self.year if hasattr(self, "year") else 0)
            out["deadline"] = value
            self.checks.add(out, "deadline", note)
        if node.outcomes:
            out["outcomes"] = CommentedSeq(e.text for e in node.outcomes)
        if node.note:
            out["note"] = node.note
        if node.cells:
            out["cells"] = CommentedMap(node.cells)
        if node.checks:
            self.checks.add(out, "text", *node.checks)
        return out

    def _action(self, action: Action, unnumbered: bool = False) -> CommentedMap:
        out = CommentedMap()
        if action.title:
            out["title"] = action.title
        out["text"] = action.text
        if action.title:
            self.checks.add(out, "title", Bilingual("作法開頭的短句當作小標題", "the short phrase before the action taken as its title"))
        if unnumbered:
            out["numbered"] = False
        if action.units:
            out["units"] = CommentedSeq(action.units)
        if action.deadline:
            value, note = deadline_of(action.deadline, 0)
            out["deadline"] = value
            self.checks.add(out, "deadline", note)
        if action.outcomes:
            out["outcomes"] = CommentedSeq(action.outcomes)
        if action.note:
            out["note"] = action.note
        if action.cells:
            out["cells"] = CommentedMap(action.cells)
        return out

    def _annex(self, annex: _Annex, plan: CommentedMap) -> CommentedMap:
        out = CommentedMap()
        if annex.label:
            out["label"] = annex.label
        out["title"] = annex.title or annex.label or "附件"
        _placed(annex.sources)
        if annex.table is not None:
            if self._actions_from_annex(annex.table, plan):
                self.checks.add(out, "title", Bilingual("這個附件的表格列出實施要項的具體作法與完成期限，已寫入實施要項",
                                                        "this annex's table lists the body's actions with their deadlines: written into the body"))
                return out
            view = self._repeats_body(annex.table, plan)
            if view is not None:
                out["repeats_body"] = view
                self.checks.add(out, "repeats_body", Bilingual("附件表格依文字對應到實施要項", "the annex table matched to the body by its texts"))
        return out

    def _actions_from_annex(self, table: Table, plan: CommentedMap) -> bool:
        """A body written as a list (一、 with (一)…) whose annex table gives each (一) a row of its own, under
        an actions header with its deadline: the (一) are the actions of their 一、, each with its deadline,
        and the body declares the table's columns (rows: actions). All or nothing: every item matched."""
        tree = read_tree(table)
        body = next((s for s in plan["sections"] if s["kind"] == "body"), None)
        if tree is None or not tree.rows_are_actions or not tree.columns or body is None or "items" not in body:
            return False
        groups = list(body["items"])
        if not all("items" in g and all("items" not in leaf for leaf in g["items"]) for g in groups):
            return False
        matched: dict[str, Action] = {}
        used: set[str] = set()
        for root in tree.roots:
            group = _best(root.text, [g for g in groups if g["id"] not in used])
            if group is None:
                return False
            used.add(group["id"])
            leaves = list(group["items"])
            for row in root.actions:
                leaf = _best(row.text, [leaf for leaf in leaves if leaf["id"] not in matched])
                if leaf is None:
                    return False
                matched[leaf["id"]] = row
        if len(used) != len(groups) or any(leaf["id"] not in matched for g in groups for leaf in g["items"]):
            return False
        styles = list(body.get("numbering", {}).get("levels", []))
        for group in groups:
            actions = CommentedSeq()
            for leaf in group["items"]:
                found = matched[leaf["id"]]
                action = CommentedMap(text=leaf["text"])
                if found.units:
                    action["units"] = CommentedSeq(found.units)
                if found.deadline:
                    value, note = deadline_of(found.deadline, 0)
                    action["deadline"] = value
                    self.checks.add(action, "deadline", note)
                if found.outcomes:
                    action["outcomes"] = CommentedSeq(found.outcomes)
                actions.append(action)
                _placed(found.sources)
            del group["items"]
            group["actions"] = actions
        for root in tree.roots:
            _placed(root.sources)
        for key in ("levels", "labels", "numbering"):
            if key in body:
                del body[key]
        at = list(body).index("items")
        body.insert(at, "columns", CommentedSeq(_column(c) for c in tree.columns))
        self.checks.add(body, "columns", Bilingual("欄位與欄名照附件表格的表頭", "columns and headers as the annex table's header"))
        numbering = CommentedMap(levels=_flow(styles[:1] or tree.numbering()["levels"][:1]))
        numbering["actions"] = styles[1] if len(styles) > 1 else tree.numbering().get("actions", UNNUMBERED)
        body.insert(at + 1, "numbering", numbering)
        body.insert(at + 2, "rows", "actions")
        return True

    def _repeats_body(self, table: Table, plan: CommentedMap) -> CommentedMap | None:
        """An annex table that repeats a body written as a list: each row matched to the body's item by
        its text; the deadlines it gives go to the items."""
        tree = read_tree(table)
        body = next((s for s in plan["sections"] if s["kind"] == "body"), None)
        if tree is None or body is None or "items" not in body:
            return None
        groups = list(body["items"])
        used: set[str] = set()
        view_groups = CommentedSeq()
        for root in tree.roots:
            group = _best(root.text, [g for g in groups if g["id"] not in used])
            if group is None:
                continue
            used.add(group["id"])
            leaves = list(group.get("items", []))
            rows = CommentedSeq()
            for child in root.children:
                leaf = _best(child.text, [leaf for leaf in leaves if leaf["id"] not in used])
                if leaf is None or "items" in leaf:
                    continue
                used.add(leaf["id"])
                row = CommentedMap(ref=leaf["id"])
                if clean(child.text) != clean(leaf["text"]):
                    row["text"] = child.text
                rows.append(row)
                _placed(child.sources)
                if child.deadline and "deadline" not in leaf:
                    value, note = deadline_of(child.deadline, 0)
                    leaf["deadline"] = value
                    self.checks.add(leaf, "deadline", note)
            if not rows:
                continue
            entry = CommentedMap(ref=group["id"])
            if clean(root.text) != clean(group["text"]):
                entry["text"] = root.text
            entry["rows"] = rows
            _placed(root.sources)
            view_groups.append(entry)
        if not view_groups:
            return None
        view = CommentedMap()
        columns = CommentedMap()
        if tree.levels:
            columns["group"] = tree.levels[0]
            if len(tree.levels) > 1:
                columns["text"] = tree.levels[1]
        if "deadline" in tree.labels:
            columns["deadline"] = tree.labels["deadline"]
        if columns:
            view["columns"] = columns
        view["groups"] = view_groups
        if tree.levels and "levels" not in body:
            body.insert(list(body).index("items"), "levels", CommentedSeq(tree.levels))
        return view

    def _agency(self, front: dict[str, Any]) -> CommentedMap:
        agency = CommentedMap()
        profile = front.get("profile") or {}
        name = profile.get("name") or front.get("name")
        agency["name"] = name or self.agency_id
        if not name:
            self.checks.add(agency, "name", Bilingual("文件中找不到機關名稱，請填寫", "no agency name found in the document: fill it in"))
        for key in ("head", "address", "phone", "fax", "email", "website", "contact", "staff", "budget"):
            if key in profile:
                agency[key] = profile[key]
        if profile and self.new_agency:
            _placed(profile.get("_sources", []))
            self.checks.add(agency, "name", Bilingual("由基本資料表讀出", "read from the profile table"))
        return agency


def _best(text: str, candidates: list[CommentedMap]) -> CommentedMap | None:
    best, score = None, 0.0
    for candidate in candidates:
        ratio = difflib.SequenceMatcher(None, clean(text), clean(candidate["text"]), autojunk=False).ratio()
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= 0.6 else None


PROFILE_LABELS = {
    "機關名稱": "name", "首長": "head.name", "機關首長": "head.name", "職稱": "title", "機關地址": "address", "地址": "address",
    "機關網址": "website", "網址": "website", "機關員額": "staff", "員額": "staff", "總預算": "budget", "預算": "budget",
    "聯絡人": "contact.name", "電話": "phone", "聯絡電話": "phone", "E-mail位址": "email", "E-mail": "email",
    "電子郵件": "email", "傳真": "fax",
}


def _profile(table: Table) -> dict[str, Any]:
    """The agency's profile (基本資料) from a table of labels each followed by its value."""
    cells = [(cell.text, [p.source for p in cell.paragraphs]) for row in table.rows for cell in row if cell.text]
    found: dict[str, Any] = {"_sources": []}
    in_contact = False
    index = 0
    while index < len(cells) - 1:
        label, sources = cells[index]
        key = PROFILE_LABELS.get(re.sub(r"\s+", "", label))
        value, value_sources = cells[index + 1]
        if key is None or PROFILE_LABELS.get(re.sub(r"\s+", "", value)):
            index += 1
            continue
        found["_sources"] += sources + value_sources
        if key == "contact.name":
            in_contact = True
            found.setdefault("contact", CommentedMap())["name"] = value
        elif key == "title":
            holder = found.setdefault("contact", CommentedMap()) if in_contact else found.setdefault("head", CommentedMap())
            holder["title"] = value
        elif key == "head.name":
            found.setdefault("head", CommentedMap())["name"] = value
        elif key in ("phone", "email") and in_contact:
            found.setdefault("contact", CommentedMap())[key] = value
        elif key == "staff":
            count = re.search(r"([0-9]+)\s*人", value)
            if count:
                staff = CommentedMap(count=int(count.group(1)))
                note = re.search(r"[（(]([^）)]+)[）)]", value)
                if note:
                    staff["note"] = note.group(1)
                found["staff"] = staff
        elif key == "budget":
            amount = re.search(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(元|千元|萬元|百萬元|億元)", value)
            if amount:
                number = float(amount.group(1).replace(",", ""))
                found["budget"] = CommentedMap(amount=int(number) if number.is_integer() else number, unit=amount.group(2))
        else:
            found[key] = value
        index += 2
    if "head" in found and "name" not in found["head"]:
        del found["head"]
    if "contact" in found and not found["contact"]:
        del found["contact"]
    return found if len(found) > 1 else {}


def build_draft(outline: Outline, agency_id: str, *, year: int | None, today: datetime.date,
                new_agency: bool) -> Draft:
    return _Builder(outline, agency_id, year, today, new_agency).build()


def mark_line(source_name: str) -> str:
    return f"{IMPORT_MARK} 由 {source_name} 匯入的草稿，請確認後再發布 / draft imported from {source_name}; review it before publishing"


def plan_text(draft: Draft, source_name: str) -> str:
    return f"{schema_line('plan', 3)}\n{mark_line(source_name)}\n{dump(draft.plan)}"


def agency_text(draft: Draft, source_name: str) -> str:
    return f"{schema_line('agency', 2)}\n{mark_line(source_name)}\n{dump(draft.agency)}"


def written_by_import(text: str) -> bool:
    """Whether a file was written by the importer (its mark is on one of its first lines)."""
    return any(line.startswith(IMPORT_MARK) for line in text.splitlines()[:3])
