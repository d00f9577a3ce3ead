"""Synthetic portals of a chosen size, made from the example data in plans/, for benchmarks.

Every agency of plans/ is a template. Copy n of a template is a new agency (`<id>-<nnn>`) whose names
carry "（複本nnn）" / " (copy nnn)" everywhere they appear, with its own agency code, marked fictional.
Each copy has the same run of years: the template's latest plan (the latest with results, if any)
and the plans that follow it, each made from the year before by `roll`, the same step
`make new-year` takes, so the data stays valid. Every year has a results.yml: the template's own where
it has one, otherwise one with a status, a narrative and, where due, a reason for every item.
The same size always gives the same files.
"""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ruamel.yaml.comments import CommentedMap

from gongkai.cycle.new_year import roll
from gongkai.cycle.yaml_writer import SCHEMA_MARK, dump, round_trip, schema_line, with_schema_line
from gongkai.data.model import build_tables
from gongkai.i18n import text
from gongkai.i18n.dates import western_year

ROOT = Path(__file__).resolve().parent.parent.parent
DEMO_PLANS = ROOT / "plans"
CONTENT = ROOT / "content"
LANGUAGES = ("zh-TW", "en")
YEARS_PER_AGENCY = 5
# Pages of each language that do not depend on the agencies: the agency list, the reporting status,
# the data model, the site map and MkDocs's 404 page, besides the hand-written pages in content/<lang>/.
FIXED_GENERATED = 5
# The statuses of a made-up results table, item after item.
STATUS_CYCLE = ("completed", "completed", "ongoing", "in-progress", "completed", "not-achieved", "ongoing",
                "not-started")
REASON = {"zh-TW": "年度中人力出缺，延至下年度辦理。", "en": "Staff vacancies during the year; carried over to next year."}
HEADER = ("# 由 bench-build 產生的合成測試資料，非真實機關。\n"
          "# Synthetic benchmark data made by bench-build; not a real agency.\n")


@dataclass
class Template:
    """An agency of the example data, with its plan and results for each year of a copy."""

    id: str
    folder: Path
    base_year: int
    agency_text: str
    names: list[tuple[str, str]]  # (name as written, the language it is in)
    code: str | None
    files: list[Path]  # annex and evidence files of the base year, copied into every year
    years: dict[int, tuple[str, str]] = field(default_factory=dict)  # year -> (plan.yml, results.yml)


@dataclass
class Generated:
    """A portal written by `generate_portal`."""

    root: Path
    plans: Path
    agencies: int
    plans_written: int
    expected_pages: int
    years: list[int]  # years of each agency, in order


def fixed_pages(lang: str) -> int:
    """HTML pages of one language that do not depend on the agencies."""
    return len(list((CONTENT / lang).glob("*.md"))) + FIXED_GENERATED


def expected_pages(years: list[int]) -> int:
    """HTML pages of both languages of a portal whose agencies have these numbers of years: per agency its
    profile, and per year the plan and the results."""
    return sum(fixed_pages(lang) for lang in LANGUAGES) + 2 * sum(1 + 2 * y for y in years)


def smallest_size() -> int:
    return expected_pages([1])


def layout(size: int, years_per_agency: int = YEARS_PER_AGENCY) -> list[int]:
    """The number of years of each agency in a portal of about `size` HTML pages (both languages)."""
    per_language = (size - sum(fixed_pages(lang) for lang in LANGUAGES)) // 2
    years: list[int] = []
    while per_language >= 1 + 2 * years_per_agency:
        years.append(years_per_agency)
        per_language -= 1 + 2 * years_per_agency
    if per_language >= 3:
        years.append((per_language - 1) // 2)
    return years or [1]


def _base_year(folder: Path) -> int:
    years = sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit())
    with_results = [y for y in years if (folder / str(y) / "results.yml").is_file()]
    return (with_results or years)[-1]


