"""The `gongkai` command line: one program, one subcommand per task.

Exit status, the same for every subcommand: 0 when it did what was asked, 1 when a check failed or the
data has problems, 2 for bad arguments, 130 when interrupted."""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

# This module imports next to nothing: the subcommands bring MkDocs, Jinja and the rest, which take a
# moment to load, and a Ctrl-C in that moment must end in the same message as one later on.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def parser() -> argparse.ArgumentParser:
    from gongkai.cli import (
        cycle_commands,
        import_commands,
        publish_commands,
        review_commands,
        shard_commands,
        site_commands,
    )
    from gongkai.cli.common import Parser

    root = Parser(prog="gongkai", description="Gongkai 公開：提升服務品質計畫公開網 / service-quality plans portal.")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    for group in (site_commands, shard_commands, cycle_commands, import_commands, publish_commands, review_commands):
        group.register(commands)
    return root


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so staging folders are removed and child processes ended.
    raise KeyboardInterrupt


def _replaced_so_far() -> tuple[object, ...]:
    # Looked up, not imported: a command that never reached a swap has not loaded the module.
    swap = sys.modules.get("gongkai.publish.swap")
    return swap.replaced() if swap else ()


def _interrupted(before: tuple[object, ...]) -> str:
    """What an interrupt left: nothing half-written, or (it came after the swap) the new site, whole."""
    done = ", ".join(str(folder) for folder in _replaced_so_far()[len(before):])
    if done:
        return (f"\n已中止；中止前新的網站已完整放上 {done}。/ Interrupted after the new site was put in place, "
                f"whole, in {done}.")
    return "\n已中止，未留下未完成的檔案。/ Interrupted; nothing half-written was left behind."


def main(argv: Sequence[str] | None = None) -> int:
    previous = signal.signal(signal.SIGTERM, _terminate)
    # The folders replaced before this command (when it is called in a process that ran others).
    before = _replaced_so_far()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["spot-check"]:
            # The spot check parses its own options; argparse cannot hand options on to a subcommand.
            from gongkai.spotcheck import cli as spotcheck_cli

            return spotcheck_cli.main(arguments[1:])
        args = parser().parse_args(arguments)
        return int(args.run(args))
    except KeyboardInterrupt:
        print(_interrupted(before), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (head, less) stopped early: not an error.
        return 0
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
