"""Files the data is read from or points at. YAML files, annexes, evidence and the accessibility mark are
regular files inside the project's folder, after following links; attached files have names that can
stand in a web address and are of kinds that run no code in a browser."""

import json
import os
import shutil
import time

import pytest
from support import FIXTURES

from gongkai.data.project import load_project
from gongkai.data.settings import load_settings

YEAR = "sample-office/114"
PLAN = f"{YEAR}/plan.yml"
RESULTS = f"{YEAR}/results.yml"


def test_a_data_file_linked_from_outside_plans_is_not_read(minimal_plans):
    plan = minimal_plans / PLAN
    plan.unlink()
    plan.symlink_to("/etc/passwd")
    _, report = load_project(minimal_plans)
    problem = report.problems[0]
    assert "outside the plans folder" in problem.summary.en
    assert "root:" not in report.format()


@pytest.mark.parametrize("make", [
    lambda path: os.mkfifo(path),
    lambda path: path.symlink_to("/dev/zero"),
    lambda path: path.mkdir(),
], ids=["fifo", "device", "folder"])
def test_a_results_file_that_is_not_a_regular_file_is_refused(minimal_plans, make):
    results = minimal_plans / RESULTS
    results.unlink()
    make(results)
    started = time.monotonic()
    _, report = load_project(minimal_plans)
    assert time.monotonic() - started < 10
    problem = report.problems[0]
    assert problem.file.name == "results.yml"
    assert "regular file" in problem.summary.en or "outside" in problem.summary.en


def test_an_agency_folder_starting_with_a_dot_is_reported(minimal_plans):
    (minimal_plans / "sample-office").rename(minimal_plans / ".sample-office")
    _, report = load_project(minimal_plans)
    problem = report.problems[0]
    assert problem.file.name == ".sample-office"
    assert "would never be published" in problem.summary.en and "不會發布" in problem.summary.zh


def with_annex(plans, name):
    path = plans / YEAR / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"annexes:\n  - title: 附件\n    file: {json.dumps(name)}\n",
                    encoding="utf-8")


def with_evidence(plans, name):
    path = plans / YEAR / "results.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    narrative: 已設置。\n",
        f"    narrative: 已設置。\n    evidence:\n      - kind: file\n        title: 佐證\n        file: {json.dumps(name)}\n"),
        encoding="utf-8")


def git_config(plans):
    (plans.parent / ".git").mkdir()
    (plans.parent / ".git" / "config").write_text("[remote]\n  url = secret\n")
    return plans.parent / ".git" / "config"


# (case, how the file is made in the plan's folder (or None), the name the data gives, words of the summary)
CASES = [
    ("link to /etc/passwd", lambda folder, plans: (folder / "a.pdf").symlink_to("/etc/passwd"), "a.pdf", "outside"),
    ("link to /proc/self/environ", lambda folder, plans: (folder / "a.pdf").symlink_to("/proc/self/environ"), "a.pdf",
     "outside"),
    ("link to .git/config", lambda folder, plans: (folder / "a.pdf").symlink_to(git_config(plans)), "a.pdf", "outside"),
    ("parent folder", lambda folder, plans: (plans.parent / "secret.pdf").write_text("x"), "../../../secret.pdf", ".."),
    ("inside plans through ..", lambda folder, plans: (plans / "x.pdf").write_text("x"), "../../x.pdf", ".."),
    # The schema refuses a leading / already, as editors show while typing.
    ("absolute", None, "/etc/passwd", "expected format"),
    ("windows absolute", None, "C:/secret.pdf", "absolute"),
    ("fifo", lambda folder, plans: os.mkfifo(folder / "a.pdf"), "a.pdf", "regular file"),
    ("folder", lambda folder, plans: (folder / "a.pdf").mkdir(), "a.pdf", "regular file"),
    ("html", lambda folder, plans: (folder / "a.html").write_text("<script>alert(1)</script>"), "a.html", ".html files"),
    ("svg", lambda folder, plans: (folder / "a.SVG").write_text("<svg onload=alert(1)/>"), "a.SVG", ".svg files"),
    ("xml", lambda folder, plans: (folder / "a.xml").write_text("<x/>"), "a.xml", ".xml files"),
    ("javascript", lambda folder, plans: (folder / "a.js").write_text("alert(1)"), "a.js", ".js files"),
    ("hash", lambda folder, plans: (folder / "a#1.pdf").write_text("x"), "a#1.pdf", "web address"),
    ("question mark", lambda folder, plans: (folder / "a?1.pdf").write_text("x"), "a?1.pdf", "web address"),
    ("percent", lambda folder, plans: (folder / "a%201.pdf").write_text("x"), "a%201.pdf", "web address"),
    ("newline", lambda folder, plans: (folder / "a\n1.pdf").write_text("x"), "a\n1.pdf", "web address"),
    ("control character", lambda folder, plans: (folder / "a\x1b1.pdf").write_text("x"), "a\x1b1.pdf", "web address"),
    ("leading dot", lambda folder, plans: (folder / ".htaccess").write_text("x"), ".htaccess", "starting with a dot"),
    ("hidden folder", lambda folder, plans: ((folder / ".x").mkdir(), (folder / ".x" / "a.pdf").write_text("x")),
     ".x/a.pdf", "starting with a dot"),
    ("missing", None, "nowhere.pdf", "missing"),
]


