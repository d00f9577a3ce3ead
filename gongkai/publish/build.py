"""Building the whole site: each language with MkDocs into a staging folder that replaces the old site
only when every language built.

The languages are built in this process, one after the other, so they share one load of the data
(see `gongkai.data.project.load_project`) and the files that do not depend on the language."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from gongkai import search
from gongkai.data.problems import Bilingual
from gongkai.i18n.languages import LANGUAGES
from gongkai.publish.shards import PART_VARIABLE, Part
from gongkai.publish.swap import discard, staging_dir, swap_in
from gongkai.search import LanguageFolder

PLANS_VARIABLE = "GONGKAI_PLANS"
# "1" for a preview build: draft plans shown, marked as drafts. Anything else builds the site to publish.
PREVIEW_VARIABLE = "GONGKAI_PREVIEW"


class BuildFailure(Exception):
    """A language that did not build, with what MkDocs said. Not a frozen dataclass: raising an exception
    sets its traceback, which a frozen one refuses."""

    def __init__(self, message: Bilingual, output: str) -> None:
        super().__init__(message.en)
        self.message, self.output = message, output


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """mkdocs.yml reads the language, content folder and data folder from the environment."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _mkdocs_log() -> Iterator[io.StringIO]:
    """MkDocs's messages, kept to be shown only when the build fails."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    saved_level, saved_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)
        logger.propagate = saved_propagate


class NotDirtyWarning(logging.Filter):
    """A part of a sharded build, and a rebuild of the preview, is run as a `dirty` MkDocs build (so that it
    skips the other parts' files); MkDocs's warning that such a build may have wrong links does not apply, as
    every file is listed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def build_language(project: Path, lang: str, plans: Path, out: Path, *, preview: bool = False,
                   part: Part | None = None) -> None:
    """One language of the site into `out` (a `preview` shows draft plans), or only the files of one `part`
    of it into an empty `out`; a BuildFailure with MkDocs's messages if it fails."""
    with _environment(GONGKAI_LANG=lang, GONGKAI_CONTENT=str(project / "content" / lang),
                      **{PLANS_VARIABLE: str(plans), PREVIEW_VARIABLE: "1" if preview else "0",
                         PART_VARIABLE: part.to_env() if part else ""},
                      NO_MKDOCS_2_WARNING="1"), _mkdocs_log() as log:
        quiet = NotDirtyWarning()
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        try:
            mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(out)), dirty=part is not None)
        except MkDocsException as error:
            raise BuildFailure(Bilingual(f"建置 {lang} 失敗", f"building {lang} failed"),
                               f"{log.getvalue()}{error}") from None
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


def build_site(project: Path, plans: Path, target: Path, *, preview: bool = False) -> None:
    """Every language into a new folder beside `target`, swapped in only when all of them built. A `preview`
    shows draft plans, marked as drafts; the site to publish leaves them out."""
    staged = staging_dir(target)
    try:
        for language in LANGUAGES:
            build_language(project, language.code, plans, staged / language.prefix, preview=preview)
        write_indexes(staged)
        swap_in(staged, target)
    except BaseException:
        discard(staged)
        raise


def write_indexes(site: Path, *, cache: Path | None = None, jobs: int = 1, before: Path | None = None) -> None:
    """Each language's search index, from its built pages; the other languages' folders within it are theirs.
    With the build's `cache` folder, only the pages changed since the last build are indexed again, and the
    files unchanged since the site built `before` are linked from it; the languages are indexed side by side in
    up to `jobs` processes."""
    folders = []
    for language in LANGUAGES:
        others = tuple(other.prefix for other in LANGUAGES if other.prefix and other.prefix != language.prefix)
        folders.append(LanguageFolder(site / language.prefix, language.code, skip=others,
                                      before=before / language.prefix if before else None))
    search.write_indexes(folders, cache=cache, jobs=jobs)


def build_part(project: Path, plans: Path, part: Part, out: Path, *, preview: bool = False) -> None:
    """The files of one part of the site, every language, into the empty folder `out`. MkDocs also writes
    a few portal-wide files in every build (sitemap.xml, 404.html): a part that does not own them drops them."""
    for language in LANGUAGES:
        build_language(project, language.code, plans, out / language.prefix, preview=preview, part=part)
    for path in sorted(out.rglob("*"), reverse=True):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and not part.owns_in_site(relative):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
