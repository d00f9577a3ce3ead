"""A copy of the built site that works opened from disk (file://), e.g. from a USB stick.

On a web server a link to a folder (`plans/`) shows the folder's index.html; from disk it shows the
folder's listing. The review copy names index.html in every such link.
"""

from __future__ import annotations

import re
from pathlib import Path

HREF = re.compile(r'(\shref=")([^"]*)(")')
# A link with a scheme (https:, mailto:) or from the server's root is not a link between files of the copy.
NOT_A_FILE_LINK = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
# The other-language addresses for search engines. A copy on disk is not indexed, and the theme's script would
# fetch the live site's sitemap through them: the copy leaves them out so it never reaches for the network.
ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def file_link(href: str) -> str:
    """`href` with index.html added when it names a folder: `../plans/#a` becomes `../plans/index.html#a`."""
    if not href or NOT_A_FILE_LINK.match(href):
        return href
    split = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    path, rest = href[:split], href[split:]
    if path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    return path + rest


def file_links(html: str) -> str:
    """The page with every folder link naming its index.html, and without the other-language addresses."""
    html = ALTERNATE.sub("", html)
    return HREF.sub(lambda match: match.group(1) + file_link(match.group(2)) + match.group(3), html)


def make_review_copy(folder: Path) -> None:
    """Rewrite, in place, the links of every page of the built site in `folder`."""
    for page in folder.rglob("*.html"):
        page.write_text(file_links(page.read_text(encoding="utf-8")), encoding="utf-8")
