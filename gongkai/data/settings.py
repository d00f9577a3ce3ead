"""Settings of one portal (portal.yml): its publisher, classification codes and accessibility mark."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.data.attachments import file_problem
from gongkai.data.problems import Bilingual, Problem
from gongkai.data.reporting import DEFAULT_DEADLINE
from gongkai.data.schema_messages import schema_problems
from gongkai.data.yaml_source import load

MARK_SIZE = (88, 31)
DEFAULT_CATEGORIES = {"theme": "410", "cake": "D00", "service": "I00"}


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
class Reporting:
    """When plans and results are due (month-day of each year), and which agencies are excused from what.

    Each exemption is {agency, year, item: plan|results, reason: text}."""

    deadline: str = DEFAULT_DEADLINE
    exemptions: tuple[dict[str, Any], ...] = ()

    def exemptions_of(self, agency_id: str) -> list[dict[str, Any]]:
        return [e for e in self.exemptions if e["agency"] == agency_id]


@dataclass(frozen=True)
class Settings:
    publisher: dict[str, Any] | None = None
    categories: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CATEGORIES))
    accessibility_mark: AccessibilityMark | None = None
    reporting: Reporting = Reporting()


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """The settings in `path`; a missing file means the defaults."""
    if not os.path.lexists(path):
        return Settings(), []
    doc, problems = load(path, within=path.parent)
    if doc is None:
        # An empty settings file (every line a comment) is fine: it means the defaults.
        return Settings(), [p for p in problems if "empty" not in p.summary.en]
    problems = schema_problems(doc, "portal")
    if problems:
        return Settings(), problems
    data = doc.data
    mark = data.get("accessibility_mark")
    if mark:
        problem = file_problem(mark["image"], path.parent, path.parent,
                               Bilingual(f"{path.name} 所在資料夾中的圖檔", f"a picture in the folder of {path.name}"))
        if problem is not None:
            line, column = doc.position(["accessibility_mark", "image"])
            summary = Bilingual("找不到無障礙標章圖檔", "the accessibility mark image is missing") if problem.missing \
                else problem.summary
            return Settings(), [Problem(file=path, line=line, column=column, field="accessibility_mark.image",
                                        summary=summary, expected=problem.expected, found=problem.found,
                                        hint=problem.hint)]
        mark = AccessibilityMark(image=(path.parent / mark["image"]).resolve(), url=mark["url"], alt=mark["alt"])
    reporting = data.get("reporting", {})
    return Settings(publisher=data.get("publisher"), categories={**DEFAULT_CATEGORIES, **data.get("categories", {})},
                    accessibility_mark=mark,
                    reporting=Reporting(deadline=reporting.get("deadline", DEFAULT_DEADLINE),
                                        exemptions=tuple(reporting.get("exemptions", [])))), []


def exemption_problems(reporting: Reporting, agency_ids: set[str], path: Path) -> list[Problem]:
    """An exemption for an agency the portal does not have is a typing mistake: say so."""
    return [Problem(file=path, field=f"reporting.exemptions[{index}].agency",
                    summary=Bilingual("豁免的機關不在 plans/ 中", "the exempted agency is not in plans/"),
                    expected=Bilingual("plans/ 下的機關資料夾名稱", "an agency folder name under plans/"),
                    found=exemption["agency"])
            for index, exemption in enumerate(reporting.exemptions) if exemption["agency"] not in agency_ids]
