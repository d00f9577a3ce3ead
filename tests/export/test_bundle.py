"""The bulk ZIP holds every download and data.gov.tw-style dataset metadata; it is the same on every build."""

import io
import json
import time
import zipfile

from support import PLANS

from gongkai.data.load import load_portal
from gongkai.export.files import plan_downloads, portal_downloads
from gongkai.export.tables import PLAN_COLUMNS, RESULTS_COLUMNS
from gongkai.pages.site import Site


def _downloads():
    site, report = Site.load(PLANS, "zh-TW")
    assert report.ok
    return portal_downloads(site.portal, site.settings)


def test_zip_holds_dataset_metadata_and_every_file():
    files, bulk = _downloads()
    archive = zipfile.ZipFile(io.BytesIO(bulk.content))
    names = archive.namelist()
    assert names[0] == "dataset.json"
    assert sorted(names[1:]) == sorted(d.path for d in files)
    metadata = json.loads(archive.read("dataset.json"))
    for key in ("title", "description", "license", "publisher", "contact", "update_frequency", "coverage",
                "language", "encoding", "fields"):
        assert metadata[key], key
    assert metadata["coverage"] == {"start": "2006-01-01", "end": "2026-12-31"}  # ROC 95 to 115
    assert [f["name"] for f in metadata["fields"]["plan"]] == [c.name for c in PLAN_COLUMNS]
    assert [f["name"] for f in metadata["fields"]["results"]] == [c.name for c in RESULTS_COLUMNS]
    assert metadata["encoding"]["csv"] == "UTF-8 (BOM)"
    assert all(archive.read(d.path) == d.content for d in files)


def test_every_file_is_byte_identical_when_built_again():
    first_files, first_bulk = _downloads()
    time.sleep(1.1)  # ZIP dates have two-second steps; a build a moment later must not differ
    second_files, second_bulk = _downloads()
    assert [(d.path, d.content) for d in first_files] == [(d.path, d.content) for d in second_files]
    assert first_bulk.content == second_bulk.content


def test_a_file_does_not_depend_on_the_files_built_before_it():
    portal, _ = load_portal(PLANS)
    plan = portal.agencies["example-district-office"].plans[114]
    alone = plan_downloads(plan)
    _downloads()
    assert [d.content for d in plan_downloads(plan)] == [d.content for d in alone]


def test_zip_members_carry_a_fixed_date():
    _, bulk = _downloads()
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(bulk.content)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