@pytest.mark.parametrize("case, make, name, words", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("where", ["annex", "evidence"])
def test_a_bad_file_is_refused_with_file_line_and_field(minimal_plans, case, make, name, words, where):
    folder = minimal_plans / YEAR
    if make is not None:
        make(folder, minimal_plans)
    (with_annex if where == "annex" else with_evidence)(minimal_plans, name)
    _, report = load_project(minimal_plans)
    assert len(report.problems) == 1, report.format()
    problem = report.problems[0]
    assert problem.file.name == ("plan.yml" if where == "annex" else "results.yml")
    assert problem.field == ("annexes[0].file" if where == "annex" else "results.a1-1.evidence[0].file")
    assert problem.line and problem.column
    assert words in problem.summary.en and problem.summary.zh
    # Nothing of what a link points at is shown: only names.
    assert "root:" not in report.format() and "secret" not in report.format().replace("secret.pdf", "")


def test_files_in_the_plan_folder_and_below_it_are_accepted(minimal_plans):
    folder = minimal_plans / YEAR
    (folder / "附件 1.pdf").write_bytes(b"%PDF-1.4")
    (folder / "photos").mkdir()
    (folder / "photos" / "counter.png").write_bytes(b"png")
    with_annex(minimal_plans, "附件 1.pdf")
    with_evidence(minimal_plans, "photos/counter.png")
    _, report = load_project(minimal_plans)
    assert report.ok, report.format()


def test_a_link_to_another_file_inside_plans_is_accepted(minimal_plans):
    (minimal_plans / "shared.pdf").write_bytes(b"%PDF-1.4")
    (minimal_plans / YEAR / "a.pdf").symlink_to(minimal_plans / "shared.pdf")
    with_annex(minimal_plans, "a.pdf")
    _, report = load_project(minimal_plans)
    assert report.ok, report.format()


def write_mark(folder, image):
    path = folder / "portal.yml"
    path.write_text(f"accessibility_mark:\n  image: {json.dumps(image)}\n  url: https://example.org/mark\n  alt: 標章\n",
                    encoding="utf-8")
    return path


MARK_CASES = [
    ("link to /etc/passwd", lambda folder: (folder / "mark.png").symlink_to("/etc/passwd"), "mark.png", "outside"),
    ("absolute", None, "/etc/passwd", "absolute"),
    ("parent folder", lambda folder: (folder.parent / "m.png").write_bytes(b"x"), "../m.png", ".."),
    ("svg", lambda folder: (folder / "m.svg").write_text("<svg/>"), "m.svg", ".svg files"),
    ("folder", lambda folder: (folder / "m.png").mkdir(), "m.png", "regular file"),
    ("fifo", lambda folder: os.mkfifo(folder / "m.png"), "m.png", "regular file"),
    ("missing", None, "m.png", "missing"),
]


@pytest.mark.parametrize("case, make, image, words", MARK_CASES, ids=[c[0] for c in MARK_CASES])
def test_a_bad_accessibility_mark_is_refused(tmp_path, case, make, image, words):
    folder = tmp_path / "portal"
    folder.mkdir()
    if make is not None:
        make(folder)
    settings, problems = load_settings(write_mark(folder, image))
    assert settings.accessibility_mark is None
    assert len(problems) == 1
    assert problems[0].field == "accessibility_mark.image" and problems[0].line == 2
    assert words in problems[0].summary.en and problems[0].summary.zh


def test_a_mark_in_a_folder_beside_portal_yml_is_accepted(tmp_path):
    (tmp_path / "assets").mkdir()
    shutil.copy(FIXTURES / "accessibility-mark.png", tmp_path / "assets" / "mark.png")
    settings, problems = load_settings(write_mark(tmp_path, "assets/mark.png"))
    assert not problems and settings.accessibility_mark is not None
