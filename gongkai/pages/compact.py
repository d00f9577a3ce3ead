"""A built page in fewer bytes that shows and reads the same.

Without the indentation its templates leave: a tenth of a typical page's bytes, which a reader on a phone
downloads for nothing. Only whitespace that shows nothing goes: a run of white space that starts a line becomes
that line break alone, which a browser shows as the same one space; the text of <pre>, <textarea>, <script> and
<style> elements is kept as it is.

With the quotes of its text as quotes: the templates write every ' and " they print as &#39; and &#34;, which
only an attribute's value needs; between tags they are the characters themselves. Tags, and the text of <script>
and <style> elements (where an entity is not read as one), are kept as they are."""

from __future__ import annotations

import re

_INDENTED = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|\n\s+", re.S | re.I)
# A tag runs to the first > outside its quoted attribute values: hand-written HTML may have one inside them.
_QUOTE_ENTITY = re.compile(r"""(<(script|style)\b.*?</\2\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>)|&#(39|34);""", re.S | re.I)
_QUOTES = {"39": "'", "34": '"'}


def compact_html(html: str) -> str:
    html = _INDENTED.sub(lambda found: found.group(1) or "\n", html)
    return _QUOTE_ENTITY.sub(lambda found: found.group(1) or _QUOTES[found.group(3)], html)
