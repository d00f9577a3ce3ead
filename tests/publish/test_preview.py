"""The preview (`gongkai serve`) rebuilds only what an edit changed, and shows the edit."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from support import GONGKAI, PLANS, ROOT

from gongkai.data.project import load_project
from gongkai.devtools import synthetic
from gongkai.publish.preview import PREVIEW_CACHE, Preview, preview_cache
from gongkai.publish.shards import Part


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the demo data, to edit."""
    shutil.copytree(PLANS, tmp_path / "plans")
    for name in ("portal.yml", "glossary.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path / "plans"


def _portal(plans: Path):
    project, report = load_project(plans)
    assert report.ok
    return project.portal


def test_the_first_build_is_whole_then_only_the_edited_agency_and_the_portal_pages(data: Path) -> None:
    preview = Preview()
    assert preview.next_part(ROOT, data, _portal(data)) is None
    assert preview.next_part(ROOT, data, _portal(data)) == Part(agencies=frozenset(), shared=True)
    edited = synthetic.edit_one_plan(data)
    assert preview.next_part(ROOT, data, _portal(data)) == Part(agencies=frozenset({edited.parent.parent.name}),
                                                                 shared=True)


def test_in_two_an_edit_builds_its_agency_first_and_the_portal_pages_next(data: Path) -> None:
    preview = Preview()
    assert preview.next_part(ROOT, data, _portal(data), in_two=True) is None
    assert not preview.portal_wide_due
    edited = synthetic.edit_one_plan(data).parent.parent.name
    assert preview.next_part(ROOT, data, _portal(data), in_two=True) == Part(agencies=frozenset({edited}),
                                                                             shared=False)
    assert preview.portal_wide_due
    assert preview.next_part(ROOT, data, _portal(data), in_two=True) == Part(agencies=frozenset(), shared=True)
    assert not preview.portal_wide_due


def test_a_change_every_page_shares_builds_everything_again(data: Path) -> None:
    preview = Preview()
    preview.next_part(ROOT, data, _portal(data))
    settings = data.parent / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert preview.next_part(ROOT, data, _portal(data)) is None


def test_what_the_preview_kept_for_other_code_or_settings_is_removed(data: Path) -> None:
    stale = data.parent / PREVIEW_CACHE / "stale"
    stale.mkdir(parents=True)
    current = preview_cache(ROOT, data, _portal(data))
    assert current.parent == stale.parent and not stale.exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.3)


def test_an_edited_plan_shows_in_the_served_preview_after_a_rebuild_of_its_agency_only(data: Path) -> None:
    port = _free_port()
    log = data.parent / "serve.log"
    env = {**os.environ, "GONGKAI_TODAY": "2026-02-15"}
    with open(log, "w") as out:
        server = subprocess.Popen([*GONGKAI, "serve", "--plans", str(data), "--address", f"127.0.0.1:{port}"],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        target = min(data.glob("*/*/plan.yml"))
        page = f"http://127.0.0.1:{port}/plans/{target.parent.parent.name}/{target.parent.name}/"
        _wait_for(lambda: _get(page) is not None or server.poll() is not None, 240, "the first build")
        assert server.poll() is None, log.read_text(encoding="utf-8")
        assert "（修訂）" not in (_get(page) or "")
        manifest = f"http://127.0.0.1:{port}/transparency.json"
        manifest_before = _get(manifest)
        time.sleep(1)  # the server watches from after its first build
        synthetic.edit_one_plan(data)
        _wait_for(lambda: "（修訂）" in (_get(page) or ""), 120, "the edit to show")
        _wait_for(lambda: log.read_text(encoding="utf-8").count("Reloading browsers") >= 2, 60,
                  "the rebuild of the portal-wide pages to end")
        # The manifest lists the SHA-256 of the edited plan's downloads.
        assert _get(manifest) != manifest_before
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    said = log.read_text(encoding="utf-8")
    assert "Traceback" not in said
    rebuilt = [line for line in said.splitlines() if "the preview rebuilds" in line]
    # The edited agency alone, shown first; then, asked for by that build, the portal-wide pages.
    assert len(rebuilt) == 2, said[-3000:]
    assert rebuilt[0].endswith(f"the agencies that changed: {target.parent.parent.name}"), said[-3000:]
    assert rebuilt[1].endswith("the portal-wide pages"), said[-3000:]
