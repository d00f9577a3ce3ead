"""Checks of one fetched page or download against the manifest; pure functions, no network."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from gongkai.pages.metadata import META_NAMES
from gongkai.spotcheck.markers import (
    LINK_ATTRIBUTES,
    PLAN_LEAF_ROWS,
    PLAN_ROWS_UNMARKED,
    PLAN_TREE_ITEMS,
    REQUIRED_PARTS,
    RESULTS_LEAF_ROWS,
    STATUS_BADGE,
    STATUS_CLASS_PREFIX,
)

ODF_MIMETYPES = {"ods": "application/vnd.oasis.opendocument.spreadsheet",
                 "odt": "application/vnd.oasis.opendocument.text"}


@dataclass(frozen=True)
class Problem:
    """A failed check: an i18n message key (without "spot_") and its values."""

    message: str
    values: dict[str, Any]


@dataclass(frozen=True)
class SamplePage:
    """A page drawn for checking: its kind (agency, plan, results), its URL and its manifest entries."""

    kind: str
    url: str
    agency: dict[str, Any]
    plan: dict[str, Any] | None = None

    @property
    def part(self) -> dict[str, Any] | None:
        """The manifest's "plan" or "results" entry this page shows."""
        return self.plan[self.kind] if self.plan is not None and self.kind in ("plan", "results") else None


def parse(body: bytes) -> BeautifulSoup:
    return BeautifulSoup(body, "html.parser")


def missing_parts(soup: BeautifulSoup, kind: str) -> list[str]:
    return [name for name, selector in REQUIRED_PARTS[kind].items() if soup.select_one(selector) is None]


def missing_meta(soup: BeautifulSoup) -> list[str]:
    present = {m.get("name"): str(m.get("content") or "").strip() for m in soup.find_all("meta", attrs={"name": True})}
    return [name for name in META_NAMES if not present.get(name)]


def plan_leaf_count(soup: BeautifulSoup) -> int:
    rows = soup.select(PLAN_LEAF_ROWS) or soup.select(PLAN_ROWS_UNMARKED)
    if rows:
        return len(rows)
    return sum(1 for item in soup.select(PLAN_TREE_ITEMS) if item.select_one("ol.gk-tree") is None)


def results_statuses(soup: BeautifulSoup) -> Counter[str]:
    """Leaf statuses shown in the results table, e.g. {"completed": 8, "not-reported": 2}."""
    counts: Counter[str] = Counter()
    for row in soup.select(RESULTS_LEAF_ROWS):
        badge = row.select_one(STATUS_BADGE)
        classes = [str(c) for c in (badge.get_attribute_list("class") if badge else []) if c]
        status = next((c.removeprefix(STATUS_CLASS_PREFIX) for c in classes if c.startswith(STATUS_CLASS_PREFIX)),
                      "missing")
        counts[status] += 1
    return counts


def consistency_problems(soup: BeautifulSoup, page: SamplePage) -> list[Problem]:
    """Where the page disagrees with the manifest, and results tables with leaves left unreported."""
    if page.plan is None:
        return []
    completeness = page.plan.get("completeness") or {}
    expected = completeness.get("leaves")
    problems = []
    if page.kind == "plan":
        found = plan_leaf_count(soup)
        if expected is not None and found != expected:
            problems.append(Problem("leaves_mismatch", {"found": found, "expected": expected}))
        approved = (page.part or {}).get("approved")
        if approved and soup.select_one(f'dl.gk-fields time[datetime="{approved}"]') is None:
            problems.append(Problem("approval_missing", {"date": approved}))
    elif page.kind == "results":
        shown = results_statuses(soup)
        total = sum(shown.values())
        if expected is not None and total != expected:
            problems.append(Problem("leaves_mismatch", {"found": total, "expected": expected}))
        stated = {k: v for k, v in (completeness.get("statuses") or {}).items() if v}
        if stated and dict(shown) != stated:
            problems.append(Problem("statuses_mismatch", {"found": _counts(shown), "expected": _counts(stated)}))
        unreported = shown.get("not-reported", 0) + shown.get("missing", 0)
        if unreported:
            problems.append(Problem("unreported", {"count": unreported, "total": total}))
    return problems


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{status} {n}" for status, n in sorted(counts.items()))


def internal_links(soup: BeautifulSoup, page_url: str, base: str) -> list[tuple[str, str]]:
    """Every (address without fragment, fragment) the page points to inside the site, in page order, once each."""
    host = urlsplit(base)[:2]
    seen: dict[tuple[str, str], None] = {}
    for tag, attribute in LINK_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            address = urljoin(page_url, str(element[attribute]).strip())
            if urlsplit(address)[:2] != host:
                continue  # other sites, mailto:, tel:, javascript:
            seen[urldefrag(address)] = None
    return list(seen)


def anchors(soup: BeautifulSoup) -> set[str]:
    return {str(e["id"]) for e in soup.find_all(id=True)} | {str(e["name"]) for e in soup.find_all("a", attrs={"name": True})}


def download_problems(body: bytes, entry: dict[str, Any]) -> list[Problem]:
    """A download against its manifest entry: its size, its SHA-256, and whether it opens as its format."""
    problems = []
    if entry.get("bytes") is not None and len(body) != entry["bytes"]:
        problems.append(Problem("download_size", {"found": len(body), "expected": entry["bytes"]}))
    if entry.get("sha256") and hashlib.sha256(body).hexdigest() != entry["sha256"].lower():
        problems.append(Problem("download_checksum", {}))
    fmt = entry.get("format") or entry.get("url", "").rsplit(".", 1)[-1]
    reason = _unreadable(body, fmt)
    if reason:
        problems.append(Problem("download_unreadable", {"format": fmt.upper(), "detail": reason}))
    return problems


def _unreadable(body: bytes, fmt: str) -> str:
    """Why the file does not open as `fmt`, or "" when it does."""
    try:
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
            return "" if rows else "empty"
        if fmt == "json":
            json.loads(body.decode("utf-8"))
            return ""
        if fmt in ODF_MIMETYPES or fmt == "zip":
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                broken = archive.testzip()
                if broken:
                    return f"damaged member {broken}"
                if fmt in ODF_MIMETYPES and archive.read("mimetype").decode("ascii") != ODF_MIMETYPES[fmt]:
                    return "wrong mimetype"
            return ""
    except (UnicodeDecodeError, ValueError, csv.Error, zipfile.BadZipFile, KeyError, OSError, zlib.error) as error:
        return str(error)[:120]
    return ""
