"""Checking a built or published site: `a11y`, `screenshots`, `spot-check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from gongkai.cli.common import EXIT_FAILED, EXIT_OK, fail_usage, project_root
from gongkai.data.problems import Bilingual


def _built_site(site: Path, marker: str) -> Path:
    if not (site / marker).is_file():
        fail_usage(Bilingual(f"找不到已建置的網站 {site}，請先執行 make site。", f"No built site at {site}; run make site first."))
    return site


def a11y(args: argparse.Namespace) -> int:
    from gongkai.devtools.axe import audit, audited_paths, format_report

    site = _built_site(args.site, "sitemap.xml")
    axe = project_root() / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        fail_usage(Bilingual("找不到 axe-core，請執行 npm ci。", "axe-core is missing; run npm ci."))
    paths = audited_paths(site)
    findings = audit(site, axe, paths)
    print(format_report(findings, len(paths)))
    return EXIT_FAILED if findings else EXIT_OK


def screenshots(args: argparse.Namespace) -> int:
    from gongkai.devtools.screenshots import take_screenshots

    for picture in take_screenshots(_built_site(args.site, "index.html"), args.content):
        print(picture)
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    root = project_root()
    site_help = "the built site (default: site/)"
    parser = commands.add_parser("a11y", help="無障礙檢測 / axe-core on every page of a built site, in Chromium")
    parser.add_argument("site", type=Path, nargs="?", default=root / "site", help=site_help)
    parser.set_defaults(run=a11y)

    parser = commands.add_parser("screenshots", help="說明頁圖片 / take the guide's pictures of the built site")
    parser.add_argument("site", type=Path, nargs="?", default=root / "site", help=site_help)
    parser.add_argument("--content", type=Path, default=root / "content",
                        help="the folder of hand-written pages (default: content/)")
    parser.set_defaults(run=screenshots)

    parser = commands.add_parser("spot-check", add_help=False,
                                 help="抽查已發布的網站 / check published portals (gongkai spot-check --help)")
    # Listed for --help only: `gongkai.cli.main` hands its arguments to the spot check's own parser.
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
