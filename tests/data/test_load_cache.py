"""What checking each file found is kept between runs: a warm cache reports exactly what a cold one does,
and an entry is used only for the very file, code and place it was made for."""

import os
import shutil
from pathlib import Path

import pytest
from support import FIXTURES, PLANS

from gongkai.data import load, load_cache
from gongkai.data.load import load_portal
from gongkai.data.load_cache import cache_folder
from gongkai.data.problems import Report

BROKEN = FIXTURES / "broken"


def _loaded(plans: Path, cache: bool = True) -> tuple[dict, Report]:
    portal, report = load_portal(plans, cache_folder(plans) if cache else None)
    data = {(agency.id, plan.year): (agency.data, plan.data, plan.results.data if plan.results else None,
                                     plan.updated, plan.results.updated if plan.results else None)
            for agency in portal.agencies.values() for plan in agency.plans.values()}
    return data, report


def _every_problem(report: Report) -> list:
    """Each problem with what `check --fix` would do about it (not part of a problem's equality)."""
    return [(problem, problem.edit) for problem in [*report.problems, *report.warnings]]


@pytest.fixture
def checked_files(monkeypatch) -> list[Path]:
    """The files read and checked again (not found in the cache) from now on."""
    checked: list[Path] = []
    check = load._check

    def counted(path, *args):
        checked.append(path)
        return check(path, *args)

    monkeypatch.setattr(load, "_check", counted)
    return checked


def _entries(plans: Path) -> list[Path]:
    return sorted(cache_folder(plans).glob("*.pickle"))


@pytest.mark.parametrize("case", sorted(p.name for p in BROKEN.iterdir()))
def test_a_broken_file_is_reported_the_same_from_the_cache(minimal_plans, case, checked_files):
    shutil.copy(BROKEN / case, minimal_plans / "sample-office" / "114" / case.split(".", 1)[1])
    cold, cold_report = _loaded(minimal_plans, cache=False)
    assert not cold_report.ok
    _loaded(minimal_plans)
    checked_files.clear()
    warm, warm_report = _loaded(minimal_plans)
    assert checked_files == []
    assert warm == cold
    assert _every_problem(warm_report) == _every_problem(cold_report)


def test_the_demo_plans_load_the_same_from_the_cache(tmp_path, checked_files):
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    cold, cold_report = _loaded(plans, cache=False)
    assert cold_report.ok, cold_report.format()
    checked_files.clear()
    first, first_report = _loaded(plans)
    assert len(checked_files) == len(_entries(plans)) == len(list(plans.rglob("*.yml")))
    checked_files.clear()
    warm, warm_report = _loaded(plans)
    assert checked_files == []
    assert warm == first == cold
    assert _every_problem(warm_report) == _every_problem(first_report) == _every_problem(cold_report)


def test_an_edit_that_keeps_size_and_time_is_read_again(minimal_plans, checked_files):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    _loaded(minimal_plans)
    before = plan.stat()
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("設置單一窗口", "設置單二窗口"), encoding="utf-8")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert plan.stat().st_size == before.st_size and plan.stat().st_mtime_ns == before.st_mtime_ns
    checked_files.clear()
    data, _ = _loaded(minimal_plans)
    assert checked_files == [plan]
    body = data[("sample-office", 114)][1]["sections"][1]
    assert body["items"][0]["items"][0]["text"] == "設置單二窗口。"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", "half"])
def test_a_damaged_entry_is_read_again(minimal_plans, checked_files, damage):
    cold, cold_report = _loaded(minimal_plans)
    for entry in _entries(minimal_plans):
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2] if damage == "half" else damage)
    checked_files.clear()
    warm, warm_report = _loaded(minimal_plans)
    assert len(checked_files) == 3
    assert warm == cold and _every_problem(warm_report) == _every_problem(cold_report)
    # Written again whole: the next load reads no file again.
    checked_files.clear()
    _loaded(minimal_plans)
    assert checked_files == []


def test_a_cache_folder_that_cannot_be_written_costs_time_only(minimal_plans, checked_files):
    cold, cold_report = _loaded(minimal_plans, cache=False)
    # A file where the folder should be: nothing can be written, whoever runs the check.
    cache_folder(minimal_plans).parent.mkdir(parents=True)
    cache_folder(minimal_plans).write_text("not a folder")
    for _ in range(2):
        data, report = _loaded(minimal_plans)
        assert data == cold and _every_problem(report) == _every_problem(cold_report)
    assert len(checked_files) == 3 * 3


