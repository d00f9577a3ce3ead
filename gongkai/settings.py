"""Settings of one portal (portal.yml): things an agency configures once, such as its accessibility mark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Bilingual, Problem

MARK_SIZE = (88, 31)


@dataclass(frozen=True)
class AccessibilityMark:
    """The 無障礙標章: an 88×31 image and the page the certifying body gives for it."""

    image: Path
    url: str
    alt: str

    @property
    def site_path(self) -> str:
        return f"assets/accessibility-mark{self.image.suffix}"


@dataclass(frozen=True)
class Settings:
    accessibility_mark: AccessibilityMark | None = None


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    if not path.is_file():
        return Settings(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return Settings(), [Problem(file=path, summary=Bilingual("設定檔無法讀取", "the settings file cannot be read"),
                                    found=str(error).splitlines()[0])]
    mark = data.get("accessibility_mark")
    if not mark:
        return Settings(), []
    missing = [key for key in ("image", "url", "alt") if not mark.get(key)]
    if missing:
        return Settings(), [Problem(file=path, field="accessibility_mark",
                                    summary=Bilingual("無障礙標章設定不完整", "the accessibility mark setting is incomplete"),
                                    expected=Bilingual("image、url、alt 三項", "image, url and alt"),
                                    found="缺少 / missing: " + ", ".join(missing))]
    image = (path.parent / mark["image"]).resolve()
    if not image.is_file():
        return Settings(), [Problem(file=path, field="accessibility_mark.image",
                                    summary=Bilingual("找不到無障礙標章圖檔", "the accessibility mark image is missing"),
                                    found=str(mark["image"]))]
    return Settings(AccessibilityMark(image=image, url=str(mark["url"]), alt=str(mark["alt"]))), []
