"""Translation coverage (make translations) and the quality rules every English text follows."""

import re
import subprocess

from support import GONGKAI, PLANS, ROOT

from gongkai.data.glossary import load_glossary
from gongkai.data.load import load_portal
from gongkai.data.schemas import schema
from gongkai.data.translation_coverage import text_fields
from gongkai.data.translation_report import file_translations, portal_translations, site_coverage

SCRIPT = [*GONGKAI, "translations"]
DOCUMENT_NUMBER = re.compile(r"\S*字第\S*號")
CJK = re.compile(r"[\u3400-\u9fff]")


def test_untranslated_fields_are_listed_with_their_line(minimal_plans):
    result = file_translations(minimal_plans / "sample-office" / "114" / "plan.yml", "plan")
    assert (result.coverage.translated, result.coverage.total) == (0, 10)
    assert "sections[1].levels[0]" in [m.field for m in result.missing]
    first = result.missing[0]
    assert (first.line, first.column, first.field) == (1, 8, "title") and first.chinese.startswith("範例事務所")


def test_min_fails_below_the_share_asked_for(minimal_plans):
    low = subprocess.run([*SCRIPT, "--plans", str(minimal_plans), "--min", "100"], capture_output=True, text=True)
    assert low.returncode == 1 and "below the 100% asked for" in low.stderr
    assert "plan.yml:1:8 title「範例事務所" in low.stdout
    ok = subprocess.run([*SCRIPT, "--plans", str(minimal_plans), "--min", "5"], capture_output=True, text=True)
    assert ok.returncode == 0
    wrong = subprocess.run([*SCRIPT, "--min", "150"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def test_the_whole_site_is_translated():
    total = site_coverage(portal_translations(PLANS))
    assert total.translated == total.total


def test_every_english_text_reads_as_english():
    """No Chinese is left in English texts, except document numbers, which stay as issued."""
    portal, _ = load_portal(PLANS)
    leftovers = []
    for agency in portal.agencies.values():
        files = [("agency", agency.data)] + [("plan", p.data) for p in agency.plans.values()] + \
                [("results", p.results.data) for p in agency.plans.values() if p.results]
        for kind, data in files:
            for path, value in text_fields(data, schema(kind), schema(kind)):
                if isinstance(value, dict) and CJK.search(DOCUMENT_NUMBER.sub("", value.get("en", ""))):
                    leftovers.append((agency.id, path, value["en"]))
    assert not leftovers


def _normal(value: str) -> str:
    return re.sub(r"[-\s]+", " ", value.lower())


def test_names_in_the_glossary_are_translated_the_same_way_everywhere():
    terms, problems = load_glossary(ROOT / "glossary.yml")
    assert not problems
    strict = [t for t in terms if t.get("strict")]
    portal, _ = load_portal(PLANS)
    inconsistent = []
    for plan in portal.plans():
        for _, value in text_fields(plan.data, schema("plan"), schema("plan")):
            if not isinstance(value, dict):
                continue
            for term in strict:
                longer = any(o["zh"] != term["zh"] and term["zh"] in o["zh"] and o["zh"] in value["zh-TW"] for o in terms)
                if term["zh"] in value["zh-TW"] and not longer and \
                        _normal(term["en"]).rstrip("s") not in _normal(value["en"]):
                    inconsistent.append((plan.agency_id, term["zh"], value["en"]))
    assert not inconsistent


def test_files_that_do_not_pass_the_check_are_left_out_instead_of_raising(minimal_plans):
    plan = minimal_plans / "sample-office" / "114" / "plan.yml"
    plan.write_text("title: [1, {a: 2}]\nyear: 114\nsections: 5\n", encoding="utf-8")
    files = portal_translations(minimal_plans)
    assert plan not in [f.path for f in files]
    assert sorted(f.path.name for f in files) == ["agency.yml", "results.yml"]
