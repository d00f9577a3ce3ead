"""What the spot check found: one `Finding` per check, worded through gongkai.i18n in either language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gongkai.i18n.catalogue import ui

PASS, FAIL, NOTE = "pass", "fail", "note"

@dataclass(frozen=True)
class Finding:
    """One check of one thing: `check` names the kind (manifest, requirement, page, sections, metadata,
    consistency, download, link), `target` the URL or item checked, `message` an i18n key ("spot_" + message)."""

    site: str
    check: str
    outcome: str
    target: str
    message: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        values = {k: v.get(lang) or v.get("zh-TW", "") if isinstance(v, dict) else v for k, v in self.values.items()}
        if "item" in values:
            values["item"] = ui("spot_item_" + values["item"], lang)
        if "parts" in values:
            values["parts"] = ("、" if lang == "zh-TW" else ", ").join(ui("spot_part_" + p, lang) for p in values["parts"])
        return ui("spot_" + self.message, lang, **values)


@dataclass
class SiteResult:
    url: str
    findings: list[Finding] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome == FAIL]

    @property
    def ok(self) -> bool:
        return not self.failures
