"""`make check` / `python -m gongkai check`: clear messages, a non-zero exit, never a traceback."""

import shutil
import subprocess
import sys

from support import FIXTURES, ROOT


def run_check(plans):
    return subprocess.run([sys.executable, "-m", "gongkai", "check", "--plans", str(plans)],
                          cwd=ROOT, capture_output=True, text=True)


def test_valid_data_passes_with_a_summary(minimal_plans):
    result = run_check(minimal_plans)
    assert result.returncode == 0
    assert "資料檢查通過" in result.stdout and "Data OK" in result.stdout


def test_each_broken_file_fails_without_a_traceback(minimal_plans):
    for case in sorted((FIXTURES / "broken").iterdir()):
        target = minimal_plans / "sample-office" / "114" / case.name.split(".", 1)[1]
        original = target.read_bytes()
        shutil.copy(case, target)
        result = run_check(minimal_plans)
        target.write_bytes(original)
        assert result.returncode == 1, case.name
        assert "Traceback" not in result.stderr, case.name
        assert "problem" in result.stderr and "問題" in result.stderr, case.name


def test_a_missing_plans_folder_is_reported(tmp_path):
    result = run_check(tmp_path / "nowhere")
    assert result.returncode == 1
    assert "plans folder does not exist" in result.stderr


def test_scripts_check_checks_the_repository():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