def test_other_code_uses_none_of_the_entries(minimal_plans, checked_files, monkeypatch):
    _loaded(minimal_plans)
    kept = _entries(minimal_plans)
    monkeypatch.setattr(load_cache, "code_fingerprint", lambda: b"other code")
    checked_files.clear()
    _loaded(minimal_plans)
    assert len(checked_files) == 3
    # The entries of the other code are removed, the new ones kept.
    assert len(_entries(minimal_plans)) == 3 and not set(kept) & set(_entries(minimal_plans))


def test_a_removed_file_loses_its_entry(minimal_plans):
    _loaded(minimal_plans)
    (minimal_plans / "sample-office" / "114" / "results.yml").unlink()
    _loaded(minimal_plans)
    assert len(_entries(minimal_plans)) == 2


def test_a_result_of_an_unchanged_file_is_checked_against_the_changed_plan(minimal_plans, checked_files):
    _loaded(minimal_plans)
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: a1-2", "id: a1-3"), encoding="utf-8")
    checked_files.clear()
    _, report = _loaded(minimal_plans)
    assert checked_files == [plan]
    assert [(p.file.name, p.line, p.field) for p in report.problems] == [("results.yml", 6, "results.a1-2")]
    assert "a1-2" in report.problems[0].summary.en


def test_the_files_a_plan_names_are_looked_for_every_time(tmp_path, checked_files):
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-district-office", plans / "example-district-office")
    _, report = _loaded(plans)
    assert report.ok, report.format()
    (plans / "example-district-office" / "114" / "survey-summary.csv").unlink()
    checked_files.clear()
    _, report = _loaded(plans)
    assert checked_files == []
    assert [(p.file.name, p.summary.en) for p in report.problems] == [("results.yml", "the evidence file is missing")]


def test_the_annex_files_of_a_plan_from_the_cache_are_looked_for(minimal_plans, checked_files):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    text = plan.read_text(encoding="utf-8") + "annexes:\n  - title: 附件\n    file: annex.pdf\n"
    plan.write_text(text, encoding="utf-8")
    (plan.parent / "annex.pdf").write_bytes(b"%PDF-1.4\n")
    _, report = _loaded(minimal_plans)
    assert report.ok, report.format()
    (plan.parent / "annex.pdf").unlink()
    checked_files.clear()
    _, report = _loaded(minimal_plans)
    assert checked_files == []
    assert [(p.file, p.line, p.summary.en) for p in report.problems] == [(plan, text.count("\n"), "the annex file is missing")]


def test_a_copied_project_names_its_own_files(tmp_path, minimal_plans, checked_files):
    shutil.copy(BROKEN / "duplicate-id.plan.yml", minimal_plans / "sample-office" / "114" / "plan.yml")
    _, report = _loaded(minimal_plans)
    copy = tmp_path / "copy"
    shutil.copytree(minimal_plans.parent, copy, ignore=shutil.ignore_patterns("copy"))
    checked_files.clear()
    _, copied = _loaded(copy / "plans")
    assert checked_files == []
    assert copied.problems and all(p.file.is_relative_to(copy) for p in [*copied.problems, *copied.warnings])
    assert [(p.file.relative_to(copy), p.line) for p in copied.problems] == \
        [(p.file.relative_to(minimal_plans.parent), p.line) for p in report.problems]



@pytest.fixture
def checked_ahead(monkeypatch) -> None:
    """Files are read and checked ahead, side by side, however few there are and however many processors."""
    monkeypatch.setattr(load, "CHECK_AHEAD_FILES", 1)
    monkeypatch.setattr(load, "processors", lambda: 2)


def test_files_checked_ahead_in_other_processes_are_found_in_the_cache_and_reported_the_same(
        tmp_path, checked_ahead, checked_files):
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    shutil.copy(BROKEN / next(p.name for p in sorted(BROKEN.iterdir()) if p.name.endswith("plan.yml")),
                next(plans.glob("*/*/plan.yml")))
    cold, cold_report = _loaded(plans, cache=False)
    checked_files.clear()
    ahead, ahead_report = _loaded(plans)
    # Every file was read and checked by the workers (which do not count here): this process found them all.
    assert checked_files == []
    assert len(_entries(plans)) == len(list(plans.glob("*/*.yml"))) + len(list(plans.glob("*/*/*.yml")))
    assert ahead == cold
    assert _every_problem(ahead_report) == _every_problem(cold_report)
