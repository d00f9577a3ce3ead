"""ODT download of a plan (OpenDocument text, the government's format for editable documents): its title,
then its body tables as the document draws them (headers in its order, its numbering), in Chinese and,
where the plan is translated, again in English."""

from __future__ import annotations

from odf.opendocument import OpenDocumentText
from odf.text import H

from gongkai.export.document_tables import DocumentTable
from gongkai.export.odf_files import new_document, odf_bytes, odf_table


def odt_bytes(title: dict[str, str], tables: dict[str, list[DocumentTable]]) -> bytes:
    """`tables` by language, in the order given; each language's part under a heading of its title."""
    document = new_document(OpenDocumentText)
    for lang, parts in tables.items():
        document.text.addElement(H(outlinelevel=1, text=title[lang]))
        for index, table in enumerate(parts, start=1):
            if table.heading:
                document.text.addElement(H(outlinelevel=2, text=table.heading))
            document.text.addElement(odf_table(f"{lang}-{index}", table))
    return odf_bytes(document)
