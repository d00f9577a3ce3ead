"""Hostile or damaged data files are refused by the one load-and-check, quickly, with a bilingual message
that says where: never a traceback, never minutes of work, never gigabytes of memory."""

import contextlib
import signal
import subprocess

import pytest
from support import GONGKAI, ROOT

from gongkai.data import limits
from gongkai.data.project import load_project

PLAN = "sample-office/114/plan.yml"
RESULTS = "sample-office/114/results.yml"


class TooSlow(Exception):
    pass


@contextlib.contextmanager
def deadline(seconds):
    """Fail the test (instead of hanging) when the block takes longer than `seconds`."""
    def expire(signum, frame):
        raise TooSlow(f"took longer than {seconds} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def problems_with(plans, relative, edit, seconds=20):
    path = plans / relative
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with deadline(seconds):
        _, report = load_project(plans)
    return report.problems


def with_goals(items):
    """The plan with its goals section's items replaced by `items` (YAML lines, indented 6)."""
    return lambda text: text.replace("      - 提升服務品質。\n", items, 1)


def only(problems, file_name="plan.yml"):
    assert len(problems) >= 1, problems
    problem = problems[0]
    assert problem.file.name == file_name
    assert problem.summary.zh and problem.summary.en and problem.summary.zh != problem.summary.en
    return problem


BILLION_LAUGHS = "      - &b0 lol\n" + "".join(
    f"      - &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n" for i in range(1, 10))


def test_an_alias_bomb_is_refused_at_once(minimal_plans):
    problem = only(problems_with(minimal_plans, PLAN, with_goals(BILLION_LAUGHS), seconds=10))
    assert "anchors and aliases" in problem.summary.en and "錨點與別名" in problem.summary.zh
    assert (problem.line, problem.column) == (6, 9)
    assert problem.field == "sections[0].items"


def test_an_alias_amplification_is_refused(minimal_plans):
    items = "      - &big " + "x" * 4000 + "\n" + "      - *big\n" * 5000
    problem = only(problems_with(minimal_plans, PLAN, with_goals(items), seconds=10))
    assert "aliases" in problem.summary.en


def test_a_merge_key_is_refused(minimal_plans):
    problem = only(problems_with(minimal_plans, PLAN, lambda t: t.replace("          - id: a1-2\n",
                                                                          "          - <<: {id: a1-2}\n")))
    assert "merge keys" in problem.summary.en and problem.line == 17


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(minimal_plans):
    filler = "# " + "註" * 100 + "\n"
    problem = only(problems_with(minimal_plans, PLAN,
                                 lambda t: t + filler * (limits.MAX_FILE_BYTES // len(filler.encode()) + 1)))
    assert "too large" in problem.summary.en and "太大" in problem.summary.zh
    assert "2 MB" in problem.expected.en


@pytest.mark.parametrize("nesting", [
    "      - " + "[" * 3000 + "]" * 3000 + "\n",
    "      - " + "- " * 3000 + "x\n",
    "      - " + "{a: " * 3000 + "x" + "}" * 3000 + "\n",
], ids=["flow-lists", "block-lists", "flow-mappings"])
def test_deep_nesting_is_refused_without_a_recursion_error(minimal_plans, nesting):
    problem = only(problems_with(minimal_plans, PLAN, with_goals(nesting)))
    assert "nested too deeply" in problem.summary.en and f"{limits.MAX_DEPTH}" in problem.expected.en


def test_a_list_longer_than_the_limit_is_refused(minimal_plans):
    items = "".join(f"      - 項目{i}\n" for i in range(limits.MAX_ITEMS + 1))
    problem = only(problems_with(minimal_plans, PLAN, with_goals(items)))
    assert "too many items" in problem.summary.en and problem.field == "sections[0].items"
    assert problem.found.startswith(f"{limits.MAX_ITEMS + 1}")


def test_a_list_at_the_limit_is_accepted(minimal_plans):
    items = "".join(f"      - 項目{i}\n" for i in range(limits.MAX_ITEMS))
    assert problems_with(minimal_plans, PLAN, with_goals(items)) == []


def test_a_file_of_too_many_values_is_refused(minimal_plans):
    rows = "".join(f"      - [{', '.join(['1'] * 400)}]\n" for _ in range(limits.MAX_VALUES // 400 + 1))
    problem = only(problems_with(minimal_plans, PLAN, with_goals(rows)))
    assert "too many values" in problem.summary.en


def test_a_field_longer_than_the_limit_is_refused(minimal_plans):
    problem = only(problems_with(minimal_plans, PLAN, with_goals("      - " + "服" * 300_000 + "\n")))
    assert "too long" in problem.summary.en and "20,000" in problem.expected.en
    assert (problem.line, problem.column, problem.field) == (6, 9, "sections[0].items[0]")


def test_a_field_at_the_limit_is_accepted(minimal_plans):
    assert problems_with(minimal_plans, PLAN, with_goals("      - " + "服" * limits.MAX_TEXT + "\n")) == []


@pytest.mark.parametrize("value", ["9" * 5000, "-" + "9" * 21, "0b" + "1" * 20000, "0x" + "f" * 30])
def test_numbers_of_too_many_digits_are_refused(minimal_plans, value):
    problem = only(problems_with(minimal_plans, PLAN, lambda t: t.replace("value: 80", f"value: {value}")))
    assert "number is too long" in problem.summary.en
    assert problem.field == "sections[1].items[0].items[1].targets[0].value"


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1e999", "-1e400"])
def test_nan_and_infinity_are_refused(minimal_plans, value):
    problem = only(problems_with(minimal_plans, PLAN, lambda t: t.replace("value: 80", f"value: {value}")))
    assert "not a finite number" in problem.summary.en and problem.found == value


@pytest.mark.parametrize("character, kind", [
    ("\x00", "control"), ("\x1b", "control"), ("\x7f", "control"), ("\x85", "control"), ("\u2028", "control"),
    ("\u202e", "direction"), ("\u202a", "direction"), ("\u2066", "direction"), ("\u2069", "direction"),
    ("\u200b", "zero-width"), ("\u200d", "zero-width"), ("\u2060", "zero-width"), ("\ufeff", "zero-width"),
])
def test_control_and_invisible_characters_are_refused_with_their_position(minimal_plans, character, kind):
    problem = only(problems_with(minimal_plans, PLAN, lambda t: t.replace("提升服務品質。", "提升" + character + "服務品質。")))
    assert kind in problem.summary.en
    assert (problem.line, problem.column) == (6, 11)
    assert f"U+{ord(character):04X}" in problem.found


def test_many_invisible_characters_are_reported_by_the_first_few_and_a_count(minimal_plans):
    problems = problems_with(minimal_plans, PLAN, lambda t: t + "".join(f"# {i}\u200b\n" for i in range(30)))
    assert len(problems) == limits.MAX_CHARACTER_PROBLEMS + 1
    assert "more such characters" in problems[-1].summary.en


def test_a_byte_order_mark_at_the_start_is_fine(minimal_plans):
    path = minimal_plans / PLAN
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _, report = load_project(minimal_plans)
    assert report.ok, report.format()


@pytest.mark.parametrize("tagged", ["!!int abc", "!!float abc", "!!binary aGVsbG8=", "!!python/object:os.system x",
                                    "!custom 設置", "! 80"])
def test_explicit_tags_are_refused(minimal_plans, tagged):
    problem = only(problems_with(minimal_plans, PLAN, lambda t: t.replace("value: 80", f"value: {tagged}")))
    assert "tags" in problem.summary.en


@pytest.mark.parametrize("key", ["1", "null", "true", "2025-01-01", "[a, b]", "? {a: 1}\n  "])
def test_keys_that_are_not_text_are_refused(minimal_plans, key):
    problem = only(problems_with(minimal_plans, RESULTS, lambda t: t.replace("  a1-1:", f"  {key}:")), "results.yml")
    assert "a key must be a text" in problem.summary.en


def test_portal_and_glossary_files_keep_the_same_limits(minimal_plans):
    project = minimal_plans.parent
    (project / "portal.yml").write_text("a: &a [x, x]\nb: [*a, *a]\n", encoding="utf-8")
    (project / "glossary.yml").write_text("terms: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    _, report = load_project(minimal_plans)
    summaries = {p.file.name: p.summary.en for p in report.problems}
    assert "aliases" in summaries["portal.yml"] and "nested too deeply" in summaries["glossary.yml"]


@pytest.mark.parametrize("edit", [
    with_goals("      - " + "[" * 3000 + "]" * 3000 + "\n"),
    lambda t: t.replace("value: 80", "value: " + "9" * 5000),
    lambda t: t.replace("提升服務品質。", "\x00"),
    lambda t: t.replace("value: 80", "value: !!float abc"),
], ids=["deep", "digits", "nul", "tag"])
def test_check_says_what_is_wrong_and_exits_1_without_a_traceback(minimal_plans, edit):
    path = minimal_plans / PLAN
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run([*GONGKAI, "check", "--plans", str(minimal_plans)], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "問題 problem" in result.stderr and "plan.yml:" in result.stderr
