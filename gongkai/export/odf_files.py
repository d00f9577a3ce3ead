"""Writing ODF documents with odfpy so that the same content always gives the same bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TypeVar

from odf.element import Element
from odf.opendocument import OpenDocument

from gongkai.export.zips import fixed_zip

D = TypeVar("D", bound=OpenDocument)


def new_document(factory: Callable[[], D]) -> D:
    """A new document. odfpy keeps the namespaces it has seen in one dict shared by every document,
    and declares them all; emptying it first makes each file declare only, and always, its own."""
    Element.namespaces.clear()
    return factory()


def odf_bytes(document: OpenDocument) -> bytes:
    out = io.BytesIO()
    document.write(out)
    return fixed_zip(out.getvalue())
