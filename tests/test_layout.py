"""The package's layout holds: each concern in its folder, and no import against the grain."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support import ROOT

PACKAGE = ROOT / "gongkai"
# Each subpackage may import the ones listed, and nothing else of the package.
MAY_IMPORT = {
    "i18n": set(),
    "data": {"i18n"},
    "export": {"i18n", "data"},
    "pages": {"i18n", "data", "export"},
    "cycle": {"i18n", "data"},
    "search": {"i18n", "data"},
    "publish": {"i18n", "data", "export", "search"},
    "spotcheck": {"i18n", "data", "export", "pages"},
    "devtools": {"i18n", "data", "export", "cycle", "publish", "search", "spotcheck"},
    "cli": {"i18n", "data", "export", "pages", "cycle", "publish", "search", "spotcheck", "devtools"},
}
SUBPACKAGES = sorted(MAY_IMPORT)


def imported_subpackages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "gongkai" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_module_lives_in_a_subpackage_with_a_docstring():
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    assert not loose
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()} - {"schema"}
    assert folders == set(SUBPACKAGES)
    for folder in folders:
        assert ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text(encoding="utf-8"))), folder


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_no_import_runs_against_the_grain(subpackage):
    for module in sorted((PACKAGE / subpackage).rglob("*.py")):
        wrong = imported_subpackages(module) - MAY_IMPORT[subpackage] - {subpackage}
        assert not wrong, f"{module.relative_to(ROOT)} imports {sorted(wrong)}"


def test_the_engine_adapter_and_the_tests_need_no_path_edits():
    for path in [*ROOT.joinpath("hooks").glob("*.py"), *ROOT.joinpath("tests").rglob("*.py"), *PACKAGE.rglob("*.py")]:
        assert "sys.path." + "insert" not in path.read_text(encoding="utf-8"), path
