"""What a published page must contain, by kind: the stable ids and classes gongkai.pages.renderer emits.

The single list the spot check uses; change it here when the renderer's markup changes.
"""

from __future__ import annotations

# Part name (an i18n key "spot_part_<name>") → CSS selector that must match at least once.
REQUIRED_PARTS: dict[str, dict[str, str]] = {
    "agency": {
        "title": "article h1",
        "profile": "#profile",
        "years": "#gk-years-caption",
    },
    "plan": {
        "title": "article h1",
        "fields": "dl.gk-fields",
        "body": "#sec-body",
        "body_items": "table.gk-body-table, ol.gk-tree",
    },
    "results": {
        "title": "article h1",
        "fields": "dl.gk-fields",
        "summary": "#summary",
        "chart": "svg.gk-chart",
        "chart_data": "table.gk-numbers",
        "results_table": "#results-table",
        "results_rows": "[id^=gk-results-caption]",
    },
}

# What a plan's results report on, in its body tables: its leaves, or its actions where the results report
# on each (marked gk-unit); or the innermost items of the nested list. On a results page, a status cell each.
PLAN_LEAF_ROWS = "table.gk-body-table:has(> caption[id^=gk-body-caption]) .gk-unit"
# Pages built before the units were marked: a row per leaf.
PLAN_ROWS_UNMARKED = "table.gk-body-table:has(> caption#gk-body-caption) > tbody > tr"
PLAN_TREE_ITEMS = "ol.gk-tree li[id]"
RESULTS_LEAF_ROWS = "table.gk-body-table:has(> caption[id^=gk-results-caption]) > tbody > tr:has(> td.gk-col-status)"
STATUS_BADGE = "span.gk-status"
STATUS_CLASS_PREFIX = "gk-status--"

# Elements whose address the browser follows or loads; each must resolve when it points inside the site.
LINK_ATTRIBUTES = (("a", "href"), ("img", "src"), ("script", "src"), ("link", "href"))
