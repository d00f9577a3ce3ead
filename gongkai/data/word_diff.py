"""Word-level differences between two wordings, readable for Chinese as well as English."""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "removed" or "added"
    text: str


def words(value: str) -> list[str]:
    """Chinese is cut into words with jieba; other scripts at spaces and punctuation."""
    try:
        import jieba
    except ImportError:  # without jieba, characters are the smallest safe unit for Chinese
        return re.findall(r"[\u3400-\u9fff]|\w+|\s+|[^\w\s]", value)
    jieba.setLogLevel(logging.WARNING)
    return [w for w in jieba.cut(value, HMM=False) if w]


def diff(before: str, after: str) -> list[Piece]:
    a, b = words(before), words(after)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return pieces

