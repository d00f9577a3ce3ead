"""The bulk ZIP of every download, with dataset metadata in the manner of data.gov.tw (政府資料開放平臺):
title, description, license, publisher, contact, update frequency, coverage dates, language, and the
fields of each table with their encoding."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from gongkai.data.model import Portal
from gongkai.data.portal_facts import RIGHTS, latest_update, portal_years, publisher
from gongkai.data.settings import Settings
from gongkai.export import Download, kept
from gongkai.export.tables import COLUMNS
from gongkai.export.zips import write_zip, zip_bytes
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


def _members(metadata: dict[str, Any], files: list[Download]) -> Iterator[tuple[str, bytes]]:
    """dataset.json first, then every file under its site path, sorted; each read only when it is zipped."""
    yield METADATA_NAME, (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    for download in sorted(files, key=lambda d: d.path):
        yield download.path, download.content


def _stored(files: list[Download]) -> set[str]:
    """The members zipped already (ODF documents are ZIPs): compressing them again gains nothing."""
    return {d.path for d in files if d.format in ("ods", "odt")}


def bulk_download(portal: Portal, settings: Settings, files: list[Download]) -> Download:
    """The ZIP of every file with its dataset metadata: in the folder of kept downloads when the build has one
    (`gongkai.export.kept`), where the ZIP of the same files is made once; held otherwise."""
    metadata = dataset_metadata(portal, settings, files)
    where = kept.folder()
    if where is None:
        return Download.of(BULK_PATH, "zip", zip_bytes(_members(metadata, files), _stored(files)))
    folder = where / kept.digest(["bulk", metadata])
    zipped = folder / "bulk.zip"
    facts = kept.read_json(folder / kept.FACTS)
    if not isinstance(facts, list) or not zipped.is_file():
        if not kept.write_with(zipped, lambda out: write_zip(out, _members(metadata, files), _stored(files))):
            return Download.of(BULK_PATH, "zip", zip_bytes(_members(metadata, files), _stored(files)))
        with open(zipped, "rb") as made:
            facts = [zipped.stat().st_size, hashlib.file_digest(made, "sha256").hexdigest()]
        kept.write(folder / kept.FACTS, json.dumps(facts).encode())
    size, sha256 = facts
    return Download(BULK_PATH, "zip", size, sha256, source=zipped)
