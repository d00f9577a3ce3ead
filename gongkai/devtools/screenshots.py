"""The how-to-update guide's pictures, taken from a built site in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongkai.devtools.axe import browser
from gongkai.devtools.loopback import serve
from gongkai.devtools.png import recompressed
from gongkai.i18n.languages import LANGUAGES

VIEWPORT = {"width": 1024, "height": 640}
# At most this much of a long part of a page: enough to recognise it, small enough to read on a phone.
MAX_HEIGHT = 420
# (picture, page, the part of the page to show: a CSS selector, or None for the top of the page)
SHOTS = [
    ("home", "", None),
    ("results", "plans/example-district-office/114/results/", ".gk-body-table"),
    ("updated", "plans/example-district-office/114/results/", ".gk-footer__body"),
]


def shot(page: Any, selector: str | None) -> bytes:
    """A PNG of the top of the page, or of the top of the part `selector` names."""
    if selector is None:
        return page.screenshot()
    box = page.locator(selector).first.bounding_box()
    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": min(box["height"], MAX_HEIGHT)}
    return page.screenshot(clip=clip, full_page=True)


def take_screenshots(site: Path, content: Path) -> list[Path]:
    """Every picture of the guide, in every language, written under content/<lang>/assets/guide/."""
    written = []
    with serve(site) as url, browser() as chromium:
        page = chromium.new_page(viewport=VIEWPORT, device_scale_factor=1)
        for language in LANGUAGES:
            folder = content / language.code / "assets" / "guide"
            folder.mkdir(parents=True, exist_ok=True)
            for name, path, selector in SHOTS:
                page.goto(url + language.prefix + path)
                picture = folder / f"{name}.png"
                picture.write_bytes(recompressed(shot(page, selector)))
                written.append(picture)
    return written
