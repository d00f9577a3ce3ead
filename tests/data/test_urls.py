"""Links between the site's pages: relative, so that they work under any folder, and as short as they go."""

from gongkai.data.urls import relative

PLAN = "plans/x-office/114/index.md"


def test_a_link_into_the_pages_own_folder_starts_there():
    assert relative(PLAN, "plans/x-office/114/downloads/x-office-114-plan.csv") == "downloads/x-office-114-plan.csv"
    assert relative(PLAN, "plans/x-office/114/results/") == "results/"


def test_a_link_goes_up_only_as_far_as_the_two_pages_share_no_folder():
    assert relative(PLAN, "plans/x-office/") == "../"
    assert relative(PLAN, "plans/x-office/113/") == "../113/"
    assert relative("plans/x-office/114/results/index.md", "plans/x-office/114/") == "../"
    assert relative(PLAN, "data-model/#downloads") == "../../../data-model/#downloads"
    assert relative(PLAN, "") == "../../../"


def test_a_link_to_the_pages_own_folder_names_it():
    assert relative(PLAN, "plans/x-office/114/") == "./"
    assert relative("index.md", "") == "./"
    assert relative("index.md", "#top") == "./#top"
