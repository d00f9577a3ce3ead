"""The glossary (glossary.yml): recurring terms and their English, for translators and the pages' keywords."""

from __future__ import annotations

import os
from pathlib import Path

from gongkai.data.problems import Bilingual, Problem
from gongkai.data.yaml_source import load


def load_glossary(path: Path) -> tuple[list[dict[str, str]], list[Problem]]:
    if not os.path.lexists(path):
        return [], []
    doc, problems = load(path, within=path.parent)
    if doc is None:
        return [], problems
    terms = doc.data.get("terms") if isinstance(doc.data, dict) else None
    bad = [i for i, t in enumerate(terms or []) if not isinstance(t, dict) or not t.get("zh") or not t.get("en")]
    if not isinstance(terms, list) or bad:
        line, column = doc.position(["terms", bad[0]] if bad else ["terms"])
        return [], [Problem(file=path, line=line, column=column, field=f"terms[{bad[0]}]" if bad else "terms",
                            summary=Bilingual("詞彙表項目需有 zh 與 en", "each glossary term needs zh and en"),
                            expected=Bilingual("{zh: 中文, en: English}", "{zh: …, en: …}"))]
    return [dict(t) for t in terms], []
