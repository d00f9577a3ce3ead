"""A small compliant portal (the example agency with every result reported), built and served for the spot check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support import GONGKAI, PLANS, ROOT

AGENCY = "example-district-office"
# On this day the 115 plan (approved 2026-01-22) and the complete 114 results (2026-01-20) are both out.
COMPLIANT_DAY = "2026-03-01"
# A year later the 116 plan is missing and a month past its deadline.
LATE_DAY = "2027-03-01"
SPOT_CHECK = [*GONGKAI, "spot-check"]


def compliant_plans(folder: Path) -> Path:
    """The example agency's data, with the two results the seed leaves out filled in and fixed update dates
    (so DC.Date does not depend on git, which a copy outside the repository has not)."""
    plans = folder / "plans"
    shutil.copytree(PLANS / AGENCY, plans / AGENCY)
    for name in ("portal.yml", "glossary.yml"):
        shutil.copy(ROOT / name, folder / name)
    with (plans / AGENCY / "114" / "results.yml").open("a", encoding="utf-8") as results:
        results.write("  a4-2:\n    status: completed\n  a6-2:\n    status: completed\nupdated: 2026-01-20\n")
    for year, day in (("114", "2025-03-01"), ("115", "2026-01-22")):
        with (plans / AGENCY / year / "plan.yml").open("a", encoding="utf-8") as plan:
            plan.write(f"updated: {day}\n")
    return plans


def build_site(plans: Path, out: Path) -> Path:
    result = subprocess.run([*GONGKAI, "build", "--plans", str(plans), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out
