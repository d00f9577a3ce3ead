"""Mistakes that the schema accepts but that show on the published pages: warned about, never refused.

Each is a Problem of severity WARNING: `gongkai check` and the build print it and still pass. Those that
`gongkai check --fix` can mend carry the Edit that mends them, located by line and column in the file's
text so the fix changes those characters and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gongkai.data.model import build_nodes
from gongkai.data.problems import WARNING, Bilingual, Edit, Problem, field_path
from gongkai.data.schemas import SCHEMA_MARK, schema_line
from gongkai.data.tables import table_settings
from gongkai.data.yaml_source import Document
from gongkai.i18n.text import LANGS

# Numbering typed at the start of a text: 壹、 一、 (一) （一） (1) 1. 1、 甲、, and the spaces after it.
# Not what only looks like it: 一、二月 (January and February), 1.5 倍, 1、2 月.
NUMBERING = re.compile(
    r"^[ \t\u3000]*(?:"
    r"[壹貳參叁肆伍陸柒捌玖拾]+[、．]"
    r"|[一二三四五六七八九十]+[、．](?![一二三四五六七八九十])"
    r"|[(（][ \u3000]*(?:[一二三四五六七八九十]+|[0-9０-９]+)[ \u3000]*[)）]"
    r"|[0-9０-９]+[、．](?![0-9０-９])"
    r"|[0-9０-９]+\.(?![0-9])"
    r"|[甲乙丙丁戊己庚辛壬癸][、．]"
    r")[ \t\u3000]*")
# A plain (unquoted) YAML value cannot start with these: removing the number in front of one would change
# what the file says, so such a text is left for a person to mend.
INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
SCHEMA_KINDS = {"plan.yml": "plan", "results.yml": "results", "agency.yml": "agency", "portal.yml": "portal"}
TEXT_SECTION_KINDS = ("goals", "audience", "status_quo", "approach", "monitoring", "evaluation", "future",
                      "other", "annexes")


def _warning(doc: Document, path: list[Any], summary: Bilingual, *, key: bool = False, **extra: Any) -> Problem:
    line, column = doc.position(path, key=key)
    return Problem(file=doc.path, line=line, column=column, summary=summary, field=field_path(path),
                   severity=WARNING, **extra)


def typed_number(value: str) -> str | None:
    """The numbering (with the spaces around it) a text starts with, if it starts with one."""
    match = NUMBERING.match(value)
    if match is None or not value[match.end():].strip():
        return None
    return match.group(0)


# --- typed numbering ---------------------------------------------------------------------------------


def _numbered_texts(data: dict[str, Any]) -> Iterator[list[Any]]:
    """The paths of the plan's texts that the page shows after a number it makes itself."""
    for s_index, section in enumerate(data["sections"]):
        where: list[Any] = ["sections", s_index]
        if "heading" in section:
            yield [*where, "heading"]
        elif section["kind"] == "other" and "text" in section:
            yield [*where, "text"]
        kind = section["kind"]
        if kind == "basis":
            for index in range(len(section["items"])):
                yield [*where, "items", index, "text"]
        elif kind == "body":
            for index in range(len(section.get("intro_items", []))):
                yield [*where, "intro_items", index]
            for table, path in table_settings(section):
                if path and "heading" in table:
                    yield [*where, *path, "heading"]
                yield from _node_texts(table["items"], [*where, *path, "items"])
        elif kind in TEXT_SECTION_KINDS:
            for index, item in enumerate(section.get("items", [])):
                yield [*where, "items", index, "text"] if isinstance(item, dict) and "title" in item else \
                    [*where, "items", index]


def _node_texts(items: list[dict[str, Any]], where: list[Any]) -> Iterator[list[Any]]:
    for index, item in enumerate(items):
        path = [*where, index]
        yield [*path, "text"]
        for a_index in range(len(item.get("actions", []))):
            yield [*path, "actions", a_index, "text"]
        for o_index in range(len(item.get("outcomes", []))):
            yield [*path, "outcomes", o_index]
        yield from _node_texts(item.get("items", []), [*path, "items"])


def _value_at(data: Any, path: list[Any]) -> Any:
    for element in path:
        data = data[element]
    return data


def _content_start(doc: Document, path: list[Any]) -> tuple[int, int, bool] | None:
    """Where the characters of the text at `path` start in the file (1-based line and column), and whether it
    is written without quotes; None when the file cannot say."""
    if not doc.text:
        return None
    lines = doc.text.split("\n")
    line, column = doc.position(path)
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    first = source[column - 1:column]
    if first in ("'", '"'):
        return line, column + 1, False
    if first in ("|", ">"):
        for number in range(line + 1, len(lines) + 1):
            content = lines[number - 1].rstrip("\r")
            if content.strip():
                return number, len(content) - len(content.lstrip(" ")) + 1, False
        return None
    return line, column, True


