"""scripts/new-year, scripts/results-skeleton and scripts/diff: what they print, and their exit status
on bad input (a bilingual message, never a traceback)."""

import subprocess

import pytest
from support import EXAMPLE_AGENCY, FIXTURES, GONGKAI

AGENCY = EXAMPLE_AGENCY


def run(script, *args):
    return subprocess.run([*GONGKAI, script, *args],
                          capture_output=True, text=True, env={"GONGKAI_TODAY": "2026-11-23", "PATH": "/usr/bin:/bin"})


def test_new_year_writes_the_next_year_and_lists_what_to_check(plans):
    result = run("new-year", AGENCY, "--plans", str(plans))
    assert result.returncode == 0, result.stderr
    assert "116/plan.yml" in result.stdout and "copied from the 2026 (ROC 115) plan" in result.stdout
    assert "sections[0].items[0].text.zh-TW" in result.stdout
    assert "- date: 2026-11-23\n    event: drafted" in (plans / AGENCY / "116" / "plan.yml").read_text(encoding="utf-8")


def test_new_year_needs_force_to_overwrite(plans):
    existing = plans / AGENCY / "115" / "plan.yml"
    before = existing.read_bytes()
    refused = run("new-year", AGENCY, "--from", "114", "--plans", str(plans))
    assert refused.returncode == 1 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert existing.read_bytes() == before
    forced = run("new-year", AGENCY, "--from", "114", "--force", "--plans", str(plans))
    assert forced.returncode == 0, forced.stderr
    assert existing.read_bytes() != before


def test_results_skeleton_adds_and_then_has_nothing_to_add(plans):
    first = run("results-skeleton", AGENCY, "114", "--plans", str(plans))
    assert first.returncode == 0, first.stderr
    assert "a4-2、a6-2" in first.stdout and "a4-2, a6-2" in first.stdout
    second = run("results-skeleton", AGENCY, "114", "--plans", str(plans))
    assert second.returncode == 0 and "nothing was changed" in second.stdout


def test_diff_prints_the_changes_between_two_years():
    result = run("diff", "sample-office", "113", "114", "--plans", str(FIXTURES / "yearly"))
    assert result.returncode == 0, result.stderr
    assert "[a2-3 → a2-9]" in result.stdout and "\x1b[" not in result.stdout
    english = run("diff", "sample-office", "113", "114", "--lang", "en", "--plans", str(FIXTURES / "yearly"))
    assert "Responsible units changed (1)" in english.stdout and "執行單位" not in english.stdout


@pytest.mark.parametrize(("script", "args", "message"), [
    ("diff", ["no-such-office", "113", "114"], "there is no agency"),
    ("diff", ["sample-office", "112", "114"], "has no plan for 112"),
    ("diff", ["sample-office", "last", "114"], "is not an ROC year number"),
    ("results-skeleton", ["sample-office", "120"], "has no plan for 120"),
    ("new-year", ["no-such-office"], "there is no agency"),
    ("new-year", ["sample-office", "--from", "1x"], "is not an ROC year number"),
])
def test_bad_arguments_fail_with_a_bilingual_message(script, args, message):
    result = run(script, *args, "--plans", str(FIXTURES / "yearly"))
    assert result.returncode == 1
    assert message in result.stderr and " / " in result.stderr
    assert "Traceback" not in result.stderr
