"""The build in parts makes the very bytes of the plain build: sharded in processes (`build --jobs 2`),
sharded for several machines (`build --shard K/N` then `merge`), and after one plan is edited with the
unchanged agencies taken from the cache. On the demo plans/ and on a small synthetic portal."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support import GONGKAI, PLANS, ROOT

from gongkai.devtools import synthetic

ENV = {**os.environ, "GONGKAI_TODAY": "2026-02-15", "NO_MKDOCS_2_WARNING": "1"}


def gongkai(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GONGKAI, *map(str, args)], cwd=ROOT, env=ENV, capture_output=True, text=True)


def built(*args: str | Path) -> str:
    result = gongkai(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def differences(first: Path, second: Path) -> list[str]:
    """Every file that is in one site only or whose bytes differ, as `diff -r` would list them."""
    def files(site: Path) -> dict[str, Path]:
        return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    a, b = files(first), files(second)
    found = [f"only in {first}: {name}" for name in sorted(a.keys() - b.keys())]
    found += [f"only in {second}: {name}" for name in sorted(b.keys() - a.keys())]
    found += [f"differ: {name}" for name in sorted(a.keys() & b.keys()) if a[name].read_bytes() != b[name].read_bytes()]
    return found


def plain_build(plans: Path, out: Path) -> Path:
    """The unsharded build, in one process, no cache: the reference."""
    built("build", "--plans", plans, "--out", out, "--jobs", "1", "--no-cache")
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A copy of the demo data (plans/, portal.yml, glossary.yml), so that a plan may be edited."""
    folder = tmp_path_factory.mktemp("demo")
    shutil.copytree(PLANS, folder / "plans")
    for name in ("portal.yml", "glossary.yml"):
        shutil.copy(ROOT / name, folder / name)
    return folder / "plans"


@pytest.fixture(scope="module")
def small_portal(tmp_path_factory) -> Path:
    """The smallest synthetic portal of a few agencies and years."""
    return synthetic.generate_portal(tmp_path_factory.mktemp("synthetic"), synthetic.smallest_size() * 3).plans


PORTALS = ["demo", "small_portal"]


def test_the_comparison_sees_one_changed_byte_and_a_missing_file(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "index.html").write_bytes(b"<p>same</p>")
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "x" / "index.html").write_bytes(b"<p>samE</p>")
    (tmp_path / "a" / "extra.txt").write_text("x")
    assert differences(tmp_path / "a", tmp_path / "b") == [f"only in {tmp_path / 'a'}: extra.txt",
                                                           "differ: x/index.html"]


@pytest.mark.parametrize("portal", PORTALS)
def test_a_build_sharded_over_two_processes_is_byte_identical_to_the_plain_build(portal, request, tmp_path):
    plans = request.getfixturevalue(portal)
    reference = plain_build(plans, tmp_path / "plain")
    output = built("build", "--plans", plans, "--out", tmp_path / "sharded", "--jobs", "2", "--no-cache")
    assert "in 2 processes" in output
    assert differences(reference, tmp_path / "sharded") == []


@pytest.mark.parametrize("portal", PORTALS)
def test_shards_built_apart_and_merged_are_byte_identical_to_the_plain_build(portal, request, tmp_path):
    plans = request.getfixturevalue(portal)
    reference = plain_build(plans, tmp_path / "plain")
    shards = [tmp_path / f"shard-{k}" for k in (1, 2, 3)]
    for k, folder in enumerate(shards, start=1):
        built("build", "--plans", plans, "--shard", f"{k}/3", "--out", folder)
    # Each shard holds only its own files: the portal-wide ones are in shard 1 alone.
    assert (shards[0] / "index.html").is_file() and not (shards[1] / "index.html").exists()
    assert not (shards[2] / "sitemap.xml").exists()
    merged = tmp_path / "merged"
    built("merge", *shards, "--into", merged, "--plans", plans, "--no-cache")
    assert differences(reference, merged) == []


