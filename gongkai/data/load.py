"""Reading the `plans/` folder into a checked Portal, gathering every problem on the way."""

from __future__ import annotations

import dataclasses
import datetime
import gc
import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from gongkai.data import mistakes, rules
from gongkai.data.load_cache import LoadCache
from gongkai.data.model import Agency, Plan, Portal, Results
from gongkai.data.problems import Bilingual, Problem, Report
from gongkai.data.schema_messages import schema_problems
from gongkai.data.workers import processors, worker_pool
from gongkai.data.yaml_source import Document, outside_problem, parse, read, text_of

AGENCY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
YEAR_DIR = re.compile(r"^[1-9][0-9]{0,2}$")
KNOWN_FILES = {"plan.yml", "results.yml"}


@dataclass
class Checked:
    """What reading and checking one file found. All of it follows from the file's bytes and its place in
    the plans folder, so it is kept (load_cache) and found again while neither changes."""

    # The file it was found in, which its problems name.
    path: Path
    # The file's data when it loaded and fits its schema; otherwise None.
    data: Any
    problems: list[Problem]
    # A plan's own rules (the files it names are looked for every time), and its warnings when they pass.
    rule_problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def moved(self, path: Path) -> Checked:
        """The same outcome for the same file at `path`: a project that was moved, or copied."""
        if path == self.path:
            return self

        def moving(problems: list[Problem]) -> list[Problem]:
            return [dataclasses.replace(p, file=path) if p.file == self.path else p for p in problems]

        return Checked(path, self.data, moving(self.problems), moving(self.rule_problems), moving(self.warnings))


def _check(path: Path, raw: bytes, kind: str, plans_dir: Path) -> tuple[Checked, Document | None]:
    """What reading and checking `raw`, the bytes of `path`, finds; and the document when it fits its schema."""
    doc, problems = parse(path, raw)
    if doc is None:
        return Checked(path, None, problems), None
    problems = schema_problems(doc, kind)
    if problems:
        return Checked(path, None, problems), None
    problems = [*rules.markdown_problems(doc, kind), *mistakes.schema_line_problems(doc, plans_dir.parent)]
    if kind != "plan":
        return Checked(path, doc.data, problems), doc
    own = rules.plan_content_problems(doc, int(path.parent.name))
    return Checked(path, doc.data, problems, own, [] if own else mistakes.plan_warnings(doc)), doc


class _Loaded(NamedTuple):
    doc: Document
    checked: Checked
    # The file with links followed, as git knows it.
    real: Path


@dataclass
class _Loading:
    """What every file of one load shares."""

    plans_dir: Path
    # The plans folder and the project folder with links followed, found once: every file must lie inside
    # the first, and its place in the second decides its editor's schema line.
    real_plans: Path
    real_root: Path
    dates: dict[Path, datetime.date]
    report: Report
    cache: LoadCache


def _place(path: Path, real: Path, kind: str, loading: _Loading) -> tuple[str, ...]:
    """What a file's outcome follows from besides its bytes: its kind and its place in the plans folder."""
    return kind, path.relative_to(loading.plans_dir).as_posix(), os.path.relpath(real, loading.real_root)


def _checked(path: Path, kind: str, loading: _Loading) -> _Loaded | None:
    """The document and what checking it found, when it parses and fits the schema; otherwise None, with
    problems reported."""
    real = path.resolve()
    if not real.is_relative_to(loading.real_plans):
        loading.report.add(outside_problem(path, loading.plans_dir))
        return None
    raw, problem = read(path)
    if raw is None:
        if problem is not None:
            loading.report.add(problem)
        return None
    key = loading.cache.key(_place(path, real, kind, loading), raw)
    kept = loading.cache.get(key)
    doc = None
    if isinstance(kept, Checked):
        checked = kept.moved(path)
    else:
        checked, doc = _check(path, raw, kind, loading.plans_dir)
        loading.cache.put(key, checked)
    loading.report.extend(checked.problems)
    if checked.data is None:
        return None
    if doc is None:
        doc = Document(path=path, data=checked.data, text=text_of(raw))
    return _Loaded(doc, checked, real)


