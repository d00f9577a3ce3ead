"""The build in parts keeps every plan's downloads by what they are made of (gongkai.export.kept): an unchanged
plan's files are taken from there, neither made again nor held in memory; a changed plan's are made again,
and what the portal no longer uses is removed."""

from __future__ import annotations

import copy
import dataclasses
import datetime

from exported import example_plan
from support import PLANS

from gongkai.export.files import plan_downloads, portal_downloads
from gongkai.export.kept import CACHE_VARIABLE
from gongkai.export.manifest import build_manifest, manifest_bytes
from gongkai.pages.site import Site


def test_an_unchanged_plans_files_are_read_back_and_a_changed_plans_made_again(tmp_path, monkeypatch):
    plan = example_plan()
    made = {d.path: d.content for d in plan_downloads(plan)}
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    assert {d.path: d.content for d in plan_downloads(plan)} == made
    [folder] = tmp_path.iterdir()
    assert len([p for p in folder.iterdir() if p.suffix != ".json" or p.stem != "facts"]) == len(made)
    # A kept file is what the next build takes, as long as the plan is unchanged.
    csv = folder / "plan.csv"
    csv.write_bytes(b"kept")
    assert b"kept" in [d.content for d in plan_downloads(plan)]
    edited = copy.copy(plan)
    edited.data = {**plan.data, "title": {"zh-TW": "另一個計畫名稱"}}
    assert b"kept" not in [d.content for d in plan_downloads(edited)]


def test_kept_files_are_listed_with_their_size_and_hash_without_being_held(tmp_path, monkeypatch):
    plan = example_plan()
    held = plan_downloads(plan)
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    plan_downloads(plan)
    kept = plan_downloads(plan)
    assert all(d.held is None and d.source is not None for d in kept)
    assert [(d.path, d.size, d.sha256) for d in kept] == [(d.path, d.size, d.sha256) for d in held]
    assert [d.content for d in kept] == [d.content for d in held]


def _portal_downloads():
    site, report = Site.load(PLANS, "zh-TW")
    assert report.ok
    return site, portal_downloads(site.portal, site.settings)


def test_the_kept_zip_is_the_zip_made_without_a_cache_and_made_once(tmp_path, monkeypatch):
    _, (_, bulk) = _portal_downloads()
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    _, (_, first) = _portal_downloads()
    _, (_, second) = _portal_downloads()
    assert first.source is not None and first.held is None
    assert (first.size, first.sha256, first.content) == (bulk.size, bulk.sha256, bulk.content)
    assert second.source == first.source and second.source.stat().st_ino == first.source.stat().st_ino


def test_what_the_portal_no_longer_uses_is_removed_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    site, (files, bulk) = _portal_downloads()
    before = {p.name for p in tmp_path.iterdir()}
    agency = site.public.agencies["example-district-office"]
    plan = agency.plans[114]
    edited = dataclasses.replace(plan, data={**plan.data, "title": {"zh-TW": "另一個計畫名稱"}})
    portal = dataclasses.replace(site.public, agencies={
        **site.public.agencies, agency.id: dataclasses.replace(agency, plans={**agency.plans, 114: edited})})
    new_files, new_bulk = portal_downloads(portal, site.settings)
    after = {p.name for p in tmp_path.iterdir()}
    gone = before - after
    assert gone == {d.source.parent.name for d in [bulk] + [d for d in files if d.agency_id == plan.agency_id
                                                                and d.year == plan.year] if d.source}
    assert all(d.source is not None and d.source.is_file() for d in [*new_files, new_bulk])


def test_an_unchanged_plans_manifest_entry_is_kept_and_a_new_date_works_it_out_again(tmp_path, monkeypatch):
    from gongkai.export import manifest

    site, (files, bulk) = _portal_downloads()
    expected = manifest_bytes(build_manifest(site.public, site.settings, files, bulk))
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    _, (files, bulk) = _portal_downloads()
    assert manifest_bytes(build_manifest(site.public, site.settings, files, bulk)) == expected
    worked_out = []
    real = manifest._made_entry
    monkeypatch.setattr(manifest, "_made_entry", lambda plan, downloads: worked_out.append(plan) or real(plan, downloads))
    assert manifest_bytes(build_manifest(site.public, site.settings, files, bulk)) == expected
    assert worked_out == []
    agency = site.public.agencies["example-district-office"]
    redated = dataclasses.replace(agency.plans[114], updated=datetime.date(2030, 1, 2))
    portal = dataclasses.replace(site.public, agencies={
        **site.public.agencies, agency.id: dataclasses.replace(agency, plans={**agency.plans, 114: redated})})
    entry = next(p for a in build_manifest(portal, site.settings, files, bulk)["agencies"] if a["id"] == agency.id
                 for p in a["plans"] if p["year"] == 114)
    assert worked_out == [redated] and entry["plan"]["updated"] == "2030-01-02"
