"""ODT download of a plan (OpenDocument text, the government's format for editable documents): its title,
then its body tables as the document draws them (headers in its order, its numbering), in Chinese and,
where the plan is translated, again in English."""

from __future__ import annotations

from gongkai.export.document_tables import DocumentTable
from gongkai.export.odf_files import odf_bytes
from gongkai.export.odf_tables import odf_table


def odt_bytes(title: dict[str, str], tables: dict[str, list[DocumentTable]]) -> bytes:
    """`tables` by language, in the order given; each language's part under a heading of its title."""
    sections = [(title[lang], [(table.heading, odf_table(f"{lang}-{index}", table))
                               for index, table in enumerate(parts, start=1)])
                for lang, parts in tables.items()]
    return odf_bytes("odt", sections=sections)
