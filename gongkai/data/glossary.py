"""The glossary (glossary.yml): recurring terms and their English, kept whole by the search index."""

from __future__ import annotations

import os
from pathlib import Path

from gongkai.data.model import Portal
from gongkai.data.problems import Bilingual, Problem
from gongkai.data.yaml_source import load
from gongkai.i18n import text

# jieba counts a user-dictionary word with this frequency as a firm word, ahead of its parts.
WORD_FREQUENCY = 100000


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


def search_words(terms: list[dict[str, str]], portal: Portal) -> list[str]:
    """Chinese words the search index must keep whole: glossary terms and agency names."""
    words = [t["zh"] for t in terms] + [text.plain(a.name, "zh-TW") for a in portal.agencies.values()]
    return [w for w in dict.fromkeys(words) if " " not in w]


def jieba_user_dictionary(words: list[str]) -> str:
    """The words in jieba's user-dictionary format: one "word frequency" a line."""
    return "".join(f"{word} {WORD_FREQUENCY}\n" for word in words)
