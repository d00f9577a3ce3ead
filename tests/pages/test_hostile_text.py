"""Random text in every kind of field, through the page generation: it is shown, never read as markup.

Hypothesis puts strings made of HTML, Markdown and attribute-list pieces (<, >, ", ', {, }, javascript:,
</title>, line breaks…) into the plain-text and Markdown fields of the small fixture portal and its
portal.yml, generates every page of both languages (Site.load(...).pages()), and checks the Markdown each
page hands to the site engine: the string never stands there unescaped, and once converted as MkDocs
converts it, no element runs script, loads from elsewhere or links to a script.
"""

from __future__ import annotations

import copy
import datetime
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, ROOT

from gongkai.data.rules import MARKDOWN_FAULTS
from gongkai.i18n.text import is_site_address
from gongkai.pages.site import Site

PIECES = ["<", ">", '"', "'", "{", "}", "{:", "{#x}", "#", "javascript:", "</title>", "<script>", "alert(1)",
          " onclick=alert(1)", "onfocus=", " autofocus", " tabindex=1", " ", "\n", "\n\n", "[", "](", ")", "!",
          "*", "_", "`", "&", "&amp;", "&lt;", "\\", "|", "---", "<!--", "-->", "data:", "//", ":", "=",
          "<img src=x onerror=alert(1)>", "![a](https://tracker.example/p.png)", "[a](javascript:alert(1))",
          "示範", "一、", "1. ", "- ", "> "]
# Printable characters only: the data is text an editor types (YAML refuses most control characters).
CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
# Between two markers, so that the string is found wherever it stands whole.
HOSTILE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(CHARACTERS, max_size=4)), min_size=1, max_size=10) \
    .map(lambda pieces: "ZQ" + "".join(pieces) + "QZ")
# Characters that escaping always changes, in any place of a page.
HTML_SPECIAL = set("<>&")
# Characters Markdown reads as markup in a heading line.
MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>&\n")
REFUSED = {summary for summary, _, _ in MARKDOWN_FAULTS.values()}
FORBIDDEN_TAGS = {"script", "style", "iframe", "frame", "object", "embed", "base", "form", "meta", "link", "template"}


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml gives MkDocs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)
    names, options = [], {}
    for extension in config["markdown_extensions"]:
        name = extension if isinstance(extension, str) else next(iter(extension))
        names.append(name)
        if isinstance(extension, dict):
            options[name] = extension[name] or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


class _Elements(HTMLParser):
    """What in converted HTML could run script or reach another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.faults.append(f"<{tag}>")
        for name, value in attrs:
            address = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name == "autofocus":
                self.faults.append(f"<{tag} {name}>")
            elif name in ("href", "src", "action", "formaction") and address.startswith(("javascript:", "data:", "vbscript:")):
                self.faults.append(f"<{tag} {name}={value}>")
            elif tag == "img" and name == "src" and not is_site_address(value or ""):
                self.faults.append(f"<img src={value}>")


def _fixture() -> dict[str, Any]:
    folder = FIXTURES / "minimal" / "sample-office"
    return {name: yaml.safe_load((folder / name).read_text(encoding="utf-8"))
            for name in ("agency.yml", "114/plan.yml", "114/results.yml")}


FIXTURE = _fixture()


def _with(value: str) -> dict[str, Any]:
    """The fixture's files with `value` in every kind of text field: plain text and Markdown, Chinese and English."""
    files = copy.deepcopy(FIXTURE)
    agency, plan, results = files["agency.yml"], files["114/plan.yml"], files["114/results.yml"]
    both = {"zh-TW": value, "en": value}
    agency.update(name=both, parent=value, address=both, service_hours=value,
                  head={"title": value, "name": both}, contact={"name": value, "title": both})
    plan.update(title=both, inner_title=value, category=both)
    goals, body = plan["sections"]
    goals.update(heading=value, items=[value, both])
    body.update(heading=both, levels=[value, both], intro=value)
    body["items"][0]["text"] = value
    body["items"][0]["items"][0].update(text=both, units=[value])
    body["items"][0]["items"][1]["targets"][0].update(metric=value, unit=value)
    plan["sections"].append({"kind": "other", "heading": value, "text": both})
    plan["sections"].append({"kind": "other", "text": value})
    results.update(note=both)
    results["results"]["a1-1"]["narrative"] = value
    results["results"]["a1-2"]["reason"] = both
    files["portal.yml"] = {"publisher": {"name": both, "address": value, "service_hours": both}}
    return files


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-text")


def _pages(folder: Path, value: str) -> list[Any]:
    plans = folder / "plans"
    shutil.rmtree(plans, ignore_errors=True)
    for name, data in _with(value).items():
        path = folder / name if name == "portal.yml" else plans / "sample-office" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pages = []
    for lang in ("zh-TW", "en"):
        site, report = Site.load(plans, lang, on=datetime.date(2026, 2, 1))
        # The only problems the check may find are the links and images it refuses; the pages are made anyway.
        assert all(p.summary in REFUSED for p in report.problems), report.format()
        assert "sample-office" in site.portal.agencies and 114 in site.portal.agencies["sample-office"].plans
        pages.extend(site.pages())
    return pages


MD = _site_markdown()


@settings(max_examples=100, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(value=HOSTILE)
def test_text_in_any_field_is_shown_not_read_as_markup(folder, value):
    for page in _pages(folder, value):
        where = f"{page.path}: {value!r}"
        if HTML_SPECIAL & set(value):
            assert value not in page.body, where
        if MARKDOWN_SPECIAL & set(value):
            for line in page.body.splitlines():
                if line.startswith("#"):
                    assert value not in line, where
        # The front matter reads back as the page's metadata, whatever the text: no key or line of its own.
        front = page.markdown.split("\n---\n", 1)[0].removeprefix("---\n")
        assert yaml.safe_load(front) == page.meta, where
        elements = _Elements()
        elements.feed(MD.reset().convert(page.body))
        assert not elements.faults, where


class _NoAliases(yaml.SafeDumper):
    """Writes a value given twice in full each time: data files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True
