"""JSON downloads: the table's title, its documented columns and its rows."""

from __future__ import annotations

import json
from typing import Any

from gongkai.export.tables import Column


def json_bytes(title: dict[str, str], columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> bytes:
    document = {
        "title": title,
        "columns": [{"name": c.name, "type": c.kind, "description": {"zh-TW": c.zh, "en": c.en}} for c in columns],
        "rows": [{c.name: row[c.name] for c in columns} for row in rows],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