def test_merging_again_takes_the_search_index_from_the_cache(demo, tmp_path):
    plans = tmp_path / "data" / "plans"
    shutil.copytree(demo.parent, plans.parent, ignore=shutil.ignore_patterns(".gongkai-cache"))
    shards = [tmp_path / f"shard-{k}" for k in (1, 2)]
    for k, folder in enumerate(shards, start=1):
        built("build", "--plans", plans, "--shard", f"{k}/2", "--out", folder)
    merged = tmp_path / "merged"
    built("merge", *shards, "--into", merged, "--plans", plans)
    assert (plans.parent / ".gongkai-cache" / "build" / "_search").is_dir()
    first = {p.relative_to(merged): p.stat().st_ino for p in (merged / "search").rglob("*") if p.is_file()}
    built("merge", *shards, "--into", merged, "--plans", plans)
    # Every index file is the one the first merge wrote, linked from the site it replaced.
    assert {p.relative_to(merged): p.stat().st_ino for p in (merged / "search").rglob("*") if p.is_file()} == first
    assert differences(plain_build(plans, tmp_path / "plain"), merged) == []


@pytest.mark.parametrize("portal", PORTALS)
def test_after_one_plan_is_edited_only_its_agency_is_rebuilt_and_the_site_is_byte_identical_to_a_cold_build(
        portal, request, tmp_path):
    plans = tmp_path / "data" / "plans"
    shutil.copytree(request.getfixturevalue(portal).parent, plans.parent,
                    ignore=shutil.ignore_patterns(".gongkai-cache"))
    site = tmp_path / "site"
    first = built("build", "--plans", plans, "--out", site, "--jobs", "2")
    assert "reused 0" in first
    edited = synthetic.edit_one_plan(plans)
    again = built("build", "--plans", plans, "--out", site, "--jobs", "2")
    agencies = len([p for p in plans.iterdir() if p.is_dir()])
    assert f"Built 1 agencies, reused {agencies - 1}" in again
    # The unchanged agencies' files are the cache's own, linked rather than copied.
    unchanged = next(p.name for p in sorted(plans.iterdir()) if p.is_dir() and p.name != edited.parent.parent.name)
    assert (site / "plans" / unchanged / "index.html").stat().st_nlink >= 2
    # The edited plan's downloads are the kept ones, linked too, and so is the ZIP.
    kept = {p.stat().st_ino for p in (plans.parent / ".gongkai-cache").rglob("*") if p.is_file()}
    downloads = site / "plans" / edited.parent.parent.name / edited.parent.name / "downloads"
    assert all(p.stat().st_ino in kept for p in downloads.iterdir())
    assert (site / "downloads" / "gongkai-open-data.zip").stat().st_ino in kept
    reference = plain_build(plans, tmp_path / "cold")
    assert differences(reference, site) == []
    # The edit shows: the cold build is of the edited data, not of the data before.
    page = site / "plans" / edited.parent.parent.name / edited.parent.name / "index.html"
    assert "（修訂）" in page.read_text(encoding="utf-8")


def test_merging_an_incomplete_set_of_shards_fails_in_both_languages_and_keeps_the_old_site(demo, tmp_path):
    built("build", "--plans", demo, "--shard", "1/2", "--out", tmp_path / "one")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    result = gongkai("merge", tmp_path / "one", "--into", tmp_path / "site")
    assert result.returncode == 1
    assert "缺少 [2]" in result.stderr and "missing [2]" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["old.html"]


def test_merging_a_folder_that_is_not_a_shard_fails_without_a_traceback(tmp_path):
    (tmp_path / "nothing").mkdir()
    result = gongkai("merge", tmp_path / "nothing", "--into", tmp_path / "site")
    assert result.returncode == 1 and "is not a shard" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["0/2", "3/2", "a/b", "2"])
def test_a_bad_shard_is_a_usage_error_in_both_languages(value, tmp_path):
    result = gongkai("build", "--shard", value, "--out", tmp_path / "out")
    assert result.returncode == 2 and "K/N" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
