"""The downloads' tables as the document draws them: headers in order, and rows that fill the table once
cells spanning rows and columns are counted, stacked levels included."""

from __future__ import annotations

from gongkai.data.model import Plan
from gongkai.export.document_tables import document_tables

ITEMS = [{"id": "a1", "text": "甲", "items": [
    {"id": "a1-1", "text": "甲一", "deadline": "2025-06-30", "actions": [{"text": "作法一"}, {"text": "作法二"}]},
    {"id": "a1-2", "text": "甲二", "cells": {"standard": "每季一次"}}]}]


def _tables(columns, **body):
    section = {"kind": "body", "items": ITEMS, "columns": columns, **body}
    plan = Plan(agency_id="x", year=114, data={"title": "t", "year": 114, "sections": [section]}, path=None)
    return document_tables(plan, "zh-TW")


def _widths(table) -> list[int]:
    """Each row's width, laying the cells out left to right past the places cells above still cover."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            taken |= {(r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.columns)}
            c += cell.columns
    return [len({c for (row, c) in taken if row == r}) for r in range(len(table.rows))]


def test_headers_follow_the_declared_order_and_a_named_column_holds_its_cells():
    table = _tables([{"label": "項目", "levels": [1, 2]}, {"label": "評核標準", "cell": "standard"},
                     {"label": "作法", "field": "actions"}])[0]
    assert [(c.text, c.columns) for c in table.header] == [("項目", 2), ("評核標準", 1), ("作法", 1)]
    assert [c.text for c in table.rows[1]] == ["(二)甲二", "每季一次", ""]
    assert table.rows[0][3].text == "1.作法一\n2.作法二"


def test_a_stacked_level_is_a_row_across_the_table_and_every_row_fills_it():
    table = _tables([{"label": "項目", "levels": [1, 2], "stacked": True}, {"label": "作法", "field": "actions"},
                     {"label": "期限", "field": "deadline"}], rows="actions")[0]
    assert [(c.text, c.columns) for c in table.rows[0]] == [("一、甲", 3)]
    assert _widths(table) == [3] * len(table.rows)
