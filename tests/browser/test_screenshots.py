"""scripts/screenshots remakes every picture the guide shows, from a built site."""

from __future__ import annotations

import re
import struct
import subprocess

from support import GONGKAI, ROOT

PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)\{ width=\"(\d+)\" height=\"(\d+)\"")


def test_screenshots_make_every_picture_of_both_guides_at_the_size_the_guide_gives(built_site, tmp_path):
    result = subprocess.run([*GONGKAI, "screenshots", str(built_site),
                             "--content", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for lang in ("zh-TW", "en"):
        pictures = PICTURE.findall((ROOT / "content" / lang / "guide.md").read_text(encoding="utf-8"))
        assert len(pictures) >= 3
        for path, width, height in pictures:
            data = (tmp_path / lang / path).read_bytes()
            assert data.startswith(b"\x89PNG")
            assert struct.unpack(">II", data[16:24]) == (int(width), int(height)), path
