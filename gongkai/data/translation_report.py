"""Translation coverage: which text fields of which files still lack English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gongkai.data.schema_messages import schema_problems
from gongkai.data.schemas import schema
from gongkai.data.translation_coverage import Coverage, text_fields
from gongkai.data.yaml_source import load
from gongkai.i18n import text

FILES = (("agency.yml", "agency"), ("plan.yml", "plan"), ("results.yml", "results"))


@dataclass(frozen=True)
class Missing:
    """One text field with no English: where it is and what it says."""

    line: int
    column: int
    field: str
    chinese: str


@dataclass(frozen=True)
class FileCoverage:
    path: Path
    coverage: Coverage
    missing: list[Missing]


def file_translations(path: Path, kind: str, lang: str = "en", within: Path | None = None) -> FileCoverage | None:
    """The coverage of one file; None for a file that does not pass `gongkai check`'s reading and schema."""
    doc, _ = load(path, within=within)
    if doc is None or schema_problems(doc, kind):
        return None
    root = schema(kind)
    fields = list(text_fields(doc.data, root, root))
    missing = []
    for field_path, value in fields:
        if isinstance(value, dict) and lang in value:
            continue
        line, column = doc.position(list(field_path))
        name = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in field_path).lstrip(".")
        missing.append(Missing(line, column, name, text.plain(value, "zh-TW")))
    return FileCoverage(path, Coverage(len(fields) - len(missing), len(fields)), missing)


def portal_translations(plans_dir: Path) -> list[FileCoverage]:
    """Coverage of every agency, plan and results file, in folder order."""
    found = []
    for path in sorted(plans_dir.rglob("*.yml")):
        kind = dict(FILES).get(path.name)
        if kind:
            result = file_translations(path, kind, within=plans_dir)
            if result is not None:
                found.append(result)
    return found


def percent(coverage: Coverage) -> str:
    return f"{coverage.share * 100:.1f}%"


def format_report(files: list[FileCoverage], root: Path) -> str:
    lines = []
    plans: dict[Path, Coverage] = {}
    for item in files:
        relative = item.path.relative_to(root) if item.path.is_relative_to(root) else item.path
        lines.append(f"{relative}: {item.coverage.translated}/{item.coverage.total} ({percent(item.coverage)})")
        for m in item.missing:
            lines.append(f"  {relative}:{m.line}:{m.column} {m.field}「{m.chinese[:40]}{'…' if len(m.chinese) > 40 else ''}」")
        if item.path.name in ("plan.yml", "results.yml"):
            plans[item.path.parent] = plans.get(item.path.parent, Coverage(0, 0)) + item.coverage
    lines.append("")
    lines.append("各計畫英文翻譯比率 / English coverage per plan:")
    for folder, coverage in plans.items():
        relative = folder.relative_to(root) if folder.is_relative_to(root) else folder
        lines.append(f"  {relative}: {percent(coverage)}")
    total = site_coverage(files)
    lines.append(f"全站 / Whole site: {total.translated}/{total.total} ({percent(total)})")
    return "\n".join(lines)


def site_coverage(files: list[FileCoverage]) -> Coverage:
    total = Coverage(0, 0)
    for item in files:
        total = total + item.coverage
    return total
