"""Raw HTML blocks inside the Markdown of generated pages."""

from __future__ import annotations

import re


def html_block(html: str) -> str:
    # Markdown ends a raw HTML block at a blank line on some engines; keep each block in one piece.
    return re.sub(r"\n\s*\n+", "\n", html).strip()
