"""How well site search finds what the pages hold, and what a reader downloads for it.

For a fixed list of Chinese and English queries drawn from the plans, the pages each query should find are
worked out from the built pages' text, independently of the index: for Chinese, every page whose text holds the
query as a substring; for English, every page that has all the query's words (plurals folded). Both sides fold
text the same way (NFKC, lower case, 臺 as 台; `gongkai.search.text.fold`), and a query is looked for within one
block of text (a paragraph, list item, cell…), never across two.

The queries are then run through the search's own code (`assets/search.js`, in Chromium), on the built site
served on loopback. Printed per query: the pages expected and found, recall, precision@5 (of the first five
results, or fewer when fewer are found, the share that hold the query) and the bytes of index the reader
fetches for the query's first screen of ten results, in a fresh browser; then the totals and the index's size.
With `--session`, also the bytes of a whole search session: three queries typed as a reader types them, and
one "more results".

    .venv/bin/python -m gongkai.devtools.search_recall                  # builds the site from plans/
    .venv/bin/python -m gongkai.devtools.search_recall --site site      # a site already built
    .venv/bin/python -m gongkai.devtools.search_recall --copies 143     # a portal of 143 copies of plans/

Exits with 1 when a query present in the data is not found on every page that holds it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from gongkai.search.extract import INLINE, SKIPPED, SKIPPED_CLASSES
from gongkai.search.text import fold, word

ROOT = Path(__file__).resolve().parents[2]

# Queries as readers type them: terms and phrases of the plans, some across what a word segmenter takes as
# two words (滿意度 in 服務滿意度, 志工 in 榮欣志工), one that is only part of a word (意度), one written in
# another form (台南 for 臺南), and Latin letters and digits within Chinese text (SOP, 1999).
ZH_QUERIES = [
    "滿意度", "志工", "標準作業流程", "服務品質", "無障礙", "單一窗口", "電話禮貌", "陳情案件", "為民服務", "申辦",
    "櫃台", "線上申辦", "服務台", "問卷調查", "便民服務", "教育訓練", "民眾意見", "公文", "人事室", "秘書室",
    "資訊公開", "洽公環境", "哺乳室", "愛心鈴", "斜坡道", "輿情", "全功能櫃台", "兵役", "退除役官兵", "新住民",
    "身心障礙", "社會福利", "1999", "SOP", "考核", "滾動修正", "意度", "服務滿意度", "電話禮貌測試", "台南",
    "奉茶", "流程圖", "預約",
]
EN_QUERIES = [
    "accessibility", "single window", "satisfaction", "telephone courtesy", "volunteers", "standard operating procedure",
    "complaints", "online", "training", "website", "counter", "feedback", "survey", "service quality", "ramp",
    "petition",
]
LANGUAGES = {"zh-TW": ("", ZH_QUERIES), "en": ("en/", EN_QUERIES)}
WORDS = re.compile(r"[^\W_]+")
# Queries of a session (--session): typed two characters at a time in Chinese, a word at a time in English.
SESSION = {"zh-TW": ["服務品質", "滿意度調查", "志工"], "en": ["service quality", "satisfaction survey", "volunteers"]}


@dataclass
class Row:
    lang: str
    query: str
    in_data: bool
    expected: list[str]
    found: list[str]
    candidates: int
    bytes: int

    @property
    def recall(self) -> float:
        return 1.0 if not self.expected else len(set(self.expected) & set(self.found)) / len(self.expected)

    @property
    def precision_at_5(self) -> float:
        top = self.found[:5]
        return 1.0 if not top else sum(url in self.expected for url in top) / len(top)


def page_blocks(html: str) -> list[str]:
    """A page's title and text, block by block, folded: found with BeautifulSoup, not the index's reader."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if article is None:
        return []
    for element in article.find_all(True):
        if element.decomposed:
            continue
        if element.name in SKIPPED or SKIPPED_CLASSES & set(element.get("class") or []):
            element.decompose()
    for element in article.find_all(True):
        if element.name not in INLINE:
            element.insert_before("\n")
            element.append("\n")
    return [fold(line) for line in article.get_text("").split("\n") if line.strip()]


