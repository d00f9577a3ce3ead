"""Paths and seed data the tests share."""

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
