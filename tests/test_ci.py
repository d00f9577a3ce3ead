"""The CI definitions run the README's commands, so the two cannot drift apart."""

from __future__ import annotations

import os
import re
import subprocess
from typing import Any

import pytest
from support import ROOT
from workflows import CHECKS, WORKFLOWS, commands, load, make_targets


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z0-9][a-z0-9-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


@pytest.fixture(params=sorted(WORKFLOWS))
def workflow(request) -> dict[str, Any]:
    return load(request.param)


def test_workflows_run_the_checks_and_the_build(workflow):
    assert CHECKS <= make_targets(workflow)


def test_every_make_target_a_workflow_runs_is_in_the_makefile_and_the_readme(workflow):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in make_targets(workflow):
        assert target in makefile_targets(), target
        assert f"`make {target}`" in readme, target


def test_workflows_install_what_the_browser_checks_need_as_the_project_ci_does(workflow):
    installs = "\n".join(commands(workflow))
    for package in ("chromium", "fonts-noto-cjk"):
        assert package in (ROOT / ".ci" / "run").read_text(encoding="utf-8") and package in installs


def test_github_publishes_only_from_main_and_only_a_checked_site():
    workflow = load("github")
    check, deploy = workflow["jobs"]["check"], workflow["jobs"]["deploy"]
    upload = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert "refs/heads/main" in upload["if"] and upload["with"]["path"] == "site/"
    assert deploy["needs"] == "check" and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    names = [step.get("name", "") for step in check["steps"]]
    # The site is handed over after every check ran.
    assert names.index("make a11y") < names.index("Hand the built site to GitHub Pages")


def test_gitlab_publishes_the_site_the_check_job_built_from_main_only():
    pipeline = load("gitlab")
    pages = pipeline["pages"]
    assert pages["needs"] == ["check"] and pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "site/" in pipeline["check"]["artifacts"]["paths"]


def test_a_pull_request_builds_a_preview_and_main_the_site_to_publish():
    github = load("github")
    preview = github["jobs"]["check"]["env"]["PREVIEW"]
    assert preview == "${{ github.event_name == 'pull_request' && '1' || '' }}"
    gitlab = load("gitlab")
    rules = gitlab["check"]["rules"]
    assert [rule.get("variables", {}).get("PREVIEW") for rule in rules] == ["1", None]
    assert "merge_request_event" in rules[0]["if"] and "CI_DEFAULT_BRANCH" in rules[1]["if"]
    assert "PREVIEW" not in str(gitlab["pages"])
    # make passes PREVIEW on to the build (make site, and the a11y and review-copy that rebuild it).
    for variables, expected in (([], ["build"]), (["PREVIEW=1"], ["build", "--preview"]), (["PREVIEW="], ["build"])):
        made = subprocess.run(["make", "-n", "-W", ".venv/.installed", "site", *variables], cwd=ROOT,
                              capture_output=True, text=True, env={"PATH": os.environ["PATH"]})
        assert made.stdout.split()[-len(expected) - 1:] == [".venv/bin/gongkai", *expected], made.stdout
