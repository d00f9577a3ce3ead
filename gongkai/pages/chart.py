"""Where the bars of a results page's status chart go (the chart itself is templates/chart.html).

The chart is drawn in CSS pixels, not scaled to fit: its words keep the size of the text around them at any
width. Across, everything is a share of the chart's width: each row's label line, then its bar over the whole
width, each status's part as wide as its share of the row's items.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.data.model import STATUSES, Node
from gongkai.data.status_summary import Tally

FONT_SIZE = 16  # the body text's size, in CSS pixels
LABEL_BASELINE = 18  # a row's label line, from the row's top
BAR_TOP = 26
BAR_HEIGHT = 22
ROW_HEIGHT = 60
BAR_SPAN = 100.0  # the bars take the whole width (percent)


@dataclass(frozen=True)
class Bar:
    status: str
    x: float  # percent of the chart's width
    width: float  # percent of the chart's width


@dataclass(frozen=True)
class ChartRow:
    node: Node
    tally: Tally
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    height: int
    rows: list[ChartRow]
    font_size: int = FONT_SIZE
    label_baseline: int = LABEL_BASELINE
    bar_top: int = BAR_TOP
    bar_height: int = BAR_HEIGHT


def _row(node: Node, tally: Tally, y: int) -> ChartRow:
    bars, x = [], 0.0
    for status in STATUSES:
        count = tally.counts[status]
        if count:
            width = BAR_SPAN * count / tally.total
            bars.append(Bar(status, x, width))
            x += width
    return ChartRow(node, tally, y, bars)


def chart_of(rows: list[tuple[Node, Tally]]) -> Chart:
    """Stacked bars, one per top-level item, each under a line that names it; the legend is the page's."""
    return Chart(height=ROW_HEIGHT * len(rows) - (ROW_HEIGHT - BAR_TOP - BAR_HEIGHT) + 2,
                 rows=[_row(node, tally, index * ROW_HEIGHT) for index, (node, tally) in enumerate(rows)])
