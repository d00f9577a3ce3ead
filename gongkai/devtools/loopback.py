"""Serving on a free loopback port for as long as a block runs: built sites for the browser checks,
the spot check's benchmark, and test servers that misbehave on purpose."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass


@contextmanager
def serve_handler(handler: type[http.server.BaseHTTPRequestHandler] | functools.partial) -> Iterator[str]:
    """Run `handler` on a free loopback port; yields the base URL, e.g. http://127.0.0.1:40123/."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve the folder `site_dir`; yields the base URL."""
    with serve_handler(functools.partial(QuietHandler, directory=str(site_dir))) as url:
        yield url
