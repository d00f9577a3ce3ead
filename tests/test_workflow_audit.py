"""The GitHub workflow passes zizmor's static audit of GitHub Actions, offline.

zizmor (pinned in requirements.txt) runs with its "pedantic" persona: every audit of the default persona, which
flags actions not pinned to a commit, checkout credentials left for artifacts and expressions pasted into shell
commands, and those for code smells too (undocumented permissions, unnamed jobs, unpinned container images).
Offline, the audits that ask GitHub's API are skipped: impostor-commit, ref-confusion, known-vulnerable-actions,
stale-action-refs and ref-version-mismatch (which would confirm that each pinned commit is the release its
comment names).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT
from workflows import WORKFLOWS

ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
# The persona that reports the most; ignores are written next to the line they excuse, with the reason.
PERSONA = "pedantic"
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def audit(path: Path) -> tuple[int, list[dict]]:
    assert ZIZMOR, "zizmor is not installed: pip install -r requirements.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    result = subprocess.run([ZIZMOR, "--offline", "--no-config", "--persona", PERSONA, "--format", "json",
                             "--no-progress", str(path)], check=False, capture_output=True, text=True, env=env,
                            timeout=120, cwd=ROOT)
    assert result.stdout.strip(), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_the_github_workflow_passes_the_audit():
    status, findings = audit(WORKFLOWS["github"])
    assert [(f["ident"], f["desc"]) for f in findings] == []
    assert status == 0


def test_the_audit_catches_what_it_is_here_for(tmp_path):
    """So that a clean result above means something: the same run finds each problem in a careless workflow."""
    careless = tmp_path / "careless.yml"
    careless.write_text("""\
on: pull_request
permissions: {}
jobs:
  build:
    name: build
    runs-on: ubuntu-latest
    container: python:3.11-bookworm
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - uses: actions/upload-artifact@v4
        with:
          name: everything
          path: .
""", encoding="utf-8")
    status, findings = audit(careless)
    assert {"unpinned-uses", "artipacked", "template-injection", "unpinned-images"} <= {f["ident"] for f in findings}
    assert status != 0


def test_every_action_names_the_release_its_commit_is_from():
    lines = [line for line in WORKFLOWS["github"].read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines and [line for line in lines if not PINNED.match(line)] == []


def test_the_auditor_is_pinned_in_the_requirements():
    assert re.search(r"^zizmor==\d+\.\d+\.\d+$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
