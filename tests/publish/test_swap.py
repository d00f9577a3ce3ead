"""Swapping a new folder in whole, with the modes a web server needs to read it."""

from __future__ import annotations

import errno
import os
import signal
import stat
import time
from pathlib import Path

import pytest

from gongkai.cli import _terminate
from gongkai.publish.swap import discard, publish, replaced, staging_dir, swap_in


def test_swap_replaces_the_old_site_whole(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staged = staging_dir(target)
    (staged / "new.html").write_text("new")
    swap_in(staged, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_discarding_a_staged_build_leaves_the_site(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    staged = staging_dir(target)
    discard(staged)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.fixture(params=[0o022, 0o027], ids=["umask-022", "umask-027"])
def umask(request) -> int:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.lstat().st_mode) for p in [folder, *folder.rglob("*")]}


def test_the_swapped_in_site_has_the_usual_modes_so_another_user_can_serve_it(tmp_path, umask):
    target = tmp_path / "site"
    staged = staging_dir(target)
    (staged / "en").mkdir(mode=0o700)
    (staged / "index.html").write_text("home")
    (staged / "en" / "index.html").write_text("home")
    os.chmod(staged / "en" / "index.html", 0o600)  # as a copied or temporary file may be
    os.symlink("/etc/hostname", staged / "link")  # not followed: its target keeps its mode
    swap_in(staged, target)
    folder, file = 0o777 & ~umask, 0o666 & ~umask
    assert {name: mode for name, mode in modes(target).items() if name != "link"} == {
        ".": folder, "en": folder, "index.html": file, "en/index.html": file}
    assert (folder, file) == ((0o755, 0o644) if umask == 0o022 else (0o750, 0o640))


def test_a_published_folder_has_the_usual_modes_whatever_the_site_had(tmp_path, umask):
    site = tmp_path / "site"
    site.mkdir(mode=0o700)  # as a build swapped in before the modes were set
    (site / "index.html").write_text("home")
    os.chmod(site / "index.html", 0o600)
    target = tmp_path / "www" / "plans"
    publish(site, target)
    assert set(modes(target).values()) == {0o777 & ~umask, 0o666 & ~umask}


def _until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_old_site_can_be_removed_after_the_swap_with_what_earlier_removals_left(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    left = tmp_path / ".site-old-stopped" / "site"
    left.mkdir(parents=True)
    (left / "older.html").write_text("older")
    staged = staging_dir(target)
    (staged / "new.html").write_text("new")
    swap_in(staged, target, old_removed_after=True)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert _until(lambda: [p.name for p in tmp_path.iterdir()] == ["site"]), list(tmp_path.iterdir())


def _interrupting_first_rename(monkeypatch, signum: int = signal.SIGINT) -> None:
    real = Path.rename
    calls = []

    def rename(self, target):
        calls.append(self)
        if len(calls) == 1:
            signal.raise_signal(signum)
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupt_between_the_renames_waits_until_the_new_site_is_in_place(tmp_path, monkeypatch, signum):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staged = staging_dir(target)
    (staged / "new.html").write_text("new")
    # As the command line has it: SIGTERM unwinds like Ctrl-C.
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        _interrupting_first_rename(monkeypatch, signum)
        with pytest.raises(KeyboardInterrupt):
            swap_in(staged, target)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert target in replaced()


def test_a_new_site_that_cannot_be_put_in_place_leaves_the_old_one(tmp_path, monkeypatch):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staged = staging_dir(target)
    real = Path.rename

    def rename(self, destination):
        if self == staged:
            raise OSError(errno.EXDEV, "cross-device link")
        return real(self, destination)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        swap_in(staged, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", staged.name])
    assert [p.name for p in target.iterdir()] == ["old.html"]
    assert target not in replaced()
