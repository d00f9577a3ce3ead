from support import ROOT

from gongkai.data.glossary import load_glossary


def test_repository_glossary_loads():
    terms, problems = load_glossary(ROOT / "glossary.yml")
    assert not problems and any(t["zh"] == "單一窗口" and t["en"] == "single window" for t in terms)


def test_a_term_without_english_is_reported_with_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n  - {zh: 單一窗口, en: single window}\n  - {zh: 管考}\n", encoding="utf-8")
    _, problems = load_glossary(path)
    assert problems[0].line == 3 and "zh and en" in problems[0].summary.en