def numbering_edit(doc: Document, path: list[Any], number: str) -> Edit | None:
    """The edit that deletes `number` from the start of the text at `path`, when the file holds it as typed."""
    start = _content_start(doc, path)
    if start is None or "\r" in doc.text.replace("\r\n", ""):
        return None
    line, column, plain = start
    source = doc.text.split("\n")[line - 1].rstrip("\r")
    if source[column - 1:column - 1 + len(number)] != number:
        return None
    rest = source[column - 1 + len(number):]
    if plain and (not rest or rest[0] in INDICATORS):
        return None
    value = _value_at(doc.data, path)
    return Edit(line=line, column=column, length=len(number), original=number, path=tuple(path), value=value[len(number):],
                done=Bilingual(f"刪除開頭的編號「{number.strip()}」", f'deleted the typed number "{number.strip()}"'))


def typed_numbering(doc: Document) -> list[Problem]:
    """Texts of a plan that start with the number the page gives them: 一、 would show as 一、一、."""
    problems = []
    for path in _numbered_texts(doc.data):
        value = _value_at(doc.data, path)
        texts = [(path, value)] if isinstance(value, str) else \
            [([*path, lang], value[lang]) for lang in LANGS if isinstance(value, dict) and isinstance(value.get(lang), str)]
        for where, source in texts:
            number = typed_number(source)
            if number is None:
                continue
            shown = number.strip()
            edit = numbering_edit(doc, where, number)
            problems.append(_warning(
                doc, where, Bilingual(f"文字開頭打了編號「{shown}」：網頁會自動編號，編號會出現兩次",
                                      f'the text starts with a typed number "{shown}": the page numbers it '
                                      "itself, so the number would show twice"),
                expected=Bilingual("不含編號的文字", "the text without its number"),
                found=f"「{' '.join(source.split())[:40]}{'…' if len(source) > 40 else ''}」",
                hint=Bilingual("刪除開頭的編號（gongkai check --fix 會自動刪除）",
                               "delete the number (gongkai check --fix deletes it)") if edit else
                Bilingual("刪除開頭的編號；刪除後文字若以 - : # 等符號開頭，請加上引號",
                          "delete the number; if the text then starts with - : # or such, put it in quotes"),
                edit=edit))
    return problems


# --- the body and the sections -----------------------------------------------------------------------


def _depth(items: list[dict[str, Any]]) -> int:
    return max((leaf.depth for top in build_nodes(items) for leaf in top.leaves()), default=0)


def levels_problems(doc: Document) -> list[Problem]:
    """More level names than a table has levels: the extra names are never shown."""
    problems = []
    for index, section in enumerate(doc.data["sections"]):
        if section["kind"] != "body":
            continue
        for table, path in table_settings(section):
            if "levels" not in table or "columns" in table:
                continue
            names, depth = len(table["levels"]), _depth(table["items"])
            if names <= depth:
                continue
            where = [*path, "levels"] if path and "levels" in section["tables"][path[1]] else ["levels"]
            problems.append(_warning(
                doc, ["sections", index, *where],
                Bilingual(f"levels 列了 {names} 層的名稱，實施要項只有 {depth} 層，多的名稱不會顯示",
                          f"levels names {names} levels but the body has {depth}: the extra names are never shown"),
                expected=Bilingual(f"至多 {depth} 個名稱", f"at most {depth} names"), found=f"{names} 個 / names",
                hint=Bilingual("刪除多的名稱；具體作法欄的名稱請寫在 labels.actions",
                               "delete the extra names; the actions column is named by labels.actions")))
    return problems


def _empty(section: dict[str, Any], plan: dict[str, Any]) -> bool:
    kind = section["kind"]
    if kind == "period":
        return "text" not in section and not ("start" in section and "end" in section)
    if kind == "annexes":
        return "text" not in section and not plan.get("annexes")
    if kind in TEXT_SECTION_KINDS:
        return "text" not in section and not section.get("items")
    return False


def empty_sections(doc: Document) -> list[Problem]:
    """Sections that would show a heading with nothing under it."""
    return [_warning(doc, ["sections", index], Bilingual("章節沒有內容，網頁上只會有標題",
                                                        "the section has nothing in it: the page would show its heading alone"),
                     expected=Bilingual("text 或 items（實施期間：text 或 start 與 end；附件：text 或 annexes）",
                                        "text or items (a period: text, or start and end; annexes: text or annexes)"),
                     found=f"kind: {section['kind']}",
                     hint=Bilingual("填入內容，或刪除這一節", "fill it in, or delete the section"))
            for index, section in enumerate(doc.data["sections"]) if _empty(section, doc.data)]