def holds(blocks: list[str], query: str, lang: str) -> bool:
    if lang == "en":
        wanted = {word(w) for w in WORDS.findall(fold(query))}
        return wanted <= {word(w) for block in blocks for w in WORDS.findall(block)}
    return any(fold(query) in block for block in blocks)


def site_pages(site: Path, prefix: str) -> dict[str, list[str]]:
    """Every page of one language, by path from the language's root, as its blocks."""
    from gongkai.devtools.axe import site_paths

    pages = {}
    for path in site_paths(site):
        if not path.startswith(prefix) or (not prefix and path.startswith("en/")):
            continue
        pages[path[len(prefix):]] = page_blocks((site / path / "index.html").read_text(encoding="utf-8"))
    return pages


def in_data(plans: Path, query: str, lang: str) -> bool:
    """Whether the query is drawn from the plans: it occurs in their YAML files (English: case aside)."""
    for path in plans.rglob("*.yml"):
        content = path.read_text(encoding="utf-8")
        if query in content if lang != "en" else query.lower() in content.lower():
            return True
    return False


@contextmanager
def served(site: Path) -> Iterator[tuple[str, Any]]:
    from gongkai.devtools.axe import browser
    from gongkai.devtools.loopback import serve

    with serve(site) as base, browser() as chromium:
        yield base, chromium


def _fresh_page(chromium: Any, url: str) -> tuple[Any, Any, list[Any]]:
    context = chromium.new_context()
    page = context.new_page()
    requests: list[Any] = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url)
    page.wait_for_function("() => window.gongkaiSearch")
    return context, page, requests


def _bytes(requests: list[Any], part: str) -> int:
    return sum(r.sizes()["responseBodySize"] for r in requests if part in r.url)


def run_queries(base: str, chromium: Any, site: Path, plans: Path, lang: str, recall: bool = True) -> list[Row]:
    """Each query of `lang`: the bytes of its first screen in a fresh browser, then (with `recall`) every result,
    each checked against its page's text, as the reader's script checks the ones it shows."""
    prefix, queries = LANGUAGES[lang]
    pages = site_pages(site, prefix) if recall else {}
    root = base + prefix
    rows = []
    for query in queries:
        expected = sorted(root + url for url, blocks in pages.items() if holds(blocks, query, lang))
        context, page, requests = _fresh_page(chromium, root)
        try:
            first = page.evaluate("q => window.gongkaiSearch.search(q, 10)", query)
            fetched = _bytes(requests, root + "search/")
            every = page.evaluate("q => window.gongkaiSearch.search(q)", query) if recall else first
        finally:
            context.close()
        found = [result["url"] for result in every["results"]]
        rows.append(Row(lang, query, in_data(plans, query, lang), expected, found, every["candidates"], fetched))
    return rows


def session_bytes(base: str, chromium: Any, lang: str) -> dict[str, int]:
    """The bytes one reader's search session downloads: the script, then three queries typed into the box as a
    reader types them (Chinese two characters at a time, as an input method gives them; English a word at a
    time), waiting for the results of each step, and one "more results"."""
    prefix = LANGUAGES[lang][0]
    context, page, requests = _fresh_page(chromium, base + prefix)
    try:
        box = page.locator("#gk-search-input")
        for query in SESSION[lang]:
            box.fill("")
            steps = [query[: i + 2] for i in range(0, len(query), 2)] if lang != "en" else \
                [" ".join(query.split()[: i + 1]) for i in range(len(query.split()))]
            for step in steps:
                box.fill(step)
                page.wait_for_function("() => !/…|\\.\\.\\./.test(document.getElementById('gk-search-status').textContent)"
                                       " && document.getElementById('gk-search-status').textContent.trim() !== ''")
                page.wait_for_timeout(400)
        more = page.locator("[data-gk-search-more]")
        if more.is_visible():
            more.click()
            page.wait_for_timeout(800)
        page.wait_for_timeout(200)
        return {"script": _bytes(requests, "assets/search.js"), "index": _bytes(requests, base + prefix + "search/")}
    finally:
        context.close()