def _names(data: dict) -> list[tuple[str, str]]:
    found = []
    for key in ("name", "short_name"):
        value = data.get(key)
        if isinstance(value, str):
            found.append((value, "zh-TW"))
        elif isinstance(value, dict):
            found += [(str(v), lang) for lang, v in value.items()]
    return found


def load_templates(plans_dir: Path = DEMO_PLANS) -> list[Template]:
    templates = []
    for folder in sorted(p for p in plans_dir.iterdir() if (p / "agency.yml").is_file()):
        source = (folder / "agency.yml").read_text(encoding="utf-8-sig")
        data = yaml.safe_load(source)
        agency_text = source if data.get("fictional") else source.rstrip("\n") + "\nfictional: true\n"
        base = _base_year(folder)
        files = sorted(p for p in (folder / str(base)).iterdir() if p.is_file() and p.suffix not in (".yml", ".yaml"))
        templates.append(Template(id=folder.name, folder=folder, base_year=base, agency_text=_headed(agency_text),
                                  names=_names(data), code=data.get("code"), files=files))
    return templates


def _headed(source: str) -> str:
    """The text with HEADER after its editor's schema line."""
    first, _, rest = source.partition("\n")
    return f"{first}\n{HEADER}{rest}" if first.startswith(SCHEMA_MARK) else HEADER + source


def _made_up_results(plan: dict, year: int) -> str:
    body = next(s for s in plan["sections"] if s["kind"] == "body")
    entries = {}
    leaves = [leaf for table in build_tables(body) for leaf in table.leaves()]
    for index, leaf in enumerate(leaves):
        status = STATUS_CYCLE[index % len(STATUS_CYCLE)]
        zh = text.plain(leaf.text, "zh-TW")
        narrative = {"zh-TW": f"依計畫辦理：{zh}"}
        if isinstance(leaf.text, dict) and "en" in leaf.text:
            narrative["en"] = f"Carried out as planned: {leaf.text['en']}"
        entry: dict = {"status": status, "narrative": narrative}
        if status in ("not-achieved", "not-started"):
            entry["reason"] = dict(REASON)
        entries[leaf.id] = entry
    document = {"reported": _reported(year), "updated": _reported(year), "results": entries}
    return _headed(schema_line("results", 3) + "\n"
                   + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=4096))


def _reported(year: int) -> str:
    """When the results of a year's plan are reported, and last updated: January after the year."""
    return f"{western_year(year) + 1}-01-20"


def _moved_results(source: str, years: int, year: int) -> str:
    """The template's own results for the plan of `year`, with the dates it was reported and updated moved on
    by `years`, and dated like a made-up one when it gives no date of its own."""
    moved = re.sub(r"^(\s*(?:reported|updated):\s*['\"]?)(\d{4})", lambda m: f"{m.group(1)}{int(m.group(2)) + years}",
                   source, flags=re.MULTILINE)
    if re.search(r"^updated:", moved, flags=re.MULTILINE):
        return moved
    return f"{moved.rstrip()}\nupdated: {_reported(year)}\n"


def _fill_years(template: Template, count: int) -> None:
    """The plan and results texts of the template's first `count` years, each rolled from the one before."""
    if len(template.years) >= count:
        return
    base = template.folder / str(template.base_year)
    own_results = base / "results.yml"
    data = round_trip().load((base / "plan.yml").read_text(encoding="utf-8-sig"))
    year = template.base_year
    # Dated like the plans that follow: approved and last updated in January of its year, or later when
    # its history says so.
    dates = [str(entry["date"]) for entry in data.get("history", [])]
    data.setdefault("updated", datetime.date.fromisoformat(max([*dates, f"{western_year(year)}-01-15"])))
    for offset in range(count):
        if offset:
            # The draft is dated the first of December before its year, so the files never depend on today.
            data, _ = roll(data, datetime.date(western_year(year + 1) - 1, 12, 1), [])
            # A portal of published plans: each copy approved in January and dated, as a real portal's are,
            # so that the checks have nothing to warn about.
            data.pop("state", None)
            approved = (western_year(year + 1), 1, 15)
            data["history"].append(CommentedMap(date=datetime.date(*approved), event="approved"))
            # A date object of its own: one shared with the history would be written as a YAML alias.
            data["updated"] = datetime.date(*approved)
            year += 1
        if year in template.years:
            continue
        plan_text = _headed(with_schema_line(dump(data), schema_line("plan", 3)))
        if own_results.is_file():
            results_text = _headed(_moved_results(own_results.read_text(encoding="utf-8-sig"), offset, year))
        else:
            results_text = _made_up_results(data, year)
        template.years[year] = (plan_text, results_text)


