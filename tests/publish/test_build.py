"""`gongkai build`: every language in one process, the old site kept until the new one is whole."""

from __future__ import annotations

import signal
import subprocess
import time

from support import GONGKAI, ROOT


def test_a_terminated_build_leaves_no_staging_folder_and_no_traceback(tmp_path):
    out = tmp_path / "site"
    build = subprocess.Popen([*GONGKAI, "build", "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site-new-*")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    assert "Traceback" not in stderr and "Interrupted" in stderr
    assert not list(tmp_path.iterdir())


def test_both_languages_share_one_load_of_the_data(tmp_path, monkeypatch):
    from gongkai.data import project

    loads = []
    real = project._load
    monkeypatch.setattr(project, "_last", None)
    monkeypatch.setattr(project, "_load", lambda *args: loads.append(args) or real(*args))
    monkeypatch.chdir(ROOT)
    from gongkai.cli import main

    assert main(["build", "--out", str(tmp_path / "site")]) == 0
    assert len(loads) == 1
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()


def test_a_language_that_fails_in_one_process_is_reported_not_a_traceback(tmp_path, monkeypatch, capsys):
    # With one process the failure is raised inside the build's context managers, which set its traceback.
    (tmp_path / "content" / "zh-TW").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    from gongkai.cli import main

    status = main(["build", "--plans", str(ROOT / "plans"), "--out", str(tmp_path / "site"), "--jobs", "1",
                   "--no-cache"])
    err = capsys.readouterr().err
    assert status != 0
    assert "建置 zh-TW 失敗" in err and "building zh-TW failed" in err and "mkdocs.yml" in err
    assert not (tmp_path / "site").exists()
