"""The changes between two years of a plan, as text for a terminal: the same comparison as the plan
page's "changes from last year" section (changes.py), with word differences marked [-removed-]{+added+}."""

from __future__ import annotations

from gongkai.data.changes import (
    ActionChange,
    Changes,
    FieldChange,
    action_marker,
    action_words,
    changed_value,
    detail_label,
)
from gongkai.data.model import Agency, Node
from gongkai.data.word_diff import diff
from gongkai.i18n import dates, numbering, text
from gongkai.i18n.catalogue import ui

RED, GREEN, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


def _label(key: str, lang: str, count: int | None = None) -> str:
    """A heading: Chinese with the English beside it, or English alone."""
    words = ui(key, "en") if lang == "en" else f"{ui(key, 'zh-TW')} {ui(key, 'en')}"
    return words if count is None else f"{words} ({count})"


def _leaf(node: Node, lang: str, before: Node | None = None, *, words: bool = True) -> str:
    """The item's number, its id (both ids when it was renumbered) and, unless `words` is false, its text."""
    ids = node.id if before is None or before.id == node.id else f"{before.id} → {node.id}"
    label = f"{numbering.full_marker(node, lang)} [{ids}]"
    return f"{label} {' '.join(text.plain(node.text, lang).split())}" if words else label


def _paint(value: str, colour: str, use_colour: bool) -> str:
    return f"{colour}{value}{RESET}" if use_colour else value


def word_diff(before: Node, after: Node, lang: str, use_colour: bool) -> str:
    # Compare in the asked language when both years have it; otherwise in the Chinese original.
    use = lang if text.pick(before.text, lang).lang == lang and text.pick(after.text, lang).lang == lang else "zh-TW"
    return _marked(text.plain(before.text, use), text.plain(after.text, use), use_colour)


def _marked(before: str, after: str, use_colour: bool) -> str:
    out = []
    for piece in diff(before, after):
        if piece.kind == "same":
            out.append(piece.text)
        elif piece.kind == "removed":
            out.append(_paint(f"[-{piece.text}-]", RED, use_colour))
        else:
            out.append(_paint(f"{{+{piece.text}+}}", GREEN, use_colour))
    return "".join(out)


def _column_name(change: FieldChange | ActionChange, lang: str) -> str:
    """The column a change is in: in both languages, unless only English is asked for."""
    if lang == "en":
        return detail_label(change, "en")
    zh, en = detail_label(change, "zh-TW"), detail_label(change, "en")
    return zh if zh == en else f"{zh} {en}"


def _field_lines(changes: list[FieldChange], field: str, lang: str) -> list[str]:
    colon = ": " if lang == "en" else "："
    return [line for c in changes
            for line in (f"  {_leaf(c.after, lang, c.before)}",
                         f"    {_column_name(c, lang) + colon if c.field else ''}"
                         f"{changed_value(c.field or field, c.old, lang)} → {changed_value(c.field or field, c.new, lang)}")]


def _action_lines(changes: Changes, lang: str, use_colour: bool) -> list[str]:
    """Under each leaf, its actions added (+), removed (-), reworded (~), and their units and deadlines changed."""
    lines = []
    for group in changes.actions_by_leaf():
        lines.append(f"  {_leaf(group[0].after, lang, group[0].before)}")
        for change in group:
            label = action_marker(change, lang)
            if change.kind in ("added", "removed"):
                action = change.new if change.kind == "added" else change.old
                sign = "+" if change.kind == "added" else "-"
                lines.append(f"    {sign} {label} {' '.join(action_words(action, lang).split())}")
            elif change.kind == "reworded":
                both = all(text.pick(a["text"], lang).lang == lang for a in (change.old, change.new))
                use = lang if both else "zh-TW"
                words = _marked(action_words(change.old, use), action_words(change.new, use), use_colour)
                lines.append(f"    ~ {label} {words}")
            else:
                field = change.field if change.kind == "detail" else change.kind
                name = _column_name(change, lang) if change.kind == "detail" else \
                    ui(field, "en") if lang == "en" else f"{ui(field, 'zh-TW')} {ui(field, 'en')}"
                colon = ": " if lang == "en" else "："
                lines.append(f"    {label} {name}{colon}{changed_value(field, change.old, lang)} → "
                             f"{changed_value(field, change.new, lang)}")
    return lines


def format_changes(agency: Agency, changes: Changes, lang: str = "zh-TW", use_colour: bool = False) -> str:
    """Every change from `changes.previous` to `changes.current`, grouped as on the plan page."""
    before, after = changes.previous.year, changes.current.year
    heading = [f"{text.plain(agency.name, 'en')}: {dates.year_label(before, 'en')} → {dates.year_label(after, 'en')}"]
    if lang != "en":
        heading.insert(0, f"{text.plain(agency.name, 'zh-TW')}：{dates.year_label(before, 'zh-TW')} → "
                          f"{dates.year_label(after, 'zh-TW')}")
    if not changes:
        no_changes = ui("no_changes", "en") if lang == "en" else f"{ui('no_changes', 'zh-TW')} / {ui('no_changes', 'en')}"
        return "\n".join([*heading, "", no_changes])
    groups = [
        ("changes_added", len(changes.added), [f"  + {_leaf(n, lang)}" for n in changes.added]),
        ("changes_removed", len(changes.removed), [f"  - {_leaf(n, lang)}" for n in changes.removed]),
        ("changes_reworded", len(changes.reworded), [line for r in changes.reworded
                              for line in (f"  {_leaf(r.after, lang, r.before, words=False)}",
                                           f"    {word_diff(r.before, r.after, lang, use_colour)}")]),
        ("changes_actions", len(changes.actions), _action_lines(changes, lang, use_colour)),
        ("changes_units", len(changes.units), _field_lines(changes.units, "units", lang)),
        ("changes_deadlines", len(changes.deadlines), _field_lines(changes.deadlines, "deadline", lang)),
        ("changes_details", len(changes.details), _field_lines(changes.details, "", lang)),
    ]
    lines = heading
    for key, count, body in groups:
        if count:
            lines += ["", _label(key, lang, count), *body]
    return "\n".join(lines)
