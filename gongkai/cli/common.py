"""What every subcommand shares: exit codes, bilingual usage errors, and where the project is."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from gongkai.cli import EXIT_FAILED as EXIT_FAILED
from gongkai.cli import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from gongkai.cli import EXIT_OK as EXIT_OK
from gongkai.cli import EXIT_USAGE as EXIT_USAGE
from gongkai.cycle.agency_files import ToolError
from gongkai.data.problems import Bilingual, os_error_reason


class Parser(argparse.ArgumentParser):
    """argparse with its error said in Chinese too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}：參數有誤 / bad arguments: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def site_not_written(error: OSError) -> int:
    """A site that could not be written: the reason, and that the site already there is as it was."""
    print(f"無法寫入網站，原有的網站保持不變。/ The site could not be written; the existing site is unchanged.\n"
          f"  原因 reason：{os_error_reason(error)}\n  {error}", file=sys.stderr)
    return EXIT_FAILED


def fail_usage(message: Bilingual) -> NoReturn:
    print(str(message), file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def project_root() -> Path:
    """The project folder: the current folder or the nearest one above it with mkdocs.yml and plans/."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "plans").is_dir():
            return folder
    return here


def plans_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plans", type=Path, default=None,
                        help="the data folder (default: plans/ of the project) / 資料資料夾")


def plans_dir(args: argparse.Namespace) -> Path:
    return (args.plans or project_root() / "plans").resolve()


Command = Callable[[argparse.Namespace], int]


def tool_errors_reported(run: Command) -> Command:
    """`run`, with bad input to a tool printed as its bilingual message instead of a traceback."""
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except ToolError as error:
            print(error.format(), file=sys.stderr)
            return EXIT_FAILED
        except OSError as error:
            print(f"無法讀寫檔案，未完成。/ A file could not be read or written; the command did not finish.\n"
                  f"  原因 reason：{os_error_reason(error)}\n  {error}", file=sys.stderr)
            return EXIT_FAILED
    return wrapped
