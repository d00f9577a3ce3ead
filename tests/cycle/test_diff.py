"""The terminal form of the changes between two years of a plan (the fixture years 113 and 114)."""

from support import FIXTURES

from gongkai.cycle.agency_files import checked_plan
from gongkai.cycle.diff import format_changes
from gongkai.data.changes import compare

YEARLY = FIXTURES / "yearly"


def _changes():
    agency, before = checked_plan(YEARLY, "sample-office", 113)
    _, after = checked_plan(YEARLY, "sample-office", 114)
    return agency, compare(before, after)


def test_every_known_change_is_listed_under_its_heading():
    agency, changes = _changes()
    assert format_changes(agency, changes).splitlines() == [
        "範例事務所：113年 → 114年",
        "Sample Office: 2024 (ROC 113) → 2025 (ROC 114)",
        "",
        "新增項目 Items added (1)",
        "  + 三、(一) [a3-1] 開設長者數位學習課程。",
        "",
        "刪除項目 Items removed (1)",
        "  - 一、(三) [a1-3] 服務櫃臺提供行動支付繳費。",
        "",
        "文字修正 Items reworded (2)",
        "  二、(二) [a2-2]",
        "    辦理里民座談會{+並同步網路直播+}。",
        "  二、(三) [a2-3 → a2-9]",
        "    定期檢查洽公環境及無障礙設施，發現缺失立即改善{+並追蹤+}。",
        "",
        "執行單位變更 Responsible units changed (1)",
        "  二、(一) [a2-1] 辦理滿意度問卷調查。",
        "    秘書室 → 研考科",
        "",
        "完成期限變更 Deadlines changed (1)",
        "  二、(一) [a2-1] 辦理滿意度問卷調查。",
        "    113年11月30日 → 114年9月30日",
    ]


def test_english_labels_and_dates_with_lang_en():
    agency, changes = _changes()
    out = format_changes(agency, changes, "en")
    assert out.startswith("Sample Office: 2024 (ROC 113) → 2025 (ROC 114)\n")
    assert "Items added (1)" in out and "新增項目" not in out
    assert "30 November 2024 → 30 September 2025" in out


def test_colour_is_added_only_when_asked_and_keeps_the_marks():
    agency, changes = _changes()
    out = format_changes(agency, changes, use_colour=True)
    assert "\x1b[32m{+並同步網路直播+}\x1b[0m" in out
    assert "\x1b[" not in format_changes(agency, changes)


def test_the_same_year_twice_has_no_changes():
    agency, before = checked_plan(YEARLY, "sample-office", 113)
    assert format_changes(agency, compare(before, before)).splitlines()[-1] == (
        "實施要項與上一份計畫相同。 / The items are the same as in the previous plan.")
