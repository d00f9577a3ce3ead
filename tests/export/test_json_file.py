"""JSON files carry their columns' documentation with the rows."""

import json

from exported import example_plan, yaml_items

from gongkai.export.files import plan_downloads
from gongkai.export.tables import PLAN_COLUMNS


def test_json_has_title_documented_columns_and_a_row_per_item():
    content = next(d.content for d in plan_downloads(example_plan()) if d.part == "plan" and d.format == "json")
    document = json.loads(content)
    assert document["title"]["zh-TW"] == example_plan().title["zh-TW"]
    assert [c["name"] for c in document["columns"]] == [c.name for c in PLAN_COLUMNS]
    assert all(c["description"]["zh-TW"] and c["description"]["en"] for c in document["columns"])
    assert [row["text_zh"] for row in document["rows"]] == [item["text"]["zh-TW"] for _, item in yaml_items()]
    assert document["rows"][0]["year"] == 114
