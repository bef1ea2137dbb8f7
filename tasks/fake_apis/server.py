"""The HTTP server the three fakes share: one local port, a thread per connection."""

from __future__ import annotations

import json
import math
import socket
import struct
import threading
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from .apis import FakeApis
    from .catalog import Catalog
    from .config import FakeConfig, FakeStats


@dataclass
class _Request:
    method: str
    path: str
    query_string: str
    query: dict[str, list[str]]
    headers: Message
    body: bytes

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class _Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"
    reset: bool = False


def _json(status: int, payload: Any, headers: dict[str, str] | None = None,
          rewrite: tuple[str, str] | None = None) -> _Response:
    text = json.dumps(payload, ensure_ascii=False)
    if rewrite:  # links in the body point at the server that answered, as they do for real
        text = text.replace(f'"{rewrite[0]}', f'"{rewrite[1]}')
    return _Response(status, text.encode("utf-8"), dict(headers or {}))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, fake: FakeApis) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as requests.Session expects
    server_version = "FakeApis/1.0"
    timeout = 60  # an idle keep-alive connection frees its thread eventually
    wbufsize = -1  # headers and body leave in one write...
    server: _Server

    def setup(self) -> None:
        super().setup()
        # ...and without Nagle's delay, which otherwise adds ~40 ms to every keep-alive answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # requests are counted in stats; stderr noise would drown test output

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        request = _Request(method, parts.path, parts.query,
                           parse_qs(parts.query, keep_blank_values=True), self.headers, body)
        response = self.server.fake._dispatch(request)
        if response.reset:
            # Linger 0 makes close() send RST: the client sees a reset, not a clean answer.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (its timeout fired first)


def _int_param(value: str | None, default: int, invalid: int | None = None) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        return default if invalid is None else invalid


class ServiceFake:
    """What each fake service (a mixin of FakeApis, which holds the state) builds on."""

    catalog: Catalog
    config: FakeConfig
    _lock: threading.Lock
    _stats: FakeStats

    def _scaled(self, seconds: float) -> float:
        return seconds * self.config.time_scale

    def _retry_after(self, wait_s: float) -> str:
        # Real servers send whole seconds (at least 1). Scaled down, whole seconds would be
        # far too long, so the header then holds the wall-clock wait as a decimal string.
        if self.config.time_scale == 1:
            return str(max(1, math.ceil(wait_s)))
        return f"{max(wait_s, 0.001):.3f}"
