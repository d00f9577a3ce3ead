"""Loading and checking a project's data in one place: the plans, portal.yml and glossary.yml.

`gongkai check`, the build, the yearly tools and the MkDocs hook all call `load_project`, so they
accept and refuse exactly the same data."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.data import mistakes
from gongkai.data.glossary import load_glossary
from gongkai.data.load import load_portal
from gongkai.data.load_cache import cache_folder
from gongkai.data.model import Portal
from gongkai.data.problems import Report
from gongkai.data.settings import Settings, exemption_problems, load_settings


@dataclass
class Project:
    """Everything a portal is built from."""

    portal: Portal
    settings: Settings = Settings()
    glossary: list[dict[str, str]] = field(default_factory=list)
    # What later stages derive from the data once for every language (downloads, the manifest).
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def settings_path(plans_dir: Path) -> Path:
    return plans_dir.parent / "portal.yml"


_last: tuple[tuple[Any, ...], Project, Report] | None = None


def _fingerprint(plans_dir: Path, settings_file: Path) -> tuple[Any, ...]:
    """What the loaded project depends on: every file's size and change time, and the git commit (the
    last-updated dates come from git)."""
    stats = []
    for folder, dirs, files in os.walk(plans_dir):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            stats.append((path, info.st_size, info.st_mtime_ns))
    for extra in (settings_file, plans_dir.parent / "glossary.yml"):
        shown = extra.stat() if extra.is_file() else None
        stats.append((str(extra), shown.st_size if shown else -1, shown.st_mtime_ns if shown else -1))
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=plans_dir if plans_dir.is_dir() else None,
                              capture_output=True, text=True).stdout
    except OSError:
        head = ""
    return (str(plans_dir.resolve()), head, tuple(stats))


def load_project(plans_dir: Path, settings_file: Path | None = None, *, cache: bool = True) -> tuple[Project, Report]:
    """The project whose data is `plans_dir`, with portal.yml and glossary.yml beside it (or
    `settings_file`), and every problem found in any of them.

    Loading is the costliest step of a build, so the last project loaded is kept and handed out again
    while none of its files has changed: the check and each language's build share one load. With
    `cache`, what was found in each data file is also kept on disk beside `plans_dir` (load_cache), so
    the next run reads and checks again only the files that changed."""
    global _last
    settings_file = settings_file or settings_path(plans_dir)
    key = _fingerprint(plans_dir, settings_file)
    if _last is not None and _last[0] == key:
        return _last[1], _last[2].copy()
    project, report = _load(plans_dir, settings_file, cache_folder(plans_dir) if cache else None)
    _last = (key, project, report)
    return project, report.copy()


def _load(plans_dir: Path, settings_file: Path, cache: Path | None) -> tuple[Project, Report]:
    portal, report = load_portal(plans_dir, cache)
    settings, problems = load_settings(settings_file)
    report.extend(problems)
    if not problems and settings_file.is_file():
        report.extend(mistakes.file_schema_line_problems(settings_file, settings_file.parent))
    report.extend(exemption_problems(settings.reporting, set(portal.agencies), settings_file))
    glossary, problems = load_glossary(plans_dir.parent / "glossary.yml")
    report.extend(problems)
    return Project(portal=portal, settings=settings, glossary=glossary), report
