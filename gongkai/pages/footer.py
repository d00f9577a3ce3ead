"""The footer every page carries: the publisher's contact details and the site's policy pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from gongkai.data.model import Portal
from gongkai.data.settings import Settings
from gongkai.i18n import text
from gongkai.i18n.catalogue import ui

POLICY_PAGES = (("privacy", "privacy/"), ("security", "security/"), ("open_data", "open-data/"),
                ("accessibility", "accessibility/"), ("site_map", "site-map/"))
CONTACT_FIELDS = ("address", "phone", "fax", "email", "service_hours")


def contact_source(settings: Settings, portal: Portal) -> dict[str, Any] | None:
    """portal.yml's publisher, or the agency.yml of a portal that has a single agency."""
    if settings.publisher:
        return settings.publisher
    if len(portal.agencies) == 1:
        return next(iter(portal.agencies.values())).data
    return None


def contact_html(settings: Settings, portal: Portal, lang: str) -> Markup:
    """The publisher's name, address, phone, fax, e-mail and service hours as a definition list."""
    source = contact_source(settings, portal)
    if not source:
        return Markup("")
    rows = []
    for key in CONTACT_FIELDS:
        if key not in source:
            continue
        value = source[key]
        shown = Markup('<a href="mailto:{0}">{0}</a>').format(value) if key == "email" else text.inline(value, lang) \
            if not isinstance(value, str) or key in ("address", "service_hours") else escape(value)
        rows.append(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(ui(key, lang), shown))
    name = Markup('<p class="gk-footer__name">{}</p>').format(text.inline(source["name"], lang))
    return name + Markup('<dl class="gk-footer__contact">{}</dl>').format(Markup("").join(rows))


def policy_links(lang: str) -> list[dict[str, str]]:
    return [{"title": ui(key, lang), "path": path} for key, path in POLICY_PAGES]
