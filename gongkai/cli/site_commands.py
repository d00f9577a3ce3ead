"""Checking the data and building the site: `check`, `build`, `generate`, `serve`, `translations`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from gongkai.cli import shard_commands
from gongkai.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    fail_usage,
    plans_dir,
    plans_option,
    project_root,
    site_not_written,
)
from gongkai.cycle.fixing import fix
from gongkai.data.problems import FIX_BEFORE_BUILDING, Bilingual, display_path, os_error_reason
from gongkai.data.project import Project, load_project
from gongkai.data.translation_report import format_report, portal_translations, site_coverage
from gongkai.export.kept import CACHE_VARIABLE
from gongkai.i18n.languages import CODES
from gongkai.pages.site import Site
from gongkai.pages.static import stylesheet
from gongkai.publish.build import PLANS_VARIABLE, PREVIEW_VARIABLE, BuildFailure, build_site
from gongkai.publish.preview import AGAIN_VARIABLE, SEARCH_CACHE_VARIABLE, preview_cache
from gongkai.publish.shards import ShardError


def checked_project(plans: Path, *, cache: bool = True) -> Project | None:
    """The project when its data has no errors; otherwise None, with every problem printed. Warnings are
    printed after the errors, and never make it fail. `cache`: keep and reuse what each file was found to
    hold (.gongkai-cache/ beside the plans)."""
    project, report = load_project(plans, cache=cache)
    if not report.ok:
        print(report.format(project_root(), closing=FIX_BEFORE_BUILDING), file=sys.stderr)
        return None
    if report.warnings:
        print(report.format_warnings(project_root()) + "\n", file=sys.stderr)
    return project


def _fix(plans: Path, *, cache: bool) -> None:
    """Mend what `check --fix` can mend, and say what was done."""
    _, report = load_project(plans, cache=cache)
    outcome = fix(report.warnings)
    root = project_root()
    for problem in outcome.fixed:
        assert problem.edit is not None and problem.edit.done is not None
        print(f"已修正 fixed：{display_path(problem.file, root)}:{problem.line}  {problem.edit.done}")
    for path, why in outcome.left:
        print(f"未修正 not fixed：{display_path(path, root)}  {why}", file=sys.stderr)
    if outcome.fixed or outcome.left:
        print()


def drafts_note(project: Project) -> str:
    """Which plans are drafts, and so left out of the published site; empty when none is."""
    drafts = [plan for plan in project.portal.plans() if plan.draft]
    if not drafts:
        return ""
    lines = [f"草稿 {len(drafts)} 份，不會發布，只在預覽（gongkai serve、gongkai build --preview）中顯示："
             f" / {len(drafts)} draft plan(s), not published; shown only in a preview (gongkai serve, gongkai build --preview):"]
    lines += [f"  {display_path(plan.path, project_root())}" for plan in drafts]
    return "\n".join(lines)


def check(args: argparse.Namespace) -> int:
    if args.fix:
        _fix(plans_dir(args), cache=not args.no_cache)
    project = checked_project(plans_dir(args), cache=not args.no_cache)
    if project is None:
        return EXIT_FAILED
    portal = project.portal
    plans = list(portal.plans())
    results = sum(1 for plan in plans if plan.results)
    note = drafts_note(project)
    if note:
        print(note)
    print(f"資料檢查通過：{len(portal.agencies)} 個機關、{len(plans)} 份計畫、{results} 份執行成效。"
          f" / Data OK: {len(portal.agencies)} agencies, {len(plans)} plans, {results} results tables.")
    return EXIT_OK


def build(args: argparse.Namespace) -> int:
    plans, project = plans_dir(args), project_root()
    if args.shard:
        try:
            shard_commands.parse_shard(args.shard)
        except ShardError as error:
            fail_usage(error.message)
    checked = checked_project(plans, cache=not args.no_cache)
    if checked is None:
        print("網站未建置，原有的網站保持不變。/ The site was not built; the existing site is unchanged.",
              file=sys.stderr)
        return EXIT_FAILED
    target = (args.out or project / "site").resolve()
    try:
        if args.shard:
            shard_commands.build_in_parts(args, checked, plans, target)
            return EXIT_OK
        if shard_commands.wants_parts(args):
            shard_commands.build_in_parts(args, checked, plans, target)
        else:
            build_site(project, plans, target, preview=args.preview)
    except ShardError as error:
        print(f"{error.message.zh}。/ {error.message.en}.", file=sys.stderr)
        return EXIT_USAGE
    except BuildFailure as failure:
        print(f"{failure.output}\n{failure.message}，原有的網站保持不變。/ {failure.message.en}; "
              "the existing site is unchanged.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        return site_not_written(error)
    if args.preview:
        print("預覽版：草稿計畫也顯示，並標示「草稿 DRAFT」；請勿發布這個網站。/ A preview: draft plans are shown, "
              "marked DRAFT; do not publish this site.")
    print(f"網站已建置於 {target} / Site built in {target}")
    return EXIT_OK


def generate(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail_usage(Bilingual(f"{out} 不是空的資料夾，未寫入任何檔案。", f"{out} is not empty; nothing was written."))
    plans = plans_dir(args)
    if checked_project(plans) is None:
        return EXIT_FAILED
    try:
        _write_pages(plans, args.lang, out, args.preview)
    except OSError as error:
        print(f"無法寫入 {out}。/ {out} could not be written.\n  原因 reason：{os_error_reason(error)}\n  {error}",
              file=sys.stderr)
        return EXIT_FAILED
    print(f"已寫入 {out} / Written to {out}")
    return EXIT_OK


def _write_pages(plans: Path, lang: str, out: Path, preview: bool) -> None:
    site, _ = Site.load(plans, lang, preview=preview)
    shutil.copytree(project_root() / "content" / lang, out, dirs_exist_ok=True)
    for path in out.rglob("*.md"):
        path.write_text(site.expand(path.read_text(encoding="utf-8"), str(path.relative_to(out))), encoding="utf-8")
    files: list[tuple[str, str | bytes]] = [(page.path, page.markdown) for page in site.pages()]
    files.append(("assets/gongkai.css", stylesheet()))
    files.extend((destination, source.read_bytes()) for source, destination in site.assets())
    files.extend((download.path, download.content) for download in site.root_files())
    for destination, content in files:
        target = out / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)


def serve(args: argparse.Namespace) -> int:
    plans, project = plans_dir(args), project_root()
    loaded = checked_project(plans)
    if loaded is None:
        return EXIT_FAILED
    # An edit rebuilds only what it changed (gongkai.publish.preview), so the server builds --dirty; the
    # downloads of unchanged plans and the search index of unchanged pages are kept between rebuilds.
    kept = preview_cache(project, plans, loaded.portal)
    # An edit shows its agency's pages first, then the portal-wide ones: the build asks for the second by
    # changing a file in a folder the server watches.
    again = kept / "again"
    again.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GONGKAI_LANG": args.lang, "GONGKAI_CONTENT": str(project / "content" / args.lang),
           PLANS_VARIABLE: str(plans), PREVIEW_VARIABLE: "1", "NO_MKDOCS_2_WARNING": "1",
           CACHE_VARIABLE: str(kept / "downloads"), SEARCH_CACHE_VARIABLE: str(kept / "search"),
           AGAIN_VARIABLE: str(again / "portal-wide")}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project / "mkdocs.yml"),
               "-a", args.address, *serve_watch(plans, project), "--watch", str(again)]
    return subprocess.run(command, cwd=project, env=env).returncode


def serve_watch(plans: Path, project: Path) -> list[str]:
    """The preview is rebuilt when the data changes, not only the hand-written pages."""
    watched = [plans, project / "portal.yml", project / "glossary.yml"]
    return [argument for path in watched if path.exists() for argument in ("--watch", str(path))]


def translations(args: argparse.Namespace) -> int:
    if args.min is not None and not 0 <= args.min <= 100:
        fail_usage(Bilingual("--min 應為 0 到 100", "--min must be between 0 and 100"))
    files = portal_translations(plans_dir(args))
    print(format_report(files, project_root()))
    share = site_coverage(files).share * 100
    if args.min is not None and share < args.min:
        print(f"翻譯比率 {share:.1f}% 低於要求的 {args.min:g}%。/ {share:.1f}% translated, below the {args.min:g}% asked for.",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="檢查資料 / check every file under plans/ and list every problem")
    parser.add_argument("--fix", action="store_true",
                        help="first mend what can be mended by itself (typed numbering, the editor's schema line), "
                             "changing nothing else in the files")
    parser.add_argument("--no-cache", action="store_true",
                        help="read and check every file again instead of taking the unchanged ones from .gongkai-cache/")
    plans_option(parser)
    parser.set_defaults(run=check)

    parser = commands.add_parser("build", help="建置網站 / check, then build every language into site/")
    plans_option(parser)
    parser.add_argument("--out", type=Path, help="where the finished site goes (default: site/)")
    parser.add_argument("--preview", action="store_true",
                        help="a preview, e.g. of a pull request: draft plans (state: draft) are shown, marked DRAFT; "
                             "never publish it")
    shard_commands.add_options(parser)
    parser.set_defaults(run=build)

    parser = commands.add_parser("generate", help="寫出頁面原始檔 / write one language's pages as Markdown for another engine")
    parser.add_argument("lang", choices=CODES)
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--preview", action="store_true", help="show draft plans too, marked DRAFT")
    plans_option(parser)
    parser.set_defaults(run=generate)

    parser = commands.add_parser("serve", help="預覽網站 / preview one language at http://127.0.0.1:8000, "
                                              "draft plans included")
    parser.add_argument("--lang", choices=CODES, default=CODES[0])
    parser.add_argument("--address", default="127.0.0.1:8000", help="IP:PORT to serve on")
    plans_option(parser)
    parser.set_defaults(run=serve)

    parser = commands.add_parser("translations", help="翻譯比率 / list every text without English")
    plans_option(parser)
    parser.add_argument("--min", type=float, default=None, metavar="PERCENT",
                        help="fail when the whole site is translated below this share (0-100)")
    parser.set_defaults(run=translations)
