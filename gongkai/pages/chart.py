"""The status chart of a results page, drawn as inline SVG that reads without colour."""

from __future__ import annotations

from markupsafe import Markup, escape

from gongkai.data.model import STATUSES
from gongkai.data.status_summary import Tally
from gongkai.i18n.catalogue import STATUS_LABELS, STATUS_SYMBOLS

BAR_WIDTH = 480
ROW_HEIGHT = 34
LABEL_WIDTH = 64
PATTERN_IDS = {status: f"gk-pattern-{status}" for status in STATUSES}

# Each status has its own fill pattern as well as its colour, so the chart reads in greyscale too.
_PATTERNS = """
<pattern id="gk-pattern-completed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#1b5e20"/></pattern>
<pattern id="gk-pattern-in-progress" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#0d47a1"/></pattern>
<pattern id="gk-pattern-ongoing" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e3f2fd"/><circle cx="3" cy="3" r="1.8" fill="#0d47a1"/></pattern>
<pattern id="gk-pattern-not-started" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0 3h6" stroke="#5d4037" stroke-width="1.5"/></pattern>
<pattern id="gk-pattern-not-achieved" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0 0l6 6M6 0l-6 6" stroke="#b71c1c" stroke-width="1.5"/></pattern>
<pattern id="gk-pattern-not-reported" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><rect x="2" y="2" width="2" height="2" fill="#616161"/></pattern>
"""


def status_chart(rows: list[tuple[str, Tally]], lang: str, title: str, description: str) -> Markup:
    """Stacked bars, one per (label, tally) row, with a legend and a text alternative."""
    legend_height = 24 * ((len(STATUSES) + 2) // 3)
    height = ROW_HEIGHT * len(rows) + legend_height + 10
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg class="gk-chart" role="img" aria-labelledby="gk-chart-title gk-chart-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="gk-chart-title">{escape(title)}</title>',
        f'<desc id="gk-chart-desc">{escape(description)}</desc>',
        f"<defs>{_PATTERNS}</defs>",
    ]
    for index, (label, tally) in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        parts.append(f'<text x="0" y="{y + 18}" font-size="14" fill="#1a1a1a">{escape(label)}</text>')
        x = float(LABEL_WIDTH)
        for status in STATUSES:
            count = tally.counts[status]
            if not count:
                continue
            w = BAR_WIDTH * count / tally.total
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="24" '
                         f'fill="url(#{PATTERN_IDS[status]})" stroke="#1a1a1a" stroke-width="1"/>')
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 18}" font-size="14" fill="#1a1a1a">{tally.completed}/{tally.total}</text>')
    top = ROW_HEIGHT * len(rows) + 10
    for index, status in enumerate(STATUSES):
        lx, ly = (index % 3) * 190, top + (index // 3) * 24
        parts.append(f'<rect x="{lx}" y="{ly}" width="16" height="16" fill="url(#{PATTERN_IDS[status]})" '
                     f'stroke="#1a1a1a" stroke-width="1"/>')
        label = f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status][lang]}"
        parts.append(f'<text x="{lx + 22}" y="{ly + 13}" font-size="13" fill="#1a1a1a">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
