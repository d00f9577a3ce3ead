"""An agency's folder and plans, found for the command-line tools, with bilingual errors for bad input."""

from __future__ import annotations

from pathlib import Path

from gongkai.data.load import AGENCY_ID, YEAR_DIR
from gongkai.data.model import Agency, Plan
from gongkai.data.problems import Bilingual, Problem, Report
from gongkai.data.project import load_project


class ToolError(Exception):
    """Bad input to a tool: told in Chinese with English beside it, shown without a traceback."""

    def __init__(self, message: Bilingual, details: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.details = details

    def format(self) -> str:
        return f"{self.message}\n\n{self.details}" if self.details else str(self.message)


def roc_year(value: str) -> int:
    """A year given on the command line, e.g. "114"."""
    if not YEAR_DIR.match(value.strip()):
        raise ToolError(Bilingual(f"年度「{value}」不是民國年數字（例如 114）",
                                  f'the year "{value}" is not an ROC year number (e.g. 114)'))
    return int(value)


def _known(values: list[str]) -> str:
    return "、".join(values) if values else "（無 / none）"


def _agency_ids(plans_dir: Path) -> list[str]:
    if not plans_dir.is_dir():
        return []
    return sorted(p.name for p in plans_dir.iterdir() if (p / "agency.yml").is_file())


def _within(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def agency_folder(plans_dir: Path, agency_id: str) -> Path:
    """The agency's folder; a ToolError naming the known agencies when there is none."""
    folder = plans_dir / agency_id
    if not AGENCY_ID.match(agency_id) or not (folder / "agency.yml").is_file():
        raise ToolError(Bilingual(f"找不到機關「{agency_id}」", f'there is no agency "{agency_id}"'),
                        f"已有的機關 known agencies：{_known(_agency_ids(plans_dir))}")
    return folder


def load_agency(plans_dir: Path, agency_id: str) -> tuple[Agency | None, list[Problem]]:
    """The agency with every plan that loads, and the problems found in its folder."""
    folder = agency_folder(plans_dir, agency_id)
    project, report = load_project(plans_dir)
    return project.portal.agencies.get(agency_id), [p for p in report.problems if _within(p.file, folder)]


def plan_years(plans_dir: Path, agency_id: str) -> list[int]:
    """The years that have a plan.yml, whether or not it loads, oldest first."""
    folder = agency_folder(plans_dir, agency_id)
    return sorted(int(p.name) for p in folder.iterdir() if YEAR_DIR.match(p.name) and (p / "plan.yml").is_file())


def checked_plan(plans_dir: Path, agency_id: str, year: int, root: Path | None = None) -> tuple[Agency, Plan]:
    """The agency and its plan of `year`, which must exist and load without problems."""
    agency, problems = load_agency(plans_dir, agency_id)
    years = plan_years(plans_dir, agency_id)
    if year not in years:
        raise ToolError(Bilingual(f"機關「{agency_id}」沒有 {year} 年的計畫", f'agency "{agency_id}" has no plan for {year}'),
                        f"已有的年度 years with a plan：{_known([str(y) for y in years])}")
    plan_file = plans_dir / agency_id / str(year) / "plan.yml"
    blocking = [p for p in problems if p.file.resolve() in (plan_file.resolve(), (plans_dir / agency_id / "agency.yml").resolve())]
    if agency is None or year not in agency.plans or blocking:
        report = Report(blocking or problems)
        raise ToolError(Bilingual(f"{year} 年的計畫有問題，請先修正（make check）",
                                  f"the {year} plan has problems; fix them first (make check)"),
                        report.format(root, closing=None))
    return agency, agency.plans[year]
