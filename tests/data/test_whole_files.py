"""A cache file is written whole or not at all, with the modes of a file written as usual."""

import os

import pytest

from gongkai.data.whole_files import write_bytes_whole, write_whole


def test_a_write_that_fails_halfway_keeps_the_old_file_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "kept" / "entry.bin"
    write_bytes_whole(path, b"old")

    def halfway(out):
        out.write(b"new, half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_whole(path, halfway)
    assert path.read_bytes() == b"old"
    assert [p.name for p in path.parent.iterdir()] == ["entry.bin"]


def test_a_new_file_has_the_usual_modes(tmp_path):
    mask = os.umask(0o022)
    try:
        write_bytes_whole(tmp_path / "new" / "entry.bin", b"data")
    finally:
        os.umask(mask)
    assert (tmp_path / "new" / "entry.bin").stat().st_mode & 0o777 == 0o644
