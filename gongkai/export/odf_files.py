"""ODF documents (ODS, ODT) written from the templates in templates/: content.xml, styles.xml, meta.xml and the
manifest, zipped after the `mimetype` member, which ODF requires first and uncompressed so that a reader can
tell the format from the file's first bytes. The same content always gives the same bytes."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from gongkai.data.compiled_templates import bytecode_cache
from gongkai.export.zips import zip_bytes

MIMETYPES = {"ods": "application/vnd.oasis.opendocument.spreadsheet", "odt": "application/vnd.oasis.opendocument.text"}

# Characters XML 1.0 forbids (control characters, surrogates, U+FFFE, U+FFFF) and the C1 control characters it
# discourages: a text holding one would make the file unreadable, so U+FFFD marks where it was.
_UNREPRESENTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

# Templates print data escaped; `_part` then makes the whole part representable, as no markup of a template
# holds such a character (one pass over the part instead of one call per printed value).
_TEMPLATES = Environment(loader=PackageLoader("gongkai.export", "templates"), autoescape=True,
                         undefined=StrictUndefined, bytecode_cache=bytecode_cache())


def _part(template: str, **context: Any) -> bytes:
    rendered = _TEMPLATES.get_template(template).render(**context)
    return _UNREPRESENTABLE.sub("\ufffd", rendered).encode("utf-8")


def odf_bytes(kind: str, **content: Any) -> bytes:
    """The file of `kind` ("ods" or "odt"): its content.xml is the template `<kind>-content.xml` given `content`."""
    mimetype = MIMETYPES[kind]
    parts = [("styles.xml", _part("styles.xml")),
             ("content.xml", _part(f"{kind}-content.xml", **content)),
             ("meta.xml", _part("meta.xml"))]
    manifest = _part("manifest.xml", mimetype=mimetype, parts=[name for name, _ in parts])
    return zip_bytes([("mimetype", mimetype.encode("ascii")), *parts, ("META-INF/manifest.xml", manifest)],
                     stored=("mimetype",))
