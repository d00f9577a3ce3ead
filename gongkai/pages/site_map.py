"""The 網站導覽 (site map) page: the access keys explained, and every page of the site (templates/site_map.md)."""

from __future__ import annotations

from typing import Any

from gongkai.i18n.catalogue import ui
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import Page, Renderer

ACCESS_KEYS = (("U", "key_u"), ("C", "key_c"), ("Z", "key_z"), ("S", "key_s"))
# Each browser, and the keys that press an access key in it.
BROWSERS = (("browser_windows_chrome", "keys_alt"), ("browser_windows_firefox", "keys_alt_shift"),
            ("browser_macos", "keys_control_option"))


def render_site_map(r: Renderer, nav: list[Any], facts: PageFacts) -> Page:
    return r.page("site-map/index.md", "site_map.md", ui("site_map", r.lang), facts, nav=nav,
                  access_keys=ACCESS_KEYS, browsers=BROWSERS)
