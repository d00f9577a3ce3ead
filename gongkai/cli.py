"""Command line: `python -m gongkai check` validates every file under plans/ without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.data.load import load_portal
from gongkai.data.glossary import load_glossary
from gongkai.data.settings import load_settings


def check(plans_dir: Path, root: Path) -> int:
    """Print every problem, or a one-line summary when there are none. Returns the exit status."""
    portal, report = load_portal(plans_dir)
    report.extend(load_settings(plans_dir.parent / "portal.yml")[1])
    report.extend(load_glossary(plans_dir.parent / "glossary.yml")[1])
    if not report.ok:
        print(report.format(root).replace("網站未建置。", "請修正後再建置。").replace(
            "the site was not built", "fix them before building"), file=sys.stderr)
        return 1
    plans = list(portal.plans())
    results = sum(1 for plan in plans if plan.results)
    print(f"資料檢查通過：{len(portal.agencies)} 個機關、{len(plans)} 份計畫、{results} 份執行成效。"
          f" / Data OK: {len(portal.agencies)} agencies, {len(plans)} plans, {results} results tables.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongkai", description="Gongkai 公開: check agency plan data.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate plans/ and report every problem")
    check_parser.add_argument("--plans", type=Path, default=Path("plans"), help="the plans folder (default: plans)")
    args = parser.parse_args(argv)
    try:
        return check(args.plans, Path.cwd())
    except KeyboardInterrupt:
        return 130
