"""Loading and validating: the seeds load, and every kind of broken input gets a clear message."""

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from support import EXAMPLE_AGENCY, FIXTURES, PLANS, SEED_PLANS

from gongkai.data.load import git_dates, load_portal
from gongkai.data.yaml_source import load

BROKEN = FIXTURES / "broken"


def test_all_plans_in_the_repository_are_valid():
    portal, report = load_portal(PLANS)
    assert report.ok, report.format()
    for agency_id, year in SEED_PLANS:
        assert year in portal.agencies[agency_id].plans


@pytest.mark.parametrize("agency_id, year, leaves", [
    ("chiayi-veterans-service-office", 114, 31),
    ("kaohsiung-military-service-office", 113, 21),
    ("tainan-yujing-district-office", 103, 13),
    ("nantou-social-affairs-bureau", 95, 21),
    ("luodong-household-registration-office", 112, 21),
])
def test_seed_plans_have_every_item(agency_id, year, leaves):
    portal, _ = load_portal(PLANS)
    assert len(portal.agencies[agency_id].plans[year].leaves()) == leaves


def _load_with(minimal_plans: Path, case: str):
    filename = case.split(".", 1)[1]
    shutil.copy(BROKEN / case, minimal_plans / "sample-office" / "114" / filename)
    return load_portal(minimal_plans)


# (case file, line, column, words the Chinese message contains, words the English one contains)
CASES = [
    ("syntax-error.plan.yml", 4, 3, "YAML 語法錯誤", "syntax error"),
    ("tab-indentation.plan.yml", 5, 1, "Tab", "tab character"),
    ("wrong-type.plan.yml", 15, 20, "資料型態不對", "wrong type"),
    ("unknown-key.plan.yml", 1, 1, "不認得的欄位「titel」", 'unknown key "titel"'),
    ("duplicate-id.plan.yml", 17, 17, "id「a1-1」重複", 'duplicate id "a1-1"'),
    ("unknown-result-id.results.yml", 6, 3, "計畫中沒有 id「a1-3」", 'no item with id "a1-3"'),
    ("impossible-date.plan.yml", 19, 23, "寫法不符格式", "not in the expected format"),
    ("missing-required.plan.yml", 1, 1, "缺少必填欄位「title」", 'required key "title" is missing'),
    ("empty-file.plan.yml", 1, 1, "檔案是空的", "empty"),
    ("non-utf8.plan.yml", 1, 8, "不是 UTF-8", "not encoded as UTF-8"),
]


@pytest.mark.parametrize("case, line, column, zh, en", CASES, ids=[c[0] for c in CASES])
def test_broken_input_is_reported_with_file_line_and_both_languages(minimal_plans, case, line, column, zh, en):
    _, report = _load_with(minimal_plans, case)
    first = report.problems[0]
    assert first.file.name == case.split(".", 1)[1]
    assert (first.line, first.column) == (line, column)
    assert zh in first.summary.zh
    assert en in first.summary.en
    formatted = first.format()
    assert f"line {line}, column {column}" in formatted and f"第 {line} 行" in formatted


def test_wrong_type_names_field_expected_and_found(minimal_plans):
    _, report = _load_with(minimal_plans, "wrong-type.plan.yml")
    problem = report.problems[0]
    assert problem.field == "sections[1].items[0].items[0].units"
    assert "清單" in problem.expected.zh and "list" in problem.expected.en
    assert "秘書室" in problem.found


def test_unknown_key_suggests_the_nearest_known_key(minimal_plans):
    _, report = _load_with(minimal_plans, "unknown-key.plan.yml")
    assert 'did you mean "title"' in report.problems[0].hint.en
    assert "title" in report.problems[0].hint.zh


def test_unknown_result_id_suggests_a_known_id(minimal_plans):
    _, report = _load_with(minimal_plans, "unknown-result-id.results.yml")
    assert "a1-2" in report.problems[0].hint.en


def test_impossible_date_says_what_a_date_looks_like(minimal_plans):
    _, report = _load_with(minimal_plans, "impossible-date.plan.yml")
    problem = report.problems[0]
    assert "YYYY-MM-DD" in problem.expected.zh and "2025-02-30" in problem.found


def test_every_problem_is_reported_not_just_the_first(minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("title:", "titel:").replace("units: [秘書室]", "units: 秘書室")
                    .replace("2025-12-31", "2025-13-01"), encoding="utf-8")
    (minimal_plans / "sample-office" / "agency.yml").write_text("name: 範例\nnmae: x\n", encoding="utf-8")
    _, report = load_portal(minimal_plans)
    summaries = [p.summary.en for p in report.problems]
    assert any('unknown key "titel"' in s for s in summaries)
    assert any("wrong type" in s for s in summaries)
    assert any("expected format" in s for s in summaries)
    assert any('unknown key "nmae"' in s for s in summaries)


def test_results_without_reason_for_not_achieved_are_an_error(minimal_plans):
    results = minimal_plans / "sample-office" / "114" / "results.yml"
    results.write_text(results.read_text(encoding="utf-8").replace("    reason: 測試分數未達標準。\n", ""), encoding="utf-8")
    _, report = load_portal(minimal_plans)
    assert any("reason" in p.summary.en for p in report.problems)


