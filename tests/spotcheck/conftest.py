"""Built example portals, and servers that misbehave, on loopback, for the spot check."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sites import AGENCY, build_site, compliant_plans  # noqa: E402

from gongkai.devtools.loopback import QuietHandler, serve, serve_handler  # noqa: E402


@pytest.fixture(scope="session")
def compliant_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("compliant")
    return build_site(compliant_plans(folder), folder / "site")


@pytest.fixture(scope="session")
def unreported_site(tmp_path_factory) -> Path:
    """The example agency as published in the seed data: two results left unreported."""
    folder = tmp_path_factory.mktemp("unreported")
    plans = compliant_plans(folder)
    results = plans / AGENCY / "114" / "results.yml"
    results.write_text(results.read_text(encoding="utf-8").replace(
        "  a4-2:\n    status: completed\n  a6-2:\n    status: completed\n", ""), encoding="utf-8")
    return build_site(plans, folder / "site")


@pytest.fixture
def served(compliant_site, tmp_path) -> Callable[..., Iterator[str]]:
    """Serve a copy of the compliant site, after `mutate(copy)` has broken it; yields the base URL."""
    @contextmanager
    def run(mutate: Callable[[Path], None] = lambda site: None, source: Path | None = None) -> Iterator[str]:
        copy = tmp_path / "site"
        shutil.copytree(source or compliant_site, copy)
        mutate(copy)
        with serve(copy) as url:
            yield url
    return run


@contextmanager
def hanging_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


class _LoopHandler(http.server.BaseHTTPRequestHandler):
    """Every address redirects to the next, /a → /b → /a → …"""

    def do_GET(self) -> None:  # noqa: N802 - the base class names it so
        self.send_response(302)
        self.send_header("Location", "/b/" if self.path.startswith("/a/") else "/a/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def redirect_loop_server() -> Iterator[str]:
    with serve_handler(_LoopHandler) as url:
        yield url + "a/"


def closed_port_url() -> str:
    """An address on loopback where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@contextmanager
def trickling_server(interval: float, count: int, where: str = "headers") -> Iterator[str]:
    """Answers every request one byte every `interval` seconds, `count` bytes at most (so it stops by itself
    after about interval × count seconds): the status line and headers (`where="headers"`), or, after headers sent
    at once, the body (`where="body"`). Yields the base URL."""
    stop = threading.Event()

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class names it so
            if where == "headers":
                data = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * count
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(count))
                self.end_headers()
                self.wfile.flush()
                data = b" " * count
            for byte in data[:count]:
                if stop.wait(interval):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:  # the client gave up
                    return

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    with serve_handler(Trickle) as url:
        try:
            yield url
        finally:
            stop.set()  # before the server waits for its handlers to end


@contextmanager
def site_server(site: Path, redirects: dict[str, str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Serve the folder `site`, answering the paths in `redirects` with a 302 to their address instead.
    Yields the base URL and the list of paths requested so far."""
    hits: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class names it so
            hits.append(self.path)
            if self.path in (redirects or {}):
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            super().do_GET()

    with serve_handler(functools.partial(Handler, directory=str(site))) as url:
        yield url, hits
