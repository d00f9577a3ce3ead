"""`scripts/spot-check`: check published portals from outside, as a member of the public would see them."""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from gongkai.data.problems import Bilingual
from gongkai.data.reporting import TODAY_VARIABLE
from gongkai.i18n.catalogue import ui
from gongkai.spotcheck.fetch import Fetcher
from gongkai.spotcheck.findings import FAIL, SiteResult
from gongkai.spotcheck.report import csv_report, json_report, text_report
from gongkai.spotcheck.site import SiteCheck

EXIT_FAILED, EXIT_USAGE = 1, 2


class UsageError(Exception):
    def __init__(self, message: Bilingual) -> None:
        super().__init__(str(message))
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own messages are English only
        raise UsageError(Bilingual("命令參數有誤", message))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gongkai spot-check", description="抽查已發布的公開網站 / Spot-check published portals.")
    parser.add_argument("urls", nargs="*", metavar="URL", help="site address(es), e.g. https://host/plans-portal/")
    parser.add_argument("--file", "-f", type=Path, help="a file of site addresses, one a line (# starts a comment)")
    parser.add_argument("--date", help="judge reporting on this day, YYYY-MM-DD (default: today, or $GONGKAI_TODAY)")
    parser.add_argument("--sample", type=int, default=6, help="pages drawn at random per site (default 6)")
    parser.add_argument("--seed", type=int, help="seed of the random draw, to repeat it (default: a new one)")
    parser.add_argument("--lang", choices=["zh-TW", "en"], default="zh-TW", help="language of the printed report")
    parser.add_argument("--out", type=Path, help="write spot-check.csv and spot-check.json into this folder")
    parser.add_argument("--csv", type=Path, help="write the findings as CSV here")
    parser.add_argument("--json", type=Path, help="write the findings as JSON here")
    parser.add_argument("--force", action="store_true", help="replace report files that already exist")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="the most seconds one request may take, whole answer included (default 10)")
    parser.add_argument("--retries", type=int, default=2, help="retries after a timeout or server error (default 2)")
    parser.add_argument("--parallel", type=int, default=8, help="most requests open at once (default 8)")
    return parser


def _site_urls(args: argparse.Namespace) -> list[str]:
    urls = list(args.urls)
    if args.file is not None:
        try:
            lines = args.file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(Bilingual(f"無法讀取網址清單 {args.file}：{error}",
                                       f"cannot read the list of addresses {args.file}: {error}")) from None
        urls += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]
    if not urls:
        raise UsageError(Bilingual("請提供至少一個網站網址，或以 --file 指定網址清單",
                                   "give at least one site address, or a file of them with --file"))
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(Bilingual(f"不是有效的網站網址：{url}（應以 http:// 或 https:// 開頭）",
                                       f"not a site address: {url} (it should start with http:// or https://)"))
    return [url if url.endswith("/") else url + "/" for url in dict.fromkeys(urls)]


def _day(args: argparse.Namespace) -> datetime.date:
    given = args.date or os.environ.get(TODAY_VARIABLE)
    if not given:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(given)
    except ValueError:
        raise UsageError(Bilingual(f"日期應為 YYYY-MM-DD：{given}", f"the date should be YYYY-MM-DD: {given}")) from None


def _outputs(args: argparse.Namespace) -> dict[str, Path]:
    outputs = {}
    if args.out is not None:
        outputs = {"csv": args.out / "spot-check.csv", "json": args.out / "spot-check.json"}
    outputs.update({kind: path for kind, path in (("csv", args.csv), ("json", args.json)) if path is not None})
    for path in outputs.values():
        if path.exists() and not args.force:
            raise UsageError(Bilingual(f"{path} 已存在；請換一個名稱，或加上 --force 覆寫",
                                       f"{path} already exists; choose another name, or add --force to replace it"))
        if path.exists() and path.is_dir():
            raise UsageError(Bilingual(f"{path} 是資料夾，不能寫成報告檔", f"{path} is a folder, not a report file"))
    return outputs


def _check_numbers(args: argparse.Namespace) -> None:
    for name, value, least in (("--sample", args.sample, 0), ("--retries", args.retries, 0),
                               ("--parallel", args.parallel, 1)):
        if value < least:
            raise UsageError(Bilingual(f"{name} 不可小於 {least}", f"{name} must be at least {least}"))
    if not args.timeout > 0:
        raise UsageError(Bilingual("--timeout 必須大於 0", "--timeout must be more than 0"))


def spot_check(urls: list[str], on: datetime.date, sample: int, seed: int, fetcher: Fetcher) -> list[SiteResult]:
    """Check every site, several at once; each site's draw depends only on the seed and its address."""
    def one(url: str) -> SiteResult:
        check = SiteCheck(url, fetcher)
        try:
            return check.run(on, sample, random.Random(f"{seed}:{url}"))
        except Exception as error:  # noqa: BLE001 - whatever one site serves must not stop the others
            check.add("site", FAIL, url, "unexpected", detail=f"{type(error).__name__}: {error}"[:200])
            return check.result

    with ThreadPoolExecutor(max_workers=min(len(urls), 16), thread_name_prefix="spot-check-site") as sites:
        return list(sites.map(one, urls))


def _write(outputs: dict[str, Path], results: list[SiteResult], on: datetime.date, seed: int, sample: int,
           lang: str) -> None:
    content = {"csv": lambda: csv_report(results), "json": lambda: json_report(results, on, seed, sample)}
    for kind, path in outputs.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content[kind](), encoding="utf-8")
        except OSError as error:
            raise UsageError(Bilingual(f"無法寫入 {path}：{error}", f"cannot write {path}: {error}")) from None
        print(ui("spot_written", lang, path=path))


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        _check_numbers(args)
        urls, on, outputs = _site_urls(args), _day(args), _outputs(args)
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
        fetcher = Fetcher(timeout=args.timeout, retries=args.retries, parallel=args.parallel)
        try:
            results = spot_check(urls, on, args.sample, seed, fetcher)
        finally:
            fetcher.close()
        print(text_report(results, args.lang, on, seed, args.sample), end="")
        _write(outputs, results, on, seed, args.sample, args.lang)
        return 0 if all(r.ok for r in results) else EXIT_FAILED
    except UsageError as error:
        print(f"錯誤 / Error: {error.message}", file=sys.stderr)
        print("用法 / Usage: spot-check URL… [--file FILE] [--date YYYY-MM-DD] [--sample N] [--seed N] "
              "[--lang zh-TW|en] [--out DIR | --csv FILE --json FILE] [--force]", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
