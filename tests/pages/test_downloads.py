"""The download files, published once at the site's root, as each language's pages link them."""

from gongkai.pages.downloads import site_link

CSV = "plans/x-office/114/downloads/x-office-114-plan.csv"


def test_the_first_languages_plan_page_links_its_files_from_its_own_folder():
    assert site_link("plans/x-office/114/index.md", CSV, "zh-TW") == "downloads/x-office-114-plan.csv"


def test_another_languages_page_links_up_out_of_its_languages_folder():
    assert site_link("plans/x-office/114/index.md", CSV, "en") == "../../../../" + CSV
    assert site_link("status/index.md", "downloads/all.zip", "en") == "../../downloads/all.zip"
