"""Copying a plan to the next ROC year: it validates, keeps ids, comments and key order, moves the year,
period and dated deadlines, records a drafted entry, and never overwrites without force."""

import datetime
import shutil

import pytest
from ruamel.yaml import YAML
from support import EXAMPLE_AGENCY, FIXTURES, PLANS

from gongkai.cycle.agency_files import ToolError
from gongkai.cycle.new_year import new_year, rolled_plan
from gongkai.data.load import load_portal

AGENCY = EXAMPLE_AGENCY
TODAY = datetime.date(2026, 11, 23)


def _data(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _comments(path):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith("#")]


def _key_paths(value, path=()):
    """Every key of every mapping, with where it stands, in file order."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _key_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _key_paths(child, (*path, index))


def _leaves(items):
    for item in items:
        yield from _leaves(item["items"]) if "items" in item else [item]


def _body(data):
    return next(s for s in data["sections"] if s["kind"] == "body")


def test_the_new_year_validates_and_is_loaded(plans):
    target, rolled = new_year(plans, AGENCY, TODAY)
    assert target == plans / AGENCY / "116" / "plan.yml" and rolled.year == 116
    portal, report = load_portal(plans)
    assert report.ok, report.format()
    assert 116 in portal.agencies[AGENCY].plans


def test_comments_ids_and_key_order_survive(plans):
    target, _ = new_year(plans, AGENCY, TODAY)
    source = PLANS / AGENCY / "115" / "plan.yml"
    assert _comments(target) == _comments(source)
    old, new = _data(source), _data(target)
    assert [leaf["id"] for leaf in _leaves(_body(new)["items"])] == [leaf["id"] for leaf in _leaves(_body(old)["items"])]
    dropped = {"issued", "history", "updated", "state"}
    assert ([p for p in _key_paths(new) if p[0] not in dropped]
            == [p for p in _key_paths(old) if p[0] not in dropped])
    kept = [key for key in old if key not in {"issued", "updated"}]
    assert list(new) == [*kept[:kept.index("year") + 1], "state", *kept[kept.index("year") + 1:]]


def test_year_titles_and_period_move_one_year_on(plans):
    target, _ = new_year(plans, AGENCY, TODAY)
    data = _data(target)
    assert data["year"] == 116
    assert data["title"] == {"zh-TW": "示範區公所116年提升服務品質執行計畫",
                             "en": "Example District Office 2027 Implementation Plan for Improving Service Quality"}
    assert _body(data)["table_title"]["zh-TW"] == "示範區公所116年提升服務品質具體作法"
    assert data["annexes"][0]["title"]["zh-TW"] == "示範區公所116年提升服務品質執行成效一覽表"
    period = next(s for s in data["sections"] if s["kind"] == "period")
    assert (period["start"], period["end"]) == ("2027-01", "2027-12")
    assert "issued" not in data and "updated" not in data


def test_dated_deadlines_move_and_recurring_ones_stay(plans):
    target, rolled = new_year(plans, AGENCY, TODAY)
    old = {leaf["id"]: leaf.get("deadline") for leaf in _leaves(_body(_data(PLANS / AGENCY / "115" / "plan.yml"))["items"])}
    new = {leaf["id"]: leaf.get("deadline") for leaf in _leaves(_body(_data(target))["items"])}
    dated = [key for key, value in old.items() if isinstance(value, datetime.date)]
    assert rolled.deadlines_moved == len(dated) == 5
    for key, value in old.items():
        if isinstance(value, datetime.date):
            assert new[key] == value.replace(year=value.year + 1), key
        else:
            assert new[key] == value, key
    assert {"every_year": "12-31"} in new.values() and "ongoing" in new.values()


def test_unrelated_numbers_are_not_rewritten(plans):
    target, rolled = new_year(plans, AGENCY, TODAY)
    basis = _data(target)["sections"][0]["items"][0]
    # The basis cites the city's 115 document: a person must replace it, so it is listed, not guessed.
    assert basis["number"] == "示府研字第1150000001號" and basis["date"] == datetime.date(2026, 1, 5)
    assert "sections[0].items[0].text.zh-TW" in [m.field for m in rolled.mentions]
    assert all(m.field.startswith("sections[0]") for m in rolled.mentions)
    assert "value: 15\n" in target.read_text(encoding="utf-8")


def test_the_history_becomes_one_drafted_entry(plans):
    target, _ = new_year(plans, AGENCY, TODAY)
    assert _data(target)["history"] == [{"date": TODAY, "event": "drafted",
                                        "note": {"zh-TW": "由 115 年計畫複製", "en": "Copied from the 2026 plan"}}]


def test_an_existing_year_is_replaced_only_with_force(plans):
    existing = plans / AGENCY / "115" / "plan.yml"
    before = existing.read_bytes()
    with pytest.raises(ToolError, match="--force"):
        new_year(plans, AGENCY, TODAY, source_year=114)
    assert existing.read_bytes() == before
    new_year(plans, AGENCY, TODAY, source_year=114, force=True)
    assert existing.read_bytes() != before
    assert _data(existing)["history"][0]["note"]["en"] == "Copied from the 2025 plan"
    assert load_portal(plans)[1].ok


def test_the_editor_schema_line_is_written_even_when_the_source_has_none(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", plans)
    target, _ = new_year(plans, "sample-office", TODAY)
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../gongkai/schema/plan.schema.json"
    assert load_portal(plans)[1].ok


@pytest.mark.parametrize(("agency", "year", "title", "period_text"), [
    ("nantou-social-affairs-bureau", 95, "南投縣政府社會局九十六年度提升服務品質執行計畫",
     {"zh-TW": "96年1月至12月", "en": "January to December 2007"}),
    ("luodong-household-registration-office", 112, "113年度提升服務品質執行計畫",
     {"zh-TW": "本計畫實施期間於民國113年1月起至113年12月日止，計1年。",
      "en": "This plan runs from January 2024 to December 2024, a period of one year."}),
])
def test_years_are_moved_as_they_are_written(agency, year, title, period_text):
    rolled = rolled_plan(PLANS / agency / str(year) / "plan.yml", TODAY)
    data = YAML(typ="safe").load(rolled.text)
    assert data["title"]["zh-TW"] == title
    assert next(s for s in data["sections"] if s["kind"] == "period")["text"] == period_text


def test_bad_input_is_refused_with_a_bilingual_message(plans, tmp_path):
    with pytest.raises(ToolError) as unknown:
        new_year(plans, "no-such-office", TODAY)
    assert "找不到機關" in unknown.value.format() and "there is no agency" in unknown.value.format()
    (plans / "empty-office").mkdir()
    shutil.copy(PLANS / AGENCY / "agency.yml", plans / "empty-office" / "agency.yml")
    with pytest.raises(ToolError, match="has no plan to copy"):
        new_year(plans, "empty-office", TODAY)
    broken = plans / AGENCY / "115" / "plan.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "title: [\n", encoding="utf-8")
    with pytest.raises(ToolError) as unloadable:
        new_year(plans, AGENCY, TODAY)
    assert "YAML" in unloadable.value.format()
    assert not (plans / AGENCY / "116").exists()


def test_a_year_written_digit_by_digit_moves_too(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", plans)
    source = plans / "sample-office" / "114" / "plan.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("範例事務所114年", "範例事務所一一四年度"), encoding="utf-8")
    target, _ = new_year(plans, "sample-office", TODAY)
    assert _data(target)["title"] == "範例事務所一一五年度提升服務品質執行計畫"


def test_a_deadline_as_written_moves_with_its_date():
    from ruamel.yaml.comments import CommentedMap

    from gongkai.cycle.new_year import _move_deadlines
    deadline = CommentedMap(as_written="95.12.31", date=datetime.date(2006, 12, 31))
    items = [CommentedMap(id="a1", text="x", deadline=deadline)]
    assert _move_deadlines(items, 95) == 1
    assert deadline == {"as_written": "96.12.31", "date": datetime.date(2007, 12, 31)}
