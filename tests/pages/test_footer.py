from bs4 import BeautifulSoup

from gongkai.data.load import load_portal
from gongkai.data.settings import Settings
from gongkai.pages.footer import agency_footers, contact_html, policy_links
from gongkai.pages.renderer import renderer


def test_single_agency_portal_shows_its_own_contact_details(minimal_plans):
    agency_file = minimal_plans / "sample-office" / "agency.yml"
    agency_file.write_text(agency_file.read_text(encoding="utf-8")
                           + "address: 範例路1號\nphone: (02)1234-5678\nemail: a@example.gov.tw\n", encoding="utf-8")
    portal, report = load_portal(minimal_plans)
    assert report.ok
    soup = BeautifulSoup(str(contact_html(Settings(), portal, renderer("en"))), "html.parser")
    assert soup.select_one(".gk-footer__name").get_text() == "Sample Office"
    assert "(02)1234-5678" in soup.get_text() and soup.select_one('a[href="mailto:a@example.gov.tw"]')


def test_portal_publisher_wins_over_agencies(minimal_plans):
    portal, _ = load_portal(minimal_plans)
    settings = Settings(publisher={"name": "發布機關", "phone": "(02)0000-0000"})
    assert "發布機關" in str(contact_html(settings, portal, renderer("zh-TW")))


def test_a_real_agencys_pages_never_show_a_fictional_publisher(minimal_plans):
    agency_file = minimal_plans / "sample-office" / "agency.yml"
    agency_file.write_text(agency_file.read_text(encoding="utf-8").replace("fictional: true\n", ""), encoding="utf-8")
    portal, _ = load_portal(minimal_plans)
    agency = next(iter(portal.agencies.values()))
    made_up = Settings(publisher={"name": "示範發布機關（示範資料）", "phone": "(02)0000-0000", "fictional": True})
    footer = str(contact_html(made_up, portal, renderer("zh-TW"), agency))
    assert "示範發布機關" not in footer and "(02)0000-0000" not in footer and "範例" in footer
    assert set(agency_footers(made_up, portal, renderer("zh-TW"))) == {agency.id}
    # A real publisher is every page's.
    real = Settings(publisher={"name": "發布機關"})
    assert "發布機關" in str(contact_html(real, portal, renderer("zh-TW"), agency))
    assert agency_footers(real, portal, renderer("zh-TW")) == {}


def test_footer_links_name_every_policy_page():
    assert [link["path"] for link in policy_links("zh-TW")] == [
        "privacy/", "security/", "open-data/", "accessibility/", "site-map/"]


def test_an_agency_without_contact_details_shows_its_name_and_no_empty_list(minimal_plans):
    portal, _ = load_portal(minimal_plans)
    agency = next(iter(portal.agencies.values()))
    footer = str(contact_html(Settings(), portal, renderer("zh-TW"), agency))
    assert "範例事務所" in footer and "<dl" not in footer
    footer = str(contact_html(Settings(publisher={"name": "發布機關", "phone": "(02)0000-0000"}), portal, renderer("zh-TW")))
    assert "<dl" in footer and "(02)0000-0000" in footer
