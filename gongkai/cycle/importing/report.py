"""The review report of an import: how many of the document's texts were placed in the draft, and
every one that was not, with the line or table cell it came from."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.cycle.importing.outline import Outline, Source

SHOWN = 60  # characters of an unplaced text shown in the report


@dataclass
class Review:
    total: int
    placed: int
    unplaced: list[Source]

    @property
    def share(self) -> float:
        return self.placed / self.total if self.total else 1.0


def review(outline: Outline) -> Review:
    sources = [s for s in outline.sources() if s.text]
    unplaced = [s for s in sources if not s.placed]
    return Review(total=len(sources), placed=len(sources) - len(unplaced), unplaced=unplaced)


def format_review(result: Review, checks: int) -> str:
    lines = [f"已放入草稿：{result.placed} / {result.total} 段文字（{result.share:.0%}）。"
             f"/ Placed in the draft: {result.placed} of {result.total} texts ({result.share:.0%})."]
    if checks:
        lines.append(f"草稿中有 {checks} 處標註「# 請確認 / check:」的推測，請逐一確認。"
                     f"/ The draft has {checks} guesses marked \"# 請確認 / check:\"; confirm each one.")
    if result.unplaced:
        lines.append(f"\n未放入的文字（{len(result.unplaced)}）/ Not placed ({len(result.unplaced)}):")
        for source in result.unplaced:
            text = source.text if len(source.text) <= SHOWN else source.text[:SHOWN] + "…"
            lines.append(f"  {source.where}：{text}")
    return "\n".join(lines)
