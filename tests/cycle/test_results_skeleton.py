"""results.yml skeletons: one not-reported entry per leaf with its text as a comment; an existing file
only gains the entries it lacks, every existing line stays as it was, and a second run changes nothing."""

import difflib
import shutil

import pytest
from ruamel.yaml import YAML
from support import EXAMPLE_AGENCY, FIXTURES

from gongkai.cycle.agency_files import ToolError
from gongkai.cycle.results_skeleton import results_skeleton
from gongkai.data.load import load_portal

AGENCY = EXAMPLE_AGENCY


def test_missing_leaves_are_added_and_nothing_else_changes(plans):
    path = plans / AGENCY / "114" / "results.yml"
    before = path.read_text(encoding="utf-8")
    skeleton = results_skeleton(plans, AGENCY, 114)
    after = path.read_text(encoding="utf-8")
    assert skeleton.added == ["a4-2", "a6-2"]
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    opcodes = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    inserted = "".join("".join(new_lines[j1:j2]) for tag, _, _, j1, j2 in opcodes if tag != "equal")
    assert all(tag in ("equal", "insert") for tag, *_ in opcodes)
    assert inserted == ("  # 四、(二) 提供新住民多語服務，櫃臺備有越南文、印尼文及英文申辦說明，必要時由通譯人員協助。\n"
                        "  a4-2:\n    status: not-reported\n"
                        "  # 六、(二) 因應極端氣候，結合社區辦理防災演練及防災宣導。\n"
                        "  a6-2:\n    status: not-reported\n")


def test_new_entries_follow_the_leaf_before_them(plans):
    results_skeleton(plans, AGENCY, 114)
    text = (plans / AGENCY / "114" / "results.yml").read_text(encoding="utf-8")
    assert text.index("a4-1:") < text.index("a4-2:") < text.index("# 五、開放政府透明治理") < text.index("a5-1:")
    assert list(YAML(typ="safe").load(text)["results"])[9:11] == ["a4-1", "a4-2"]


def test_a_second_run_changes_nothing(plans):
    results_skeleton(plans, AGENCY, 114)
    path = plans / AGENCY / "114" / "results.yml"
    once = path.read_bytes()
    again = results_skeleton(plans, AGENCY, 114)
    assert (again.added, again.written) == ([], False)
    assert path.read_bytes() == once


def test_the_completed_file_validates_and_filled_results_are_kept(plans):
    results_skeleton(plans, AGENCY, 114)
    portal, report = load_portal(plans)
    assert report.ok, report.format()
    results = portal.agencies[AGENCY].plans[114].results
    assert results.status("a4-2") == "not-reported" and results.status("a2-1") == "not-achieved"
    assert results.entry("a1-2")["measured"][0]["value"] == 88.5


def test_a_new_file_has_every_leaf_with_its_text_as_a_comment(plans):
    skeleton = results_skeleton(plans, AGENCY, 115)
    assert skeleton.created
    lines = skeleton.path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../gongkai/schema/results.schema.json"
    portal, report = load_portal(plans)
    assert report.ok, report.format()
    plan = portal.agencies[AGENCY].plans[115]
    assert skeleton.added == [leaf.id for leaf in plan.leaves()] and len(skeleton.added) == 17
    assert all(plan.results.status(leaf.id) == "not-reported" for leaf in plan.leaves())
    key = lines.index("  a4-3:")
    assert lines[key - 1] == "  # 四、(三) 開設長者數位學習課程，教導長者以手機申辦線上服務及使用行動支付。"


def test_an_empty_results_mapping_is_filled(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", plans)
    path = plans / "sample-office" / "114" / "results.yml"
    path.write_text("reported: 2026-01-20\nresults: {}\n", encoding="utf-8")
    assert results_skeleton(plans, "sample-office", 114).added == ["a1-1", "a1-2"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../gongkai/schema/results.schema.json\n")
    assert "reported: 2026-01-20\nresults:\n  # 一、(一) 設置單一窗口。\n  a1-1:\n" in text
    assert load_portal(plans)[1].ok


def test_a_results_file_that_does_not_load_is_left_alone(plans):
    path = plans / AGENCY / "114" / "results.yml"
    path.write_text(path.read_text(encoding="utf-8") + "results: [\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ToolError) as error:
        results_skeleton(plans, AGENCY, 114)
    assert "無法讀取" in error.value.format() and "cannot be read" in error.value.format()
    assert path.read_bytes() == before


def test_results_written_on_one_line_are_refused_not_rewritten(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", plans)
    path = plans / "sample-office" / "114" / "results.yml"
    path.write_text("results: {a1-1: {status: completed}}\n", encoding="utf-8")
    with pytest.raises(ToolError, match="one entry per line"):
        results_skeleton(plans, "sample-office", 114)
    assert path.read_text(encoding="utf-8") == "results: {a1-1: {status: completed}}\n"