def index_size(site: Path, prefix: str) -> tuple[int, int]:
    files = [p for p in (site / prefix / "search").rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def copy_portal(plans: Path, copies: int, target: Path) -> Path:
    """A portal of `copies` copies of every agency of `plans` (ids and names numbered), with portal.yml and
    glossary.yml beside it: a large portal made of real text, for measuring."""
    out = target / "plans"
    out.mkdir(parents=True)
    for name in ("portal.yml", "glossary.yml"):
        if (plans.parent / name).exists():
            shutil.copy(plans.parent / name, target / name)
    for agency in sorted(p for p in plans.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for n in range(1, copies + 1):
            folder = out / f"{agency.name}-{n}"
            shutil.copytree(agency, folder)
            _number_name(folder / "agency.yml", n)
    return out


def _number_name(profile: Path, n: int) -> None:
    """The agency's name, in each language it has, with a number: 某機關 → 某機關第n分處."""
    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(profile.read_text(encoding="utf-8"))
    name = data["name"]
    if isinstance(name, str):
        data["name"] = f"{name}第{n}分處"
    else:
        for lang in name:
            name[lang] = f"{name[lang]} No. {n}" if lang == "en" else f"{name[lang]}第{n}分處"
    with profile.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def build(plans: Path, out: Path) -> None:
    from gongkai.publish.build import build_site

    build_site(ROOT, plans, out)


def report(rows: list[Row], site: Path) -> str:
    lines = [f"{'lang':5} {'query':32} {'expected':>8} {'found':>6} {'recall':>7} {'P@5':>5} {'bytes':>9}"]
    for row in rows:
        mark = "" if row.in_data else "  (not in the plans)"
        lines.append(f"{row.lang:5} {row.query:32} {len(row.expected):8d} {len(row.found):6d} {row.recall:7.0%} "
                     f"{row.precision_at_5:5.0%} {row.bytes:9,d}{mark}")
    for lang, (prefix, _) in LANGUAGES.items():
        mine = [r for r in rows if r.lang == lang and (r.expected or not any(x.expected for x in rows))]
        if not mine:
            continue
        size, files = index_size(site, prefix)
        quality = (f"recall {statistics.mean(r.recall for r in mine):.1%} (all pages found for "
                   f"{sum(r.recall == 1 for r in mine)}); precision@5 {statistics.mean(r.precision_at_5 for r in mine):.1%}"
                   if any(r.expected for r in mine) else "recall not measured")
        lines.append(f"{lang}: {len(mine)} queries; {quality}; bytes per query: median "
                     f"{statistics.median(r.bytes for r in mine):,.0f}, largest {max(r.bytes for r in mine):,d}; "
                     f"index {size:,d} bytes in {files:,d} files")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (by default: build one from --plans)")
    parser.add_argument("--plans", type=Path, default=ROOT / "plans", help="the plans to build and draw from")
    parser.add_argument("--copies", type=int, default=0, help="build a portal of this many copies of the plans")
    parser.add_argument("--session", action="store_true", help="also measure the bytes of a search session")
    parser.add_argument("--keep", type=Path, help="build into this folder (plans and site), and keep it")
    parser.add_argument("--bytes-only", action="store_true",
                        help="measure only the bytes of each query's first screen (no recall: quicker on a large site)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="search-recall-") as temporary:
        work = args.keep or Path(temporary)
        plans, site = args.plans, args.site
        if args.copies:
            plans = copy_portal(args.plans, args.copies, work)
        if site is None:
            site = work / "site"
            started = time.monotonic()
            build(plans, site)
            print(f"built in {time.monotonic() - started:.0f} s")
        with served(site) as (base, chromium):
            rows = [row for lang in LANGUAGES
                    for row in run_queries(base, chromium, site, plans, lang, recall=not args.bytes_only)]
            print(report(rows, site))
            pages = {lang: len(site_pages(site, prefix)) for lang, (prefix, _) in LANGUAGES.items()}
            print("pages: " + ", ".join(f"{lang} {count:,d}" for lang, count in pages.items()))
            if args.session:
                for lang in LANGUAGES:
                    spent = session_bytes(base, chromium, lang)
                    print(f"{lang} session ({' / '.join(SESSION[lang])}, one 'more'): index {spent['index']:,d} bytes "
                          f"+ script {spent['script']:,d} bytes = {spent['index'] + spent['script']:,d} bytes")
    missed = [row for row in rows if row.in_data and row.recall < 1]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
