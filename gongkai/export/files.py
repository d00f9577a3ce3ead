"""Every download of the portal: each plan's and results table's files, then the bulk ZIP."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from gongkai.data.model import Plan, Portal
from gongkai.data.settings import Settings
from gongkai.data.translation_coverage import file_coverage
from gongkai.export import Download
from gongkai.export.bundle import BULK_PATH, bundle_bytes
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


# A folder of files made by earlier builds with the same code and settings (set by the build in parts):
# a file whose plan and results have not changed is taken from it instead of being made again.
CACHE_VARIABLE = "GONGKAI_DOWNLOAD_CACHE"


def _made_of(plan: Plan) -> str | None:
    """The hash of what a plan's files are made of, when there is a folder to keep them in."""
    if not os.environ.get(CACHE_VARIABLE):
        return None
    made_of = [plan.agency_id, plan.year, plan.data, plan.results.data if plan.results else None]
    return hashlib.sha256(json.dumps(made_of, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()


def _kept_content(plan: Plan, key: str | None, part: str, fmt: str) -> bytes:
    if key is None:
        return _content(plan, part, fmt)
    path = Path(os.environ[CACHE_VARIABLE]) / f"{key}-{part}.{fmt}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    content = _content(plan, part, fmt)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(content)
        os.replace(partial, path)
    except OSError:
        pass  # a cache that cannot be written costs time only
    return content


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


def plan_downloads(plan: Plan) -> list[Download]:
    """The files of one plan and, when it has them, of its results."""
    parts = ["plan", "results"] if plan.results else ["plan"]
    key = _made_of(plan)
    return [Download(download_path(plan, part, fmt), fmt, _kept_content(plan, key, part, fmt), plan.agency_id,
                     plan.year, part)
            for part in parts for fmt in FORMATS[part]]


def portal_downloads(portal: Portal, settings: Settings) -> tuple[list[Download], Download]:
    """Every plan's and results table's files, and the ZIP of all of them with its dataset metadata."""
    files = [d for plan in portal.plans() for d in plan_downloads(plan)]
    return files, Download(BULK_PATH, "zip", bundle_bytes(portal, settings, files))
