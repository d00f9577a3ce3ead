"""The footer every page carries: the publisher's contact details (templates/footer.html) and the site's policy pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from gongkai.data.model import Agency, Portal
from gongkai.data.portal_facts import speaks_for_itself
from gongkai.data.settings import Settings
from gongkai.i18n.catalogue import ui
from gongkai.pages.renderer import Renderer

POLICY_PAGES = (("privacy", "privacy/"), ("security", "security/"), ("open_data", "open-data/"),
                ("accessibility", "accessibility/"), ("site_map", "site-map/"))
CONTACT_FIELDS = ("address", "phone", "fax", "email", "service_hours")


def own_footer(settings: Settings, agency: Agency) -> bool:
    """Whether a real agency's pages show its own details in the footer: the portal's publisher is made up. The
    page metadata names the same publisher (metadata.dublin_core)."""
    return speaks_for_itself(settings, agency)


def contact_source(settings: Settings, portal: Portal, agency: Agency | None = None) -> dict[str, Any] | None:
    """portal.yml's publisher, or the agency.yml of a portal that has a single agency. On the pages of a real
    agency (`agency`), a publisher marked fictional gives way to the agency's own agency.yml."""
    if agency is not None and own_footer(settings, agency):
        return agency.data
    if settings.publisher:
        return settings.publisher
    if len(portal.agencies) == 1:
        return next(iter(portal.agencies.values())).data
    return None


def contact_html(settings: Settings, portal: Portal, r: Renderer, agency: Agency | None = None) -> Markup:
    """The publisher's name, address, phone, fax, e-mail and service hours as a definition list."""
    source = contact_source(settings, portal, agency)
    return r.macro("footer.html", "contact", source, CONTACT_FIELDS) if source else Markup("")


def agency_footers(settings: Settings, portal: Portal, r: Renderer) -> dict[str, Markup]:
    """The footers of the agencies whose pages do not show the portal's: id → contact details."""
    return {agency.id: contact_html(settings, portal, r, agency) for agency in portal.agencies.values()
            if own_footer(settings, agency)}


def policy_links(lang: str) -> list[dict[str, str]]:
    return [{"title": ui(key, lang), "path": path} for key, path in POLICY_PAGES]
