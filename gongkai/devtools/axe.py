"""Automated accessibility checks: every page of a built site, in a real browser, with axe-core."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.devtools.loopback import serve

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SITEMAPS = ["sitemap.xml", "en/sitemap.xml"]
# Debian's Chromium, started without the background services that would reach for the network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@dataclass(frozen=True)
class Finding:
    page: str
    viewport: str
    rule: str
    impact: str
    element: str
    html: str
    help: str
    fix: str
    help_url: str


def site_paths(site_dir: Path) -> list[str]:
    """Every page the site's sitemaps list, as paths relative to the site root ("" is the home page)."""
    paths: list[str] = []
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for name in SITEMAPS:
        sitemap = site_dir / name
        prefix = name.removesuffix("sitemap.xml")
        locs = [loc.text or "" for loc in ElementTree.parse(sitemap).getroot().findall("s:url/s:loc", namespace)]
        site_url = min(locs, key=len) if locs else ""
        paths.extend(prefix + loc[len(site_url):] for loc in locs)
    return paths


# The pages for an address with no page, which no sitemap lists, in each language.
NOT_FOUND_PAGES = ["404.html", "en/404.html"]


def audited_paths(site_dir: Path) -> list[str]:
    """What the accessibility check visits: every page of the sitemaps, and the site's "page not found" pages."""
    return site_paths(site_dir) + [path for path in NOT_FOUND_PAGES if (site_dir / path).is_file()]


@contextmanager
def browser(chromium: str = "/usr/bin/chromium"):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def audit(site_dir: Path, axe_script: Path, paths: list[str] | None = None, chromium: Any = None) -> list[Finding]:
    """Run axe on every page at every viewport and return every violation found.

    `chromium` is a browser already running, e.g. a test session's: Playwright's synchronous API cannot start
    a second time inside a process where it is running, so a caller that has one passes it in."""
    paths = audited_paths(site_dir) if paths is None else paths
    with serve(site_dir) as base:
        if chromium is not None:
            return _audit_pages(chromium, base, axe_script, paths)
        with browser() as own:
            return _audit_pages(own, base, axe_script, paths)


def _audit_pages(chromium: Any, base: str, axe_script: Path, paths: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    for viewport, size in VIEWPORTS.items():
        # axe is added as an inline script, which the pages' Content-Security-Policy would refuse.
        context = chromium.new_context(viewport=size, bypass_csp=True)
        page = context.new_page()
        for path in paths:
            page.goto(base + path)
            page.add_script_tag(path=str(axe_script))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", RULE_TAGS)
            findings.extend(_findings(path, viewport, result))
        context.close()
    return findings


def _findings(path: str, viewport: str, result: dict) -> Iterator[Finding]:
    for violation in result["violations"]:
        for node in violation["nodes"]:
            yield Finding(
                page="/" + path, viewport=viewport, rule=violation["id"], impact=violation.get("impact") or "",
                element=" ".join(map(str, node["target"])), html=node["html"][:200], help=violation["help"],
                fix=(node.get("failureSummary") or "").replace("\n", " "), help_url=violation["helpUrl"],
            )


def format_report(findings: list[Finding], pages: int) -> str:
    if not findings:
        return (f"無障礙檢查通過：{pages} 頁 × {len(VIEWPORTS)} 種寬度，axe 沒有發現問題。"
                f" / Accessibility check passed: {pages} pages × {len(VIEWPORTS)} widths, no axe violations.")
    lines = []
    for page in sorted({f.page for f in findings}):
        lines.append(f"{page}")
        for f in (f for f in findings if f.page == page):
            lines += [f"  [{f.viewport}] {f.rule} ({f.impact}): {f.help}",
                      f"    元素 element: {f.element}", f"    HTML: {f.html}",
                      f"    修正 how to fix: {f.fix}", f"    說明 more: {f.help_url}"]
    lines.append(f"共 {len(findings)} 個無障礙問題。/ {len(findings)} accessibility violation(s).")
    return "\n".join(lines)
