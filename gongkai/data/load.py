"""Reading the `plans/` folder into a checked Portal, gathering every problem on the way."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

from gongkai.data import mistakes, rules
from gongkai.data.model import Agency, Plan, Portal, Results
from gongkai.data.problems import Bilingual, Problem, Report
from gongkai.data.schema_messages import schema_problems
from gongkai.data.yaml_source import Document, load

AGENCY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
YEAR_DIR = re.compile(r"^[1-9][0-9]{0,2}$")
KNOWN_FILES = {"plan.yml", "results.yml"}


def _checked(path: Path, kind: str, report: Report, plans_dir: Path) -> Document | None:
    """The document if it parses and fits the schema; otherwise None, with problems reported."""
    doc, problems = load(path, within=plans_dir)
    report.extend(problems)
    if doc is None:
        return None
    problems = schema_problems(doc, kind)
    report.extend(problems)
    if problems:
        return None
    report.extend(rules.markdown_problems(doc, kind))
    report.extend(mistakes.schema_line_problems(doc, plans_dir.parent))
    return doc


def git_dates(root: Path) -> dict[Path, datetime.date]:
    """The date of the last commit that touched each file under `root`, where git knows it."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "."],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root,
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, datetime.date] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault((Path(top) / line).resolve(), current)
    return dates


def _updated(doc: Document, dates: dict[Path, datetime.date]) -> datetime.date | None:
    if doc.data.get("updated"):
        return datetime.date.fromisoformat(doc.data["updated"])
    return dates.get(doc.path.resolve())


def _folder_problem(path: Path, summary: Bilingual, expected: Bilingual) -> Problem:
    return Problem(file=path, summary=summary, expected=expected, found=path.name)


def _load_plan(agency: Agency, folder: Path, plans_dir: Path, dates: dict[Path, datetime.date], report: Report) -> None:
    plan_path = folder / "plan.yml"
    for stray in sorted(folder.glob("*.y*ml")):
        if stray.name not in KNOWN_FILES:
            report.add(_folder_problem(stray, Bilingual("不認得的 YAML 檔名", "unknown YAML file name"),
                                       Bilingual("plan.yml 或 results.yml", "plan.yml or results.yml")))
    if not os.path.lexists(plan_path):
        report.add(Problem(file=plan_path, summary=Bilingual("年度資料夾中缺少 plan.yml", "the year folder has no plan.yml")))
        return
    doc = _checked(plan_path, "plan", report, plans_dir)
    if doc is None:
        return
    semantic = rules.plan_problems(doc, int(folder.name), plans_dir)
    report.extend(semantic)
    if semantic:
        return
    plan = Plan(agency_id=agency.id, year=int(folder.name), data=doc.data, path=plan_path,
                updated=_updated(doc, dates))
    report.extend(mistakes.plan_warnings(doc))
    if plan.updated is None and not plan.draft:
        report.add(mistakes.undated(plan_path, "plan"))
    results_path = folder / "results.yml"
    if os.path.lexists(results_path):
        results_doc = _checked(results_path, "results", report, plans_dir)
        if results_doc is not None:
            problems = rules.results_problems(results_doc, {row.leaf_id: row for row in plan.rows()}, plans_dir)
            report.extend(problems)
            if not problems:
                plan.results = Results(data=results_doc.data, path=results_path,
                                       updated=_updated(results_doc, dates))
                if plan.results.updated is None and not plan.draft:
                    report.add(mistakes.undated(results_path, "results"))
    agency.plans[plan.year] = plan


def _load_agency(folder: Path, plans_dir: Path, dates: dict[Path, datetime.date], report: Report) -> Agency | None:
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
    doc = _checked(agency_path, "agency", report, plans_dir)
    agency = Agency(id=folder.name, data=doc.data if doc else {}, path=agency_path)
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        if YEAR_DIR.match(child.name):
            _load_plan(agency, child, plans_dir, dates, report)
        else:
            report.add(_folder_problem(child, Bilingual("年度資料夾名稱應為民國年數字", "a year folder is named by its ROC year"),
                                       Bilingual("例如 114", "e.g. 114")))
    return agency if doc else None


def load_portal(plans_dir: Path) -> tuple[Portal, Report]:
    """Load every agency under `plans_dir`. The report lists every problem found, in every file."""
    report = Report()
    if not plans_dir.is_dir():
        report.add(Problem(file=plans_dir, summary=Bilingual("找不到 plans 資料夾", "the plans folder does not exist")))
        return Portal(agencies={}), report
    dates = git_dates(plans_dir)
    agencies = {}
    for folder in sorted(p for p in plans_dir.iterdir() if p.is_dir()):
        agency = _load_agency(folder, plans_dir, dates, report)
        if agency is not None:
            agencies[agency.id] = agency
    return Portal(agencies=agencies), report
