"""The bulk ZIP of every download, with dataset metadata in the manner of data.gov.tw (政府資料開放平臺):
title, description, license, publisher, contact, update frequency, coverage dates, language, and the
fields of each table with their encoding."""

from __future__ import annotations

import json
from typing import Any

from gongkai.data.model import Portal
from gongkai.data.portal_facts import RIGHTS, latest_update, portal_years, publisher
from gongkai.data.settings import Settings
from gongkai.export import Download
from gongkai.export.tables import COLUMNS
from gongkai.export.zips import zip_bytes
from gongkai.i18n import dates, text
from gongkai.i18n.languages import CODES

BULK_PATH = "downloads/gongkai-open-data.zip"
METADATA_NAME = "dataset.json"
LANGS = text.LANGS
ENCODINGS = {"csv": "UTF-8 (BOM)", "json": "UTF-8", "ods": "OpenDocument 1.2", "odt": "OpenDocument 1.2"}


def _both(value: Any) -> dict[str, str]:
    return {lang: text.plain(value, lang) for lang in LANGS}


def dataset_metadata(portal: Portal, settings: Settings, files: list[Download]) -> dict[str, Any]:
    name, code = publisher(settings, portal)
    contact = settings.publisher or {}
    first, last = portal_years(portal)
    updated = latest_update(portal)
    return {
        "title": {"zh-TW": "提升服務品質執行計畫及執行成效", "en": "Service quality plans and their results"},
        "description": {
            "zh-TW": "各機關提升服務品質執行計畫之實施要項，及其執行成效一覽表。每年度每機關一份計畫檔與一份執行成效檔。",
            "en": "The measures of each agency's service quality plan, and the table of its results: one plan file "
                  "and one results file per agency and year.",
        },
        "license": RIGHTS,
        "publisher": {"name": _both(name) if name else {lang: "" for lang in LANGS}, "code": code or None},
        "contact": {"name": _both(name) if name else None, "phone": contact.get("phone"), "email": contact.get("email")},
        "update_frequency": {"zh-TW": "每年", "en": "Yearly"},
        "coverage": {"start": f"{dates.western_year(first)}-01-01" if first else None,
                     "end": f"{dates.western_year(last)}-12-31" if last else None},
        "updated": updated.isoformat() if updated else None,
        "language": list(CODES),
        "encoding": ENCODINGS,
        "fields": {part: [{"name": c.name, "type": c.kind, "description": {"zh-TW": c.zh, "en": c.en}}
                          for c in columns] for part, columns in COLUMNS.items()},
        "files": [{"path": d.path, "format": d.format, "bytes": d.size, "sha256": d.sha256} for d in files],
    }


def bundle_bytes(portal: Portal, settings: Settings, files: list[Download]) -> bytes:
    """dataset.json first, then every file under its site path, sorted."""
    metadata = json.dumps(dataset_metadata(portal, settings, files), ensure_ascii=False, indent=2) + "\n"
    members = [(METADATA_NAME, metadata.encode("utf-8"))]
    members += [(d.path, d.content) for d in sorted(files, key=lambda d: d.path)]
    return zip_bytes(members)
