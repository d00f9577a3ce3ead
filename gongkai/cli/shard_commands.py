"""The build in parts: `build --jobs`, `build --shard K/N` and `merge` (see gongkai.publish.parallel)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gongkai.cli.common import EXIT_FAILED, EXIT_OK, fail_usage, plans_dir, plans_option, project_root, site_not_written
from gongkai.data.problems import Bilingual
from gongkai.data.project import Project
from gongkai.data.workers import processors
from gongkai.publish.merge import merge as merge_parts
from gongkai.publish.parallel import build_parallel, build_shard
from gongkai.publish.shards import ShardError, parse_shard

__all__ = ["parse_shard"]

# Beside the data folder (plans/), so that each portal has its own.
CACHE = Path(".gongkai-cache") / "build"


def add_options(parser: argparse.ArgumentParser) -> None:
    """The `build` options of a build in parts."""
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="build in up to N processes at once (default: one per processor); "
                             "--jobs 1 --no-cache is the plain build in one process")
    parser.add_argument("--no-cache", action="store_true",
                        help="read and check every data file and build every agency again, instead of taking "
                             "the unchanged ones from .gongkai-cache/")
    parser.add_argument("--shard", metavar="K/N",
                        help="build only shard K of N (agencies cut by page count; shard 1 also makes the "
                             "portal-wide pages) into --out, for `gongkai merge`")


def jobs_of(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        fail_usage(Bilingual("--jobs 應為正整數", "--jobs must be a positive whole number"))
    return args.jobs or processors()


def wants_parts(args: argparse.Namespace) -> bool:
    """Whether `build` goes by parts: always, unless asked for one process and no cache."""
    return bool(args.shard) or not (jobs_of(args) == 1 and args.no_cache)


def build_in_parts(args: argparse.Namespace, project: Project, plans: Path, target: Path) -> None:
    """`build --shard` or `build --jobs`; raises what `build` reports (BuildFailure, OSError, ShardError)."""
    root = project_root()
    if args.shard:
        k, n = parse_shard(args.shard)
        if args.out is None:
            raise ShardError(Bilingual("--shard 需要 --out 指定分片的資料夾", "--shard needs --out, the shard's folder"))
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise ShardError(Bilingual(f"{target} 不是空的資料夾，未寫入任何檔案", f"{target} is not empty; nothing was written"))
        part = build_shard(root, plans, project.portal, k, n, target, preview=args.preview)
        print(f"分片 {k}/{n}：{len(part.agencies)} 個機關{'及全站頁面' if part.shared else ''}。"
              f" / Shard {k}/{n}: {len(part.agencies)} agencies{' and the portal-wide pages' if part.shared else ''}.")
        return
    started = time.perf_counter()
    outcome = build_parallel(root, plans, project.portal, target, jobs=jobs_of(args),
                             cache=None if args.no_cache else plans.parent / CACHE, preview=args.preview)
    print(f"重新建置 {len(outcome.built)} 個機關、沿用 {len(outcome.reused)} 個，{outcome.processes} 個程序，"
          f"{time.perf_counter() - started:.1f} 秒。 / Built {len(outcome.built)} agencies, reused "
          f"{len(outcome.reused)}, in {outcome.processes} processes, {time.perf_counter() - started:.1f} s.")


def merge(args: argparse.Namespace) -> int:
    target = args.into.resolve()
    try:
        merge_parts([Path(folder) for folder in args.shards], target, jobs=jobs_of(args),
                    cache=None if args.no_cache else plans_dir(args).parent / CACHE)
    except ShardError as error:
        print(f"{error.message.zh}；未合併，原有的網站保持不變。/ {error.message.en}; nothing was merged, the existing "
              "site is unchanged.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        return site_not_written(error)
    print(f"已合併 {len(args.shards)} 個分片於 {target} / Merged {len(args.shards)} shards into {target}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("merge", help="合併分片 / merge the shards of `build --shard` into one site")
    parser.add_argument("shards", nargs="+", type=Path, help="the folders of every shard, 1 to N")
    parser.add_argument("--into", type=Path, default=project_root() / "site",
                        help="where the site goes (default: site/); replaced only when the merge succeeded")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="index the languages in up to N processes at once (default: one per processor)")
    parser.add_argument("--no-cache", action="store_true",
                        help="index every page again, instead of taking what the last build or merge found in the "
                             "unchanged ones from .gongkai-cache/ beside --plans")
    plans_option(parser)
    parser.set_defaults(run=merge)
