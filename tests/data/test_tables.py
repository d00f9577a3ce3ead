"""A body's tables as the document draws them: the declared columns, their numbering, a row per action,
several tables, and what the results report on."""

from __future__ import annotations

from gongkai.data.model import Plan, build_tables
from gongkai.data.table_rows import body_rows
from gongkai.i18n.numbering import full_marker


def _body(**settings):
    items = settings.pop("items", None) or [
        {"id": "a1", "text": "甲", "items": [
            {"id": "a1-1", "text": "甲一", "actions": [{"text": "引導句", "numbered": False},
                                                       {"id": "x1", "text": "作法一", "deadline": "2025-06-30"},
                                                       {"id": "x2", "text": "作法二"}]},
            {"id": "a1-2", "text": "甲二", "deadline": "2025-12-31"}]}]
    return {"kind": "body", "items": items, **settings}


def _plan(body):
    return Plan(agency_id="x", year=114, data={"title": "t", "year": 114, "sections": [body]}, path=None)


def test_two_levels_named_alike_stand_under_one_header():
    table = build_tables(_body(levels=["工作要項", "工作要項"]))[0]
    columns = table.columns()
    assert [(c.label, c.levels) for c in columns[:1]] == [("工作要項", (1, 2))]
    assert [c.field for c in columns[1:]] == ["actions", "deadline"]


def test_declared_columns_keep_the_documents_order():
    body = _body(columns=[{"label": "要項", "levels": [1, 2]}, {"label": "期限", "field": "deadline"},
                          {"label": "作法", "field": "actions"}])
    assert [c.key for c in build_tables(body)[0].columns()] == ["levels", "deadline", "actions"]


def test_each_level_numbers_in_its_declared_style_and_a_lead_sentence_is_not_counted():
    body = _body(numbering={"levels": ["（一）", "1、"], "actions": "(1)"}, results_by="action")
    plan = _plan(body)
    assert [full_marker(row) for row in plan.rows()] == ["（一）1、(1)", "（一）1、(2)", "（一）2、"]
    assert [row.leaf_id for row in plan.rows() if row.is_action] == ["x1", "x2"]


def test_results_by_action_makes_each_action_a_row_and_a_leaf_without_actions_stays_one():
    plan = _plan(_body(results_by="action"))
    assert [row.data["text"] for row in plan.rows()] == ["作法一", "作法二", "甲二"]


def test_a_row_per_action_spans_the_item_cells_over_its_actions():
    table = build_tables(_body(rows="actions"))[0]
    rows = [row for group in body_rows(table, by_action=True) for row in group]
    assert [(row.line.data["text"], row.first, row.span) for row in rows] == [
        ("引導句", True, 3), ("作法一", False, 3), ("作法二", False, 3), ("甲二", True, 1)]
    assert [(group.id, span) for group, span in rows[0].groups] == [("a1", 4)]


def test_several_tables_each_take_what_they_do_not_set_from_the_body():
    leaf = {"id": "b1", "text": "乙", "deadline": "2025-01-31"}
    body = {"kind": "body", "numbering": {"levels": ["甲、"]},
            "tables": [{"heading": "構面一", "items": [{"id": "a1", "text": "甲"}]},
                       {"heading": "構面二", "numbering": {"levels": ["1."]}, "items": [leaf]}]}
    plan = _plan(body)
    assert [t.heading for t in plan.tables] == ["構面一", "構面二"]
    assert [full_marker(n) for n in plan.nodes] == ["甲、", "1."]
    assert [n.id for n in plan.leaves()] == ["a1", "b1"]
