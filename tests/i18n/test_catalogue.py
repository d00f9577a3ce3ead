"""The interface strings: every one in every language, and none defined twice."""

import ast
import inspect
import re

import pytest

from gongkai.i18n import catalogue
from gongkai.i18n.languages import CODES

TABLES = {"UI": catalogue.UI, "SECTION_HEADINGS": catalogue.SECTION_HEADINGS,
          "STATUS_LABELS": catalogue.STATUS_LABELS, "PER_PERIOD": catalogue.PER_PERIOD,
          "BUDGET_UNITS": catalogue.BUDGET_UNITS}


@pytest.mark.parametrize("table", TABLES)
def test_every_string_has_every_language(table):
    missing = [(key, lang) for key, texts in TABLES[table].items() for lang in CODES
               if not (texts.get(lang) or "").strip()]
    assert not missing


def test_every_month_has_a_name_in_every_language():
    assert all(len(catalogue.MONTH_NAMES[lang]) == 12 and all(catalogue.MONTH_NAMES[lang]) for lang in CODES)


def test_no_interface_string_is_defined_twice():
    # UI is written in several blocks; a key given again in a later block would silently replace the first.
    tree = ast.parse(inspect.getsource(catalogue))
    keys = [key.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for key, value in zip(node.keys, node.values)
            if isinstance(key, ast.Constant) and isinstance(value, ast.Dict)
            and {k.value for k in value.keys if isinstance(k, ast.Constant)} >= set(CODES)
            and _in_ui(tree, node)]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


def _in_ui(tree: ast.Module, table: ast.Dict) -> bool:
    """Whether a dict literal is UI's first block or one given to UI.update."""
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "UI" and node.value is table:
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "update" \
                and getattr(node.func.value, "id", None) == "UI" and table in node.args:
            return True
    return False


def test_chinese_page_text_has_no_space_beside_what_is_filled_in():
    # "以 民國115年11月29日 為準" reads as a gap in Chinese: the words around a date or a number touch it. The spot
    # check's report (spot_*) is terminal text, and a target's comparison sign keeps its space (目標 ≥ 85分).
    cjk = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
    spaced = re.compile(f"[{cjk}] \\{{|\\}} [{cjk}]")
    exempt = {"measured_against_target"}
    assert [key for key, texts in catalogue.UI.items()
            if spaced.search(texts["zh-TW"]) and not key.startswith("spot_") and key not in exempt] == []
