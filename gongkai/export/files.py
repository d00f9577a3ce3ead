"""Every download of the portal: each plan's and results table's files, then the bulk ZIP."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from gongkai.data.model import Plan, Portal
from gongkai.data.settings import Settings
from gongkai.data.translation_coverage import file_coverage
from gongkai.export import Download, kept
from gongkai.export.bundle import bulk_download
from gongkai.export.csv_file import csv_bytes
from gongkai.export.document_tables import document_tables
from gongkai.export.json_file import json_bytes
from gongkai.export.ods import ods_bytes
from gongkai.export.odt import odt_bytes
from gongkai.export.tables import COLUMNS, rows_of, title_of
from gongkai.i18n import text

FORMATS = {"plan": ("csv", "json", "ods", "odt"), "results": ("csv", "json", "ods")}


def download_folder(plan: Plan) -> str:
    return f"plans/{plan.agency_id}/{plan.year}/downloads/"


def download_path(plan: Plan, part: str, fmt: str) -> str:
    return f"{download_folder(plan)}{plan.agency_id}-{plan.year}-{part}.{fmt}"


def _kept_downloads(plan: Plan, where: Path) -> list[Download] | None:
    """A plan's files from the folder of kept downloads, made now unless kept already: a folder per plan,
    named by what its files are made of, with their sizes and SHA-256 (FACTS); None when they cannot be kept."""
    folder = where / kept.made_of(plan)
    names = [f"{part}.{fmt}" for part in _parts(plan) for fmt in FORMATS[part]]
    facts = kept.read_json(folder / kept.FACTS)
    if not isinstance(facts, dict) or any(not (folder / name).is_file() for name in names):
        facts = {}
        for part in _parts(plan):
            for fmt in FORMATS[part]:
                content = _content(plan, part, fmt)
                if not kept.write(folder / f"{part}.{fmt}", content):
                    return None
                facts[f"{part}.{fmt}"] = [len(content), hashlib.sha256(content).hexdigest()]
        if not kept.write(folder / kept.FACTS, json.dumps(facts, sort_keys=True).encode()):
            return None
    return [_kept(download_path(plan, part, fmt), fmt, facts[f"{part}.{fmt}"], folder / f"{part}.{fmt}", plan, part)
            for part in _parts(plan) for fmt in FORMATS[part]]


def _kept(path: str, fmt: str, facts: list[Any], source: Path, plan: Plan, part: str) -> Download:
    size, sha256 = facts
    return Download(path, fmt, size, sha256, source=source, agency_id=plan.agency_id, year=plan.year, part=part)


def _content(plan: Plan, part: str, fmt: str) -> bytes:
    title = {lang: title_of(plan, part, lang) for lang in text.LANGS}
    if fmt == "odt":
        return odt_bytes(title, {lang: document_tables(plan, lang) for lang in _languages(plan)})
    columns, rows = COLUMNS[part], rows_of(plan, part)
    if fmt == "csv":
        return csv_bytes(columns, rows)
    if fmt == "json":
        return json_bytes(title, columns, rows)
    return ods_bytes(f"{plan.year}-{part}", columns, rows, document_tables(plan, "zh-TW") if part == "plan" else ())


def _languages(plan: Plan) -> list[str]:
    """Chinese, and English too when the plan has a translation."""
    translated = file_coverage(plan.data, "plan", "en").translated > 0
    return ["zh-TW", "en"] if translated else ["zh-TW"]


def _parts(plan: Plan) -> list[str]:
    return ["plan", "results"] if plan.results else ["plan"]


def plan_downloads(plan: Plan) -> list[Download]:
    """The files of one plan and, when it has them, of its results: kept in the folder of kept downloads when
    the build has one (`gongkai.export.kept`), held otherwise."""
    where = kept.folder()
    found = _kept_downloads(plan, where) if where is not None else None
    if found is not None:
        return found
    return [Download.of(download_path(plan, part, fmt), fmt, _content(plan, part, fmt), plan.agency_id, plan.year,
                        part)
            for part in _parts(plan) for fmt in FORMATS[part]]


def portal_files(portal: Portal) -> list[Download]:
    """Every plan's and results table's files."""
    return [d for plan in portal.plans() for d in plan_downloads(plan)]


def portal_bulk(portal: Portal, settings: Settings, files: list[Download]) -> Download:
    """The ZIP of all `files` with its dataset metadata. With a folder of kept downloads, what this portal
    does not use any more is then removed from it."""
    bulk = bulk_download(portal, settings, files)
    where = kept.folder()
    if where is not None:
        kept.keep_only(where, {d.source.parent.name for d in [*files, bulk] if d.source is not None})
    return bulk


def portal_downloads(portal: Portal, settings: Settings) -> tuple[list[Download], Download]:
    """Every plan's and results table's files, and the ZIP of all of them."""
    files = portal_files(portal)
    return files, portal_bulk(portal, settings, files)
