"""Facts about the whole portal: its publisher, the years it covers, its latest change, its licence."""

from __future__ import annotations

import datetime
from typing import Any

from gongkai.data.model import Agency, Portal
from gongkai.data.settings import Settings

RIGHTS = {
    "zh-TW": "依政府資料開放授權條款第1版（Open Government Data License, version 1.0）開放使用",
    "en": "Open Government Data License, version 1.0 (政府資料開放授權條款第1版)",
}


def speaks_for_itself(settings: Settings, agency: Agency) -> bool:
    """Whether a real agency's pages name the agency itself as their publisher, in the footer and in the page
    metadata: portal.yml's publisher is made up (`fictional: true`), and must never be said to publish a real
    agency's plans."""
    return not agency.fictional and bool(settings.publisher and settings.publisher.get("fictional"))


def publisher(settings: Settings, portal: Portal, agency: Agency | None = None) -> tuple[Any, str]:
    """The publisher's name and agency code: from portal.yml, or the only agency of the portal; on the pages of
    `agency`, the agency itself when it speaks for itself."""
    if agency is not None and speaks_for_itself(settings, agency):
        return agency.name, agency.data.get("code", "")
    if settings.publisher:
        return settings.publisher["name"], settings.publisher.get("code", "")
    if len(portal.agencies) == 1:
        agency = next(iter(portal.agencies.values()))
        return agency.name, agency.data.get("code", "")
    return "", ""


def portal_years(portal: Portal) -> tuple[int | None, int | None]:
    years = [plan.year for plan in portal.plans()]
    return (min(years), max(years)) if years else (None, None)


def latest_update(portal: Portal) -> datetime.date | None:
    stamps = [d for plan in portal.plans() for d in (plan.updated, plan.results.updated if plan.results else None) if d]
    return max(stamps) if stamps else None
