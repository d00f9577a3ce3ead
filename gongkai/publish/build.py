"""Building the whole site: the check, then each language with MkDocs into a staging folder that
replaces the old site only when every language built."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from gongkai.data.problems import Bilingual, os_error_reason
from gongkai.i18n.languages import LANGUAGES
from gongkai.publish.swap import discard, staging_dir, swap_in

PLANS_VARIABLE = "GONGKAI_PLANS"


@dataclass(frozen=True)
class BuildFailure(Exception):
    """A language that did not build, with what MkDocs printed."""

    message: Bilingual
    output: str


def build_language(project: Path, lang: str, plans: Path, out: Path) -> None:
    """One language of the site into `out`; a BuildFailure with MkDocs's output if it fails."""
    env = {**os.environ, "GONGKAI_LANG": lang, "GONGKAI_CONTENT": str(project / "content" / lang),
           PLANS_VARIABLE: str(plans), "NO_MKDOCS_2_WARNING": "1"}
    # subprocess.run kills MkDocs if this process is interrupted, so no build outlives the command.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                             "-d", str(out)], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailure(Bilingual(f"建置 {lang} 失敗", f"building {lang} failed"),
                           without_os_traceback(result.stdout + result.stderr))


TRACEBACK = "Traceback (most recent call last):"
OS_ERROR_LINE = re.compile(r"^(?:\w+\.)*\w*(?:OSError|Error): \[Errno (\d+)\] (.*)$", re.MULTILINE)


def without_os_traceback(output: str) -> str:
    """MkDocs's output, with a traceback of a file error (a full disk, a read-only folder) replaced by
    what went wrong in both languages: that is not a fault of the program, and the traceback hides it."""
    if TRACEBACK not in output:
        return output
    errors = list(OS_ERROR_LINE.finditer(output))
    if not errors:
        return output
    number, message = int(errors[-1].group(1)), errors[-1].group(2)
    before = output[:output.index(TRACEBACK)].rstrip()
    reason = os_error_reason(OSError(number, os.strerror(number)))
    return "\n".join(filter(None, [before, f"無法寫入網站檔案 / a file of the site could not be written：{reason}",
                                   f"  {message}"]))


def build_site(project: Path, plans: Path, target: Path) -> None:
    """Every language into a new folder beside `target`, swapped in only when all of them built."""
    staged = staging_dir(target)
    try:
        for language in LANGUAGES:
            build_language(project, language.code, plans, staged / language.prefix)
        swap_in(staged, target)
    except BaseException:
        discard(staged)
        raise
