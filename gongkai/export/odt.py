"""ODT download of a plan (OpenDocument text, the government's format for editable documents):
its title, then every item of its body as a heading with its actions, units, deadline and outcomes."""

from __future__ import annotations

from typing import Any

from odf.opendocument import OpenDocumentText
from odf.text import H, P

from gongkai.export.odf_files import new_document, odf_bytes
from gongkai.export.tables import PLAN_COLUMNS

# The fields shown under each item's heading, in order, with their labels.
DETAILS = ("text_en", "actions_zh", "actions_en", "units_zh", "units_en", "deadline", "outcomes_zh", "outcomes_en")
LABELS = {c.name: c.zh.split("（")[0] + " " + c.en.split(" (")[0] for c in PLAN_COLUMNS}


def odt_bytes(title: dict[str, str], rows: list[dict[str, Any]]) -> bytes:
    """A document of the plan's rows (see tables.plan_rows): level-1 items are level-2 headings."""
    document = new_document(OpenDocumentText)
    document.text.addElement(H(outlinelevel=1, text=title["zh-TW"]))
    if title.get("en"):
        document.text.addElement(P(text=title["en"]))
    for row in rows:
        document.text.addElement(H(outlinelevel=row["level"] + 1, text=f"{row['position']} {row['text_zh']}"))
        for name in DETAILS:
            for line in row[name].split("\n") if row[name] else []:
                document.text.addElement(P(text=f"{LABELS[name]}：{line}"))
    return odf_bytes(document)
