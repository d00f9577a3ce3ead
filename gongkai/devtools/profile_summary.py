"""Where the time of a profiled build goes: the top functions, a few known steps, and time by part.

Reads cProfile output files (several processes' files are added together). Time spent in the standard
library or in built-in functions (regular expressions, file writes, compression) is counted for the part
of the program that called it, in proportion to the calls each caller made.
"""

from __future__ import annotations

import pstats
import sys
from collections import defaultdict
from pathlib import Path

from gongkai.devtools.synthetic import ROOT

Func = tuple[str, int, str]

# The parts of a build, in the order they are tried: the first whose path fragment a function's file holds.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("search plugin (Material search, jieba)", ("/material/plugins/search/", "/jieba/", "/mkdocs/contrib/search/")),
    ("YAML loading & validation", ("/gongkai/data/", "/gongkai/cli.py", "/ruamel/", "/yaml/", "/jsonschema/",
                                   "/referencing/", "/jsonschema_specifications/", "/rpds/")),
    ("downloads (ODS, ODT, CSV, ZIP) & manifest", ("/gongkai/export/", "/odf/")),
    ("Jinja: compiling templates (both)", tuple(f"/jinja2/{m}.py" for m in (
        "lexer", "parser", "compiler", "nodes", "visitor", "optimizer", "idtracking")) + ("/jinja2/loaders.py",)),
    ("Jinja: our page templates", ("/gongkai/pages/templates/",)),
    ("Jinja: theme templates (Material, overrides)", ("/material/templates/", "/overrides/")),
    ("Jinja & MarkupSafe runtime (both)", ("/jinja2/", "/markupsafe/")),
    ("our pages & texts (gongkai.pages, .i18n, hook)", ("/gongkai/", "/hooks/")),
    ("Markdown (Python-Markdown, pymdownx)", ("/markdown/", "/pymdownx/", "/pygments/")),
    ("MkDocs & Material core", ("/mkdocs/", "/material/", "/babel/", "/mkdocs_get_deps/", "/pathspec/",
                                "/watchdog/", "/mergedeep/", "/pyyaml_env_tag/")),
]
IMPORTS = "Python start-up & imports"
OTHER = "other"

# Known steps, by the end of their file's path and their name, reported with their cumulative time.
STEPS: list[tuple[str, str, str]] = [
    ("the data: load, schema, rules (check + 2 builds)", "gongkai/data/load.py", "load_portal"),
    ("  YAML parsing", "gongkai/data/yaml_source.py", "load"),
    ("  JSON Schema validation", "gongkai/data/schema_messages.py", "schema_problems"),
    ("downloads: every plan's files and the ZIP", "gongkai/export/files.py", "portal_downloads"),
    ("transparency manifest", "gongkai/export/manifest.py", "build_manifest"),
    ("generated pages (Site.pages)", "gongkai/pages/site.py", "pages"),
    ("  plan pages", "gongkai/pages/renderer.py", "render_plan"),
    ("  results pages", "gongkai/pages/renderer.py", "render_results"),
    ("hook on_config (load)", "hooks/gongkai_mkdocs.py", "on_config"),
    ("hook on_files (pages, downloads, manifest)", "hooks/gongkai_mkdocs.py", "on_files"),
    ("MkDocs: reading each page, Markdown to HTML", "mkdocs/commands/build.py", "_populate_page"),
    ("  Markdown to HTML", "mkdocs/structure/pages.py", "render"),
    ("MkDocs: each page through the theme and page events", "mkdocs/commands/build.py", "_build_page"),
    ("  writing pages", "mkdocs/utils/__init__.py", "write_file"),
    ("search plugin: per page", "material/plugins/search/plugin.py", "on_page_context"),
    ("  Chinese word segmentation (jieba)", "material/plugins/search/plugin.py", "_segment_chinese"),
    ("search plugin: writing the index", "material/plugins/search/plugin.py", "on_post_build"),
    ("MkDocs build, whole (2 languages)", "mkdocs/commands/build.py", "build"),
]
# Wrappers that only pass the call on (the command line, the profiler) are left out of the top list.
HIDDEN = ("cProfile", "runpy", "<frozen runpy>", "profile.py", "/click/", "/mkdocs/__main__.py")


def load(files: list[Path]) -> pstats.Stats:
    stats = pstats.Stats(str(files[0]), stream=sys.stdout)
    for more in files[1:]:
        stats.add(str(more))
    return stats


def _direct_group(func: Func) -> str | None:
    filename, _, name = func
    path = filename.replace("\\", "/")
    for group, fragments in GROUPS:
        if any(fragment in path for fragment in fragments):
            return group
    if "importlib" in path or name == "<module>":
        return IMPORTS
    return None


def time_by_group(stats: pstats.Stats) -> dict[str, float]:
    """Own time of every function, summed by part; standard library and built-ins counted for their callers."""
    table = stats.stats  # type: ignore[attr-defined]
    shares: dict[Func, dict[str, float]] = {}

    def share(func: Func, seen: frozenset) -> dict[str, float]:
        if func in shares:
            return shares[func]
        group = _direct_group(func)
        if group is not None:
            result = {group: 1.0}
        elif func in seen or func not in table:
            result = {OTHER: 1.0}
        else:
            callers = table[func][4]
            weights = {caller: edge[2] + edge[3] * 1e-9 for caller, edge in callers.items()}
            total = sum(weights.values())
            if not total:
                result = {OTHER: 1.0}
            else:
                result = defaultdict(float)
                for caller, weight in weights.items():
                    for name, part in share(caller, seen | {func}).items():
                        result[name] += part * weight / total
                result = dict(result)
        shares[func] = result
        return result

    totals: dict[str, float] = defaultdict(float)
    for func, (_, _, own, _, _) in table.items():
        for group, part in share(func, frozenset()).items():
            totals[group] += own * part
    return dict(totals)


def _where(func: Func) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{line}({name})"


def top_cumulative(stats: pstats.Stats, count: int = 25) -> list[tuple[float, float, int, str]]:
    rows = []
    for func, (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        filename, _, name = func
        if name in ("<module>", "<built-in method builtins.exec>") or any(h in filename for h in HIDDEN):
            continue
        rows.append((cumulative, own, calls, _where(func)))
    return sorted(rows, reverse=True)[:count]


def steps(stats: pstats.Stats) -> list[tuple[str, float]]:
    found = []
    for label, file_end, name in STEPS:
        total = float(sum(v[3] for (f, _, n), v in stats.stats.items()  # type: ignore[attr-defined]
                          if n == name and f.replace("\\", "/").endswith(file_end)))
        if total:
            found.append((label, total))
    return found


def print_profile(files: list[Path], count: int = 25) -> None:
    stats = load(files)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"總計 / total profiled: {total:.1f} s (cProfile adds overhead; compare shares, not seconds)")
    print(f"\n前 {count} 名（累計時間）/ top {count} functions by cumulative time:")
    print(f"{'cumulative s':>12} {'own s':>8} {'calls':>9}  function")
    for cumulative, own, calls, where in top_cumulative(stats, count):
        print(f"{cumulative:12.2f} {own:8.2f} {calls:9d}  {where}")
    print("\n步驟（累計，互有重疊）/ known steps (cumulative, they overlap):")
    for label, seconds in steps(stats):
        print(f"{seconds:8.2f} s  {label}")
    print("\n各部分（自身時間）/ time by part (own time, adds up to the total):")
    for group, seconds in sorted(time_by_group(stats).items(), key=lambda item: -item[1]):
        print(f"{seconds:8.2f} s  {100 * seconds / total:5.1f}%  {group}")
