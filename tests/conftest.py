from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile import HostileProject, hostile_project
from support import EXAMPLE_AGENCY, FIXTURES, GONGKAI, PLANS  # noqa: E402


@pytest.fixture
def minimal_plans(tmp_path: Path) -> Path:
    """A copy of the small valid fixture portal that a test may break."""
    target = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A plans folder holding a copy of the fictional example agency, for tools that write files."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS / EXAMPLE_AGENCY, target / EXAMPLE_AGENCY)
    return target


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> HostileProject:
    """The example agency and portal.yml with a payload in every text field the check accepts."""
    return hostile_project(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def hostile_site(hostile, tmp_path_factory) -> Path:
    """The site built from `hostile`, both languages."""
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    result = subprocess.run([*GONGKAI, "build", "--plans", str(hostile.plans), "--out", str(out)],
                            capture_output=True, text=True, env={**os.environ, "GONGKAI_TODAY": "2026-02-01"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out
