"""Files the data points at (annexes, evidence, the accessibility mark), which the site publishes as they are.

Each must be a regular file inside the project's folder for it, even after following links, with a
name that can stand in a web address, and of a kind that cannot run code in a visitor's browser."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gongkai.data.problems import Bilingual
from gongkai.data.yaml_source import file_kind

# Files a browser runs or renders as a page when opened from the site: published beside the pages,
# they could run scripts as the portal itself. (And the kinds a web server may run as programs.)
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
    ".js", ".mjs", ".css", ".swf", ".wasm", ".php", ".phtml", ".phar", ".asp", ".aspx", ".jsp", ".cgi", ".pl",
    ".py", ".sh",
})
# Characters a file name cannot hold and still be part of an address (# and ? end the path, % starts an
# escape), or that Windows does not allow in a file name; and control and invisible characters.
UNSAFE = re.compile('[#?%\\\\:*<>|"\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]')
RENAME = Bilingual("請把檔案改名，只用中文、英文字母、數字、- 與 _，例如 附件1.pdf",
                   "rename the file with letters, digits, - and _ only (Chinese is fine), e.g. annex-1.pdf")


@dataclass(frozen=True)
class FileProblem:
    summary: Bilingual
    found: str
    expected: Bilingual | None = None
    hint: Bilingual | None = None
    missing: bool = False


def file_problem(name: str, base: Path, root: Path, expected: Bilingual) -> FileProblem | None:
    """What is wrong with the file `name` (relative to the folder `base`), which must lie inside `root`;
    None when it is fine. `expected` says where such a file belongs."""
    if not name or name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return FileProblem(Bilingual("檔案路徑不可以是絕對路徑", "the path must not be absolute"), name, expected,
                           Bilingual("寫成相對於這個檔案所在資料夾的路徑，例如 附件1.pdf",
                                     "write it relative to this file's folder, e.g. annex-1.pdf"))
    parts = PurePosixPath(name).parts
    if any(part in ("", ".", "..") for part in name.split("/")):
        return FileProblem(Bilingual("檔案路徑不可以用 . 或 ..", "the path must not use . or .."), name, expected,
                           Bilingual("把檔案放進這個資料夾（或其下的資料夾）", "put the file in this folder (or a folder below it)"))
    unsafe = UNSAFE.search(name)
    if unsafe:
        return FileProblem(Bilingual("檔案名稱含有不能放在網址中的字元", "the file name holds a character that cannot be part of a web address"),
                           f"{name!r}：U+{ord(unsafe.group()):04X}「{unsafe.group()}」" if unsafe.group().isprintable()
                           else f"{name!r}：U+{ord(unsafe.group()):04X}", expected, RENAME)
    if any(part.startswith(".") for part in parts):
        return FileProblem(Bilingual("檔案或資料夾名稱以「.」開頭，會被視為隱藏而不會發布",
                                     "a file or folder name starting with a dot is hidden and would not be published"),
                           name, expected, RENAME)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return FileProblem(Bilingual(f"不接受 {suffix} 檔：這種檔案在瀏覽器中會執行程式或當作網頁開啟",
                                     f"{suffix} files are not accepted: a browser runs them, or opens them as a page"),
                           name, Bilingual("PDF 或 ODF（.odt、.ods）等文件檔，或 PNG、JPEG 圖片",
                                           "a document such as PDF or ODF (.odt, .ods), or a PNG or JPEG picture"),
                           Bilingual("請轉存為 PDF 或 ODF 後再附上", "convert it to PDF or ODF and attach that"))
    path = base / name
    if not os.path.lexists(path):
        return FileProblem(Bilingual("找不到檔案", "the file is missing"), name, expected, missing=True)
    if not path.resolve().is_relative_to(root.resolve()):
        return FileProblem(Bilingual(f"檔案位於 {root.name} 資料夾以外（經由連結）",
                                     f"the file lies outside the {root.name} folder (through a link)"),
                           f"{name} → {path.resolve()}", expected,
                           Bilingual("把檔案本身放進資料夾，不要用捷徑或符號連結",
                                     "put the file itself in the folder, not a shortcut or symbolic link"))
    try:
        mode = path.stat().st_mode
    except OSError:
        return FileProblem(Bilingual("找不到檔案", "the file is missing"), name, expected, missing=True)
    if not stat.S_ISREG(mode):
        return FileProblem(Bilingual("不是一般檔案", "not a regular file"), f"{name}：{file_kind(mode)}", expected)
    return None
