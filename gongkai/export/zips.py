"""ZIP files whose bytes depend only on their contents: fixed member dates and order.

ODF documents are ZIPs too: the ODS and ODT writers make theirs with `zip_bytes`."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Iterable
from typing import BinaryIO

# The earliest date a ZIP can hold: a file built twice from the same data gets the same bytes.
EPOCH = (1980, 1, 1, 0, 0, 0)


def write_zip(out: BinaryIO, members: Iterable[tuple[str, bytes]], stored: Collection[str] = ()) -> None:
    """A ZIP of (name, bytes) in the order given, into `out`, taking each member only when it is written;
    names in `stored` are left uncompressed."""
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compresslevel=9 if name not in stored else None)


def zip_bytes(members: Iterable[tuple[str, bytes]], stored: Collection[str] = ()) -> bytes:
    out = io.BytesIO()
    write_zip(out, members, stored)
    return out.getvalue()