def _renamer(template: Template, copy: int):
    """A function that renames the template's agency in a text: one pass, longest names first."""
    suffix = {"zh-TW": f"（複本{copy:03d}）", "en": f" (copy {copy:03d})"}
    new = {name: name + suffix[lang if lang in suffix else "en"] for name, lang in template.names}
    if not new:
        return lambda value: value
    pattern = re.compile("|".join(re.escape(n) for n in sorted(new, key=len, reverse=True)))
    return lambda value: pattern.sub(lambda m: new[m.group(0)], value)


def _agency_code(template: Template, copy: int) -> str:
    prefix = re.sub(r"[^0-9A-Z]", "", (template.code or "SYN").upper())[:8] or "SYN"
    return f"{prefix}{copy:04d}"


def generate_portal(target: Path, size: int, years_per_agency: int = YEARS_PER_AGENCY,
                    plans_dir: Path = DEMO_PLANS) -> Generated:
    """Write a portal of about `size` HTML pages into `target`: plans/, portal.yml and glossary.yml."""
    templates = load_templates(plans_dir)
    if not templates:
        raise ValueError(f"no agencies in {plans_dir}")
    years_of = layout(size, years_per_agency)
    plans = target / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    for name in ("portal.yml", "glossary.yml"):
        if (plans_dir.parent / name).is_file():
            shutil.copyfile(plans_dir.parent / name, target / name)
    written = 0
    for index, count in enumerate(years_of):
        template, copy = templates[index % len(templates)], index // len(templates) + 1
        _fill_years(template, count)
        rename = _renamer(template, copy)
        folder = plans / f"{template.id}-{copy:03d}"
        folder.mkdir()
        agency_text = rename(template.agency_text)
        if template.code:
            agency_text = re.sub(r"^code:.*$", f"code: {_agency_code(template, copy)}", agency_text, flags=re.MULTILINE)
        (folder / "agency.yml").write_text(agency_text, encoding="utf-8")
        for year in sorted(template.years)[:count]:
            plan_text, results_text = template.years[year]
            year_folder = folder / str(year)
            year_folder.mkdir()
            (year_folder / "plan.yml").write_text(rename(plan_text), encoding="utf-8")
            (year_folder / "results.yml").write_text(rename(results_text), encoding="utf-8")
            for source in template.files:
                shutil.copyfile(source, year_folder / source.name)
            written += 1
    return Generated(root=target, plans=plans, agencies=len(years_of), plans_written=written,
                     expected_pages=expected_pages(years_of), years=years_of)


def edit_one_plan(plans: Path) -> Path:
    """Change one text of one plan, as an editor would: the first item of the first agency's first plan."""
    path = min(plans.glob("*/*/plan.yml"))
    data = round_trip().load(path.read_text(encoding="utf-8"))
    body = next(s for s in data["sections"] if s["kind"] == "body")
    leaf = next(build_tables(body)[0].leaves())
    if isinstance(leaf.data["text"], str):
        leaf.data["text"] += "（修訂）"
    else:
        leaf.data["text"]["zh-TW"] += "（修訂）"
    path.write_text(dump(data), encoding="utf-8")
    return path
