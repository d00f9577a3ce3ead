"""The preview (`gongkai serve`) rebuilds only what an edit changed.

The preview server builds the whole site once, then again after every change to the data. Each rebuild is
a part of the site (gongkai.publish.shards): the agencies whose inputs changed since the last build, and
the portal-wide pages, which list every agency; the other agencies' pages are left as they are. When what
every page shares changed (the code, portal.yml, a hand-written page, the list of agencies), everything is
built again."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.data.model import Portal
from gongkai.publish.inputs import agency_key, shared_key
from gongkai.publish.shards import Part


@dataclass
class Preview:
    """What the last build of one preview was made of: the shared inputs' hash and each agency's."""

    shared: str | None = None
    agencies: dict[str, str] = field(default_factory=dict)

    def next_part(self, project: Path, plans: Path, portal: Portal) -> Part | None:
        """The part of the site to build now: None for all of it (the first build, or a change every page
        shares), else the agencies that changed and the portal-wide files."""
        shared = shared_key(project, plans, portal, preview=True)
        keys = {agency.id: agency_key(shared, agency, plans) for agency in portal.agencies.values()}
        whole = shared != self.shared
        changed = frozenset(agency for agency, key in keys.items() if self.agencies.get(agency) != key)
        self.shared, self.agencies = shared, keys
        return None if whole else Part(agencies=changed, shared=True)


# Beside the data folder, next to the build's cache (.gongkai-cache/build).
PREVIEW_CACHE = Path(".gongkai-cache") / "preview"
# The preview's folder of the search index's cache, which the server's builds are told.
SEARCH_CACHE_VARIABLE = "GONGKAI_SEARCH_CACHE"
# One per language: the server builds one language, in one process, for as long as it runs.
_previews: dict[str, Preview] = {}


def preview_of(lang: str) -> Preview:
    """The preview of `lang` in this process, kept from one rebuild to the next."""
    return _previews.setdefault(lang, Preview())


def preview_cache(project: Path, plans: Path, portal: Portal) -> Path:
    """The folder where the preview keeps what it made (downloads, the search index's pages), by the hash of
    the code and settings that made them; those of another code or settings are removed."""
    folder = plans.parent / PREVIEW_CACHE
    current = folder / shared_key(project, plans, portal, preview=True)
    for old in sorted(folder.iterdir()) if folder.is_dir() else []:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
    return current
