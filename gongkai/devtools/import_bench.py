"""How close `gongkai import` comes to the hand-made plans: for each seed document, the share of the
hand-made plan's item and action texts (zh-TW, whitespace-normalised) that the importer reproduces
exactly at the same level, and how many of the document's texts it left unplaced. In the body an item
and an action are alike: a text at its level of the table, whichever of the two a plan makes of it (the
(一) under 一、 are items in one transcription and actions in another; the texts are what is compared).

Run with `.venv/bin/python -m gongkai.devtools.import_bench` (or `make import-bench`); a benchmark to
run by hand, not a test.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from gongkai.cycle.importing.importer import draft_of
from gongkai.cycle.importing.report import review
from gongkai.i18n import text as texts

ROOT = Path(__file__).resolve().parents[2]
# Which seed document each real agency's plan was transcribed from; the tests use it too.
SEED_PLANS = {
    ("chiayi-veterans-service-office", 114): "000_96be31bb93ae3d92.txt",
    ("kaohsiung-military-service-office", 113): "001_dcbe98bea8ee30f2.txt",
    ("tainan-yujing-district-office", 103): "002_8d90af884a2fa656.txt",
    ("nantou-social-affairs-bureau", 95): "003_43be1a210a0ac916.txt",
    ("luodong-household-registration-office", 112): "004_90a8f2a73b6e2a02.txt",
}
Text = tuple[str, int, str]  # (where: a section kind or "body"; level; normalised text)


def normalised(value: Any) -> str:
    return re.sub(r"\s+", "", texts.plain(value, "zh-TW"))


def _nodes(items: list[Any], depth: int) -> Iterator[Text]:
    for item in items:
        yield ("body", depth, normalised(item["text"]))
        for action in item.get("actions", []):
            yield ("body", depth + 1, normalised(action["text"]))
        yield from _nodes(item.get("items", []), depth + 1)


def plan_texts(plan: dict[str, Any]) -> Counter[Text]:
    """Every item and action text of a plan with its level: the body's tree, the body's numbered intro,
    and the numbered items of the other sections."""
    found: Counter[Text] = Counter()
    for section in plan["sections"]:
        if section["kind"] == "body":
            found.update(_nodes(section["items"], 1))
            found.update(("intro", 1, normalised(i)) for i in section.get("intro_items", []))
        else:
            found.update((section["kind"], 1, normalised(i["text"] if isinstance(i, dict) and "text" in i else i))
                         for i in section.get("items", []))
    return found


def measure(seeds: Path, plans: Path) -> list[dict[str, Any]]:
    rows = []
    for (agency, year), name in SEED_PLANS.items():
        hand = YAML(typ="safe").load((plans / agency / str(year) / "plan.yml").read_text(encoding="utf-8"))
        outline, draft = draft_of(seeds / name, agency, year=None, today=datetime.date.today())
        wanted, got = plan_texts(hand), plan_texts(draft.plan)
        matched = sum((wanted & got).values())
        body_wanted = Counter({k: v for k, v in wanted.items() if k[0] == "body"})
        result = review(outline)
        rows.append({"seed": name, "agency": agency, "year": year, "texts": sum(wanted.values()), "matched": matched,
                     "body": sum(body_wanted.values()), "body_matched": sum((body_wanted & got).values()),
                     "year_found": draft.year == year, "sources": result.total, "unplaced": len(result.unplaced),
                     "missing": sorted(wanted - got)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "tests" / "fixtures" / "seeds")
    parser.add_argument("--plans", type=Path, default=ROOT / "plans")
    parser.add_argument("--missing", action="store_true", help="list the texts not reproduced")
    args = parser.parse_args(argv)
    rows = measure(args.seeds, args.plans)
    print(f"{'seed':28} {'items+actions':>15} {'share':>7} {'body only':>11} {'unplaced':>10}")
    for row in rows:
        share = row["matched"] / row["texts"]
        print(f"{row['seed']:28} {row['matched']:>6} / {row['texts']:<6} {share:>7.1%} "
              f"{row['body_matched']:>4} / {row['body']:<4} {row['unplaced']:>4} / {row['sources']:<4}"
              f"{'' if row['year_found'] else '  (year not found)'}")
        if args.missing:
            for kind, level, text in row["missing"]:
                print(f"    - {kind} L{level}: {text[:70]}")
    total = sum(r["texts"] for r in rows)
    matched = sum(r["matched"] for r in rows)
    print(f"{'all':28} {matched:>6} / {total:<6} {matched / total:>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
