"""The yearly cycle: `new-year`, `results-skeleton`, `diff`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gongkai.cli.common import EXIT_OK, plans_dir, plans_option, tool_errors_reported
from gongkai.cycle.agency_files import checked_plan, roc_year
from gongkai.cycle.diff import format_changes
from gongkai.cycle.new_year import new_year
from gongkai.cycle.results_skeleton import results_skeleton
from gongkai.data.changes import compare
from gongkai.data.problems import display_path
from gongkai.data.reporting import today
from gongkai.i18n.dates import year_label
from gongkai.i18n.languages import CODES

AGENCY_HELP = "the agency's folder name under plans/, e.g. example-district-office"


def run_new_year(args: argparse.Namespace) -> int:
    source = roc_year(args.source) if args.source is not None else None
    target, rolled = new_year(plans_dir(args), args.agency, today(), source_year=source, force=args.force,
                              root=Path.cwd())
    where = display_path(target, Path.cwd())
    old_zh, old_en = year_label(rolled.source_year, "zh-TW"), year_label(rolled.source_year, "en")
    print(f"已建立 {where}（由 {old_zh}計畫複製）。/ Wrote {where} (copied from the {old_en} plan).")
    print(f"已更新：年度、標題、實施期間、{rolled.deadlines_moved} 個有日期的完成期限；核定歷程改為一筆「擬訂」。\n"
          f"Updated: the year, titles, period and {rolled.deadlines_moved} dated deadline(s); "
          f"the approval history is now one 'drafted' entry.")
    print("這份計畫是草稿（state: draft），核定前不會發布；核定後改為 state: approved。\n"
          "The copy is a draft (state: draft): it is not published until approved; then write state: approved.")
    for name in rolled.annex_files_dropped:
        print(f"附件檔案 {name} 未複製，請附上新年度的檔案。/ Annex file {name} was not copied: attach the new year's file.")
    if rolled.mentions:
        print(f"\n請檢查以下仍提到 {old_zh}的內容 / Please check these values that still name {old_en}:")
        for mention in rolled.mentions:
            print(f"  {where}:{mention.line}  {mention.field}：{mention.value}")
    return EXIT_OK


def run_results_skeleton(args: argparse.Namespace) -> int:
    skeleton = results_skeleton(plans_dir(args), args.agency, roc_year(args.year), root=Path.cwd())
    where = display_path(skeleton.path, Path.cwd())
    added = skeleton.added
    if skeleton.created:
        print(f"已建立 {where}，共 {len(added)} 項待填。/ Wrote {where} with {len(added)} items to fill in.")
    elif added:
        print(f"已在 {where} 加入 {len(added)} 項：{'、'.join(added)}；原有內容未改動。\n"
              f"Added {len(added)} item(s) to {where}: {', '.join(added)}; nothing else was changed.")
    elif skeleton.written:
        print(f"已在 {where} 第一行加上編輯器的 schema 設定。/ Added the editor's schema line to {where}.")
    else:
        print(f"{where} 已有每一項，未做任何修改。/ {where} already has every item; nothing was changed.")
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    year_a, year_b = roc_year(args.year_a), roc_year(args.year_b)
    plans = plans_dir(args)
    agency, before = checked_plan(plans, args.agency, year_a, Path.cwd())
    _, after = checked_plan(plans, args.agency, year_b, Path.cwd())
    # Colour only helps on a terminal; the [-…-]{+…+} marks carry the meaning without it.
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        print(format_changes(agency, compare(before, after), args.lang, colour))
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK



def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new-year", help="複製計畫到下一年度 / copy the latest plan to the next ROC year")
    parser.add_argument("agency", help=AGENCY_HELP)
    parser.add_argument("--from", dest="source", metavar="YEAR", help="copy this year's plan instead of the latest")
    parser.add_argument("--force", action="store_true", help="replace the next year's plan.yml if it exists")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_new_year))

    parser = commands.add_parser("results-skeleton", help="執行成效骨架 / write or complete a plan's results.yml")
    parser.add_argument("agency", help=AGENCY_HELP)
    parser.add_argument("year", help="the ROC year of the plan, e.g. 114")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_results_skeleton))

    parser = commands.add_parser("diff", help="比較兩年度 / show what changed in a plan between two years")
    parser.add_argument("agency", help=AGENCY_HELP)
    parser.add_argument("year_a", metavar="YEAR-A", help="the earlier ROC year, e.g. 114")
    parser.add_argument("year_b", metavar="YEAR-B", help="the later ROC year, e.g. 115")
    parser.add_argument("--lang", choices=CODES, default=CODES[0],
                        help="zh-TW: Chinese texts with English labels beside (default); en: English")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_diff))
