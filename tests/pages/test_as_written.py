"""A plan page adds nothing the document does not say: no second heading over a body of one table, outcomes
numbered as written, a leaf's only action unnumbered."""

from pathlib import Path

from bs4 import BeautifulSoup
from support import MARKER_SELECTOR

from gongkai.data.load import load_portal
from gongkai.pages.plan import render_plan
from gongkai.pages.renderer import renderer

BODY = """  - kind: body
    heading: 實施要項
    columns:
      - {label: 實施要項, levels: [1, 2]}
      - {label: 推動作法, field: actions}
      - {label: 預期效益, field: outcomes}
    numbering: {actions: "1、", outcomes: "1、"}
    rows: actions
    items:
      - id: a1
        text: 完備基礎服務項目
        items:
          - id: a1-1
            text: 設置單一窗口。
            actions:
              - text: 設置服務台。
            outcomes: [民眾洽公便利。, 縮短等候時間。]
          - id: a1-2
            text: 辦理電話禮貌測試。
            numbering: {outcomes: 一、}
            actions:
              - text: 每季測試一次。
              - text: 公布測試結果。
            outcomes: [提升禮貌。, 改善服務。]
"""


def _page(plans: Path, replace: dict[str, str]) -> BeautifulSoup:
    path = plans / "sample-office" / "114" / "plan.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    portal, report = load_portal(plans)
    assert report.ok, report.format()
    agency = portal.agencies["sample-office"]
    return BeautifulSoup(render_plan(renderer("zh-TW"), agency, agency.plans[114], []).body, "html.parser")


def _body(plans: Path) -> BeautifulSoup:
    # The fixture's results report on the items this body replaces.
    (plans / "sample-office" / "114" / "results.yml").unlink()
    text = (plans / "sample-office" / "114" / "plan.yml").read_text(encoding="utf-8")
    return _page(plans, {text[text.index("  - kind: body"):]: BODY})


def test_a_body_of_one_table_has_its_section_heading_only(minimal_plans):
    page = str(_body(minimal_plans))
    assert page.count("{#sec-body}") == 1
    assert "### " not in page


def test_outcomes_are_numbered_as_the_table_and_the_item_write_them(minimal_plans):
    page = _body(minimal_plans)
    outcomes = [[m.get_text() for m in td.select(MARKER_SELECTOR)] for td in page.select("td.gk-col-outcomes")]
    assert outcomes == [["1、", "2、"], ["一、", "二、"]]


def test_a_leaf_with_one_action_row_leaves_it_unnumbered(minimal_plans):
    page = _body(minimal_plans)
    actions = [[m.get_text() for m in td.select(MARKER_SELECTOR)] for td in page.select("td.gk-col-actions")]
    assert actions == [[], ["1、"], ["2、"]]

