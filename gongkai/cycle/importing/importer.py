"""`gongkai import`: a document read, turned into a draft plan, checked as `gongkai check` would, and
written only when nothing it would replace is someone's own work."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gongkai.cycle.agency_files import ToolError
from gongkai.cycle.importing.outline import Outline
from gongkai.cycle.importing.plan_writer import Draft, agency_text, build_draft, plan_text, written_by_import
from gongkai.cycle.importing.readers import read
from gongkai.cycle.importing.report import Review, review
from gongkai.cycle.yaml_writer import write_atomically
from gongkai.data.load import AGENCY_ID
from gongkai.data.problems import Bilingual, Report
from gongkai.data.project import load_project


@dataclass
class Imported:
    plan_path: Path
    agency_path: Path | None
    draft: Draft
    review: Review
    outline: Outline


def draft_of(source: Path, agency_id: str, *, year: int | None, today: datetime.date,
             new_agency: bool = True) -> tuple[Outline, Draft]:
    """The outline and draft of a document, nothing written (the benchmark and tests use it too)."""
    outline = read(source)
    return outline, build_draft(outline, agency_id, year=year, today=today, new_agency=new_agency)


def _ours(path: Path) -> bool:
    try:
        return written_by_import(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return False


def _checked(plans_dir: Path, agency_id: str, year: int, plan: str, agency: str | None) -> None:
    """The draft loaded as `gongkai check` loads plans, in a scratch copy of the agency's folder."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "plans" / agency_id
        folder.mkdir(parents=True)
        existing = plans_dir / agency_id / "agency.yml"
        if agency is not None:
            (folder / "agency.yml").write_text(agency, encoding="utf-8")
        else:
            shutil.copy(existing, folder / "agency.yml")
        (folder / str(year)).mkdir()
        (folder / str(year) / "plan.yml").write_text(plan, encoding="utf-8")
        _, report = load_project(folder.parent)
        if not report.ok:
            raise ToolError(Bilingual("匯入的草稿未通過檢查，未寫入任何檔案（請回報這個問題）",
                                      "the imported draft does not pass the checks; nothing was written (please report this)"),
                            Report(report.problems).format(Path(scratch), closing=None))


def import_document(source: Path, plans_dir: Path, agency_id: str, *, year: int | None = None,
                    force: bool = False, today: datetime.date) -> Imported:
    if not AGENCY_ID.match(agency_id):
        raise ToolError(Bilingual(f"機關代號「{agency_id}」只能用小寫英文字母、數字與連字號",
                                  f'the agency id "{agency_id}" may use only lower-case letters, digits and hyphens'))
    folder = plans_dir / agency_id
    new_agency = not (folder / "agency.yml").is_file()
    outline, draft = draft_of(source, agency_id, year=year, today=today, new_agency=new_agency)
    plan_path = folder / str(draft.year) / "plan.yml"
    agency_path = folder / "agency.yml" if new_agency else None
    for path in (plan_path, agency_path):
        if path is not None and path.exists() and not (force and _ours(path)):
            why = (Bilingual("它不是匯入工具寫的，--force 也不會覆寫它", "it was not written by the importer, so --force does not replace it")
                   if force else Bilingual("確定要以新的草稿取代請加上 --force", "add --force to replace it with the new draft"))
            raise ToolError(Bilingual(f"{path} 已經存在，未覆寫", f"{path} exists already and was not overwritten"), str(why))
    plan = plan_text(draft, source.name)
    agency = agency_text(draft, source.name) if new_agency else None
    _checked(plans_dir, agency_id, draft.year, plan, agency)
    if agency_path is not None and agency is not None:
        write_atomically(agency_path, agency)
    write_atomically(plan_path, plan)
    return Imported(plan_path, agency_path, draft, review(outline), outline)
