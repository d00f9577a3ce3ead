"""The preview (`gongkai serve`) rebuilds only what an edit changed.

The preview server builds the whole site once, then again after every change to the data. Each rebuild is
a part of the site (gongkai.publish.shards). After an edit, the agencies whose inputs changed are rebuilt
first and shown; then, in a second rebuild the server is asked for at once (AGAIN_VARIABLE), the
portal-wide pages, which list every agency, with the bulk ZIP, the manifest and the search index. The
other agencies' pages are left as they are. When what every page shares changed (the code, portal.yml, a
hand-written page, the list of agencies), everything is built again."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.data.model import Portal
from gongkai.publish.inputs import agency_key, shared_key
from gongkai.publish.shards import Part


@dataclass
class Preview:
    """What the last build of one preview was made of: the shared inputs' hash and each agency's, and
    whether the portal-wide pages are still to be rebuilt after the agencies an edit changed."""

    shared: str | None = None
    agencies: dict[str, str] = field(default_factory=dict)
    portal_wide_due: bool = False

    def next_part(self, project: Path, plans: Path, portal: Portal, *, in_two: bool = False) -> Part | None:
        """The part of the site to build now: None for all of it (the first build, or a change every page
        shares), else the agencies that changed and the portal-wide files. `in_two`: the agencies that
        changed alone, the portal-wide files being then due for the next build."""
        shared = shared_key(project, plans, portal, preview=True)
        keys = {agency.id: agency_key(shared, agency, plans) for agency in portal.agencies.values()}
        whole = shared != self.shared
        changed = frozenset(agency for agency, key in keys.items() if self.agencies.get(agency) != key)
        self.shared, self.agencies = shared, keys
        self.portal_wide_due = in_two and bool(changed) and not whole
        if whole:
            return None
        return Part(agencies=changed, shared=not self.portal_wide_due)


def ask_again(trigger: Path) -> None:
    """Have the server build again: it watches the folder of `trigger`, which this changes."""
    trigger.parent.mkdir(parents=True, exist_ok=True)
    trigger.write_text(str(time.time_ns()), encoding="utf-8")


# Beside the data folder, next to the build's cache (.gongkai-cache/build).
PREVIEW_CACHE = Path(".gongkai-cache") / "preview"
# The preview's folder of the search index's cache, which the server's builds are told.
SEARCH_CACHE_VARIABLE = "GONGKAI_SEARCH_CACHE"
# The file a build changes to have the server build again (see `ask_again`), in a folder it watches.
AGAIN_VARIABLE = "GONGKAI_PREVIEW_AGAIN"
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
