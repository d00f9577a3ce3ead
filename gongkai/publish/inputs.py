"""What a build's output depends on, as content hashes: one for what every page shares (the code, the
theme, the settings, the hand-written pages, the day), and one per agency (its files and their dates).

Two builds with the same hashes make the same bytes, so an agency's pages can be taken from an earlier
build (gongkai.publish.cache), and shards built on different machines can be checked to belong together
(gongkai.publish.merge)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from gongkai.data.model import Agency, Portal
from gongkai.data.reporting import today

# The project's files every page depends on, besides the data: the package (code, templates, styles,
# schemas), the engine adapter, the theme changes, the configuration, the hand-written pages and settings.
SHARED_INPUTS = ("gongkai", "hooks", "overrides", "mkdocs.yml", "content", "portal.yml", "glossary.yml")
# The distributions whose version changes the pages.
ENGINE = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe", "nh3", "pyyaml",
          "babel")
_SKIPPED = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED)
        found += [Path(folder) / name for name in sorted(names) if not name.endswith(".pyc")]
    return found


def _hash_files(digest: hashlib._Hash, root: Path, files: Iterable[Path]) -> None:
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def shared_key(project: Path, plans: Path, portal: Portal, *, preview: bool) -> str:
    """The hash of everything every page depends on. The list of agencies is in it: pages link to one
    another, and the publisher shown on every page depends on how many agencies there are."""
    digest = hashlib.sha256()
    for name in SHARED_INPUTS:
        _hash_files(digest, project, _files(project / name))
    settings = plans.parent / "portal.yml"
    if settings.is_file() and settings.resolve() != (project / "portal.yml").resolve():
        _hash_files(digest, plans.parent, [settings, *_files(plans.parent / "glossary.yml")])
    facts = [sys.version, *(f"{name}={_version(name)}" for name in ENGINE), f"preview={preview}",
             f"today={today().isoformat()}", *sorted(f"{k}={v}" for k, v in os.environ.items()
                                                     if k.startswith("GONGKAI_") and k != "GONGKAI_PART"),
             f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}", *portal.agencies]
    digest.update("\n".join(facts).encode())
    return digest.hexdigest()


def agency_key(shared: str, agency: Agency, plans: Path) -> str:
    """The hash of what one agency's files depend on: the shared inputs, its folder, and the dates its plans
    were last changed (from git when the files do not say)."""
    digest = hashlib.sha256(shared.encode())
    folder = plans / agency.id
    _hash_files(digest, folder, _files(folder))
    for year in sorted(agency.plans):
        plan = agency.plans[year]
        digest.update(f"{year}:{plan.updated}:{plan.results.updated if plan.results else ''}\n".encode())
    return digest.hexdigest()
