"""YAML syntax errors said plainly, as many of them as the file lets us find.

The YAML parser stops at the first error, and says it in its own words ("mapping values are not allowed
here"), often on the line after the mistake. When a file does not parse, its lines are read for the
mistakes people make in an editor: a full-width colon after a key (`title：…`), `: ` inside an unquoted
text, a tab in the indentation. Each is reported on its own line, and mended in a copy of the text so
that parsing can go on; an error the lines do not explain is reported as the parser found it, and the
part of the file it stands in is set aside so that parsing can go on after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from gongkai.data.limits import LimitExceeded
from gongkai.data.problems import Bilingual, Problem

# More than this many syntax errors in one file are not worth listing: the first ones show what is wrong.
MAX_SYNTAX_PROBLEMS = 10

FULL_WIDTH_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*：")
LEADING = re.compile(r"[ \t]*(?:-[ \t]+)*")
KEY_END = re.compile(r":(?=[ \t]|$)")
COMMENT = re.compile(r"[ \t]#")
BLOCK_INDICATOR = re.compile(r"[|>][0-9+-]*[ \t]*(?:#.*)?$")

TAB = (Bilingual("用了 Tab 字元縮排", "a tab character is used for indentation"),
       Bilingual("以空白鍵縮排（每層 2 個空白）", "indentation with spaces (2 per level)"),
       Bilingual("把 Tab 換成空白", "replace the tab with spaces"))
FULL_WIDTH = (Bilingual("欄位名稱後用了全形冒號「：」", "a full-width colon ： follows the key"),
              Bilingual("欄位名稱後接半形冒號 : 和一個空白，例如 title: …", "a half-width colon : and a space after the key, e.g. title: …"),
              Bilingual("把「：」改成半形的「: 」", "use a half-width colon : after a key"))
COLON_IN_TEXT = (Bilingual("沒有引號的文字中有「: 」（半形冒號加空白），YAML 會把它當成欄位",
                           "an unquoted text contains ': ' (a colon and a space), which YAML reads as a key"),
                 Bilingual("文字中的冒號用全形「：」，或整段文字加上引號", "a full-width colon in the text, or the whole text in quotes"),
                 Bilingual("把整段文字加上引號，或改用全形冒號「：」", "quote the text, or write the full-width colon ："))


@dataclass
class _Mistake:
    line: int  # 1-based
    column: int
    kind: tuple[Bilingual, Bilingual, Bilingual]
    found: str


def _excerpt(line: str) -> str:
    shown = line.strip()
    return f"「{shown[:60]}{'…' if len(shown) > 60 else ''}」"


def _closing_quote(text: str, quote: str) -> int | None:
    """Where the quoted scalar starting at text[0] ends, or None when it goes on to the next line."""
    index = 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


class _Lines:
    """The file's lines, read once: the mistakes found, each line's mended form, and the top-level entry
    (the line of its key at the left margin) each line belongs to."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.mended = list(self.lines)
        self.mistakes: list[_Mistake] = []
        self.entry: list[int] = []
        self._read()

    def _read(self) -> None:
        block_indent: int | None = None  # inside a block scalar (| or >) whose key stands at this column
        quote: str | None = None  # inside a quoted scalar that goes on over lines
        entry = 0
        for number, full in enumerate(self.lines):
            line = full.rstrip("\r")
            self.entry.append(entry)
            if block_indent is not None:
                content = line.lstrip(" ")
                if not content or len(line) - len(content) > block_indent:
                    continue
                block_indent = None
            if quote is not None:
                end = _closing_quote(quote + line, quote)
                if end is None:
                    continue
                quote = None
                continue
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
                continue
            if not line[:1].isspace():
                entry = number
                self.entry[-1] = entry
            leading = LEADING.match(line)
            assert leading is not None
            prefix = leading.group(0)
            if "\t" in prefix:
                self._mistake(number, prefix.index("\t") + 1, TAB, line)
                self.mended[number] = prefix.replace("\t", "  ") + full[len(prefix):]
            body_column = len(prefix)
            body = line[body_column:]
            found = FULL_WIDTH_KEY.match(body)
            if found:
                self._mistake(number, body_column + found.end(), FULL_WIDTH, line)
                self.mended[number] = self.mended[number].replace("：", ": ", 1)
                continue
            if body[:1] in ("'", '"'):
                end = _closing_quote(body, body[0])
                if end is None:
                    quote = body[0]
                    continue
                key_end = KEY_END.match(body, end + 1)
                if not key_end:
                    continue
                rest_column = key_end.end()
            else:
                key_end = KEY_END.search(body)
                if not key_end or COMMENT.search(body[:key_end.start()]):
                    continue
                rest_column = key_end.end()
            rest = body[rest_column:].lstrip(" \t")
            rest_start = body_column + len(body) - len(rest)
            if not rest or rest.startswith("#"):
                continue
            if BLOCK_INDICATOR.match(rest):
                block_indent = body_column
                continue
            if rest[0] in ("'", '"'):
                if _closing_quote(rest, rest[0]) is None:
                    quote = rest[0]
                continue
            if rest[0] in "[{&*!|>%@`":
                continue
            comment = COMMENT.search(rest)
            value = rest[:comment.start()] if comment else rest
            colon = KEY_END.search(value)
            if colon:
                self._mistake(number, rest_start + colon.start() + 1, COLON_IN_TEXT, line)
                mended = re.sub(r":(?=[ \t]|$)", "：", value)
                self.mended[number] = full[:rest_start] + mended + full[rest_start + len(value):]

    def _mistake(self, number: int, column: int, kind: tuple[Bilingual, Bilingual, Bilingual], line: str) -> None:
        self.mistakes.append(_Mistake(number + 1, column, kind, _excerpt(line)))

    def set_aside(self, line: int) -> None:
        """Blank the top-level entry that holds `line` (0-based), so the rest of the file can be parsed."""
        entry = self.entry[line]
        for number in range(entry, len(self.mended)):
            if number > line and self.entry[number] != entry:
                break
            self.mended[number] = ""


