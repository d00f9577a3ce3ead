"""scripts/publish swaps a built site into a web server's folder whole, and never replaces a person's folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import GONGKAI

from gongkai.publish.swap import PUBLISHED_MARKER


def publish(*args: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([*GONGKAI, "publish", *map(str, args)],
                          capture_output=True, text=True)


def files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path) -> Path:
    folder = tmp_path / "site"
    (folder / "plans").mkdir(parents=True)
    (folder / "index.html").write_text("new home", encoding="utf-8")
    (folder / "plans" / "index.html").write_text("new plans", encoding="utf-8")
    return folder


@pytest.fixture
def server(tmp_path) -> Path:
    """The folder a web server serves, inside a folder of its own so leftovers beside it show."""
    return tmp_path / "www" / "plans"


def test_publishing_copies_the_site_and_marks_the_folder_as_published(site, server):
    result = publish(site, server)
    assert result.returncode == 0, result.stderr
    assert "Published to" in result.stdout and "已發布" in result.stdout
    published = files(server)
    assert published.pop(PUBLISHED_MARKER)
    assert published == files(site)
    assert [p.name for p in server.parent.iterdir()] == ["plans"]


def test_a_new_publication_replaces_the_old_one_whole(site, server):
    assert publish(site, server).returncode == 0
    (server / "old-page.html").write_text("gone after the next publication", encoding="utf-8")
    (site / "index.html").write_text("newer home", encoding="utf-8")
    assert publish(site, server).returncode == 0
    assert not (server / "old-page.html").exists()
    assert (server / "index.html").read_text(encoding="utf-8") == "newer home"
    assert [p.name for p in server.parent.iterdir()] == ["plans"]


def test_a_failed_copy_leaves_the_published_site_untouched(site, server):
    assert publish(site, server).returncode == 0
    before = files(server)
    (site / "index.html").write_text("half of a new site", encoding="utf-8")
    (site / "plans" / "broken.pdf").symlink_to(site / "no-such-file.pdf")
    result = publish(site, server)
    assert result.returncode == 1
    assert "unchanged" in result.stderr and "保持不變" in result.stderr and "Traceback" not in result.stderr
    assert files(server) == before
    assert [p.name for p in server.parent.iterdir()] == ["plans"]


def test_a_folder_the_tool_did_not_publish_is_refused_unless_forced(site, server):
    server.mkdir(parents=True)
    (server / "report.docx").write_text("a person's work", encoding="utf-8")
    result = publish(site, server)
    assert result.returncode == 2
    assert "--force" in result.stderr and "未發布" in result.stderr
    assert files(server) == {"report.docx": "a person's work"}
    assert publish(site, server, "--force").returncode == 0
    assert not (server / "report.docx").exists() and (server / PUBLISHED_MARKER).is_file()


def test_an_empty_folder_is_published_into(site, server):
    server.mkdir(parents=True)
    assert publish(site, server).returncode == 0
    assert (server / "index.html").read_text(encoding="utf-8") == "new home"


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path, server):
    (tmp_path / "notes").mkdir()
    result = publish(tmp_path / "notes", server)
    assert result.returncode == 2 and "make site" in result.stderr
    assert not server.exists()


def test_a_target_holding_the_site_is_refused_even_when_forced(site):
    result = publish(site, site.parent, "--force")
    assert result.returncode == 2 and "overlap" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "new home"
