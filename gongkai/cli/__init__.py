"""The `gongkai` command line: one program, one subcommand per task.

Exit status, the same for every subcommand: 0 when it did what was asked, 1 when a check failed or the
data has problems, 2 for bad arguments, 130 when interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from gongkai.cli import cycle_commands, import_commands, publish_commands, review_commands, site_commands
from gongkai.cli.common import EXIT_INTERRUPTED, EXIT_USAGE, Parser
from gongkai.spotcheck import cli as spotcheck_cli

COMMAND_GROUPS = (site_commands, cycle_commands, import_commands, publish_commands, review_commands)


def parser() -> argparse.ArgumentParser:
    root = Parser(prog="gongkai", description="Gongkai 公開：提升服務品質計畫公開網 / service-quality plans portal.")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return root


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so staging folders are removed and child processes ended.
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    previous = signal.signal(signal.SIGTERM, _terminate)
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["spot-check"]:
            # The spot check parses its own options; argparse cannot hand options on to a subcommand.
            return spotcheck_cli.main(arguments[1:])
        args = parser().parse_args(arguments)
        return int(args.run(args))
    except KeyboardInterrupt:
        print("\n已中止，未留下未完成的檔案。/ Interrupted; nothing half-written was left behind.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (head, less) stopped early: not an error.
        return 0
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
