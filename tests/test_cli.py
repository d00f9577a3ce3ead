"""The `gongkai` command line: one program for every task, clear messages, exit codes that mean one thing."""

import shutil
import signal
import subprocess
import time

import pytest
from support import FIXTURES, GONGKAI, ROOT

from gongkai.cli import parser


def run_check(plans):
    return subprocess.run([*GONGKAI, "check", "--plans", str(plans)], cwd=ROOT, capture_output=True, text=True)


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
    result = subprocess.run([*GONGKAI, "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_keeps_what_it_found_beside_the_plans_unless_asked_not_to(minimal_plans):
    cache = minimal_plans.parent / ".gongkai-cache"
    unkept = subprocess.run([*GONGKAI, "check", "--no-cache", "--plans", str(minimal_plans)], cwd=ROOT,
                            capture_output=True, text=True)
    assert unkept.returncode == 0 and not cache.exists()
    shutil.copy(FIXTURES / "broken" / "duplicate-id.plan.yml", minimal_plans / "sample-office" / "114" / "plan.yml")
    refused = subprocess.run([*GONGKAI, "build", "--no-cache", "--plans", str(minimal_plans), "--out",
                              str(minimal_plans.parent / "site")], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode == 1 and not cache.exists()
    kept, again = run_check(minimal_plans), run_check(minimal_plans)
    assert kept.returncode == again.returncode == 1 and kept.stderr == again.stderr
    assert 'duplicate id "a1-1"' in again.stderr
    assert any(cache.rglob("*.pickle"))


EXEMPTION_OF_NO_AGENCY = """
reporting:
  exemptions:
    - agency: no-such-agency
      year: 114
      item: plan
      reason: 測試
"""


def test_check_and_build_refuse_an_exemption_for_an_unknown_agency(minimal_plans, tmp_path):
    with (minimal_plans.parent / "portal.yml").open("a", encoding="utf-8") as portal:
        portal.write(EXEMPTION_OF_NO_AGENCY)
    checked = run_check(minimal_plans)
    built = subprocess.run([*GONGKAI, "build", "--plans", str(minimal_plans), "--out", str(tmp_path / "site")],
                           cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == built.returncode == 1
    assert "no-such-agency" in checked.stderr and "no-such-agency" in built.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("arguments", [["no-such-command"], ["diff", "x"], ["translations", "--min", "200"],
                                       ["check", "--no-such-option"]])
def test_bad_arguments_exit_2_with_a_bilingual_message(arguments):
    result = subprocess.run([*GONGKAI, *arguments], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stderr)


def test_every_script_is_the_command_line_with_its_subcommand():
    commands = set(parser()._subparsers._group_actions[0].choices)
    scripts = {path.name for path in (ROOT / "scripts").iterdir()} - {"gongkai"}
    assert scripts <= commands
    result = subprocess.run([str(ROOT / "scripts" / "check")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "Data OK" in result.stdout, result.stderr


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.6, 1.0])
def test_ctrl_c_at_any_moment_ends_in_the_message_not_a_traceback(minimal_plans, tmp_path, delay):
    out = tmp_path / "out"
    command = [*GONGKAI, "build", "--plans", str(minimal_plans), "--out", str(out / "site")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr, stderr
    # Before Python itself has started (a machine under load), SIGINT ends it at once, with nothing to say; a
    # small portal may also be built, and the command ended, before the interrupt comes.
    assert (process.returncode == 130 and "Interrupted" in stderr and "已中止" in stderr
            or process.returncode in (-2, 0)), (process.returncode, stderr)
    # What the message says matches what was left: after the swap, that the new site is in place.
    assert ("put in place" in stderr) == (process.returncode == 130 and (out / "site").exists()), stderr
    # Nothing half made: no site, or (a small portal builds within a second) the whole site, swapped in before
    # the interrupt came while the build tidied its cache, or before it came at all.
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    whole = left == ["site"] and (out / "site" / "index.html").is_file() and (out / "site" / "en" / "index.html").is_file()
    assert left == [] or whole
    assert process.returncode != 0 or whole


def test_an_interrupt_after_the_new_site_is_in_place_says_so(minimal_plans, tmp_path, monkeypatch, capsys):
    from gongkai.cli import main
    from gongkai.publish import parallel

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel, "_prune", interrupted)
    site = tmp_path / "site"
    assert main(["build", "--plans", str(minimal_plans), "--out", str(site), "--jobs", "1"]) == 130
    said = capsys.readouterr().err
    assert "已中止" in said and f"Interrupted after the new site was put in place, whole, in {site}" in said
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()


def test_the_preview_watches_the_data_and_the_settings(tmp_path):
    from gongkai.cli.site_commands import serve_watch

    assert serve_watch(ROOT / "plans", ROOT) == ["--watch", str(ROOT / "plans"), "--watch", str(ROOT / "portal.yml"),
                                                 "--watch", str(ROOT / "glossary.yml")]