def test_a_leaf_needs_an_id(minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("          - id: a1-1\n            text", "          - text"),
                    encoding="utf-8")
    _, report = load_portal(minimal_plans)
    assert [p.summary.en for p in report.problems] == ["a leaf item has no id"]


def test_year_must_match_its_folder(minimal_plans):
    (minimal_plans / "sample-office" / "114").rename(minimal_plans / "sample-office" / "115")
    _, report = load_portal(minimal_plans)
    assert any("does not match the folder" in p.summary.en for p in report.problems)


def test_a_misnamed_yaml_file_is_not_silently_ignored(minimal_plans):
    (minimal_plans / "sample-office" / "114" / "results.yml").rename(
        minimal_plans / "sample-office" / "114" / "result.yml")
    _, report = load_portal(minimal_plans)
    assert [p.summary.en for p in report.problems] == ["unknown YAML file name"]


def test_measured_value_for_a_missing_target_is_an_error(minimal_plans):
    results = minimal_plans / "sample-office" / "114" / "results.yml"
    results.write_text(results.read_text(encoding="utf-8").replace("- value: 75", "- value: 75\n        target: 2"),
                       encoding="utf-8")
    _, report = load_portal(minimal_plans)
    assert any("no target at that position" in p.summary.en for p in report.problems)


def test_script_links_and_remote_images_in_markdown_fields_are_reported_where_they_stand(minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "      - 提升服務品質。\n",
        "      - 提升服務品質，見[說明](javascript:alert(1))。\n"
        "      - {zh-TW: 照片, en: \"![photo](https://tracker.example/p.png) [site](../) [mail](mailto:a@example.gov.tw)\"}\n"),
        encoding="utf-8")
    results = minimal_plans / "sample-office" / "114" / "results.yml"
    results.write_text(results.read_text(encoding="utf-8").replace(
        "narrative: 已設置。", "narrative: \"[設置](DATA:text/html,x) ![近照](counter.png)\""), encoding="utf-8")
    _, report = load_portal(minimal_plans)
    found = [(p.file.name, p.line, p.field, p.summary.zh, p.summary.en, p.found) for p in report.problems]
    assert found == [
        ("plan.yml", 6, "sections[0].items[0]", "連結網址不可使用", "a link address that may not be used",
         "javascript:alert(1)"),
        ("plan.yml", 7, "sections[0].items[1].en", "圖片必須是本站的檔案", "an image must be a file of the site",
         "https://tracker.example/p.png"),
        ("results.yml", 5, "results.a1-1.narrative", "連結網址不可使用", "a link address that may not be used",
         "DATA:text/html,x"),
    ]
    assert all(p.hint and p.expected for p in report.problems)


def test_loading_a_plan_leaves_other_yaml_readers_untouched() -> None:
    document, problems = load(PLANS / EXAMPLE_AGENCY / "114" / "plan.yml")
    assert document is not None and not problems
    assert YAML(typ="rt").load("day: 2025-01-31\n")["day"] == datetime.date(2025, 1, 31)


def _commit(repo: Path, day: str) -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00"}
    for command in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", day]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True, capture_output=True)


def test_a_file_is_dated_by_the_last_commit_that_touched_it(minimal_plans):
    subprocess.run(["git", "init", "-q"], cwd=minimal_plans, check=True)
    _commit(minimal_plans, "2025-02-01")
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    for day in ("2025-03-01", "2025-04-01"):
        plan.write_text(plan.read_text(encoding="utf-8") + f"# {day}\n", encoding="utf-8")
        _commit(minimal_plans, day)
    dates = git_dates(minimal_plans)
    assert dates[plan.resolve()] == datetime.date(2025, 4, 1)
    assert dates[(plan.parent / "results.yml").resolve()] == datetime.date(2025, 2, 1)


def test_files_under_a_chinese_folder_name_are_dated_too(minimal_plans, tmp_path):
    # git writes such names quoted and escaped ("\350\250\210...") unless asked not to.
    repo = tmp_path / "repo"
    plans = repo / "計畫 資料"
    shutil.copytree(minimal_plans, plans)
    annex = plans / "sample-office" / "114" / "附件 \"一\".txt"
    annex.write_text("附件\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit(repo, "2025-02-01")
    dates = git_dates(plans)
    assert dates[(plans / "sample-office" / "114" / "plan.yml").resolve()] == datetime.date(2025, 2, 1)
    assert dates[annex.resolve()] == datetime.date(2025, 2, 1)
    portal, _ = load_portal(plans)
    assert portal.agencies["sample-office"].plans[114].updated == datetime.date(2025, 2, 1)


# In a process of its own: objects other tests left for the collector, or a finished child process another
# test started (reaped when the next one starts), may be freed during the load and change the frozen count.
_GC_CHECK = """
import gc, sys
from pathlib import Path
from gongkai.data.load import load_portal
plans = Path(sys.argv[1])
load_portal(plans)
assert gc.isenabled() and gc.get_freeze_count() == 0
gc.freeze()
frozen = gc.get_freeze_count()
load_portal(plans)
assert gc.isenabled() and gc.get_freeze_count() == frozen, (gc.get_freeze_count(), frozen)
gc.unfreeze()
gc.disable()
load_portal(plans)
assert not gc.isenabled()
"""


def test_loading_leaves_the_garbage_collector_as_it_found_it(minimal_plans):
    subprocess.run([sys.executable, "-c", _GC_CHECK, str(minimal_plans)], check=True)