def _mark(error: MarkedYAMLError) -> tuple[int | None, int | None]:
    mark = error.problem_mark or error.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def parser_problem(path: Path, error: MarkedYAMLError) -> Problem:
    """The parser's error, said as plainly as its kind allows."""
    line, column = _mark(error)
    problem_text = (error.problem or "").strip()
    if "quoted scalar" in (error.context or "") and error.context_mark is not None:
        return Problem(file=path, line=error.context_mark.line + 1, column=error.context_mark.column + 1,
                       summary=Bilingual("這裡開始的引號沒有結束", "the quote that starts here is never closed"),
                       expected=Bilingual("成對的引號，例如 \"文字\" 或 '文字'", "a pair of quotes, e.g. \"text\" or 'text'"),
                       found=problem_text,
                       hint=Bilingual("在文字結尾補上相同的引號；文字中的 ' 寫成 ''", "close the text with the same quote; "
                                      "write a ' inside '…' as ''"))
    if "flow" in (error.context or "") or "flow" in problem_text:
        return Problem(file=path, line=line, column=column,
                       summary=Bilingual("YAML 語法錯誤：[ ] 或 { } 沒有成對", "YAML syntax error: a [ or { is not closed"),
                       expected=Bilingual("同一個值的 [ 與 ]、{ 與 } 成對，例如 units: [秘書室, 民政課]",
                                          "[ and ], { and } in pairs, e.g. units: [秘書室, 民政課]"),
                       found=" ".join(filter(None, [problem_text, (error.context or "").strip()])),
                       hint=Bilingual("補上缺少的括號，或改寫成每項一行、以 - 開頭的清單",
                                      "close the bracket, or write the list one item a line, each starting with -"))
    if "mapping values are not allowed" in problem_text:
        summary, expected, hint = COLON_IN_TEXT
        return Problem(file=path, line=line, column=column, summary=summary, expected=expected, found=": ", hint=hint)
    if "'\\t'" in problem_text:
        summary, expected, hint = TAB
        return Problem(file=path, line=line, column=column, summary=summary, expected=expected, found="Tab", hint=hint)
    return Problem(
        file=path, line=line, column=column,
        summary=Bilingual("YAML 語法錯誤", "YAML syntax error"),
        found=" ".join(filter(None, [problem_text, (error.context or "").strip()])),
        hint=Bilingual(
            "檢查這一行與上一行的縮排、冒號與引號是否成對",
            "check indentation, colons and matching quotes on this line and the one before",
        ),
    )


def syntax_problems(path: Path, text: str, parse: Callable[[str], Any]) -> list[Problem]:
    """Every syntax error of `text` (the file at `path`) that can be told apart, in file order; `parse` is
    the loader, which raises MarkedYAMLError at the first error."""
    lines = _Lines(text)
    problems = [Problem(file=path, line=m.line, column=m.column, summary=m.kind[0], expected=m.kind[1],
                        found=m.found, hint=m.kind[2]) for m in lines.mistakes]
    flagged = {m.line for m in lines.mistakes}
    # The first line of each top-level entry with a tab: errors after it there are likely the tab's doing.
    tabbed: dict[int, int] = {}
    for mistake in lines.mistakes:
        if mistake.kind is TAB:
            tabbed.setdefault(lines.entry[mistake.line - 1], mistake.line)
    previous: int | None = None
    while len(problems) < MAX_SYNTAX_PROBLEMS:
        try:
            parse("\n".join(lines.mended))
            break
        except MarkedYAMLError as error:
            line, _ = _mark(error)
            if line is None or line == previous:
                if not problems:
                    problems.append(parser_problem(path, error))
                break
            previous = line
            start = min(line, len(lines.entry))
            if error.context_mark is not None and error.context_mark.line + 1 < start:
                start = error.context_mark.line + 1
            entry = lines.entry[start - 1]
            if line not in flagged and not (entry in tabbed and line >= tabbed[entry]):
                problems.append(parser_problem(path, error))
            lines.set_aside(start - 1)
        except (YAMLError, ValueError, TypeError, RecursionError, LimitExceeded):
            # What the mended copy cannot get past is reported with what was found so far.
            break
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
