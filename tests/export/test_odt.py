"""The plan's ODT file is a real OpenDocument text whose headings and paragraphs hold the YAML's data."""

import io

from exported import example_plan, yaml_items
from odf.opendocument import load
from odf.text import H, P

from gongkai.export.files import plan_downloads


def _document():
    content = next(d.content for d in plan_downloads(example_plan()) if d.format == "odt")
    document = load(io.BytesIO(content))
    assert document.mimetype == "application/vnd.oasis.opendocument.text"
    return document


def test_odt_has_the_title_and_a_heading_per_item_at_its_level():
    document = _document()
    headings = document.text.getElementsByType(H)
    assert str(headings[0]) == example_plan().title["zh-TW"]
    items = yaml_items()
    assert [str(h) for h in headings[1:]] == [f"{position} {item['text']['zh-TW']}" for position, item in items]
    assert [int(h.getAttribute("outlinelevel")) for h in headings[1:]] == [position.count(".") + 2
                                                                         for position, _ in items]


def test_odt_paragraphs_give_each_items_units_and_outcomes():
    paragraphs = [str(p) for p in _document().text.getElementsByType(P)]
    for _, item in yaml_items():
        for unit in item.get("units", []):
            assert any(p.endswith("：" + unit["zh-TW"]) and p.startswith("執行單位") for p in paragraphs)
        for outcome in item.get("outcomes", []):
            assert any(p.endswith("：" + outcome["en"]) for p in paragraphs)
