"""Changes in actions (具體作法) between two years: added, removed, reworded, and each action's units and
deadline, in `gongkai diff` and on the plan page's "changes from last year"."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import yearly_plans

from gongkai.cycle.agency_files import checked_plan
from gongkai.cycle.diff import format_changes
from gongkai.data.changes import compare
from gongkai.pages.site import Site

LEAF_113 = """            text: 辦理里民座談會。
            deadline:
              every_year: "10-31"
"""
ACTIONS_113 = """            actions:
              - text: 每季召開座談會。
                units: [民政課]
                deadline: 2024-06-30
              - text: 會後公布會議紀錄。
                deadline: 2024-12-31
              - text: 邀請各里里長出席。
"""
LEAF_114 = """            text: 辦理里民座談會並同步網路直播。
            deadline:
              every_year: "10-31"
"""
ACTIONS_114 = """            actions:
              - text: 每季召開座談會並開放線上提問。
                units: [民政課, 資訊室]
                deadline: 2025-03-31
              - text: 會後公布會議紀錄。
                deadline: 2025-12-31
              - text: 提供手語翻譯。
"""


@pytest.fixture
def yearly(tmp_path: Path) -> Path:
    return yearly_plans(tmp_path / "plans", {113: (LEAF_113, LEAF_113 + ACTIONS_113),
                                             114: (LEAF_114, LEAF_114 + ACTIONS_114)})


def _changes(plans: Path):
    agency, before = checked_plan(plans, "sample-office", 113)
    _, after = checked_plan(plans, "sample-office", 114)
    return agency, compare(before, after)


def test_every_change_in_an_action_is_found(yearly):
    _, changes = _changes(yearly)
    found = [(c.kind, c.after.id, c.old_position, c.new_position) for c in changes.actions]
    assert found == [("reworded", "a2-2", 1, 1), ("units", "a2-2", 1, 1), ("deadline", "a2-2", 1, 1),
                     ("removed", "a2-2", 3, None), ("added", "a2-2", None, 3)]
    # The second action's deadline moved by exactly the year between the plans: not a change.
    assert not [c for c in changes.actions if c.new_position == 2]


def test_diff_lists_them_under_their_leaf(yearly):
    agency, changes = _changes(yearly)
    out = format_changes(agency, changes).splitlines()
    start = out.index("具體作法變更 Actions changed (5)")
    assert out[start + 1:start + 8] == [
        "  二、(二) [a2-2] 辦理里民座談會並同步網路直播。",
        "    ~ 1. 每季召開座談會{+並開放線上提問+}。",
        "    1. 執行單位 Responsible units：民政課 → 民政課、資訊室",
        "    1. 完成期限 Deadline：113年6月30日 → 114年3月31日",
        "    - 3. 邀請各里里長出席。",
        "    + 3. 提供手語翻譯。",
        "",
    ]


def test_an_edited_action_alone_is_a_change(yearly):
    plan = yearly / "sample-office" / "114" / "plan.yml"
    agency, before = checked_plan(yearly, "sample-office", 114)
    plan.write_text(plan.read_text(encoding="utf-8").replace("會後公布會議紀錄。", "會後三日內公布會議紀錄。"), encoding="utf-8")
    _, after = checked_plan(yearly, "sample-office", 114)
    changes = compare(before, after)
    assert changes and [c.kind for c in changes.actions] == ["reworded"]
    assert "{+三日內+}" in format_changes(agency, changes)


def test_the_plan_page_shows_them(yearly):
    site, report = Site.load(yearly, "zh-TW")
    assert report.ok
    page = next(p for p in site.pages() if p.path == "plans/sample-office/114/index.md")
    html = BeautifulSoup(page.body, "html.parser")
    heading = next(h for h in html.find_all("h3") if "具體作法變更" in h.get_text())
    items = heading.find_next("ul").select(":scope > li > ul > li")
    assert [li.select_one(".gk-change-kind").get_text() for li in items] == [
        "作法1.文字修正", "作法1.執行單位", "作法1.完成期限", "刪除作法3.", "新增作法3."]
    assert "並開放線上提問" in items[0].select_one("ins").get_text()
    assert "提供手語翻譯" in items[4].get_text()


def test_diff_in_english(yearly):
    agency, changes = _changes(yearly)
    out = format_changes(agency, changes, "en")
    assert "Actions changed (5)" in out and "具體作法變更" not in out
    assert "    a. Responsible units: 民政課 → 民政課, 資訊室" in out
    assert "    a. Deadline: 30 June 2024 → 31 March 2025" in out


COLUMNS = """    columns:
      - {label: 工作項目, levels: [1, 2]}
      - {label: 具體作法, field: actions}
      - {label: 評核標準, cell: standard}
    items:
"""


def _with_own_column(plans: Path, year: int, standard: str, outcome: str) -> None:
    plan = plans / "sample-office" / str(year) / "plan.yml"
    text = plan.read_text(encoding="utf-8").replace("    items:\n", COLUMNS, 1)
    leaf = LEAF_114 if year == 114 else LEAF_113
    own = (f"            cells:\n              standard: {standard}\n"
           f"            outcomes:\n              - {outcome}\n")
    plan.write_text(text.replace(leaf, leaf + own, 1), encoding="utf-8")


def test_changes_in_a_plans_own_columns_and_outcomes_are_reported_under_their_headers(yearly):
    _with_own_column(yearly, 113, "每季一次", "里民參與增加。")
    _with_own_column(yearly, 114, "每月一次", "里民參與增加。")
    agency, changes = _changes(yearly)
    assert [(c.field, c.old, c.new) for c in changes.details] == [("cell:standard", "每季一次", "每月一次")]
    out = format_changes(agency, changes)
    assert "其他欄位修正 Other columns changed (1)" in out
    assert "    評核標準：每季一次 → 每月一次" in out


def test_the_plan_page_shows_a_changed_own_column_by_its_header(yearly):
    _with_own_column(yearly, 113, "每季一次", "里民參與增加。")
    _with_own_column(yearly, 114, "每季一次", "里民參與大幅增加。")
    site, report = Site.load(yearly, "zh-TW")
    assert report.ok, report.format(yearly)
    page = next(p for p in site.pages() if p.path == "plans/sample-office/114/index.md")
    html = BeautifulSoup(page.body, "html.parser")
    heading = next(h for h in html.find_all("h3") if "其他欄位修正" in h.get_text())
    item = heading.find_next("ul").select_one(":scope > li")
    assert item.select_one(".gk-change-kind").get_text() == "預期目標"
    assert "里民參與增加。" in item.get_text() and "里民參與大幅增加。" in item.get_text()
