"""YAML syntax errors said plainly: the mistakes people make in an editor, each on its own line, and as
many independent errors as the file lets us find, not only the first."""

import shutil
from pathlib import Path

import pytest
from support import FIXTURES

from gongkai.data.load import load_portal
from gongkai.data.yaml_source import load

BROKEN = FIXTURES / "broken"


def _problems(minimal_plans: Path, case: str) -> list:
    shutil.copy(BROKEN / case, minimal_plans / "sample-office" / "114" / "plan.yml")
    _, report = load_portal(minimal_plans)
    assert not report.ok
    return sorted(report.problems, key=lambda p: (p.line or 0, p.column or 0))


def _one(minimal_plans: Path, case: str):
    [problem] = _problems(minimal_plans, case)
    return problem


def test_a_colon_and_space_in_an_unquoted_text_says_to_quote_it_or_use_the_full_width_colon(minimal_plans):
    problem = _one(minimal_plans, "colon-in-text.plan.yml")
    assert (problem.line, problem.column) == (8, 13)
    assert "quote the text, or write the full-width colon ：" in problem.hint.en
    assert "引號" in problem.hint.zh and "全形冒號「：」" in problem.hint.zh
    assert "對象: 本所洽公民眾" in problem.found


def test_a_full_width_colon_after_a_key_says_to_use_a_half_width_one(minimal_plans):
    problem = _one(minimal_plans, "full-width-colon.plan.yml")
    # The parser itself stops on the next line; the message points at the colon.
    assert (problem.line, problem.column) == (2, 5)
    assert problem.hint.en == "use a half-width colon : after a key"
    assert "全形冒號" in problem.summary.zh and "year：114" in problem.found


def test_a_tab_in_the_indentation_is_named(minimal_plans):
    problem = _one(minimal_plans, "tab-indentation.plan.yml")
    assert (problem.line, problem.column) == (5, 1)
    assert "Tab" in problem.summary.zh and "tab character" in problem.summary.en


def test_a_duplicate_key_names_the_key_and_both_lines_without_python_values(minimal_plans):
    problem = _one(minimal_plans, "duplicate-key.plan.yml")
    assert (problem.line, problem.column) == (17, 13)
    assert problem.summary.en == 'the key "units" appears twice in the same mapping'
    assert "第 15 行與第 17 行" in problem.found and "lines 15 and 17" in problem.found
    assert problem.field == "sections[1].items[0].items[0].units"
    for text in (problem.format(), str(problem.summary), problem.found):
        assert "[" not in text.replace("sections[1].items[0].items[0]", "") and "{" not in text and "CommentedSeq" not in text


def test_every_duplicate_key_is_reported(tmp_path):
    path = tmp_path / "plan.yml"
    path.write_text("title: a\nyear: 114\ntitle: b\nsections:\n  - kind: goals\n    kind: body\n", encoding="utf-8")
    doc, problems = load(path)
    assert doc is None
    assert [(p.line, p.field) for p in problems] == [(3, "title"), (6, "sections[0].kind")]


def test_a_roc_year_in_a_date_says_which_western_year_to_write(minimal_plans):
    problem = _one(minimal_plans, "roc-date.plan.yml")
    assert (problem.line, problem.column) == (19, 23)
    assert problem.summary.en == "114 is a 民國 (ROC) year: write 2025-12-31"
    assert "民國年" in problem.summary.zh and "2025-12-31" in problem.summary.zh


@pytest.mark.parametrize("written, western", [("106-05-01", "2017-05-01"), ("106/5/1", "2017-05-01"),
                                              ("106年5月1日", "2017-05-01"), ("103-04", "2014-04")])
def test_roc_dates_in_every_common_form(tmp_path, written, western):
    from gongkai.data.schema_messages import roc_date

    assert roc_date(written) == (written[:3], western)


def test_a_western_year_where_a_roc_year_is_expected_says_which(minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 114", "year: 2025"), encoding="utf-8")
    _, report = load_portal(minimal_plans)
    [problem] = report.problems
    assert problem.summary.en == "2025 is a Western year: write the 民國 year 114"


def test_an_unclosed_quote_is_pointed_at_where_it_opens(minimal_plans):
    problem = _one(minimal_plans, "unclosed-quote.plan.yml")
    assert (problem.line, problem.column) == (1, 8)
    assert problem.summary.en == "the quote that starts here is never closed"


def test_several_mistakes_in_one_file_are_all_reported(minimal_plans):
    problems = _problems(minimal_plans, "several-mistakes.plan.yml")
    assert [(p.line, p.summary.en.split(",")[0]) for p in problems] == [
        (2, "a full-width colon ： follows the key"),
        (8, "an unquoted text contains ': ' (a colon and a space)"),
        (18, "a tab character is used for indentation"),
        (20, "a full-width colon ： follows the key"),
    ]


def test_parsing_goes_on_after_an_error_from_the_next_top_level_key(tmp_path):
    path = tmp_path / "plan.yml"
    path.write_text("title: 計畫\nyear: 114\ncategory: [第一線\nsections:\n  - kind: goals\n    items: [a\n"
                    "annexes:\n  - title: '附件\n", encoding="utf-8")
    doc, problems = load(path)
    assert doc is None
    assert [p.line for p in problems] == [4, 7, 8]
    assert [p.summary.en for p in problems][:2] == ["YAML syntax error: a [ or { is not closed"] * 2
    assert problems[2].summary.en == "the quote that starts here is never closed"


def test_a_valid_file_with_colons_where_yaml_allows_them_loads(tmp_path):
    path = tmp_path / "plan.yml"
    path.write_text("title: '時間: 上午'\nyear: 114\nnote: 網址 https://example.org/a:b\n"
                    "text: |\n  時間: 上午\n  title：x\n", encoding="utf-8")
    doc, problems = load(path)
    assert doc is not None and not problems
