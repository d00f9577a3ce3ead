"""Writing YAML back: every file under plans/ comes out exactly as it went in, and each carries the
editor's schema line pointing at its own schema in the repository."""

import os

import pytest
from support import PLANS

from gongkai.cycle.yaml_writer import SCHEMA_MARK, dump, round_trip, schema_line, with_schema_line, write_atomically
from gongkai.data.load import load_portal

YAML_FILES = sorted(PLANS.rglob("*.yml"))
SCHEMA_OF = {"agency.yml": "agency", "plan.yml": "plan", "results.yml": "results"}


@pytest.fixture(scope="module")
def checked_once():
    # The checking loader registers its own date handling: writing back must not be affected by it.
    load_portal(PLANS)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(PLANS)))
def test_writing_back_changes_nothing(path, checked_once):
    source = path.read_text(encoding="utf-8")
    assert dump(round_trip().load(source)) == source


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(PLANS)))
def test_every_file_names_its_own_schema_on_its_first_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_MARK), path
    target = (path.parent / first[len(SCHEMA_MARK):]).resolve()
    assert target.is_file(), first
    assert target.name == f"{SCHEMA_OF[path.name]}.schema.json"
    assert first == schema_line(SCHEMA_OF[path.name], len(path.relative_to(PLANS.parent).parts) - 1)


def test_a_schema_line_is_added_or_replaced_never_doubled():
    line = schema_line("plan", 3)
    assert with_schema_line("year: 114\n", line) == f"{line}\nyear: 114\n"
    assert with_schema_line(f"{SCHEMA_MARK}old.json\nyear: 114\n", line) == f"{line}\nyear: 114\n"


def test_a_written_file_is_readable_like_any_other(tmp_path):
    path = tmp_path / "plan.yml"
    write_atomically(path, "year: 114\n")
    assert path.read_text(encoding="utf-8") == "year: 114\n"
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask  # not the private 0600 of a temporary file
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yml"]
