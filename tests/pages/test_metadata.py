import datetime

from gongkai.data.load import load_portal
from gongkai.data.settings import Settings
from gongkai.pages.metadata import PageFacts, dublin_core, plan_facts

REQUIRED = ["DC.Title", "DC.Creator", "DC.Subject", "DC.Description", "DC.Contributor", "DC.Type", "DC.Format",
            "DC.Source", "DC.Language", "DC.coverage.t.min", "DC.coverage.t.max", "DC.Publisher", "DC.Date",
            "DC.Identifier", "DC.Relation", "DC.Rights", "Category.Theme", "Category.Cake", "Category.Service",
            "Keywords"]


def test_a_single_agency_portal_is_its_own_publisher(minimal_plans):
    portal, _ = load_portal(minimal_plans)
    agency = portal.agencies["sample-office"]
    plan = agency.plans[114]
    facts = plan_facts(agency, plan, "zh-TW", "標題", "說明", "/plans/sample-office/114/results/",
                       datetime.date(2025, 2, 1))
    fields = dublin_core(facts, portal, Settings(), "zh-TW")
    assert fields["DC.Publisher"] == "範例事務所"
    assert fields["DC.Date"] == "2025-02-01"
    assert (fields["DC.coverage.t.min"], fields["DC.coverage.t.max"]) == ("2025-01-01", "2025-12-31")
    assert fields["DC.Language"] == "中文" and fields["Category.Service"] == "I00"


def test_every_field_is_given_when_the_data_has_it(minimal_plans):
    portal, _ = load_portal(minimal_plans)
    settings = Settings(publisher={"name": {"zh-TW": "發布機關", "en": "Publisher"}, "code": "A12345"})
    facts = PageFacts(title="T", description="D", updated=datetime.date(2026, 1, 2), first_year=103, last_year=115,
                      relation="/", keywords=("k",))
    fields = dublin_core(facts, portal, settings, "en", ["single window"])
    assert [name for name in REQUIRED if not fields.get(name)] == []
    assert fields["DC.Identifier"] == "A12345" and fields["DC.Language"] == "英文"
    assert fields["Keywords"].split(",")[:2] == ["k", "single window"]


def test_a_real_agencys_pages_name_the_publisher_their_footer_names(minimal_plans):
    agency_file = minimal_plans / "sample-office" / "agency.yml"
    agency_file.write_text(agency_file.read_text(encoding="utf-8").replace("fictional: true\n", ""), encoding="utf-8")
    portal, _ = load_portal(minimal_plans)
    agency = portal.agencies["sample-office"]
    facts = plan_facts(agency, agency.plans[114], "zh-TW", "標題", "說明", "/", datetime.date(2025, 2, 1))
    made_up = Settings(publisher={"name": "示範發布機關（示範資料）", "code": "EXAMPLE00", "fictional": True})
    fields = dublin_core(facts, portal, made_up, "zh-TW")
    assert fields["DC.Publisher"] == "範例事務所"
    assert "示範發布機關" not in "".join(fields.values())
    # The portal's own pages, and every page under a real publisher, name portal.yml's publisher.
    assert dublin_core(PageFacts(title="T", description="D", updated=None), portal, made_up, "zh-TW")[
        "DC.Publisher"] == "示範發布機關（示範資料）"
    assert dublin_core(facts, portal, Settings(publisher={"name": "發布機關"}), "zh-TW")["DC.Publisher"] == "發布機關"
