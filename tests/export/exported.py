"""The seed plan the export tests read, straight from its YAML, to compare the files against."""

from __future__ import annotations

from typing import Any

import yaml
from support import PLANS

from gongkai.data.load import load_portal
from gongkai.data.model import Plan

AGENCY, YEAR = "example-district-office", 114
FOLDER = PLANS / AGENCY / str(YEAR)


def example_plan() -> Plan:
    portal, report = load_portal(PLANS)
    assert report.ok
    return portal.agencies[AGENCY].plans[YEAR]


def yaml_items() -> list[tuple[str, dict[str, Any]]]:
    """(position, item) of every body item in plan.yml, in document order."""
    plan = yaml.safe_load((FOLDER / "plan.yml").read_text(encoding="utf-8"))
    body = next(s for s in plan["sections"] if s["kind"] == "body")
    found = []

    def walk(items: list[dict[str, Any]], prefix: str) -> None:
        for number, item in enumerate(items, start=1):
            position = f"{prefix}{number}"
            found.append((position, item))
            walk(item.get("items", []), position + ".")

    walk(body["items"], "")
    return found


def yaml_results() -> dict[str, Any]:
    return yaml.safe_load((FOLDER / "results.yml").read_text(encoding="utf-8"))
