"""Benchmark of the spot check: serves many loopback copies of a built site and checks them all,
printing sites per second and peak memory. Run by hand (`make bench-spot-check`), not a test."""

from __future__ import annotations

import argparse
import datetime
import resource
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from gongkai.devtools.loopback import serve
from gongkai.export.manifest import MANIFEST_PATH
from gongkai.spotcheck.cli import spot_check
from gongkai.spotcheck.fetch import Fetcher


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Spot-check many loopback copies of a built site; print the speed.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve (default: site/)")
    parser.add_argument("--copies", type=int, default=50, help="how many copies to serve (default 50)")
    parser.add_argument("--sample", type=int, default=6, help="pages per site (default 6)")
    parser.add_argument("--parallel", type=int, default=8, help="most requests open at once (default 8)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.site / MANIFEST_PATH).is_file():
        print(f"{args.site} 沒有 {MANIFEST_PATH}；請先執行 make site / {args.site} has no {MANIFEST_PATH}; "
              "run make site first", file=sys.stderr)
        return 2
    if args.copies < 1 or args.sample < 0 or args.parallel < 1:
        print("--copies、--parallel 至少為 1，--sample 不可為負 / --copies and --parallel must be at least 1, "
              "--sample not negative", file=sys.stderr)
        return 2
    with ExitStack() as servers:
        urls = [servers.enter_context(serve(args.site)) for _ in range(args.copies)]
        fetcher = Fetcher(timeout=10, retries=1, parallel=args.parallel)
        started = time.perf_counter()
        try:
            results = spot_check(urls, datetime.date.today(), args.sample, args.seed, fetcher)
        finally:
            fetcher.close()
        elapsed = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux.
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    checks = sum(len(r.findings) for r in results)
    print(f"{len(results)} 個網站 / sites, {checks} 項檢查 / checks, {elapsed:.2f} s")
    print(f"{len(results) / elapsed:.2f} 網站／秒 / sites per second")
    print(f"記憶體峰值 / peak memory: {peak_mib:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
