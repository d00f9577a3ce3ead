"""Polite HTTP for the spot check: a deadline for each whole request, retries, redirects followed only within
the site's origin, redirect-loop detection and a cap on parallel requests.

Every failure becomes a `Fetched` with a `problem` code, never an exception, so one bad site cannot stop the run.
"""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.utils import requote_uri

from gongkai.spotcheck.deadline import BoundedAdapter, Deadline, deadline

USER_AGENT = "gongkai-spot-check/1"
MAX_REDIRECTS = 10
MAX_BYTES = 50 * 1024 * 1024
# Worth another try: the server may recover; anything else is an answer.
RETRY_STATUSES = {429, 500, 502, 503, 504}
RETRY_PROBLEMS = {"timeout", "too-slow", "refused", "connection"}
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Fetched:
    """The outcome of one GET: the final URL, status, content type and body, or what went wrong.

    `problem` is None on a 2xx answer; otherwise one of "timeout" (no answer within the timeout), "too-slow" (an
    answer begun but not finished within it), "refused", "connection", "redirect-loop", "redirect-offsite" (a
    redirect to another origin, not followed; `detail` is where to), "too-large", "http" (a non-2xx status) or
    "invalid-url".
    """

    url: str
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    problem: str | None = None
    detail: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type or self.body.lstrip()[:15].lower().startswith((b"<!doctype", b"<html"))


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port: two addresses with the same origin are on the same site. ValueError for a bad port."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme)


class Fetcher:
    """Shared by every site of a run: its pool of `parallel` threads is the only place requests are made,
    so no more than `parallel` are ever open at once."""

    def __init__(self, timeout: float = 10.0, retries: int = 2, parallel: int = 8, backoff: float = 0.5) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._pool = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="spot-check-fetch")
        self._local = threading.local()

    def submit(self, url: str) -> Future[Fetched]:
        return self._pool.submit(self.get, url)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _session(self) -> requests.Session:
        # A Session is not safe to share between threads; each thread keeps its own pool of connections.
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = BoundedAdapter()
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
        return session

    def get(self, url: str) -> Fetched:
        attempt = 0
        while True:
            result = self._get_once(url)
            retry = result.problem in RETRY_PROBLEMS or result.status in RETRY_STATUSES
            if not retry or attempt >= self.retries:
                return result
            attempt += 1
            time.sleep(self.backoff * 2 ** (attempt - 1))

    def _get_once(self, url: str) -> Fetched:
        """One attempt, redirects included, over within `timeout` seconds whatever the server does."""
        started = time.monotonic()
        with deadline(self.timeout) as current:
            try:
                return self._follow(url, started)
            except (requests.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException,
                    OSError) as error:
                return self._failed(url, error, current, started)

    def _follow(self, url: str, started: float) -> Fetched:
        """GET `url`, following redirects within its origin only: another site is not ours to check."""
        try:
            home = origin(url)
        except ValueError as error:
            return Fetched(url, problem="invalid-url", detail=_reason(error), seconds=_since(started))
        address = url
        session = self._session()
        for _ in range(MAX_REDIRECTS + 1):
            with session.get(address, timeout=(self.timeout, self.timeout), stream=True,
                             allow_redirects=False) as response:
                location = session.get_redirect_target(response)
                if location is None:
                    return _answer(response, started)
                status = response.status_code
            target = requote_uri(urljoin(address, location))
            try:
                elsewhere = origin(target) != home
            except ValueError:
                return Fetched(address, status, problem="invalid-url", detail=target[:200], seconds=_since(started))
            if elsewhere:
                return Fetched(address, status, problem="redirect-offsite", detail=target[:200],
                               seconds=_since(started))
            address = target
        return Fetched(url, problem="redirect-loop", detail=str(MAX_REDIRECTS), seconds=_since(started))

    def _failed(self, url: str, error: Exception, current: Deadline, started: float) -> Fetched:
        seconds = _since(started)
        if current.passed or isinstance(error, (requests.Timeout, TimeoutError)):
            return Fetched(url, problem="too-slow" if current.received else "timeout", detail=f"{self.timeout:g}",
                           seconds=seconds)
        if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                              requests.exceptions.InvalidSchema)):
            return Fetched(url, problem="invalid-url", detail=_reason(error), seconds=seconds)
        refused = isinstance(error, ConnectionRefusedError) or "refused" in str(error).lower()
        return Fetched(url, problem="refused" if refused else "connection", detail=_reason(error), seconds=seconds)


def _answer(response: requests.Response, started: float) -> Fetched:
    body = _read_capped(response)
    content_type = response.headers.get("Content-Type", "").lower()
    if body is None:
        return Fetched(response.url, response.status_code, content_type, problem="too-large", detail=str(MAX_BYTES),
                       seconds=_since(started))
    problem = None if 200 <= response.status_code < 300 else "http"
    return Fetched(response.url, response.status_code, content_type, body, problem,
                   str(response.status_code) if problem else "", _since(started))


def _read_capped(response: requests.Response) -> bytes | None:
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _since(started: float) -> float:
    return time.monotonic() - started


def _reason(error: Exception) -> str:
    return str(error)[:200]
