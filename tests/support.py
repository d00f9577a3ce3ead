"""Paths and seed data the tests share."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = ROOT / "plans"
# The fictional agency, whose data tests may change freely.
EXAMPLE_AGENCY = "example-district-office"
# Copies of the seed plans (shared/seeds), the source every transcription is checked against.
SEEDS = Path(__file__).parent / "fixtures" / "seeds"

# Which seed file each real agency's plan was transcribed from.
SEED_PLANS = {
    ("chiayi-veterans-service-office", 114): "000_96be31bb93ae3d92.txt",
    ("kaohsiung-military-service-office", 113): "001_dcbe98bea8ee30f2.txt",
    ("tainan-yujing-district-office", 103): "002_8d90af884a2fa656.txt",
    ("nantou-social-affairs-bureau", 95): "003_43be1a210a0ac916.txt",
    ("luodong-household-registration-office", 112): "004_90a8f2a73b6e2a02.txt",
}

# The `gongkai` command line, run as `make` and the scripts run it, from this checkout.
GONGKAI = [sys.executable, "-m", "gongkai"]
