"""The build in parts, side by side in several processes, with each agency's files kept for the next build.

`gongkai build` (`make site`) cuts the portal into parts by agency (gongkai.publish.shards), builds them
in up to `jobs` processes at once, and merges them. Each agency's files are then kept in the cache under
the hash of what they depend on (gongkai.publish.inputs): the next build takes them from there unless
that hash changed, and builds only the changed agencies and the portal-wide files. `gongkai build
--shard K/N` builds one shard for another machine to merge (`gongkai merge`)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.data.model import Agency, Portal
from gongkai.data.problems import Bilingual
from gongkai.data.workers import worker_pool
from gongkai.export.kept import CACHE_VARIABLE
from gongkai.i18n.languages import LANGUAGES
from gongkai.publish import build as plain
from gongkai.publish.build import BuildFailure, build_part, write_indexes
from gongkai.publish.inputs import agency_key, shared_key
from gongkai.publish.merge import PartNote, copy_tree, write_note
from gongkai.publish.shards import Part, shard_part, split
from gongkai.publish.swap import discard, swap_in
from gongkai.search import cache as search_cache

# The portal-wide part (home, status, site map, downloads, ZIP, manifest, theme files), as pages of
# agencies, when the work is shared out: a fixed share plus a tenth of the portal (the downloads and ZIP).
SHARED_WEIGHT, SHARED_SHARE = 40, 0.22
_SHARED = ""


def weight(agency: Agency) -> int:
    """An agency's pages in one language: its profile, each plan and each results table."""
    return 1 + sum(2 if plan.results else 1 for plan in agency.plans.values())


def weights(portal: Portal) -> list[tuple[str, int]]:
    return [(agency.id, weight(agency)) for agency in portal.agencies.values()]


def pages_portal(portal: Portal, *, preview: bool) -> Portal:
    """The portal whose agencies have pages: every one in a preview, the published ones otherwise."""
    return portal if preview else portal.published()


def build_shard(project: Path, plans: Path, portal: Portal, k: int, n: int, out: Path, *,
                preview: bool = False) -> Part:
    """Shard K of N into `out` (new or empty), with the note `gongkai merge` checks."""
    shown = pages_portal(portal, preview=preview)
    part = shard_part(weights(shown), k, n)
    build_part(project, plans, part, out, preview=preview)
    write_note(out, PartNote(shard=k, of=n, inputs=shared_key(project, plans, shown, preview=preview),
                             agencies=tuple(sorted(part.agencies)), shared=part.shared))
    return part


@dataclass
class Outcome:
    """What a build made and what it took from the cache."""

    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    processes: int = 0


def _run_part(project: Path, plans: Path, part: Part, out: Path, preview: bool) -> tuple[str, str, str] | None:
    """One part, in a worker process; a BuildFailure comes back as its texts (it cannot be pickled)."""
    try:
        build_part(project, plans, part, out, preview=preview)
    except BuildFailure as failure:
        return failure.message.zh, failure.message.en, failure.output
    return None


def _parts(todo: Iterable[tuple[str, int]], jobs: int) -> list[Part]:
    """The agencies to build and the portal-wide files, cut into at most `jobs` parts of about equal work."""
    items = list(todo)
    total = sum(w for _, w in items)
    runs = split([(_SHARED, SHARED_WEIGHT + int(total * SHARED_SHARE)), *items], max(1, jobs))
    return [Part(agencies=frozenset(a for a in run if a != _SHARED), shared=_SHARED in run) for run in runs if run]


def _agency_folders(agency: str) -> list[str]:
    """Where an agency's files are, from the root of the whole site, in every language."""
    return [f"{language.prefix}plans/{agency}" for language in LANGUAGES]


def _store(source: Path, agency: str, entry: Path) -> None:
    """Move one agency's built files from a part's folder into its cache entry, made whole or not at all."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".new-", dir=entry.parent))
    for folder in _agency_folders(agency):
        if (source / folder).is_dir():
            (temporary / folder).parent.mkdir(parents=True, exist_ok=True)
            (source / folder).rename(temporary / folder)
    if entry.exists():
        shutil.rmtree(entry)
    temporary.rename(entry)


def _prune(cache: Path, keep: dict[str, str]) -> None:
    """Only the entries the last build used stay: the cache holds one site's agencies, not every past one."""
    for folder in sorted(p for p in cache.iterdir() if p.is_dir()) if cache.is_dir() else []:
        for entry in sorted(folder.iterdir()):
            if keep.get(folder.name) != entry.name:
                shutil.rmtree(entry, ignore_errors=True)
        if not any(folder.iterdir()):
            folder.rmdir()


