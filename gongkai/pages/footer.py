"""The footer every page carries: the publisher's contact details (templates/footer.html) and the site's policy pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from gongkai.data.model import Portal
from gongkai.data.settings import Settings
from gongkai.i18n.catalogue import ui
from gongkai.pages.renderer import Renderer

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


def contact_html(settings: Settings, portal: Portal, r: Renderer) -> Markup:
    """The publisher's name, address, phone, fax, e-mail and service hours as a definition list."""
    source = contact_source(settings, portal)
    return r.macro("footer.html", "contact", source, CONTACT_FIELDS) if source else Markup("")


def policy_links(lang: str) -> list[dict[str, str]]:
    return [{"title": ui(key, lang), "path": path} for key, path in POLICY_PAGES]
