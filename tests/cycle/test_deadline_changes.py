"""Whether a leaf's deadline changed between two years, however the document words it: a date that moves by
exactly the years between the plans has not changed, as a date (2024-12-31) or as written (113.12.31)."""

from pathlib import Path

import pytest
from support import yearly_plans

from gongkai.cycle.agency_files import checked_plan
from gongkai.data.changes import compare

# The fixture's leaf a2-2 in each year, and the deadline it has in both.
TEXT = {113: "            text: 辦理里民座談會。\n", 114: "            text: 辦理里民座談會並同步網路直播。\n"}
DEADLINE = "            deadline:\n              every_year: \"10-31\"\n"


def _deadline_changes(tmp_path: Path, before: str, after: str) -> list[tuple[object, object]]:
    plans = yearly_plans(tmp_path / "plans", {year: (TEXT[year] + DEADLINE, TEXT[year] + deadline)
                                              for year, deadline in ((113, before), (114, after))})
    _, old = checked_plan(plans, "sample-office", 113)
    _, new = checked_plan(plans, "sample-office", 114)
    return [(c.old, c.new) for c in compare(old, new).deadlines if c.after.id == "a2-2"]


WRITTEN_113 = "            deadline: {as_written: 113.12.31, date: 2024-12-31}\n"
WRITTEN_114 = "            deadline: {as_written: 114.12.31, date: 2025-12-31}\n"


@pytest.mark.parametrize(("before", "after"), [
    (WRITTEN_113, WRITTEN_114),
    ("            deadline: 2024-12-31\n", WRITTEN_114),
    (WRITTEN_113, "            deadline: 2025-12-31\n"),
    ("            deadline: {as_written: 每年12月底, every_year: \"12-31\"}\n",
     "            deadline: {as_written: 每年12月底前, every_year: \"12-31\"}\n"),
    ("            deadline: {as_written: 持續辦理。, ongoing: true}\n", "            deadline: ongoing\n"),
], ids=["as written", "date then as written", "as written then date", "every year", "ongoing"])
def test_a_deadline_that_means_the_same_next_year_is_not_a_change(tmp_path, before, after):
    assert _deadline_changes(tmp_path, before, after) == []


@pytest.mark.parametrize(("before", "after"), [
    (WRITTEN_113, "            deadline: {as_written: 114.06.30, date: 2025-06-30}\n"),
    (WRITTEN_113, "            deadline: {as_written: 113.12.31, date: 2024-12-31}\n"),
    ("            deadline: {as_written: 年底前}\n", "            deadline: {as_written: 年中前}\n"),
    (WRITTEN_113, "            deadline: ongoing\n"),
], ids=["earlier in the year", "the same date, a year late", "words only", "dated to ongoing"])
def test_a_deadline_that_means_another_day_is_a_change(tmp_path, before, after):
    assert len(_deadline_changes(tmp_path, before, after)) == 1