def _execute(project: Path, plans: Path, parts: list[Part], outs: list[Path], preview: bool) -> None:
    if len(parts) == 1:
        build_part(project, plans, parts[0], outs[0], preview=preview)
        return
    # Forked workers start with the data this process has loaded already (gongkai.data.project keeps it).
    with worker_pool(len(parts)) as pool:
        pending = [pool.apply_async(_run_part, (project, plans, part, out, preview)) for part, out in zip(parts, outs)]
        failures = [result.get() for result in pending]
        # Done: the workers end by themselves; leaving the `with` otherwise (an interrupt) terminates them.
        pool.close()
        pool.join()
    for failure in failures:
        if failure is not None:
            zh, en, output = failure
            raise BuildFailure(Bilingual(zh, en), output)


@contextmanager
def _locked(cache: Path | None) -> Iterator[None]:
    """One build at a time uses a cache: another would prune the entries this one is reading."""
    if cache is None:
        yield
        return
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        try:
            import fcntl
        except ImportError:  # not POSIX: builds are not run side by side there
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_parallel(project: Path, plans: Path, portal: Portal, target: Path, *, jobs: int,
                   cache: Path | None, preview: bool = False) -> Outcome:
    """The whole site into `target` (replaced only when everything built), in up to `jobs` processes,
    reusing from `cache` the agencies whose inputs have not changed (none when `cache` is None)."""
    with _locked(cache):
        return _build_parallel(project, plans, portal, target, jobs=jobs, cache=cache, preview=preview)


def _build_parallel(project: Path, plans: Path, portal: Portal, target: Path, *, jobs: int,
                    cache: Path | None, preview: bool) -> Outcome:
    shown = pages_portal(portal, preview=preview)
    common = shared_key(project, plans, shown, preview=preview)
    keys = {agency.id: agency_key(common, agency, plans) for agency in shown.agencies.values()}
    entries = {agency: cache / agency / key for agency, key in keys.items()} if cache else {}
    outcome = Outcome()
    todo = [(agency, w) for agency, w in weights(shown) if not (cache and entries[agency].is_dir())]
    outcome.built = [agency for agency, _ in todo]
    outcome.reused = [agency for agency in keys if agency not in set(outcome.built)]
    parts = _parts(todo, jobs)
    outcome.processes = len(parts)
    # Through the plain build's module, so that what replaces it there (a test's unwritable folder) holds here too.
    staged = plain.staging_dir(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-parts-", dir=target.parent))
    try:
        outs = [work / str(number) for number in range(len(parts))]
        with _downloads_kept(cache, common):
            _execute(project, plans, parts, outs, preview)
        taken: dict[str, Path] = {}
        for part, out in zip(parts, outs):
            if cache is not None:
                for agency in part.agencies:
                    _store(out, agency, entries[agency])
            copy_tree(out, staged, taken)
        for agency in keys if cache is not None else []:
            copy_tree(entries[agency], staged, taken)
        write_indexes(staged, cache=cache, jobs=jobs, before=target)
        swap_in(staged, target, old_removed_after=True)
    except BaseException:
        discard(staged)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if cache is not None:
        _prune(cache, {**keys, DOWNLOADS: common, search_cache.FOLDER: search_cache.version()})
    return outcome


# The cache's folder of download files, beside the agencies' (an agency id never starts with "_").
DOWNLOADS = "_downloads"


@contextmanager
def _downloads_kept(cache: Path | None, common: str) -> Iterator[None]:
    """The portal-wide part makes every plan's downloads for the manifest: with a cache, an unchanged plan's
    are taken from the last build (kept under the hash of the code and settings they were made with)."""
    if cache is None:
        yield
        return
    saved = os.environ.get(CACHE_VARIABLE)
    os.environ[CACHE_VARIABLE] = str(cache / DOWNLOADS / common)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(CACHE_VARIABLE, None)
        else:
            os.environ[CACHE_VARIABLE] = saved