def drafted_but_published(doc: Document) -> list[Problem]:
    """A plan whose history ends in `drafted` but that does not say it is a draft: it would be published."""
    history = doc.data.get("history", [])
    if "state" in doc.data or not history:
        return []
    last = max(range(len(history)), key=lambda i: (str(history[i]["date"]), i))
    if history[last]["event"] != "drafted":
        return []
    return [_warning(doc, ["history", last, "event"],
                     Bilingual("核定歷程的最後一筆是「drafted（擬訂）」，但計畫沒有寫 state: draft，會被發布",
                               "the history ends in 'drafted' but the plan does not say state: draft, so it is published"),
                     expected=Bilingual("state: draft（草稿，不發布）或 state: approved",
                                        "state: draft (not published) or state: approved"),
                     found="沒有 state / no state",
                     hint=Bilingual("尚未核定就加上 state: draft；已核定請在 history 加上 approved 一筆",
                                    "if it is not approved yet, add state: draft; if it is, add an approved entry to history"))]


def plan_warnings(doc: Document) -> list[Problem]:
    """Every warning about a plan that passed the checks."""
    return [*typed_numbering(doc), *levels_problems(doc), *empty_sections(doc), *drafted_but_published(doc)]


# --- the file as a whole -----------------------------------------------------------------------------


def schema_line_for(path: Path, root: Path) -> tuple[str, str] | None:
    """The kind of data file at `path` and its editor's schema line, for a project whose root is `root`."""
    kind = SCHEMA_KINDS.get(path.name)
    if kind is None:
        return None
    try:
        depth = len(path.resolve().relative_to(root.resolve()).parts) - 1
    except ValueError:
        depth = {"plan": 3, "results": 3, "agency": 2, "portal": 0}[kind]
    return kind, schema_line(kind, depth)


def schema_line_problems(doc: Document, root: Path) -> list[Problem]:
    """A data file without the line that tells editors its schema (or naming another schema)."""
    wanted = schema_line_for(doc.path, root)
    if wanted is None:
        return []
    kind, line = wanted
    lines = doc.text.split("\n")
    # The line may stand anywhere among the comments that open the file.
    opening = []
    for text in lines:
        if text.strip() and not text.lstrip().startswith("#"):
            break
        opening.append(text.rstrip("\r"))
    given = [(number, text) for number, text in enumerate(opening, start=1) if text.startswith(SCHEMA_MARK)]
    if any(text.endswith(f"/{kind}.schema.json") or text == f"{SCHEMA_MARK}{kind}.schema.json" for _, text in given):
        return []
    if given:
        number, text = given[0]
        return [Problem(file=doc.path, line=number, column=1, severity=WARNING,
                        summary=Bilingual(f"編輯器的 schema 行指向別的 schema，不是 {kind}.schema.json",
                                          f"the editor's schema line names another schema, not {kind}.schema.json"),
                        expected=Bilingual(line, line), found=text,
                        hint=Bilingual("改成上面那一行（gongkai check --fix 會改）", "write the line above (gongkai check --fix does)"),
                        edit=Edit(line=number, column=1, length=len(text), original=text, replacement=line,
                                  done=Bilingual("改正編輯器的 schema 行", "corrected the editor's schema line")))]
    return [Problem(file=doc.path, line=1, column=1, severity=WARNING,
                    summary=Bilingual("檔案第一行沒有編輯器的 schema 設定", "the file's first line is not the editor's schema line"),
                    expected=Bilingual(line, line), found=lines[0].rstrip("\r")[:60] if lines else "",
                    hint=Bilingual("有這一行，編輯器才會自動完成欄位並標出錯誤（gongkai check --fix 會加上）",
                                   "with it, editors complete keys and mark mistakes as you type (gongkai check --fix adds it)"),
                    edit=Edit(line=1, column=1, length=0, replacement=line + "\n",
                              done=Bilingual("加上編輯器的 schema 行", "added the editor's schema line")))]


def file_schema_line_problems(path: Path, root: Path) -> list[Problem]:
    """schema_line_problems of a file that loaded (portal.yml), read again for its text."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    return schema_line_problems(Document(path=path, data=None, text=text), root)


def undated(path: Path, kind: str) -> Problem:
    """A plan or results file with neither `updated` nor a git commit: its pages would carry no date."""
    what = Bilingual("計畫", "plan") if kind == "plan" else Bilingual("執行成效", "results table")
    return Problem(file=path, line=1, column=1, field="updated", severity=WARNING,
                   summary=Bilingual(f"這份{what.zh}沒有 updated，git 也沒有它的提交紀錄：網頁的最後更新日期（DC.Date）會是空的",
                                     f"the {what.en} has no updated date and no git commit: its pages would carry no "
                                     "last-updated date (DC.Date)"),
                   expected=Bilingual("updated: YYYY-MM-DD，或已提交到 git 的檔案", "updated: YYYY-MM-DD, or a file committed to git"),
                   found="沒有 / none",
                   hint=Bilingual("提交（commit）這個檔案，或加上 updated: 日期", "commit the file, or add updated: with a date"))
