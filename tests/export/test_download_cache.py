"""The build in parts keeps every plan's downloads by what they are made of: an unchanged plan's files are
read back, the same bytes; a changed plan's are made again."""

from __future__ import annotations

import copy

from exported import example_plan

from gongkai.export.files import CACHE_VARIABLE, plan_downloads


def test_an_unchanged_plans_files_are_read_back_and_a_changed_plans_made_again(tmp_path, monkeypatch):
    plan = example_plan()
    made = {d.path: d.content for d in plan_downloads(plan)}
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    assert {d.path: d.content for d in plan_downloads(plan)} == made
    kept = sorted(tmp_path.iterdir())
    assert len(kept) == len(made)
    # A kept file is what the next build takes, as long as the plan is unchanged.
    csv = next(path for path in kept if path.suffix == ".csv" and b"status" not in path.read_bytes())
    csv.write_bytes(b"kept")
    assert b"kept" in [d.content for d in plan_downloads(plan)]
    edited = copy.copy(plan)
    edited.data = {**plan.data, "title": {"zh-TW": "另一個計畫名稱"}}
    assert b"kept" not in [d.content for d in plan_downloads(edited)]
