"""The words of the "changes from last year" section of a plan page (templates/changes.html): items'
and actions' word differences, the actions' numbers, units and deadlines as shown."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.data.changes import ActionChange, action_words
from gongkai.data.model import Node
from gongkai.data.word_diff import Piece, diff
from gongkai.i18n import text
from gongkai.i18n.languages import BY_CODE, DEFAULT


@dataclass(frozen=True)
class WordDiff:
    pieces: list[Piece]
    lang: str | None  # the HTML lang of the compared texts, when it is not the page's


def word_diff(before: Node, after: Node, lang: str) -> WordDiff:
    """A reworded item's words, compared in the page's language when both years have it; otherwise in the original."""
    use = lang if text.pick(before.text, lang).lang == lang and text.pick(after.text, lang).lang == lang \
        else DEFAULT.code
    return WordDiff(diff(text.plain(before.text, use), text.plain(after.text, use)),
                    BY_CODE[use].html_lang if use != lang else None)


def action_diff(change: ActionChange, lang: str) -> WordDiff:
    """A reworded action's words (title and text), compared as word_diff compares an item's."""
    both = all(text.pick(action["text"], lang).lang == lang for action in (change.old, change.new))
    use = lang if both else DEFAULT.code
    return WordDiff(diff(action_words(change.old, use), action_words(change.new, use)),
                    BY_CODE[use].html_lang if use != lang else None)
