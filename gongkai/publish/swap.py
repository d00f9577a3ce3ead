"""Replacing a published folder only once its replacement is complete."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from gongkai.data.problems import Bilingual


def staging_dir(target: Path) -> Path:
    """A new empty folder beside `target`, on the same file system so the swap is a rename.

    It is private (0700) while it is filled; `swap_in` gives it the usual modes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def usual_modes(folder: Path) -> None:
    """Give `folder` and everything in it the modes of folders and files made as usual: 0777 and 0666 less the
    umask (755 and 644 with the common umask 022), so a web server running as another user can read the site.

    Links are left alone, and never followed out of the folder.
    """
    mask = _umask()
    folder_mode, file_mode = 0o777 & ~mask, 0o666 & ~mask
    os.chmod(folder, folder_mode)
    for parent, folders, files in os.walk(folder):
        for name, mode in [(name, folder_mode) for name in folders] + [(name, file_mode) for name in files]:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                os.chmod(path, mode)


# The folders this process has replaced: an interrupt that comes later is told that it came too late to stop that.
_replaced: list[Path] = []


def replaced() -> tuple[Path, ...]:
    """The folders `swap_in` has replaced so far in this process."""
    return tuple(_replaced)


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done, then take effect as usual: between its two renames
    `swap_in` has no folder in place. Signals reach only the main thread, so elsewhere there is nothing to hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: held.append(signum)) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if held:
            signal.raise_signal(held[0])


def swap_in(staged: Path, target: Path, *, old_removed_after: bool = False) -> None:
    """Put `staged` in place of `target`, with the usual modes (see `usual_modes`). Visitors see the old folder or
    the new one, never a mix, and an interrupt never leaves neither. The old folder is removed before this returns,
    or with `old_removed_after`, by a process of its own that this does not wait for (see `remove_old_copies`)."""
    usual_modes(staged)
    old = None
    try:
        with _interrupts_held():
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=_old_prefix(target), dir=target.parent))
                target.rename(old / target.name)
            try:
                staged.rename(target)
            except OSError:
                if old is not None:
                    (old / target.name).rename(target)
                    old.rmdir()
                    old = None
                raise
            _replaced.append(target)
            if old is not None and old_removed_after:
                remove_old_copies(target)
    finally:
        # Also when an interrupt held during the swap takes effect as it ends.
        if old is not None and not old_removed_after:
            shutil.rmtree(old, ignore_errors=True)


def _old_prefix(target: Path) -> str:
    return f".{target.name}-old-"


def remove_old_copies(target: Path) -> None:
    """Remove the folders that replaced copies of `target` were moved to, in a process of its own: removing
    a large site's tens of thousands of files takes a while, and nobody needs to wait for it. Copies an
    earlier removal left (the machine stopped) go too."""
    code = ("import pathlib, shutil, sys\n"
            "for old in pathlib.Path(sys.argv[1]).glob(sys.argv[2] + '*'):\n"
            "    shutil.rmtree(old, ignore_errors=True)\n")
    subprocess.Popen([sys.executable, "-c", code, str(target.parent), _old_prefix(target)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


# Left in every folder `publish` fills, so a later publication knows the folder is its own to replace.
PUBLISHED_MARKER = ".gongkai-published"
MARKER_TEXT = ("此資料夾由 Gongkai 的 scripts/publish 發布，每次發布時整個取代。\n"
               "This folder was published by Gongkai's scripts/publish and is replaced whole at each publication.\n")


def publish_problem(site: Path, target: Path, force: bool = False) -> Bilingual | None:
    """Why `site` must not be published to `target`, or None when it may."""
    site, target = site.resolve(), target.resolve()
    if not (site / "index.html").is_file():
        return Bilingual(f"{site} 不是建置好的網站（沒有 index.html），請先執行 make site。",
                         f"{site} is not a built site (it has no index.html); run make site first.")
    if site == target or site.is_relative_to(target) or target.is_relative_to(site):
        return Bilingual("目的資料夾不可與網站資料夾重疊。", "The target folder must not overlap the site folder.")
    if target.exists() and not target.is_dir():
        return Bilingual(f"{target} 是檔案，不是資料夾。", f"{target} is a file, not a folder.")
    if not force and target.is_dir() and any(target.iterdir()) and not (target / PUBLISHED_MARKER).is_file():
        return Bilingual(f"{target} 已有不是由本工具發布的檔案，為免誤刪，未做任何變更。確定要整個取代時請加 --force。",
                         f"{target} holds files this tool did not publish; nothing was changed. "
                         "Add --force to replace it whole.")
    return None


def publish(site: Path, target: Path, prepare: Callable[[Path], None] | None = None) -> None:
    """Copy `site` beside `target`, let `prepare` change the copy, then swap it in: the target is the old site
    or the new one, never half of each."""
    staged = staging_dir(target.resolve())
    try:
        shutil.copytree(site, staged, dirs_exist_ok=True)
        if prepare is not None:
            prepare(staged)
        (staged / PUBLISHED_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        swap_in(staged, target.resolve())
    except BaseException:
        discard(staged)
        raise
