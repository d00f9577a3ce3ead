"""How long the preview (`gongkai serve`) takes to show an edit: the server is started on a portal, one plan
is edited once the first build is served, and the time is taken until the server has rebuilt and told the
browsers to reload (its log says "Reloading browsers") with the edit on the plan's page."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from gongkai.devtools import synthetic
from gongkai.devtools.process_groups import end_group

SERVING, RELOADED = "Serving on", "Reloading browsers"
POLL = 0.05


class ServeFailed(Exception):
    pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(condition, server: subprocess.Popen, log: Path, limit: float) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise ServeFailed(f"預覽伺服器未能完成 / the preview server did not finish; {log}:\n{tail}")
        time.sleep(POLL)


def serve_edit_seconds(command: list[str], plans: Path, log: Path, env: dict[str, str], cwd: Path,
                       limit: float = 1800) -> float:
    """Seconds from saving an edit to one plan until the preview has rebuilt with it."""
    port = _free_port()
    with open(log, "w") as out:
        server = subprocess.Popen([*command, "serve", "--plans", str(plans), "--address", f"127.0.0.1:{port}"],
                                  cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        said = lambda: log.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        _until(lambda: SERVING in said(), server, log, limit)
        target = min(plans.glob("*/*/plan.yml"))
        url = f"http://127.0.0.1:{port}/plans/{target.parent.parent.name}/{target.parent.name}/"
        marks = _page(url).count("（修訂）")
        reloads = said().count(RELOADED)
        started = time.perf_counter()
        synthetic.edit_one_plan(plans)
        _until(lambda: said().count(RELOADED) > reloads, server, log, limit)
        seconds = time.perf_counter() - started
        if _page(url).count("（修訂）") <= marks:
            raise ServeFailed(f"預覽重建後未顯示修改 / the preview rebuilt without the edit: {url}")
        return seconds
    finally:
        # Ctrl-C, as a person would stop the server, so that it shuts down its watcher.
        end_group(server, signal.SIGINT, wait=60)
