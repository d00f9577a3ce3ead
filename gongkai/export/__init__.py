"""Downloadable copies of the data: each plan and results table as CSV, JSON, ODS (and the plan as ODT),
and a ZIP of everything with its dataset metadata. Every file's bytes depend only on the data."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    """One file to publish: where it goes on the site, its format and its bytes.

    `agency_id`, `year` and `part` ("plan" or "results") say whose file it is; the bulk ZIP has none."""

    path: str
    format: str
    content: bytes
    agency_id: str | None = None
    year: int | None = None
    part: str | None = None

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()
