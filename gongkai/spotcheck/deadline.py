"""A deadline for the whole of a request: connecting, the TLS handshake, sending, the headers and every byte of
the body.

The timeout requests gives counts again from each byte received, so a server that sends a byte every few seconds
can hold a request for ever. Here, while a request runs under `deadline(seconds)`, every wait on its connection
(to connect, to send, for the next bytes) is cut to the time the request has left; when none is left the request
fails with a timeout.

The deadline is kept per thread: each of the spot check's threads makes one request at a time, on connections of
its own (`Fetcher` gives every thread its own `requests.Session`).
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class Deadline:
    """When the request running in this thread must be over, and what it has received so far."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self.passed = False
        self.received = 0

    def remaining(self) -> float:
        """Seconds left; TimeoutError when there are none."""
        left = self.at - time.monotonic()
        if left <= 0:
            self.passed = True
            raise TimeoutError("the request took longer than its timeout")
        return left


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Bound every request this thread makes inside the block to `seconds` in all."""
    current = Deadline(seconds)
    _current.deadline = current
    try:
        yield current
    finally:
        _current.deadline = None


def current_deadline() -> Deadline | None:
    return getattr(_current, "deadline", None)


class BoundedSocket:
    """A connected socket, plain or TLS, whose every send and receive waits no longer than the current deadline
    allows. It stands in for the socket in http.client, which only sends, makes a file to read from, and closes."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._timeout = sock.gettimeout()
        self._files = 0
        self._closed = False

    def _wait_at_most(self) -> Deadline | None:
        current = current_deadline()
        if current is None:
            self._sock.settimeout(self._timeout)
            return None
        left = current.remaining()
        self._sock.settimeout(left if self._timeout is None else min(left, self._timeout))
        return current

    def _bounded(self, operation: Any, *args: Any) -> Any:
        current = self._wait_at_most()
        try:
            return operation(*args)
        except TimeoutError:
            if current is not None and time.monotonic() >= current.at:
                current.passed = True
            raise

    def recv_into(self, buffer: Any, *args: Any) -> int:
        received = self._bounded(self._sock.recv_into, buffer, *args)
        current = current_deadline()
        if current is not None:
            current.received += received
        return received

    def recv(self, size: int, *args: Any) -> bytes:
        data = self._bounded(self._sock.recv, size, *args)
        current = current_deadline()
        if current is not None:
            current.received += len(data)
        return data

    def sendall(self, data: Any, *args: Any) -> None:
        self._bounded(self._sock.sendall, data, *args)

    def send(self, data: Any, *args: Any) -> int:
        return self._bounded(self._sock.send, data, *args)

    def settimeout(self, value: float | None) -> None:
        self._timeout = value

    def gettimeout(self) -> float | None:
        return self._timeout

    def fileno(self) -> int:
        return self._sock.fileno()

    def makefile(self, mode: str = "rb", buffering: int | None = None, **_: Any) -> io.BufferedReader:
        if mode != "rb":
            raise ValueError(f"only 'rb' is supported, not {mode!r}")
        self._files += 1
        return io.BufferedReader(_Reader(self), buffering or io.DEFAULT_BUFFER_SIZE)

    def close(self) -> None:
        # As a socket does: it stays open while a file made from it is open (http.client closes the connection
        # before the body of a `Connection: close` answer is read).
        self._closed = True
        if self._files <= 0:
            self._sock.close()

    def _file_closed(self) -> None:
        self._files -= 1
        if self._closed and self._files <= 0:
            self._sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _Reader(io.RawIOBase):
    def __init__(self, owner: BoundedSocket) -> None:
        self._owner = owner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._owner.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            super().close()
            self._owner._file_closed()


class _Bounded:
    """urllib3's connection, connecting within the deadline and then using a `BoundedSocket`."""

    timeout: Any
    sock: Any

    def _new_conn(self) -> socket.socket:
        current = current_deadline()
        if current is not None and isinstance(self.timeout, (int, float)):
            self.timeout = min(self.timeout, current.remaining())
        sock = super()._new_conn()  # type: ignore[misc]
        if current is not None:
            sock.settimeout(current.remaining())  # the TLS handshake, if any, within what is left
        return sock

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.sock = BoundedSocket(self.sock)


class _BoundedHTTPConnection(_Bounded, HTTPConnection):
    pass


class _BoundedHTTPSConnection(_Bounded, HTTPSConnection):
    pass


class _BoundedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _BoundedHTTPConnection


class _BoundedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _BoundedHTTPSConnection


POOL_CLASSES = {"http": _BoundedHTTPPool, "https": _BoundedHTTPSPool}


class BoundedAdapter(HTTPAdapter):
    """requests' adapter, with connections that keep to the current deadline, through a proxy too."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):  # a SOCKS proxy has connection classes of its own
            manager.pool_classes_by_scheme = POOL_CLASSES
        return manager
