"""The "changes from last year" section of a plan page."""

from __future__ import annotations

from markupsafe import Markup, escape

from gongkai.data.changes import Changes, FieldChange, compare, previous_plan
from gongkai.data.model import Agency, Node, Plan
from gongkai.data.urls import plan_url, relative
from gongkai.data.word_diff import diff
from gongkai.i18n import dates, numbering, text
from gongkai.i18n.catalogue import ui
from gongkai.pages.blocks import html_block


def _leaf_link(leaf: Node, lang: str, href: str = "") -> Markup:
    return Markup('<a href="{}#{}">{}</a> {}').format(href, leaf.id, numbering.full_marker(leaf, lang), text.inline(leaf.text, lang))


def _word_diff(before: Node, after: Node, lang: str) -> Markup:
    # Compare in the page's language when both years have it; otherwise in the Chinese original.
    use = lang if text.pick(before.text, lang).lang == lang and text.pick(after.text, lang).lang == lang else "zh-TW"
    pieces = []
    for piece in diff(text.plain(before.text, use), text.plain(after.text, use)):
        if piece.kind == "same":
            pieces.append(escape(piece.text))
        else:
            # Screen readers do not announce <del>/<ins>, so each says in words what it is.
            tag, word = ("del", ui("diff_removed", lang)) if piece.kind == "removed" else ("ins", ui("diff_added", lang))
            pieces.append(Markup('<{0}><span class="gk-visually-hidden">[{1}：</span>{2}'
                                 '<span class="gk-visually-hidden">]</span></{0}>').format(tag, word, piece.text))
    wrapper = Markup('<span lang="zh-Hant-TW">{}</span>') if use != lang else Markup("{}")
    return wrapper.format(Markup("").join(pieces))


def _value(field: str, value, lang: str) -> str:
    if value is None or value == []:
        return ui("none_given", lang)
    if field == "deadline":
        return dates.format_deadline(value, lang)
    return ("、" if lang == "zh-TW" else ", ").join(text.plain(unit, lang) for unit in value)


def _field_rows(changes: list[FieldChange], field: str, lang: str) -> Markup:
    arrow = Markup(' <span aria-hidden="true">→</span><span class="gk-visually-hidden">{}</span> ').format(
        ui("changed_to", lang))
    return Markup("").join(
        Markup('<li>{}<div class="gk-change">{}{}{}</div></li>').format(
            _leaf_link(c.after, lang), _value(field, c.old, lang), arrow, _value(field, c.new, lang))
        for c in changes)


def _group(title: str, count: int, items: Markup, lang: str) -> str:
    if not count:
        return ""
    counted = f"{title}（{count}）" if lang == "zh-TW" else f"{title} ({count})"
    return f"<h3>{escape(counted)}</h3><ul class=\"gk-changes\">{items}</ul>"


def changes_html(changes: Changes, lang: str, page_path: str) -> str:
    previous = changes.previous
    previous_href = relative(page_path, plan_url(previous))
    intro = Markup('<p>{} <a href="{}">{}</a></p>').format(
        ui("changes_intro", lang), previous_href, text.inline(previous.title, lang))
    if not changes:
        return intro + Markup("<p>{}</p>").format(ui("no_changes", lang))
    parts = [
        _group(ui("changes_added", lang), len(changes.added),
               Markup("").join(Markup("<li>{}</li>").format(_leaf_link(n, lang)) for n in changes.added), lang),
        _group(ui("changes_removed", lang), len(changes.removed),
               Markup("").join(Markup("<li>{}</li>").format(_leaf_link(n, lang, previous_href)) for n in changes.removed),
               lang),
        _group(ui("changes_reworded", lang), len(changes.reworded),
               Markup("").join(Markup('<li>{}<div class="gk-diff">{}</div></li>').format(
                   _leaf_link(r.after, lang), _word_diff(r.before, r.after, lang)) for r in changes.reworded), lang),
        _group(ui("changes_units", lang), len(changes.units), _field_rows(changes.units, "units", lang), lang),
        _group(ui("changes_deadlines", lang), len(changes.deadlines), _field_rows(changes.deadlines, "deadline", lang),
               lang),
    ]
    return str(intro) + "".join(parts)


def changes_parts(agency: Agency, plan: Plan, lang: str, page_path: str) -> list[str]:
    """The section's heading and content, or nothing for an agency's first plan."""
    previous = previous_plan(agency.plans, plan.year)
    if previous is None:
        return []
    heading = ui("changes", lang, year=dates.year_label(previous.year, lang))
    return [f"## {escape(heading)} {{#sec-changes}}", html_block(changes_html(compare(previous, plan), lang, page_path))]
