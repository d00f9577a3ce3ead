"""Draft plans (state: draft) are not published: the site to publish leaves them out everywhere, and only a
preview shows them, with a DRAFT banner in both languages."""

import datetime
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import EXAMPLE_AGENCY, GONGKAI, PLANS, ROOT, SEEDS

from gongkai.cycle.importing.importer import draft_of
from gongkai.cycle.new_year import new_year
from gongkai.data.load import load_portal
from gongkai.data.schemas import schema
from gongkai.pages.site import HOME_MARKER, Site

TODAY = datetime.date(2026, 11, 23)
DRAFT = f"plans/{EXAMPLE_AGENCY}/116/"


@pytest.fixture
def drafted(plans: Path) -> Path:
    """The example agency with 116 copied by new-year: a draft."""
    new_year(plans, EXAMPLE_AGENCY, TODAY)
    return plans


def _pages(site: Site) -> dict[str, str]:
    return {page.path: page.body for page in site.pages()}


def _texts(site: Site) -> str:
    """Every page but the data model's (which explains `state: draft`), and the home page's table."""
    pages = {path: body for path, body in _pages(site).items() if path != "data-model.md"}
    return "\n".join(pages.values()) + site.expand(HOME_MARKER, "index.md")


def test_new_year_writes_a_draft(drafted):
    text = (drafted / EXAMPLE_AGENCY / "116" / "plan.yml").read_text(encoding="utf-8")
    assert "\nyear: 116\nstate: draft\n" in text
    portal, report = load_portal(drafted)
    assert report.ok and portal.agencies[EXAMPLE_AGENCY].plans[116].draft


def test_import_writes_a_draft():
    _, draft = draft_of(SEEDS / "000_96be31bb93ae3d92.txt", "chiayi", year=None, today=TODAY)
    assert draft.plan["state"] == "draft"
    assert list(draft.plan).index("state") == list(draft.plan).index("year") + 1


def test_the_published_site_leaves_a_draft_out_everywhere(drafted):
    site, report = Site.load(drafted, "zh-TW", on=TODAY)
    assert report.ok
    pages = _pages(site)
    assert not [path for path in pages if path.startswith(DRAFT)]
    assert "116" not in json.dumps(site.manifest["agencies"][0]["plans"])
    files, bulk = site.downloads
    assert not [d for d in files if d.year == 116]
    assert not [name for name in zipfile.ZipFile(io.BytesIO(bulk.content)).namelist() if "/116/" in name]
    assert not [path for _, path in site.assets() if path.startswith(DRAFT)]
    assert "116" not in json.dumps(site.site_tree())
    assert "示範區公所116年" not in _texts(site)
    assert "草稿" not in _texts(site) and "DRAFT" not in _texts(site)


def test_a_preview_shows_the_draft_with_a_banner_in_both_languages(drafted):
    for lang, words, other in (("zh-TW", "草稿 / DRAFT", "en"), ("en", "DRAFT / 草稿", "zh-Hant-TW")):
        site, _ = Site.load(drafted, lang, on=TODAY, preview=True)
        pages = _pages(site)
        page = BeautifulSoup(pages[f"{DRAFT}index.md"], "html.parser")
        banner = page.select_one(".gk-notice--draft")
        assert banner is not None and banner["role"] == "note"
        label = banner.select_one("strong")
        assert label.get_text() == words
        assert label.select_one("span")["lang"] == other
        assert "preview" in banner.get_text() or "預覽" in banner.get_text()
        # The agency's years say which one is a draft, in words.
        years = BeautifulSoup(pages[f"plans/{EXAMPLE_AGENCY}/index.md"], "html.parser")
        assert years.select_one(".gk-tag--draft").get_text() in ("草稿", "DRAFT")
        assert f"{DRAFT}index.md" in json.dumps(site.site_tree())
        # Approved plans carry no banner.
        assert "gk-notice--draft" not in pages[f"plans/{EXAMPLE_AGENCY}/115/index.md"]
        # Even a preview publishes no data of a draft, nor a status that counts it.
        assert 116 not in [p["year"] for p in site.manifest["agencies"][0]["plans"]]
        assert not [d for d in site.downloads[0] if d.year == 116]
        assert "116" not in site.expand(HOME_MARKER, "index.md")


def test_approval_publishes_it(drafted):
    plan = drafted / EXAMPLE_AGENCY / "116" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("state: draft", "state: approved"), encoding="utf-8")
    site, _ = Site.load(drafted, "zh-TW", on=TODAY)
    assert f"{DRAFT}index.md" in _pages(site)
    assert 116 in [p["year"] for p in site.manifest["agencies"][0]["plans"]]


def test_an_agency_whose_only_plan_is_a_draft_is_left_out(drafted):
    shutil.rmtree(drafted / EXAMPLE_AGENCY / "114")
    shutil.rmtree(drafted / EXAMPLE_AGENCY / "115")
    site, report = Site.load(drafted, "zh-TW", on=TODAY)
    assert report.ok
    assert not site.portal.agencies and not site.manifest["agencies"]
    assert not [path for path in _pages(site) if EXAMPLE_AGENCY in path]
    preview, _ = Site.load(drafted, "zh-TW", on=TODAY, preview=True)
    assert f"{DRAFT}index.md" in _pages(preview)


def test_check_says_which_plans_are_drafts_without_failing(drafted):
    result = subprocess.run([*GONGKAI, "check", "--plans", str(drafted)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "draft plan(s), not published" in result.stdout and "草稿 1 份" in result.stdout
    assert f"{EXAMPLE_AGENCY}/116/plan.yml" in result.stdout


def test_the_data_model_page_says_how_a_plan_is_a_draft():
    description = schema("plan")["properties"]["state"]["description"]
    assert schema("plan")["properties"]["state"]["enum"] == ["draft", "approved"]
    for words in ("draft", "approved", "gongkai build --preview", "new-year", "import", "不發布"):
        assert words in description


def test_the_repository_has_no_drafts():
    portal, _ = load_portal(PLANS)
    assert not [plan.path for plan in portal.plans() if plan.draft]


def test_build_leaves_drafts_out_and_build_preview_shows_them(drafted, tmp_path):
    for preview in (False, True):
        out = tmp_path / ("preview" if preview else "site")
        result = subprocess.run([*GONGKAI, "build", "--plans", str(drafted), "--out", str(out),
                                 *(["--preview"] if preview else [])], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        # The copy lies outside git and has no `updated`: the build says so, and still builds.
        assert "警告 warning" in result.stderr and "DC.Date" in result.stderr
        page = out / DRAFT / "index.html"
        assert page.is_file() == preview
        assert (out / "en" / DRAFT / "index.html").is_file() == preview
        manifest = json.loads((out / "transparency.json").read_text(encoding="utf-8"))
        assert 116 not in [p["year"] for a in manifest["agencies"] for p in a["plans"]]
        assert ("/116/" in (out / "sitemap.xml").read_text(encoding="utf-8")) == preview
        if preview:
            assert "DRAFT" in result.stdout and "do not publish" in result.stdout
            html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            assert html.select_one("article .gk-notice--draft strong").get_text() == "草稿 / DRAFT"
