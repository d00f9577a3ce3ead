"""Benchmark the build: time, memory and output of whole builds of synthetic portals of several sizes.

For each size (approximate HTML pages, both languages), `scripts/bench-build` writes a synthetic portal
(gongkai.devtools.synthetic), builds it with scripts/build as `make site` does, and prints: HTML pages,
seconds, peak memory, output size, the median and largest plan page, the bytes one search session
downloads, and how long a plain MkDocs + Material build of the same pages takes. It then changes one
text of one plan and builds again (incremental_seconds): `make site` keeps each agency's files in the
portal's .gongkai-cache/, so this rebuilds that agency and the portal-wide part only. Not a test: run it by hand, e.g.
    scripts/bench-build --sizes 500,2000 --json bench.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gongkai.devtools import synthetic
from gongkai.devtools.bench_serve import ServeFailed, serve_edit_seconds
from gongkai.devtools.process_groups import end_group
from gongkai.devtools.profile_summary import print_profile
from gongkai.search.query import Query, WrittenIndex, parse

ROOT = synthetic.ROOT
GONGKAI = [sys.executable, "-m", "gongkai"]
# The day the reporting status is judged on, so the same size always builds the same site.
TODAY = "2026-02-15"
MIB = 1024 * 1024
JSON_KEYS = ("pages", "seconds", "plain_seconds", "ratio", "peak_mb", "median_plan_bytes", "max_plan_bytes",
             "search_session_bytes", "incremental_seconds")
# Where each language is, below the root of a built site.
LANGUAGE_DIRS = {"zh-TW": "", "en": "en"}


class UsageError(Exception):
    """A bad argument, told in Chinese with English beside it."""


class BuildFailed(Exception):
    pass


# ---------------------------------------------------------------- running and measuring a command

@dataclass
class Measured:
    seconds: float
    returncode: int
    # The largest resident memory of any single process of the tree: the command's own and that of every
    # process it waited for (wait4 reports both). Processes run one after another, so this is the peak of
    # the largest step, not the sum of processes that ran at the same time.
    max_rss_bytes: int
    # The sum over the tree, sampled every SAMPLE seconds (Linux only; 0 elsewhere).
    tree_peak_bytes: int
    log: Path


SAMPLE = 0.2
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants now, in bytes (0 where /proc cannot say)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(current)
    return total


def run_measured(command: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Measured:
    """Run `command` in its own process group with its output in `log`; measure time and memory.
    If interrupted, the whole group is ended before the interruption goes on."""
    with open(log, "ab") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    tree_peak, next_sample = 0, 0.0
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - started
                break
            now = time.perf_counter()
            if now >= next_sample:
                tree_peak = max(tree_peak, tree_rss(process.pid))
                next_sample = now + SAMPLE
            time.sleep(0.02)
    except BaseException:
        end_group(process)
        raise
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return Measured(seconds=seconds, returncode=process.returncode, max_rss_bytes=usage.ru_maxrss * 1024,
                    tree_peak_bytes=tree_peak, log=log)


def _checked(measured: Measured, what: str) -> Measured:
    if measured.returncode != 0:
        tail = measured.log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise BuildFailed(f"{what} 失敗（結束碼 {measured.returncode}）/ {what} failed (exit status "
                          f"{measured.returncode}); {measured.log}:\n{tail}")
    return measured


def build_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "GONGKAI_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", **extra}


def build_command(plans: Path, out: Path) -> list[str]:
    """The build `make site` runs: the check, then one `mkdocs build` per language."""
    return [*GONGKAI, "build", "--plans", str(plans), "--out", str(out)]


# ---------------------------------------------------------------- what a built site holds

def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plan_page_sizes(site: Path) -> list[int]:
    """Bytes of every plan page (plans/<agency>/<year>/index.html) of every language."""
    sizes = []
    for subdir in LANGUAGE_DIRS.values():
        base = site / subdir if subdir else site
        sizes += [p.stat().st_size for p in base.glob("plans/*/*/index.html")]
    return sizes


def material_search_session(language_site: Path) -> list[Path]:
    """The files a reader's browser downloads for one search with Material's built-in search: the whole
    search index of that language, the search worker, and the lunr language files the worker loads
    (the same rule as the worker: none for English alone)."""
    index = language_site / "search" / "search_index.json"
    if not index.is_file():
        return []
    scripts = language_site / "assets" / "javascripts"
    files = [index, *sorted((scripts / "workers").glob("search.*.min.js"))[:1]]
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    extra = []
    for lang in languages:
        if lang == "ja":
            extra.append(scripts / "lunr" / "tinyseg.js")
        elif lang in ("hi", "th"):
            extra.append(scripts / "lunr" / "wordcut.js")
        if lang != "en":
            extra.append(scripts / "lunr" / "min" / f"lunr.{lang}.min.js")
    if len(languages) > 1:
        extra.append(scripts / "lunr" / "min" / "lunr.multi.min.js")
    if extra:
        extra.insert(0, scripts / "lunr" / "min" / "lunr.stemmer.support.min.js")
    return files + [p for p in extra if p.is_file()]


# Three queries a reader types in a session, per language of the index.
SESSION_QUERIES = {"zh-TW": ("服務", "滿意度", "標準作業流程"), "en": ("service", "satisfaction survey", "volunteers")}
# Document files fetched per query for the results shown: ten results, each shown from one of its files.
RESULT_FILES = 10


def _result_files(index: WrittenIndex, query: Query) -> list[Path]:
    """The largest RESULT_FILES document files among those a query's results may be shown from: on each page
    the query matches, the files of the parts holding its terms (the first part's, for a page holding them in its
    title only)."""
    files = []
    for page, mask in index.matches(query).items():
        parts = [k for k in range(1, mask.bit_length()) if mask >> k & 1] or [1]
        files += [index.folder / "d" / str(page) / f"{k}.json" for k in parts]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:RESULT_FILES]


def sharded_search_session(language_site: Path) -> list[Path]:
    """The files a reader's browser downloads for a search session with the site's sharded index, each once:
    its index.json, the search script and style, and for each of SESSION_QUERIES the shards the script fetches
    for it and at most RESULT_FILES document files of the pages it matches (the largest, as a bound)."""
    folder = language_site / "search"
    if not (folder / "index.json").is_file():
        return []
    index = WrittenIndex(folder)
    files = [folder / "index.json", *(language_site / "assets" / name for name in ("search.js", "search.css"))]
    for text in SESSION_QUERIES[index.meta["lang"]]:
        query = parse(text, index.meta["mode"])
        files += [index.shard(term) for term in query.lookups()]
        files += _result_files(index, query)
    return [p for p in dict.fromkeys(files) if p.is_file()]


# A search engine's session: the files one search downloads, given the folder of one language's site.
# Another engine is measured by adding its function here and choosing it with --search-engine.
SEARCH_SESSIONS: dict[str, Callable[[Path], list[Path]]] = {"sharded": sharded_search_session,
                                                            "material": material_search_session}


def search_session_bytes(language_site: Path, engine: str = "sharded", *, compressed: bool = False) -> int:
    """Bytes a reader downloads for one search session on one language's site (gzip-compressed, as most
    web servers send them, when `compressed`)."""
    files = SEARCH_SESSIONS[engine](language_site)
    if compressed:
        return sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files)
    return sum(p.stat().st_size for p in files)


def site_figures(site: Path, engine: str) -> dict[str, Any]:
    plan_sizes = plan_page_sizes(site)
    figures: dict[str, Any] = {
        "pages": len(html_pages(site)),
        "output_bytes": folder_bytes(site),
        "plan_pages": len(plan_sizes),
        "median_plan_bytes": int(statistics.median(plan_sizes)) if plan_sizes else 0,
        "max_plan_bytes": max(plan_sizes, default=0),
    }
    for lang, subdir in LANGUAGE_DIRS.items():
        language_site = site / subdir if subdir else site
        suffix = "" if lang == "zh-TW" else f"_{lang}"
        figures[f"search_session_bytes{suffix}"] = search_session_bytes(language_site, engine)
        figures[f"search_session_gzip_bytes{suffix}"] = search_session_bytes(language_site, engine, compressed=True)
    return figures


# ---------------------------------------------------------------- the plain MkDocs build of the same pages

def plain_config(lang: str, docs: Path) -> dict[str, Any]:
    """MkDocs with Material and its search, nothing of ours: no hook, no overrides, no stylesheet.
    The Markdown extensions are those the pages are written for, so the pages come out the same."""
    return {
        "site_name": "Plain MkDocs benchmark",
        "docs_dir": str(docs),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": lang, "features": ["navigation.prune"]},
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", "tables", "toc"],
    }


def plain_build(plans: Path, work: Path, log: Path) -> tuple[Measured, dict[str, Any]]:
    """Write every page of both languages as Markdown (scripts/generate, untimed), then time a plain
    `mkdocs build` of each. Returns the two builds' measure together and the plain site's figures."""
    seconds, rss, tree = 0.0, 0, 0
    generate_seconds = 0.0
    site = work / "plain-site"
    for lang, subdir in LANGUAGE_DIRS.items():
        docs = work / f"plain-docs-{lang}"
        command = [*GONGKAI, "generate", lang, str(docs), "--plans", str(plans)]
        generated = _checked(run_measured(command, log, build_env()), f"scripts/generate {lang}")
        generate_seconds += generated.seconds
        config = work / f"plain-mkdocs-{lang}.yml"
        config.write_text(yaml.safe_dump(plain_config(lang, docs), allow_unicode=True), encoding="utf-8")
        out = site / subdir if subdir else site
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
        built = _checked(run_measured(command, log, build_env(), cwd=work), f"plain mkdocs build {lang}")
        seconds += built.seconds
        rss, tree = max(rss, built.max_rss_bytes), max(tree, built.tree_peak_bytes)
    figures = {"plain_pages": len(html_pages(site)), "plain_output_bytes": folder_bytes(site),
               "plain_generate_seconds": round(generate_seconds, 2)}
    return Measured(seconds, 0, rss, tree, log), figures


# ---------------------------------------------------------------- one size

def profile_build(plans: Path, work: Path, log: Path) -> list[Path]:
    """The whole build under cProfile: the check, then every language in this one process (`--jobs 1
    --no-cache`, since cProfile does not follow the worker processes of a build in parts)."""
    prof = work / "profile-build.prof"
    _checked(run_measured([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "gongkai", "build",
                           "--plans", str(plans), "--out", str(work / "profile-site"), "--jobs", "1", "--no-cache"],
                          log, build_env()),
             "profiled build")
    return [prof]


def bench_size(size: int, work: Path, *, engine: str, profile: bool, serve: bool,
               say: Callable[[str], None]) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    log = work / "bench.log"
    started = time.perf_counter()
    portal = synthetic.generate_portal(work / "portal", size)
    say(f"  {size}: 產生 {portal.agencies} 個機關、{portal.plans_written} 份計畫 / generated {portal.agencies} "
        f"agencies, {portal.plans_written} plans ({time.perf_counter() - started:.1f} s)")
    site = work / "site"
    say(f"  {size}: 建置中 / building…")
    built = _checked(run_measured(build_command(portal.plans, site), log, build_env()), "scripts/build")
    figures = site_figures(site, engine)
    say(f"  {size}: 純 MkDocs 建置中 / plain MkDocs build…")
    plain, plain_figures = plain_build(portal.plans, work, log)
    say(f"  {size}: 修改一份計畫後重新建置 / rebuilding after one plan changed…")
    synthetic.edit_one_plan(portal.plans)
    again = _checked(run_measured(build_command(portal.plans, site), log, build_env()), "scripts/build (again)")
    result = {
        "size": size,
        "pages": figures["pages"],
        "seconds": round(built.seconds, 2),
        "plain_seconds": round(plain.seconds, 2),
        "ratio": round(built.seconds / plain.seconds, 2) if plain.seconds else None,
        "peak_mb": round(built.max_rss_bytes / MIB, 1),
        "median_plan_bytes": figures["median_plan_bytes"],
        "max_plan_bytes": figures["max_plan_bytes"],
        "search_session_bytes": figures["search_session_bytes"],
        "incremental_seconds": round(again.seconds, 2),
        "expected_pages": portal.expected_pages,
        "agencies": portal.agencies,
        "plans": portal.plans_written,
        "tree_peak_mb": round(built.tree_peak_bytes / MIB, 1),
        "plain_peak_mb": round(plain.max_rss_bytes / MIB, 1),
        "output_bytes": figures["output_bytes"],
        "search_engine": engine,
        **{k: v for k, v in figures.items() if k.startswith("search_session") and k != "search_session_bytes"},
        **plain_figures,
    }
    if serve:
        say(f"  {size}: 預覽伺服器：修改一份計畫 / the preview server: one plan edited…")
        try:
            result["serve_edit_seconds"] = round(serve_edit_seconds(GONGKAI, portal.plans, work / "serve.log",
                                                                    build_env(), ROOT), 2)
        except ServeFailed as error:
            raise BuildFailed(str(error)) from None
    if profile:
        say(f"  {size}: 以 cProfile 建置 / profiling a build…")
        result["profile_files"] = [str(p) for p in profile_build(portal.plans, work, log)]
    return result


# ---------------------------------------------------------------- the command line

def _mb(value: float) -> str:
    return f"{value / MIB:.1f}"


def print_table(results: list[dict[str, Any]]) -> None:
    header = ("size", "pages", "seconds", "plain s", "ratio", "peak MiB", "tree MiB", "output MiB",
              "median plan KiB", "max plan KiB", "search KiB (gz)", "incremental s", "serve edit s")
    rows = [(str(r["size"]), str(r["pages"]), f"{r['seconds']:.1f}", f"{r['plain_seconds']:.1f}", f"{r['ratio']:.2f}",
             f"{r['peak_mb']:.0f}", f"{r['tree_peak_mb']:.0f}", _mb(r["output_bytes"]),
             f"{r['median_plan_bytes'] / 1024:.0f}", f"{r['max_plan_bytes'] / 1024:.0f}",
             f"{r['search_session_bytes'] / 1024:.0f} ({r['search_session_gzip_bytes'] / 1024:.0f})",
             f"{r['incremental_seconds']:.1f}",
             f"{r['serve_edit_seconds']:.1f}" if "serve_edit_seconds" in r else "-") for r in results]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.rjust(w) for cell, w in zip(line, widths)))


def _sizes(value: str) -> list[int]:
    sizes = []
    for part in value.split(","):
        part = part.strip()
        if not part.isdigit():
            raise UsageError(f"--sizes 應為以逗號分隔的頁數，例如 500,4000；「{part}」不是正整數 / --sizes takes page "
                             f"counts separated by commas, e.g. 500,4000; \"{part}\" is not a positive whole number")
        sizes.append(int(part))
    smallest = synthetic.smallest_size()
    for size in sizes:
        if size < smallest:
            raise UsageError(f"最小的入口網約有 {smallest} 頁，{size} 太小 / the smallest portal has about {smallest} "
                             f"pages; {size} is too small")
    return sizes


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"參數有誤：{message}（請見 --help）/ bad arguments: {message} (see --help)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="scripts/bench-build",
                     description="建置效能測試 / Build benchmark: build synthetic portals of several sizes and "
                                 "print time, memory and output figures.")
    parser.add_argument("--sizes", default="500",
                        help="approximate HTML pages of each portal, e.g. 500,4000 (default 500)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE as a JSON list")
    parser.add_argument("--profile", action="store_true",
                        help="also build each portal under cProfile; print the top 25 functions and where time goes")
    parser.add_argument("--serve", action="store_true",
                        help="also time the preview (gongkai serve, Chinese) from saving an edit to one plan until "
                             "it has rebuilt (serve_edit_seconds)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep each generated portal and its builds in DIR/<size>/ (a new or empty folder)")
    parser.add_argument("--search-engine", default="sharded", choices=sorted(SEARCH_SESSIONS),
                        help="whose files make a search session (default sharded: the site's own search)")
    args = parser.parse_args(argv)
    args.sizes = _sizes(args.sizes)
    if args.json is not None and not args.json.parent.resolve().is_dir():
        raise UsageError(f"找不到 --json 的資料夾 {args.json.parent} / the folder of --json, {args.json.parent}, "
                         "does not exist")
    if args.keep is not None and args.keep.exists() and (not args.keep.is_dir() or any(args.keep.iterdir())):
        raise UsageError(f"--keep 的資料夾 {args.keep} 不是空的，未寫入任何檔案 / the --keep folder {args.keep} is not "
                         "empty; nothing was written")
    return args


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _write_json(path: Path | None, results: list[dict[str, Any]]) -> None:
    if path is not None:
        path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _run(args: argparse.Namespace, results: list[dict[str, Any]]) -> None:
    for size in args.sizes:
        with ExitStack() as stack:
            if args.keep is not None:
                work = args.keep.resolve() / str(size)
            else:
                work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"gongkai-bench-{size}-")))
            result = bench_size(size, work, engine=args.search_engine, profile=args.profile, serve=args.serve, say=say)
            if args.profile:
                print(f"\n== cProfile: {result['pages']} 頁 / pages ==")
                print_profile([Path(p) for p in result.pop("profile_files")])
                print(flush=True)
        results.append(result)
        # Written after every size, so a long run that is stopped keeps the sizes it finished.
        _write_json(args.json, results)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    results: list[dict[str, Any]] = []
    # Being told to stop (kill, a CI timeout) cleans up as Ctrl-C does: the builds are ended, temporary files removed.
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        _run(args, results)
        status = 0
    except KeyboardInterrupt:
        if args.keep:
            say(f"已中止；已產生的檔案留在 {args.keep}。/ Interrupted; what was made is kept in {args.keep}.")
        else:
            say("已中止；暫存的檔案已刪除。/ Interrupted; temporary files were removed.")
        status = 130
    except BuildFailed as error:
        say(str(error))
        status = 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    if results:
        print_table(results)
        if args.json is not None:
            say(f"已寫入 {args.json} / Written to {args.json}")
    return status


if __name__ == "__main__":
    sys.exit(main())
