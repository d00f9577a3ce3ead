"""Putting the parts of a sharded build together into one site, the same bytes as an unsharded build.

Each part's folder holds only the files it owns (gongkai.publish.shards) and a note of what it is
(PART_FILE). The merge checks that the parts belong to one build and that none is missing or given
twice, copies their files into a new folder, writes the search index of the whole site, and swaps it
in for the old site, which is left as it was if anything fails."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.data.problems import Bilingual
from gongkai.publish.build import write_indexes
from gongkai.publish.shards import PART_FILE, PART_FORMAT, ShardError
from gongkai.publish.swap import discard, staging_dir, swap_in


@dataclass(frozen=True)
class PartNote:
    """What a part's folder says of itself."""

    shard: int
    of: int
    inputs: str
    agencies: tuple[str, ...]
    shared: bool

    def to_json(self) -> str:
        return json.dumps({"format": PART_FORMAT, "shard": self.shard, "of": self.of, "inputs": self.inputs,
                           "agencies": list(self.agencies), "shared": self.shared}, indent=1) + "\n"


def write_note(folder: Path, note: PartNote) -> None:
    (folder / PART_FILE).write_text(note.to_json(), encoding="utf-8")


def read_note(folder: Path) -> PartNote:
    path = folder / PART_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != PART_FORMAT:
            raise ValueError("format")
        return PartNote(shard=int(data["shard"]), of=int(data["of"]), inputs=str(data["inputs"]),
                        agencies=tuple(data["agencies"]), shared=bool(data["shared"]))
    except (OSError, ValueError, KeyError, TypeError):
        raise ShardError(Bilingual(f"{folder} 不是 gongkai build --shard 建置的分片（找不到或讀不懂 {PART_FILE}）",
                                   f"{folder} is not a shard made by gongkai build --shard ({PART_FILE} is "
                                   "missing or unreadable)")) from None


def check_notes(notes: list[tuple[Path, PartNote]]) -> None:
    """The parts make one whole: shards 1 to N of the same N, each once, built from the same inputs."""
    if not notes:
        raise ShardError(Bilingual("沒有要合併的分片", "no shards to merge"))
    first = notes[0][1]
    for folder, note in notes:
        if note.of != first.of:
            raise ShardError(Bilingual(f"{folder} 是 {note.of} 片中的一片，{notes[0][0]} 卻是 {first.of} 片中的",
                                       f"{folder} is one of {note.of} shards but {notes[0][0]} one of {first.of}"))
        if note.inputs != first.inputs:
            raise ShardError(Bilingual(
                f"{folder} 與 {notes[0][0]} 由不同的資料、程式或設定建置（例如不同的 commit 或日期），不能合併",
                f"{folder} and {notes[0][0]} were built from different data, code or settings (e.g. another commit "
                "or day); they cannot be merged"))
    shards = sorted(note.shard for _, note in notes)
    if shards != list(range(1, first.of + 1)):
        missing = sorted(set(range(1, first.of + 1)) - set(shards))
        twice = sorted({s for s in shards if shards.count(s) > 1})
        raise ShardError(Bilingual(f"分片不齊：缺少 {missing}，重複 {twice}（共 {first.of} 片）",
                                   f"the shards do not make a whole: missing {missing}, given twice {twice} "
                                   f"(of {first.of})"))


def copy_tree(source: Path, staged: Path, taken: dict[str, Path]) -> None:
    """Every file of `source` into `staged` at the same path, except its PART_FILE; two sources giving the
    same file is a mistake in the split, never silently resolved. Files are linked where the file system
    allows it (a build's files are only ever replaced, never changed in place), so taking thousands of
    pages from the cache costs no copying."""
    for folder, dirs, names in os.walk(source):
        dirs.sort()
        here = Path(folder)
        for name in sorted(names):
            path = here / name
            relative = path.relative_to(source).as_posix()
            if relative == PART_FILE:
                continue
            if relative in taken:
                raise ShardError(Bilingual(f"{relative} 同時在 {taken[relative]} 與 {source} 中",
                                           f"{relative} is in both {taken[relative]} and {source}"))
            taken[relative] = source
            destination = staged / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(path, destination)


def link_or_copy(path: Path, destination: Path) -> None:
    """`path` at the new file `destination`, linked where the file system allows it."""
    try:
        os.link(path, destination)
    except OSError:  # another file system, or one without links
        shutil.copyfile(path, destination)


def merge(parts: list[Path], target: Path, *, cache: Path | None = None, jobs: int = 1) -> None:
    """The shards in `parts` as one site at `target` (replaced only when the merge succeeded). With the build's
    `cache` folder, the search index takes again what it found in the pages unchanged since it was last written
    there (by a build or a merge), and links the index files unchanged since the site at `target`."""
    notes = [(folder, read_note(folder)) for folder in parts]
    check_notes(notes)
    staged = staging_dir(target)
    try:
        taken: dict[str, Path] = {}
        for folder, _ in notes:
            copy_tree(folder, staged, taken)
        write_indexes(staged, cache=cache, jobs=jobs, before=target)
        swap_in(staged, target)
    except BaseException:
        discard(staged)
        raise
