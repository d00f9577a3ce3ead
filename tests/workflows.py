"""The CI definitions and the shell commands they run."""

from __future__ import annotations

import re
from typing import Any

import yaml
from support import ROOT

WORKFLOWS = {"github": ROOT / ".github" / "workflows" / "publish.yml", "gitlab": ROOT / ".gitlab-ci.yml"}
MAKE = re.compile(r"\bmake ([a-z0-9][a-z0-9-]*)")
# The checks every change goes through before it can go live.
CHECKS = {"check", "site", "a11y"}


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))


def commands(workflow: dict[str, Any]) -> list[str]:
    """Every shell command of a GitHub workflow (steps' `run`) or a GitLab pipeline (`script` and its kin)."""
    found: list[str] = []
    for job in workflow.get("jobs", workflow).values():
        if not isinstance(job, dict):
            continue
        found += [step["run"] for step in job.get("steps", []) if "run" in step]
        for key in ("before_script", "script", "after_script"):
            found += job.get(key, [])
    return found


def make_targets(workflow: dict[str, Any]) -> set[str]:
    return set(MAKE.findall("\n".join(commands(workflow))))
