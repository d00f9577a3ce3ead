"""The preview's timing fails with the server's own words when the server does not come up."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from gongkai.devtools.bench_serve import ServeFailed, serve_edit_seconds


def test_a_server_that_ends_at_once_is_a_failure_with_its_log(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "print('no such server'); raise SystemExit(3)"]
    with pytest.raises(ServeFailed, match="no such server"):
        serve_edit_seconds(failing, tmp_path, tmp_path / "serve.log", dict(os.environ), tmp_path, limit=30)
