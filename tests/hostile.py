"""Hostile data: a copy of the example agency and portal.yml with a payload in every text the check accepts.

Every string value of agency.yml, plan.yml, results.yml and portal.yml is replaced by one of PAYLOADS
(payload i + offset for the i-th string, so each payload lands in many kinds of field); the values the
check refuses (ids, dates, codes, file names, enums, links that are not allowed) are put back one round at
a time until the data loads without a problem. What is left is everything an editor could publish.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from support import EXAMPLE_AGENCY, FIXTURES, PLANS, ROOT

from gongkai.data.project import load_project
from gongkai.data.schema_messages import field_path

# What a careless or hostile contributor might type into a plan, and what each one tries.
PAYLOADS = (
    "示範市示範區公所<img src=x onerror=alert(1)>",  # an element with an event handler
    "x</title><script>alert(1)</script>",  # leaving the <title> for a script
    '示範"機關',  # a harmless quote in a name, which must not end a meta tag's content
    '"><svg onload=alert(1)>',  # leaving a double-quoted attribute
    "' onmouseover='alert(1)' x='",  # leaving a single-quoted attribute
    "標題 { onfocus=alert(1) autofocus tabindex=1",  # an attribute list on a heading (attr_list)
    "標題 {: onclick=alert(1) }",  # a closed attribute list
    "[按此](javascript:alert(1))",  # a Markdown link that runs script
    "![追蹤](https://tracker.example/pixel.png)",  # a remote image that tracks readers
    "![追蹤](//tracker.example/pixel.png)",  # the same, without a scheme
    "[資料](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",  # a data: link
    "[參考][r]\n\n[r]: javascript:alert(1)",  # a reference-style link that runs script
    "<a href=\"javascript:alert(1)\">連結</a>",  # raw HTML link
    "javascript:alert(1)",  # a bare script address
    "<https://tracker.example/>",  # an automatic link
    "</textarea><script>alert(1)</script><!--",  # leaving a raw-text element, opening a comment
    "<style>*{display:none}</style><iframe src=https://tracker.example/></iframe>",  # style and a frame
    "x`<script>alert(1)</script>`y",  # code that must stay text
    "{{ 7*7 }}{% raw %}",  # template syntax, which must stay text
    "*強調*_{onclick=alert(1)}",  # emphasis with an attribute list
    "&lt;script&gt;alert(1)&lt;/script&gt;",  # escaped already, which must not be unescaped
    "<img src=//tracker.example/p.png>",  # a remote image in raw HTML
)


AGENCY = f"plans/{EXAMPLE_AGENCY}/agency.yml"
PLAN = f"plans/{EXAMPLE_AGENCY}/114/plan.yml"
# The places the first payloads were found in, kept there whatever the rotation gives.
PINNED = {
    (AGENCY, "name.zh-TW"): PAYLOADS[0],
    (PLAN, "title.zh-TW"): PAYLOADS[1],
    ("portal.yml", "publisher.name.zh-TW"): PAYLOADS[2],
    (PLAN, "sections[0].heading.zh-TW"): PAYLOADS[5],
    ("portal.yml", "accessibility_mark.alt"): PAYLOADS[3],
    ("portal.yml", "reporting.exemptions[1].reason"): PAYLOADS[0],
}


@dataclass
class HostileProject:
    """The plans folder (portal.yml beside it) and every payload that stayed in, by file (relative to the
    folder above plans/) and field."""

    plans: Path
    placed: dict[tuple[str, str], str] = field(default_factory=dict)
    tried: int = 0

    @property
    def payloads_placed(self) -> set[str]:
        return set(self.placed.values())


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    return yaml


def _strings(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def _set(node: Any, path: tuple[Any, ...], value: str) -> None:
    for element in path[:-1]:
        node = node[element]
    node[path[-1]] = value


def _files(root: Path) -> list[Path]:
    return [root / "portal.yml", *sorted((root / "plans").rglob("*.yml"))]


def hostile_project(target: Path, offset: int = 0) -> HostileProject:
    """Copy the example agency and portal.yml under `target`, with payloads in every field the check accepts."""
    shutil.copytree(PLANS / EXAMPLE_AGENCY, target / "plans" / EXAMPLE_AGENCY)
    shutil.copy(ROOT / "portal.yml", target / "portal.yml")
    # portal.yml's optional parts too, so that their texts get payloads: the mark and the exemptions.
    shutil.copy(FIXTURES / "accessibility-mark.png", target / "mark.png")
    with (target / "portal.yml").open("a", encoding="utf-8") as portal:
        portal.write(f"""
accessibility_mark:
  image: mark.png
  url: https://accessibility.moda.gov.tw/Applications/Detail?category=20260101000000
  alt: 通過AA等級無障礙網頁檢測
reporting:
  deadline: "01-31"
  exemptions:
    - {{agency: {EXAMPLE_AGENCY}, year: 115, item: plan, reason: {{zh-TW: 改制, en: Reorganised}}}}
    - {{agency: {EXAMPLE_AGENCY}, year: 114, item: results, reason: 改制}}
""")
    yaml = _yaml()
    docs = {path: yaml.load(path.read_text(encoding="utf-8")) for path in _files(target)}
    originals: dict[tuple[Path, tuple[Any, ...]], str] = {}
    placed: dict[tuple[Path, tuple[Any, ...]], str] = {}
    counter = offset
    for path, doc in docs.items():
        for where, value in list(_strings(doc)):
            payload = PINNED.get((path.relative_to(target).as_posix(), field_path(where)), PAYLOADS[counter % len(PAYLOADS)])
            counter += 1
            originals[(path, where)] = value
            placed[(path, where)] = payload
            _set(doc, where, payload)
    tried = len(placed)

    def write() -> None:
        for path, doc in docs.items():
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(doc, handle)

    write()
    for _ in range(20):
        _, report = load_project(target / "plans")
        if report.ok:
            break
        refused = {(p.file.resolve(), p.field) for p in report.problems}
        put_back = [key for key in placed
                    if any(key[0].resolve() == file and _within(field_path(key[1]), name) for file, name in refused)]
        if not put_back:
            # A problem no single field explains (a rule across fields): put back the whole file.
            files = {p.file.resolve() for p in report.problems}
            put_back = [key for key in placed if key[0].resolve() in files]
        if not put_back:
            raise AssertionError(report.format(target))
        for key in put_back:
            _set(docs[key[0]], key[1], originals[key])
            del placed[key]
        write()
    else:
        raise AssertionError("the hostile data never loaded without a problem")
    project = HostileProject(plans=target / "plans", tried=tried, placed={
        (path.relative_to(target).as_posix(), field_path(where)): value for (path, where), value in placed.items()})
    missing = {key for key in PINNED if project.placed.get(key) != PINNED[key]}
    assert not missing, f"the check refused payloads in {missing}"
    return project


def _within(name: str, refused: str) -> bool:
    """Whether the field `name` is the refused field or lies inside it."""
    return name == refused or name.startswith((refused + ".", refused + "[")) or refused.startswith("（")
