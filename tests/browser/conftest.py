"""A built demo site, served on loopback, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import GONGKAI

from gongkai.devtools.axe import browser, site_paths
from gongkai.devtools.loopback import serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("a11y") / "site"
    result = subprocess.run([*GONGKAI, "build", "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def all_paths(built_site) -> list[str]:
    return site_paths(built_site)


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
