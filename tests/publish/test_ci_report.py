"""The comment CI posts on a pull or merge request says which checks failed and what the failed one found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT

from gongkai.publish.ci_report import MARKER, comment, outcomes


def log(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.log"
    path.write_text(text, encoding="utf-8")
    return path


def test_steps_after_a_failed_one_did_not_run(tmp_path):
    check = log(tmp_path, "check", "problem")
    assert outcomes([check, tmp_path / "site.log", tmp_path / "a11y.log"], job_failed=True) == [
        "failed", "not-run", "not-run"]


def test_a_job_that_passed_passed_every_step(tmp_path):
    logs = [log(tmp_path, name, "ok") for name in ("check", "site", "a11y")]
    assert outcomes(logs, job_failed=False) == ["passed"] * 3


def test_the_comment_shows_the_problems_make_check_found_in_a_changed_file(tmp_path, minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "gongkai", "check", "--plans", str(minimal_plans)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    check = log(tmp_path, "check", result.stdout + result.stderr)
    body = comment([check, tmp_path / "site.log", tmp_path / "a11y.log"], job_failed=True,
                   run_url="https://ci.example/run/1")
    assert body.startswith(MARKER)
    assert "| `make check` | ❌ 未通過 / failed |" in body
    assert "| `make a11y` | ⏭ 未執行（前一步未通過） / not run (an earlier step failed) |" in body
    assert "plan.yml:1:1" in body and "titel" in body and "unknown key" in body
    assert "https://ci.example/run/1" in body


def test_a_passing_run_shows_no_log(tmp_path):
    logs = [log(tmp_path, name, "secret-free output") for name in ("check", "site", "a11y")]
    body = comment(logs, job_failed=False)
    assert "Every check passed" in body and "```" not in body
