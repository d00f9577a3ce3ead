"""Downloadable copies of the data: each plan and results table as CSV, JSON, ODS (and the plan as ODT),
and a ZIP of everything with its dataset metadata. Every file's bytes depend only on the data."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Download:
    """One file to publish: where it goes on the site, its format, size and SHA-256, and its bytes, held or
    in a file (`source`) read only when they are needed: a large portal's downloads are not all held at once.

    `agency_id`, `year` and `part` ("plan" or "results") say whose file it is; the bulk ZIP has none."""

    path: str
    format: str
    size: int
    sha256: str
    held: bytes | None = None
    source: Path | None = None
    agency_id: str | None = None
    year: int | None = None
    part: str | None = None

    @classmethod
    def of(cls, path: str, fmt: str, content: bytes, agency_id: str | None = None, year: int | None = None,
           part: str | None = None) -> Download:
        """A download whose bytes are held."""
        return cls(path, fmt, len(content), hashlib.sha256(content).hexdigest(), held=content,
                   agency_id=agency_id, year=year, part=part)

    @property
    def content(self) -> bytes:
        if self.held is not None:
            return self.held
        assert self.source is not None
        return self.source.read_bytes()
