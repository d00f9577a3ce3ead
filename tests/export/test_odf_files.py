"""The ODS and ODT files are sound OpenDocument packages: `mimetype` first and stored, every XML part
well-formed and listed in the manifest, the same bytes for the same data, and valid XML whatever the text."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest
from odf.table import Table
from odf.text import H
from read_back import document, downloads_of, plan_ids, plan_of, read_rows

from gongkai.export.document_tables import Cell, DocumentTable
from gongkai.export.files import plan_downloads
from gongkai.export.odf_files import MIMETYPES
from gongkai.export.ods import ods_bytes
from gongkai.export.odt import odt_bytes
from gongkai.export.tables import Column

MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"


def _odf_files() -> list[tuple[str, bytes]]:
    return [(d.path, d.content) for key in plan_ids() for d in downloads_of(key).values() if d.format in MIMETYPES]


@pytest.mark.parametrize(("path", "content"), [pytest.param(path, content, id=path) for path, content in _odf_files()])
def test_each_odf_file_starts_with_its_stored_mimetype_and_has_well_formed_listed_parts(path, content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    first = archive.infolist()[0]
    mimetype = MIMETYPES[path.rsplit(".", 1)[1]]
    assert (first.filename, first.compress_type, archive.read(first)) == ("mimetype", zipfile.ZIP_STORED,
                                                                           mimetype.encode())
    # A reader finds the format at a fixed place: the name at byte 30, the type right after it.
    assert content[30:38 + len(mimetype)] == b"mimetype" + mimetype.encode()
    parts = {name: ElementTree.fromstring(archive.read(name)) for name in archive.namelist() if name != "mimetype"}
    assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} == set(parts)
    entries = {e.get(f"{MANIFEST}full-path"): e.get(f"{MANIFEST}media-type")
               for e in parts["META-INF/manifest.xml"].iter(f"{MANIFEST}file-entry")}
    assert entries == {"/": mimetype, "content.xml": "text/xml", "styles.xml": "text/xml", "meta.xml": "text/xml"}


def test_the_same_data_gives_the_same_bytes_whatever_was_written_before():
    first = dict(_odf_files())
    again = {d.path: d.content for key in reversed(plan_ids()) for d in plan_downloads(plan_of(key))
             if d.format in MIMETYPES}
    assert again == first


# Markup characters, quotes, and characters XML 1.0 cannot hold: C0 and C1 controls, a noncharacter and a lone
# surrogate; a tab stays, and each line is a paragraph.
HOSTILE = "<b>a & b</b> \"c\" 'd' \x00\x01\x0b\x1f\x80\ufffe\ud800\tz\nsecond line"
READ = "<b>a & b</b> \"c\" 'd' \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\tz\nsecond line"


def _parse_every_part(content: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(content))
    for name in archive.namelist():
        if name != "mimetype":
            ElementTree.fromstring(archive.read(name))


def test_hostile_text_in_an_ods_reads_back_as_written_with_unrepresentable_characters_marked():
    columns = (Column("text_zh", "", ""), Column("year", "", "", "integer"))
    table = DocumentTable(HOSTILE, [Cell(HOSTILE, columns=2, header=True)], [[Cell(HOSTILE), Cell("")]])
    content = ods_bytes("114-plan", columns, [{"text_zh": HOSTILE, "year": 114}], [table])
    _parse_every_part(content)
    first, second = document(content).spreadsheet.getElementsByType(Table)
    assert [[cell.text for cell in row] for row in read_rows(first)] == [["text_zh", "year"], [READ, "114"]]
    assert [[cell.text for cell in row] for row in read_rows(second)] == [[READ, ""], [READ, ""]]


def test_hostile_text_in_an_odt_reads_back_as_written_with_unrepresentable_characters_marked():
    table = DocumentTable(HOSTILE, [Cell(HOSTILE, header=True)], [[Cell(HOSTILE, rows=1)]])
    content = odt_bytes({"zh-TW": HOSTILE}, {"zh-TW": [table]})
    _parse_every_part(content)
    text = document(content).text
    assert [str(h) for h in text.getElementsByType(H)] == [READ, READ]
    assert [[cell.text for cell in row] for row in read_rows(text.getElementsByType(Table)[0])] == [[READ], [READ]]
