"""Recompressed PNGs keep every pixel and are valid files."""

from __future__ import annotations

import struct
import zlib

from gongkai.devtools.png import SIGNATURE, chunks, recompressed


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int, rows: bytes, pieces: int) -> bytes:
    """A greyscale PNG whose image data is barely compressed and split over `pieces` IDAT chunks, as browsers may."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    data = zlib.compress(rows, 0)
    size = -(-len(data) // pieces)
    idats = b"".join(chunk(b"IDAT", data[i:i + size]) for i in range(0, len(data), size))
    return SIGNATURE + header + chunk(b"tEXt", b"Software\x00test") + idats + chunk(b"IEND", b"")


def test_recompressing_keeps_the_pixels_and_the_other_chunks_in_one_smaller_file():
    width, height = 64, 64
    rows = b"".join(b"\x00" + bytes((x * y) % 7 for x in range(width)) for y in range(height))
    original = png(width, height, rows, pieces=3)
    smaller = recompressed(original)
    assert smaller.startswith(SIGNATURE)
    kinds = [kind for kind, _ in chunks(smaller)]
    assert kinds == [b"IHDR", b"tEXt", b"IDAT", b"IEND"]
    assert zlib.decompress(dict(chunks(smaller))[b"IDAT"]) == rows
    assert dict(chunks(smaller))[b"IHDR"] == dict(chunks(original))[b"IHDR"]
    assert len(smaller) < len(original)


def test_every_chunk_of_a_recompressed_png_carries_its_checksum():
    rows = b"\x00\xff\x00" * 2
    smaller = recompressed(png(2, 2, rows, pieces=1))
    position = len(SIGNATURE)
    while position < len(smaller):
        length, kind = struct.unpack(">I4s", smaller[position:position + 8])
        body = smaller[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", smaller[position + 8 + length:position + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        position += 12 + length