_COMMIT_DATE = re.compile(rb"@\d{4}-\d{2}-\d{2}")


def git_dates(root: Path) -> dict[Path, datetime.date]:
    """The date of the last commit that touched each file under `root`, where git knows it."""
    try:
        # -z: names as they are, not quoted (git quotes any name with a character outside ASCII).
        out = subprocess.run(
            ["git", "log", "-z", "--format=@%cs", "--name-only", "--", "."],
            cwd=root, capture_output=True, check=True,
        ).stdout
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root,
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    latest: dict[bytes, datetime.date] = {}
    current = None
    # Each commit is "@date", then its names, each ended by NUL; the first name follows a newline.
    for token in out.split(b"\0"):
        if _COMMIT_DATE.fullmatch(token):
            current = datetime.date.fromisoformat(token[1:].decode())
        elif current is not None and (name := token.removeprefix(b"\n")):
            latest.setdefault(name, current)
    # Links are followed once for each file, not for each commit that touched it: a long history names
    # every file many times.
    dates: dict[Path, datetime.date] = {}
    for name, date in latest.items():
        dates.setdefault((Path(top) / os.fsdecode(name)).resolve(), date)
    return dates


def _updated(loaded: _Loaded, dates: dict[Path, datetime.date]) -> datetime.date | None:
    if loaded.doc.data.get("updated"):
        return datetime.date.fromisoformat(loaded.doc.data["updated"])
    return dates.get(loaded.real)


def _folder_problem(path: Path, summary: Bilingual, expected: Bilingual) -> Problem:
    return Problem(file=path, summary=summary, expected=expected, found=path.name)


def _load_plan(agency: Agency, folder: Path, loading: _Loading) -> None:
    report = loading.report
    plan_path = folder / "plan.yml"
    for stray in sorted(folder.glob("*.y*ml")):
        if stray.name not in KNOWN_FILES:
            report.add(_folder_problem(stray, Bilingual("不認得的 YAML 檔名", "unknown YAML file name"),
                                       Bilingual("plan.yml 或 results.yml", "plan.yml or results.yml")))
    if not os.path.lexists(plan_path):
        report.add(Problem(file=plan_path, summary=Bilingual("年度資料夾中缺少 plan.yml", "the year folder has no plan.yml")))
        return
    loaded = _checked(plan_path, "plan", loading)
    if loaded is None:
        return
    # The files a plan names are looked for every time: they are not part of what was kept.
    semantic = [*loaded.checked.rule_problems, *rules.annex_file_problems(loaded.doc, loading.plans_dir)]
    report.extend(semantic)
    if semantic:
        return
    plan = Plan(agency_id=agency.id, year=int(folder.name), data=loaded.doc.data, path=plan_path,
                updated=_updated(loaded, loading.dates))
    report.extend(loaded.checked.warnings)
    if plan.updated is None and not plan.draft:
        report.add(mistakes.undated(plan_path, "plan"))
    results_path = folder / "results.yml"
    if os.path.lexists(results_path):
        results = _checked(results_path, "results", loading)
        if results is not None:
            problems = rules.results_problems(results.doc, {row.leaf_id: row for row in plan.rows()}, loading.plans_dir)
            report.extend(problems)
            if not problems:
                plan.results = Results(data=results.doc.data, path=results_path, updated=_updated(results, loading.dates))
                if plan.results.updated is None and not plan.draft:
                    report.add(mistakes.undated(results_path, "results"))
    agency.plans[plan.year] = plan


