"""Paths and seed data the tests share."""

import shutil
import sys
from pathlib import Path

from gongkai.devtools import import_bench

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ROOT / "plans"
# The fictional agency, whose data tests may change freely.
EXAMPLE_AGENCY = "example-district-office"
# Copies of the seed plans (shared/seeds), the source every transcription is checked against.
SEEDS = Path(__file__).parent / "fixtures" / "seeds"

# Which seed file each real agency's plan was transcribed from.
SEED_PLANS = import_bench.SEED_PLANS

# The `gongkai` command line, run as `make` and the scripts run it, from this checkout.
GONGKAI = [sys.executable, "-m", "gongkai"]

# The numbers of a page's items as the document writes them: a header's (gk-marker), and a list item's, the first
# span of an item of a gk-list (gongkai.css).
MARKER_SELECTOR = ":is(.gk-marker, .gk-list > li > span)"
# The text of each item of a gk-list, beside its number.
ITEM_TEXT_SELECTOR = ".gk-list > li > div"


def yearly_plans(target: Path, edits: dict[int, tuple[str, str]]) -> Path:
    """A copy, at `target`, of the fixture agency with two years of plans (sample-office, 113 and 114), each
    year's plan with the text `edits[year][0]`, which must be in it, replaced by `edits[year][1]`."""
    shutil.copytree(FIXTURES / "yearly", target)
    for year, (old, new) in edits.items():
        plan = target / "sample-office" / str(year) / "plan.yml"
        text = plan.read_text(encoding="utf-8")
        assert old in text
        plan.write_text(text.replace(old, new), encoding="utf-8")
    return target
