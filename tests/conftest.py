from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import EXAMPLE_AGENCY, FIXTURES, PLANS  # noqa: E402


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
