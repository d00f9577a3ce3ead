"""Loading and checking a project's data in one place: the plans, portal.yml and glossary.yml.

`gongkai check`, the build, the yearly tools and the MkDocs hook all call `load_project`, so they
accept and refuse exactly the same data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gongkai.data.glossary import load_glossary
from gongkai.data.load import load_portal
from gongkai.data.model import Portal
from gongkai.data.problems import Report
from gongkai.data.settings import Settings, exemption_problems, load_settings


@dataclass
class Project:
    """Everything a portal is built from."""

    portal: Portal
    settings: Settings = Settings()
    glossary: list[dict[str, str]] = field(default_factory=list)


def settings_path(plans_dir: Path) -> Path:
    return plans_dir.parent / "portal.yml"


def load_project(plans_dir: Path, settings_file: Path | None = None) -> tuple[Project, Report]:
    """The project whose data is `plans_dir`, with portal.yml and glossary.yml beside it (or
    `settings_file`), and every problem found in any of them."""
    portal, report = load_portal(plans_dir)
    settings_file = settings_file or settings_path(plans_dir)
    settings, problems = load_settings(settings_file)
    report.extend(problems)
    report.extend(exemption_problems(settings.reporting, set(portal.agencies), settings_file))
    glossary, problems = load_glossary(plans_dir.parent / "glossary.yml")
    report.extend(problems)
    return Project(portal=portal, settings=settings, glossary=glossary), report
