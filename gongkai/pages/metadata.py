"""Page metadata of 行政機關電子資料流通詮釋資料及分類檢索規範: Dublin Core fields and categories.

Every page carries them as <meta> tags; values come from agency.yml, portal.yml and the page itself.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gongkai.data.model import Agency, Plan, Portal
from gongkai.data.portal_facts import RIGHTS, publisher
from gongkai.data.settings import Settings
from gongkai.data.translation_coverage import file_texts
from gongkai.i18n import dates, text

LANGUAGE_NAMES = {"zh-TW": "中文", "en": "英文"}
TYPE_NAMES = {"zh-TW": "文字", "en": "Text"}
SUBJECT = {"zh-TW": "提升服務品質執行計畫", "en": "Service quality plans"}
@dataclass(frozen=True)
class PageFacts:
    """What a page is about: its title and description, whose it is, the years it covers."""

    title: str
    description: str
    updated: datetime.date | None
    agency: Agency | None = None
    first_year: int | None = None
    last_year: int | None = None
    relation: str = ""
    keywords: tuple[str, ...] = ()
    source_text: str = ""


# Every <meta> name a page carries (行政機關電子資料流通詮釋資料及分類檢索規範), in order; the spot check
# looks for the same names on published pages.
META_NAMES = ("DC.Title", "DC.Creator", "DC.Subject", "DC.Description", "DC.Contributor", "DC.Type", "DC.Format",
              "DC.Source", "DC.Language", "DC.coverage.t.min", "DC.coverage.t.max", "DC.Publisher", "DC.Date",
              "DC.Identifier", "DC.Relation", "DC.Rights", "Category.Theme", "Category.Cake", "Category.Service",
              "Keywords")


def dublin_core(facts: PageFacts, portal: Portal, settings: Settings, lang: str,
                extra_keywords: tuple[str, ...] | list[str] = ()) -> dict[str, str]:
    """The <meta> name → content pairs of one page."""
    # The publisher the footer names: on a real agency's pages under a made-up portal publisher, the agency itself.
    name, publisher_code = publisher(settings, portal, facts.agency)
    publisher_name = text.plain(name, lang) if name else ""
    # The agency code: the page's agency's, else its publisher's, else (an agency that gives none, under a made-up
    # publisher) the portal's, as every page must carry one.
    portal_code = publisher(settings, portal)[1]
    creator = text.plain(facts.agency.name, lang) if facts.agency else publisher_name
    identifier = (facts.agency.data.get("code") if facts.agency else None) or publisher_code or portal_code
    contributor = text.plain(facts.agency.data["parent"], lang) if facts.agency and "parent" in facts.agency.data \
        else publisher_name
    first, last = facts.first_year, facts.last_year
    fields = {
        "DC.Title": facts.title,
        "DC.Creator": creator,
        "DC.Subject": SUBJECT[lang],
        "DC.Description": facts.description,
        "DC.Contributor": contributor,
        "DC.Type": TYPE_NAMES[lang],
        "DC.Format": "text/html",
        "DC.Source": creator,
        "DC.Language": LANGUAGE_NAMES[lang],
        "DC.coverage.t.min": f"{dates.western_year(first)}-01-01" if first else "",
        "DC.coverage.t.max": f"{dates.western_year(last)}-12-31" if last else "",
        "DC.Publisher": publisher_name,
        "DC.Date": facts.updated.isoformat() if facts.updated else "",
        "DC.Identifier": identifier,
        "DC.Relation": facts.relation,
        "DC.Rights": RIGHTS[lang],
        "Category.Theme": settings.categories["theme"],
        "Category.Cake": settings.categories["cake"],
        "Category.Service": settings.categories["service"],
        # Keywords are comma-separated, so a name's own commas would split it.
        "Keywords": ",".join(dict.fromkeys(k.replace(",", "") for k in [*facts.keywords, *extra_keywords, SUBJECT[lang]])),
    }
    return {name: fields[name] for name in META_NAMES if fields[name]}


def plan_facts(agency: Agency, plan: Plan, lang: str, title: str, description: str, relation: str,
               updated: datetime.date | None) -> PageFacts:
    chinese = "\n".join(text.plain(value, "zh-TW") for value in file_texts(plan.data, "plan"))
    return PageFacts(title=title, description=description, updated=updated, agency=agency,
                     first_year=plan.year, last_year=plan.year, relation=relation,
                     keywords=(text.plain(agency.name, lang), dates.year_label(plan.year, lang)), source_text=chinese)


def glossary_keywords(terms: list[dict[str, str]], source_text: str, lang: str) -> list[str]:
    """The glossary terms a page's Chinese text uses, in the page's language."""
    return list(dict.fromkeys(t["zh"] if lang == "zh-TW" else t["en"] for t in terms if t["zh"] in source_text))
