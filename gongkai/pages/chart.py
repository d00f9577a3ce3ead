"""Where the bars of a results page's status chart go (the chart itself is templates/chart.html)."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.data.model import STATUSES, Node
from gongkai.data.status_summary import Tally

BAR_WIDTH = 480
ROW_HEIGHT = 34
LABEL_WIDTH = 64
LEGEND_COLUMNS = 3


@dataclass(frozen=True)
class Bar:
    status: str
    x: float
    width: float


@dataclass(frozen=True)
class ChartRow:
    node: Node
    tally: Tally
    y: int
    bars: list[Bar]
    end: float  # where the bars end, and the count of completed items is written


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: list[ChartRow]
    legend: list[tuple[str, int, int]]  # each status's key, and where it goes (x, y)


def _row(node: Node, tally: Tally, y: int) -> ChartRow:
    bars, x = [], float(LABEL_WIDTH)
    for status in STATUSES:
        count = tally.counts[status]
        if count:
            width = BAR_WIDTH * count / tally.total
            bars.append(Bar(status, x, width))
            x += width
    return ChartRow(node, tally, y, bars, x)


def chart_of(rows: list[tuple[Node, Tally]]) -> Chart:
    """Stacked bars, one per top-level item, then a legend of every status."""
    legend_height = 24 * ((len(STATUSES) + LEGEND_COLUMNS - 1) // LEGEND_COLUMNS)
    top = ROW_HEIGHT * len(rows) + 10
    return Chart(
        width=LABEL_WIDTH + BAR_WIDTH + 60, height=top + legend_height,
        rows=[_row(node, tally, index * ROW_HEIGHT + 4) for index, (node, tally) in enumerate(rows)],
        legend=[(status, (index % LEGEND_COLUMNS) * 190, top + (index // LEGEND_COLUMNS) * 24)
                for index, status in enumerate(STATUSES)],
    )
