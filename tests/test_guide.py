"""The guide for staff is in the navigation of both languages, shows its pictures, and names the checks CI runs."""

from __future__ import annotations

import re

import pytest
from support import PLANS, ROOT
from workflows import CHECKS, WORKFLOWS, load, make_targets

from gongkai.pages.site import Site

LANGUAGES = ["zh-TW", "en"]
PICTURE = re.compile(r"!\[([^\]]*)\]\(([^)]+)\)")


def guide(lang: str) -> str:
    return (ROOT / "content" / lang / "guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_is_in_the_navigation(lang):
    site, report = Site.load(PLANS, lang)
    assert report.ok
    assert "'guide.md'" in str(site.nav())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_picture_of_the_guide_exists_and_says_what_it_shows(lang):
    pictures = PICTURE.findall(guide(lang))
    assert len(pictures) >= 3
    for alt, path in pictures:
        assert len(alt) > 20, path
        assert (ROOT / "content" / lang / path).is_file(), path


def test_both_languages_show_the_same_pictures():
    assert [path for _, path in PICTURE.findall(guide("zh-TW"))] == [path for _, path in PICTURE.findall(guide("en"))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_names_every_check_that_ci_runs(lang):
    for name in WORKFLOWS:
        assert CHECKS <= make_targets(load(name))
    for target in CHECKS:
        assert f"make {target}" in guide(lang), target
