"""Every command the README shows exists as written: its script, its subcommand, its make target."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest
from support import GONGKAI, ROOT

from gongkai.cli import parser

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands in `code` spans and in ```sh blocks.
SHOWN = set(re.findall(r"`((?:make|scripts/|\.venv/bin/gongkai)[^`]*)`", README))
for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
    SHOWN.update(line.split("#")[0].strip() for line in block.splitlines())
SUBCOMMANDS = set(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _words(command: str) -> list[str]:
    return shlex.split(command.replace("…", "x").replace("<", "").replace(">", ""))


def shown(prefix: str) -> list[list[str]]:
    return sorted(_words(c) for c in SHOWN if c.startswith(prefix))


def test_the_readme_shows_commands():
    assert shown("make ") and shown("scripts/")


@pytest.mark.parametrize("words", shown("make "), ids=" ".join)
def test_every_make_command_names_a_target(words):
    targets = set(re.findall(r"^([a-z0-9][a-z0-9-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    for word in words[1:]:
        if "=" not in word:
            assert word in targets, word


@pytest.mark.parametrize("words", shown("scripts/") + shown(".venv/bin/gongkai"), ids=" ".join)
def test_every_script_command_is_a_subcommand_that_accepts_its_options(words):
    script = words[0].removeprefix("scripts/")
    if script in ("gongkai",) or words[0].endswith("/gongkai"):
        words = words[1:]
        script = words[0] if words else ""
    else:
        words = [script, *words[1:]]
    if not script or script.startswith("-") or script == "x":  # "scripts/…" stands for any script
        return
    assert (ROOT / "scripts" / script).is_file() or script in SUBCOMMANDS, script
    assert script in SUBCOMMANDS, script
    if script == "spot-check":
        return  # its own parser: checked by the spot check's tests
    given = {w.split("=")[0] for w in words if w.startswith("--")}
    help_text = subprocess.run([*GONGKAI, script, "--help"], cwd=ROOT, capture_output=True, text=True).stdout
    for option in given - {"--help"}:
        assert option in help_text, (script, option)
