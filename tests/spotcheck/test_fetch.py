"""Fetching politely and safely: retries after a server error, a cap on requests open at once, a deadline for the\nwhole of each request, and redirects followed only within the site's origin."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import site_server, trickling_server

from gongkai.devtools.loopback import serve_handler
from gongkai.spotcheck.fetch import Fetcher


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first request, then 200; counts requests open at once."""

    lock = threading.Lock()
    served = 0
    open_now = 0
    most_open = 0

    def do_GET(self) -> None:  # noqa: N802 - the base class names it so
        cls = type(self)
        with cls.lock:
            cls.served += 1
            first = cls.served == 1
            cls.open_now += 1
            cls.most_open = max(cls.most_open, cls.open_now)
        time.sleep(0.05)
        body = b"{}"
        self.send_response(503 if first and self.path == "/flaky" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with cls.lock:
            cls.open_now -= 1

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def flaky_server() -> Iterator[tuple[str, type[_Flaky]]]:
    handler = type("Handler", (_Flaky,), {"served": 0, "open_now": 0, "most_open": 0, "lock": threading.Lock()})
    with serve_handler(handler) as url:
        yield url.rstrip("/"), handler


def test_a_server_error_is_retried():
    with flaky_server() as (url, _):
        fetcher = Fetcher(timeout=2, retries=1, backoff=0.01)
        assert fetcher.get(url + "/flaky").ok
        fetcher.close()
    with flaky_server() as (url, _):
        fetcher = Fetcher(timeout=2, retries=0)
        result = fetcher.get(url + "/flaky")
        fetcher.close()
    assert (result.problem, result.status) == ("http", 503)


def test_no_more_than_parallel_requests_are_open_at_once():
    with flaky_server() as (url, handler):
        fetcher = Fetcher(timeout=5, retries=0, parallel=3)
        futures = [fetcher.submit(f"{url}/page-{n}") for n in range(12)]
        assert all(f.result().ok for f in futures)
        fetcher.close()
    assert handler.served == 12 and handler.most_open <= 3


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_server_that_trickles_cannot_hold_a_request_past_its_timeout(where):
    """A byte every 0.2 s keeps each read short; the whole answer would take 8 s, the timeout is 1 s."""
    with trickling_server(interval=0.2, count=40, where=where) as url:
        fetcher = Fetcher(timeout=1, retries=0)
        started = time.monotonic()
        result = fetcher.get(url + "transparency.json")
        elapsed = time.monotonic() - started
        fetcher.close()
    assert (result.problem, result.detail) == ("too-slow", "1")
    assert elapsed < 2.5


def test_a_redirect_within_the_origin_is_followed(tmp_path: Path):
    (tmp_path / "new.json").write_text("{}", encoding="utf-8")
    with site_server(tmp_path, {"/old.json": "/new.json"}) as (url, hits):
        fetcher = Fetcher(timeout=2, retries=0)
        result = fetcher.get(url + "old.json")
        fetcher.close()
    assert result.ok and result.url == url + "new.json" and result.body == b"{}"
    assert hits == ["/old.json", "/new.json"]


@pytest.mark.parametrize("target", ["{other}new.json", "https://{host}/new.json"], ids=["other-port", "other-scheme"])
def test_a_redirect_to_another_origin_is_not_followed(tmp_path: Path, target: str):
    (tmp_path / "new.json").write_text("{}", encoding="utf-8")
    with site_server(tmp_path) as (other, other_hits):
        address = target.format(other=other, host=other.split("/")[2])
        with site_server(tmp_path, {"/old.json": address}) as (url, hits):
            fetcher = Fetcher(timeout=2, retries=0)
            result = fetcher.get(url + "old.json")
            fetcher.close()
    assert (result.problem, result.status, result.url, result.detail) == ("redirect-offsite", 302, url + "old.json",
                                                                         address)
    assert hits == ["/old.json"] and other_hits == []
