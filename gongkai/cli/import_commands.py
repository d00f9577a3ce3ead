"""Bringing agencies' own files in: `import` (a Word, OpenDocument or text file → a draft plan.yml),
`results-template` (a spreadsheet to fill in) and `import-results` (that spreadsheet → results.yml)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, plans_dir, plans_option, tool_errors_reported
from gongkai.cycle.agency_files import roc_year
from gongkai.cycle.importing.importer import import_document
from gongkai.cycle.importing.readers import ReadError
from gongkai.cycle.importing.report import format_review
from gongkai.cycle.results_sheet import import_results, write_template
from gongkai.data.problems import display_path
from gongkai.data.reporting import today

AGENCY_HELP = "the agency's folder name under plans/, e.g. example-district-office"


def run_import(args: argparse.Namespace) -> int:
    year = roc_year(args.year) if args.year is not None else None
    try:
        imported = import_document(Path(args.file), plans_dir(args), args.agency, year=year, force=args.force,
                                   today=today())
    except ReadError as error:
        print(error.format(), file=sys.stderr)
        return EXIT_USAGE
    here = Path.cwd()
    if imported.agency_path is not None:
        where = display_path(imported.agency_path, here)
        print(f"已建立 {where}（新機關）。/ Wrote {where} (a new agency).")
    where = display_path(imported.plan_path, here)
    print(f"已建立草稿 {where}（state: draft，核定前不會發布），已通過檢查。/ Wrote the draft {where} "
          "(state: draft: not published until approved); it passes the checks.")
    print(format_review(imported.review, imported.draft.checks))
    return EXIT_OK


def run_results_template(args: argparse.Namespace) -> int:
    written = write_template(plans_dir(args), args.agency, roc_year(args.year), out=args.out, root=Path.cwd())
    for path in written:
        where = display_path(path, Path.cwd())
        print(f"已建立 {where} / Wrote {where}")
    print("填寫「執行情形」等欄後，以 gongkai import-results 匯入。/ "
          "Fill in the status and the other columns, then bring it back with gongkai import-results.")
    return EXIT_OK


def run_import_results(args: argparse.Namespace) -> int:
    try:
        outcome = import_results(Path(args.file), plans_dir(args), args.agency, roc_year(args.year), force=args.force,
                                 root=Path.cwd())
    except ReadError as error:
        print(error.format(), file=sys.stderr)
        return EXIT_USAGE
    print(outcome.format(Path.cwd()), file=sys.stderr if not outcome.ok else sys.stdout)
    return EXIT_OK if outcome.ok else EXIT_FAILED



def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import", help="匯入機關的計畫文件為草稿 / import an agency's document as a draft plan")
    parser.add_argument("file", metavar="FILE", help="a .docx, .odt, .txt or .md file (text copied from a PDF or Word file)")
    parser.add_argument("--agency", required=True, help=AGENCY_HELP + " (a new folder is made for a new agency)")
    parser.add_argument("--year", help="the plan's ROC year, when the document does not say it (e.g. 114)")
    parser.add_argument("--force", action="store_true", help="replace a draft written by an earlier import (never other files)")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_import))

    parser = commands.add_parser("results-template", help="執行成效填報表 / write a spreadsheet (ODS and CSV) to fill in the results")
    parser.add_argument("agency", help=AGENCY_HELP)
    parser.add_argument("year", help="the ROC year of the plan, e.g. 114")
    parser.add_argument("--out", type=Path, default=None, help="the folder to write to (default: the plan's year folder)")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_results_template))

    parser = commands.add_parser("import-results", help="匯入填好的執行成效表 / bring a filled-in results spreadsheet into results.yml")
    parser.add_argument("file", metavar="FILE", help="the filled-in .ods or .csv file")
    parser.add_argument("--agency", required=True, help=AGENCY_HELP)
    parser.add_argument("--year", required=True, help="the ROC year of the plan, e.g. 114")
    parser.add_argument("--force", action="store_true", help="replace entries already filled in differently")
    plans_option(parser)
    parser.set_defaults(run=tool_errors_reported(run_import_results))
