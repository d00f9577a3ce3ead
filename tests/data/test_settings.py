import shutil

from support import FIXTURES

from gongkai.data.settings import load_settings


def write_settings(tmp_path, text):
    path = tmp_path / "portal.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_settings_file_means_no_mark(tmp_path):
    settings, problems = load_settings(tmp_path / "portal.yml")
    assert settings.accessibility_mark is None and not problems


def test_accessibility_mark_is_read_with_its_image(tmp_path):
    shutil.copy(FIXTURES / "accessibility-mark.png", tmp_path / "mark.png")
    path = write_settings(tmp_path, "accessibility_mark:\n  image: mark.png\n  url: https://example.org/mark\n  alt: 通過AA檢測\n")
    settings, problems = load_settings(path)
    assert not problems
    assert settings.accessibility_mark.site_path == "assets/accessibility-mark.png"


def test_incomplete_or_missing_mark_is_reported(tmp_path):
    _, problems = load_settings(write_settings(tmp_path, "accessibility_mark:\n  image: mark.png\n"))
    assert {p.field for p in problems} == {"accessibility_mark.url", "accessibility_mark.alt"}
    assert all(p.line == 1 for p in problems)
    _, problems = load_settings(write_settings(tmp_path, "accessibility_mark:\n  image: none.png\n  url: https://example.org/\n  alt: a\n"))
    assert "image is missing" in problems[0].summary.en


def test_broken_settings_yaml_is_reported(tmp_path):
    _, problems = load_settings(write_settings(tmp_path, "accessibility_mark: [\n"))
    assert problems and "syntax" in problems[0].summary.en


def test_wrong_category_code_names_the_expected_form(tmp_path):
    _, problems = load_settings(write_settings(tmp_path, "categories:\n  theme: 41\n"))
    assert problems[0].field == "categories.theme" and problems[0].line == 2


def test_a_settings_file_of_comments_only_means_the_defaults(tmp_path):
    settings, problems = load_settings(write_settings(tmp_path, "# nothing set yet\n"))
    assert not problems and settings.categories["service"] == "I00"


def test_repository_settings_are_valid():
    from support import ROOT
    settings, problems = load_settings(ROOT / "portal.yml")
    assert not problems and settings.publisher["code"] == "EXAMPLE00"