def _load_agency(folder: Path, loading: _Loading) -> Agency | None:
    report = loading.report
    if folder.name.startswith("."):
        report.add(Problem(file=folder, summary=Bilingual("機關資料夾名稱以「.」開頭，會被視為隱藏而不會發布",
                                                          "an agency folder whose name starts with a dot is hidden and would never be published"),
                           expected=Bilingual("小寫英文字母、數字與連字號", "lower-case letters, digits and hyphens"),
                           found=folder.name, hint=Bilingual("把資料夾改名，去掉開頭的「.」", "rename the folder without the leading dot")))
        return None
    if not AGENCY_ID.match(folder.name):
        report.add(_folder_problem(folder, Bilingual("機關資料夾名稱不符規定", "the agency folder name is not valid"),
                                   Bilingual("小寫英文字母、數字與連字號", "lower-case letters, digits and hyphens")))
        return None
    agency_path = folder / "agency.yml"
    if not os.path.lexists(agency_path):
        report.add(Problem(file=agency_path, summary=Bilingual("機關資料夾中缺少 agency.yml", "the agency folder has no agency.yml")))
        return None
    loaded = _checked(agency_path, "agency", loading)
    agency = Agency(id=folder.name, data=loaded.doc.data if loaded else {}, path=agency_path)
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        if YEAR_DIR.match(child.name):
            _load_plan(agency, child, loading)
        else:
            report.add(_folder_problem(child, Bilingual("年度資料夾名稱應為民國年數字", "a year folder is named by its ROC year"),
                                       Bilingual("例如 114", "e.g. 114")))
    return agency if loaded else None


def load_portal(plans_dir: Path, cache: Path | None = None) -> tuple[Portal, Report]:
    """Load every agency under `plans_dir`. The report lists every problem found, in every file. With a
    `cache` folder, what was found in each file is kept there and found again while the file is unchanged."""
    report = Report()
    if not plans_dir.is_dir():
        report.add(Problem(file=plans_dir, summary=Bilingual("找不到 plans 資料夾", "the plans folder does not exist")))
        return Portal(agencies={}), report
    loading = _Loading(plans_dir=plans_dir, real_plans=plans_dir.resolve(), real_root=plans_dir.parent.resolve(),
                       dates=git_dates(plans_dir), report=report, cache=LoadCache(cache))
    _check_ahead(loading)
    agencies = {}
    with _kept_as_old_objects():
        for folder in sorted(p for p in plans_dir.iterdir() if p.is_dir()):
            agency = _load_agency(folder, loading)
            if agency is not None:
                agencies[agency.id] = agency
    loading.cache.prune()
    return Portal(agencies=agencies), report


# Below this many files to read and check, sharing them out costs more than it saves.
CHECK_AHEAD_FILES = 64
_KINDS = {"agency.yml": "agency", "plan.yml": "plan", "results.yml": "results"}


def _check_ahead(loading: _Loading) -> None:
    """With a cache and several processors, the files that are not in the cache yet are read and checked
    side by side, each process putting what it found in the cache; the load then finds every file there."""
    if loading.cache.folder is None or processors() < 2:
        return
    todo = []
    for path in sorted(loading.plans_dir.glob("*/*.yml")) + sorted(loading.plans_dir.glob("*/*/*.yml")):
        kind = _KINDS.get(path.name)
        real = path.resolve()
        if kind is None or not real.is_relative_to(loading.real_plans) or not real.is_file():
            continue
        raw, _ = read(path)
        key = loading.cache.key(_place(path, real, kind, loading), raw) if raw is not None else None
        if key is not None and not loading.cache.has(key):
            todo.append((path, kind, loading.plans_dir, key, loading.cache.folder))
    if len(todo) < CHECK_AHEAD_FILES:
        return
    with worker_pool(processors()) as pool:
        pool.map(_check_into_cache, todo, chunksize=max(1, len(todo) // (8 * processors())))


def _check_into_cache(task: tuple[Path, str, Path, str, Path]) -> None:
    path, kind, plans_dir, key, folder = task
    raw, _ = read(path)
    if raw is not None:
        LoadCache(folder).put(key, _check(path, raw, kind, plans_dir)[0])


@contextmanager
def _kept_as_old_objects() -> Iterator[None]:
    """Loading makes a million small dicts and lists that stay as long as the portal. Set off by their
    number, the garbage collector would look through all of them several times over while they are made
    (as long as reading them back from the cache takes); made with it paused, they join the old objects
    at once (frozen, then thawed into the oldest generation), which it looks through seldom and still
    collects from."""
    if not gc.isenabled() or gc.get_freeze_count():
        # Objects frozen by someone else must stay frozen: thawing would thaw them too.
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()
