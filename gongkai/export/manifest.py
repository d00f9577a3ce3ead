"""The transparency manifest (/transparency.json): every agency, plan and results table, their dates,
completeness, translation coverage and the SHA-256 of every download.

Its schema is gongkai/schema/transparency.schema.json, published beside it. The file is the same, byte
for byte, whenever it is built from the same data: no build time, everything sorted.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from typing import Any

import jsonschema

from gongkai.data.model import STATUSES, Agency, Plan, Portal
from gongkai.data.portal_facts import latest_update, publisher
from gongkai.data.schemas import schema_text
from gongkai.data.settings import Settings
from gongkai.data.status_summary import overall
from gongkai.data.translation_coverage import file_coverage
from gongkai.data.urls import agency_url, plan_url, results_url
from gongkai.export import Download, kept
from gongkai.i18n import text
from gongkai.i18n.catalogue import ui
from gongkai.i18n.languages import CODES, LANGUAGES

MANIFEST_PATH = "transparency.json"
SCHEMA_PATH = "transparency.schema.json"
SCHEMA_FILE = "transparency.schema.json"


def _bilingual(value: Any) -> dict[str, str]:
    return {lang: text.plain(value, lang) for lang in CODES}


def _urls(url: str) -> dict[str, str]:
    return {language.code: language.prefix + url for language in LANGUAGES}


def _iso(value: datetime.date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _first_event(plan: Plan, event: str) -> str | None:
    found = sorted(str(h["date"]) for h in plan.history(event))
    return found[0] if found else None


def plan_dates(plan: Plan) -> dict[str, str | None]:
    """approved, published and updated of a plan; published is the date of its `published` event,
    else its approval, else its last update."""
    approved = _first_event(plan, "approved")
    updated = _iso(plan.updated)
    return {"approved": approved, "published": _first_event(plan, "published") or approved or updated,
            "updated": updated}


def results_dates(plan: Plan) -> dict[str, str | None]:
    """published, updated and reported of a plan's results; published is the reported date, else the update."""
    assert plan.results is not None
    reported = _iso(plan.results.data.get("reported"))
    updated = _iso(plan.results.updated)
    return {"published": reported or updated, "updated": updated, "reported": reported}


def _file(download: Download) -> dict[str, Any]:
    return {"url": download.path, "bytes": download.size, "sha256": download.sha256}


# Each plan's and results table's downloads, by (agency, year, part): found at once, not by a walk through
# every file of the portal for each of them.
Owned = dict[tuple[str | None, int | None, str | None], list[Download]]


def _downloads(downloads: Owned, plan: Plan, part: str) -> list[dict[str, Any]]:
    mine = downloads.get((plan.agency_id, plan.year, part), [])
    return [{"format": d.format, **_file(d)} for d in sorted(mine, key=lambda d: d.path)]


# A plan's entry in its folder of kept downloads.
KEPT_ENTRY = "manifest-entry.json"


def _plan_entry(plan: Plan, downloads: Owned) -> dict[str, Any]:
    """A plan's entry; kept beside its kept downloads (gongkai.export.kept), so that an unchanged plan's is
    not worked out again. Its dates are not in what the downloads are made of (they may come from git)."""
    folder = next((d.source.parent for d in downloads.get((plan.agency_id, plan.year, "plan"), []) if d.source), None)
    if folder is None:
        return _made_entry(plan, downloads)
    dates = [_iso(plan.updated), _iso(plan.results.updated) if plan.results else None]
    found = kept.read_json(folder / KEPT_ENTRY)
    if isinstance(found, dict) and found.get("dates") == dates:
        return found["entry"]
    entry = _made_entry(plan, downloads)
    kept.write(folder / KEPT_ENTRY, json.dumps({"dates": dates, "entry": entry}, ensure_ascii=False).encode())
    return entry


def _made_entry(plan: Plan, downloads: Owned) -> dict[str, Any]:
    tally = overall(plan)
    coverage = file_coverage(plan.data, "plan")
    results = None
    if plan.results:
        coverage = coverage + file_coverage(plan.results.data, "results")
        results = {"urls": _urls(results_url(plan)), **results_dates(plan),
                   "downloads": _downloads(downloads, plan, "results")}
    return {
        "year": plan.year,
        "title": _bilingual(plan.title),
        "plan": {"urls": _urls(plan_url(plan)), **plan_dates(plan), "downloads": _downloads(downloads, plan, "plan")},
        "results": results,
        "completeness": {"leaves": tally.total, "reported": tally.reported,
                         "statuses": {status: tally.counts[status] for status in STATUSES}},
        # Rounded, so the file does not change with the last digits of a float.
        "translation": {"share": round(coverage.share, 4)},
    }


def _exemption(exemption: dict[str, Any]) -> dict[str, Any]:
    return {"year": exemption["year"], "item": exemption["item"], "reason": _bilingual(exemption["reason"])}


def _agency_entry(agency: Agency, settings: Settings, downloads: Owned) -> dict[str, Any]:
    exemptions = sorted(settings.reporting.exemptions_of(agency.id), key=lambda e: (e["year"], e["item"]))
    return {
        "id": agency.id,
        "name": _bilingual(agency.name),
        "code": agency.data.get("code"),
        "fictional": agency.fictional,
        "urls": _urls(agency_url(agency)),
        "exemptions": [_exemption(e) for e in exemptions],
        "plans": [_plan_entry(agency.plans[year], downloads) for year in sorted(agency.plans)],
    }


def build_manifest(portal: Portal, settings: Settings, downloads: list[Download],
                   bulk: Download | None) -> dict[str, Any]:
    """The manifest of `portal`, with the downloads of each plan and results table and the bulk ZIP (None
    for a manifest to read the agencies from while the ZIP is being made: see `with_bulk`)."""
    name, code = publisher(settings, portal)
    owned: Owned = {}
    for download in downloads:
        owned.setdefault((download.agency_id, download.year, download.part), []).append(download)
    return {
        "format": "gongkai-transparency",
        "version": 1,
        "site": {"name": {lang: ui("site_name", lang) for lang in CODES},
                 "publisher": {"name": _bilingual(name) if name else {lang: "" for lang in CODES}, "code": code or None}},
        "rules": {"deadline": settings.reporting.deadline},
        "updated": _iso(latest_update(portal)),
        "bulk": _file(bulk) if bulk is not None else None,
        "agencies": [_agency_entry(portal.agencies[key], settings, owned) for key in sorted(portal.agencies)],
    }


def with_bulk(manifest: dict[str, Any], bulk: Download) -> dict[str, Any]:
    """`manifest` with the bulk ZIP."""
    return {**manifest, "bulk": _file(bulk)}


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The manifest as published: UTF-8 JSON, indented, keys sorted, with a final newline."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def manifest_schema_bytes() -> bytes:
    return schema_text(SCHEMA_FILE).encode("utf-8")


@cache
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads(schema_text(SCHEMA_FILE)))


def manifest_errors(manifest: Any) -> list[str]:
    """What is wrong with a manifest against its schema, as "path: message" lines; empty when it fits."""
    errors = sorted(_validator().iter_errors(manifest), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]
