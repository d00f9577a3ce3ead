import json
from collections import Counter
from pathlib import Path

import yaml
from support import PLANS

from gongkai.export import Download
from gongkai.export.manifest import build_manifest, manifest_bytes, manifest_errors
from gongkai.pages.site import Site

BULK = Download.of("downloads/gongkai-open-data.zip", "zip", b"zip bytes")


def _manifest(plans: Path = PLANS):
    site, report = Site.load(plans, "zh-TW")
    assert report.ok
    return build_manifest(site.portal, site.settings, [], BULK)


def test_manifest_fits_its_schema():
    assert manifest_errors(_manifest()) == []


def test_schema_refuses_a_manifest_with_a_missing_field():
    manifest = _manifest()
    del manifest["agencies"][0]["plans"][0]["completeness"]
    assert any("completeness" in error for error in manifest_errors(manifest))


def test_manifest_lists_every_agency_and_plan():
    manifest = _manifest()
    listed = {(a["id"], p["year"]) for a in manifest["agencies"] for p in a["plans"]}
    on_disk = {(p.parent.parent.name, int(p.parent.name)) for p in PLANS.glob("*/*/plan.yml")}
    assert listed == on_disk


def test_completeness_counts_the_unreported_leaves_of_the_example_results():
    example = next(a for a in _manifest()["agencies"] if a["id"] == "example-district-office")
    year_114 = next(p for p in example["plans"] if p["year"] == 114)
    completeness = year_114["completeness"]
    results = yaml.safe_load((PLANS / "example-district-office" / "114" / "results.yml").read_text(encoding="utf-8"))
    expected = Counter(entry["status"] for entry in results["results"].values())
    expected["not-reported"] += 2  # a4-2 and a6-2 have no entry
    assert {k: v for k, v in completeness["statuses"].items() if v} == dict(expected)
    assert (completeness["leaves"], completeness["reported"]) == (sum(expected.values()), sum(expected.values()) - 2)
    assert year_114["results"]["reported"] == "2026-01-20"
    assert year_114["results"]["published"] == "2026-01-20"
    assert year_114["plan"]["approved"] == "2025-01-20"


def test_manifest_bytes_are_sorted_indented_utf8_with_a_final_newline():
    data = manifest_bytes(_manifest())
    assert data.endswith(b"}\n")
    assert "示範".encode() in data
    assert data == manifest_bytes(json.loads(data))
