import html

from gongkai.data.schemas import schema
from gongkai.pages.data_model import render_data_model
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import renderer


def data_model_markdown(lang):
    return render_data_model(renderer(lang), PageFacts(title="", description="", updated=None)).body


def _property_names(node, seen=None):
    names = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {}))
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


def test_every_field_of_every_schema_is_documented_in_both_languages():
    names = set()
    for kind in ("agency", "plan", "results", "common"):
        names |= _property_names(schema(kind))
    for lang in ("zh-TW", "en"):
        page = data_model_markdown(lang)
        undocumented = [n for n in names if f".{n}</code>" not in page and f">{n}</code>" not in page]
        assert not undocumented, (lang, undocumented)


def test_descriptions_are_in_the_page_language():
    assert "完成期限" in data_model_markdown("zh-TW")
    assert "Deadline" in data_model_markdown("en")


def test_the_columns_documentation_says_how_csv_cells_are_kept_from_running_as_formulas():
    chinese, english = html.unescape(data_model_markdown("zh-TW")), html.unescape(data_model_markdown("en"))
    assert "公式注入" in chinese and "單引號" in chinese and "'--12-31" in chinese
    assert "formula injection" in english and "apostrophe" in english and "'--12-31" in english
