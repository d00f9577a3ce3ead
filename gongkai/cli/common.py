"""What every subcommand shares: exit codes, bilingual usage errors, and where the project is."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from gongkai.cycle.agency_files import ToolError
from gongkai.data.problems import Bilingual

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Parser(argparse.ArgumentParser):
    """argparse with its error said in Chinese too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}：參數有誤 / bad arguments: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


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
    return wrapped
