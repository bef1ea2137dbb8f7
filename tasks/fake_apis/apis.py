"""FakeApis: the three fakes on one local port, with the faults a test asks for."""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import deque
from typing import Any
from urllib.parse import unquote_plus

from .catalog import Catalog
from .config import MAX_LOGGED_CALLS, FakeConfig, FakeStats, Fault
from .discogs import DiscogsFake
from .euria import EuriaFake, _user_text, prompt_facts
from .search import parse_query
from .server import _json, _Request, _Response, _Server
from .spotify import SpotifyFake


class FakeApis(DiscogsFake, SpotifyFake, EuriaFake):
    """The three fake APIs on one local port; a context manager (close() frees the port)."""

    def __init__(self, catalog: Catalog | None = None, config: FakeConfig | None = None) -> None:
        self.catalog = catalog if catalog is not None else Catalog.load_sample()
        self.config = config or FakeConfig()
        if self.config.time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self._lock = threading.Lock()
        self._stats = FakeStats()
        self._fault_left: list[int | None] = [f.times for f in self.config.faults]
        self._discogs_hits: deque[float] = deque()
        self._discogs_in_flight = 0
        self._spotify_hits: deque[float] = deque()
        self._tokens: dict[str, float] = {}  # access token -> monotonic expiry
        self._euria_in_flight = 0
        self._server = _Server(self)
        self.port: int = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.discogs_url = f"{self.base_url}/discogs"
        self.spotify_api_url = f"{self.base_url}/spotify/v1"
        self.spotify_accounts_url = f"{self.base_url}/spotify-accounts"
        self.euria_url = f"{self.base_url}/euria/1/ai/{self.config.euria_product_id}/openai"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name=f"fake-apis-{self.port}", daemon=True)
        self._thread.start()
        self._closed = False

    # -- lifecycle

    def __enter__(self) -> FakeApis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and free the port (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- public helpers

    def env(self) -> dict[str, str]:
        """Environment variables that point the pipeline at this fake."""
        c = self.config
        return {
            "DISCOGS_API_URL": self.discogs_url,
            "DISCOGS_USERNAME": c.username,
            "DISCOGS_TOKEN": c.discogs_token,
            "SPOTIFY_API_URL": self.spotify_api_url,
            "SPOTIFY_ACCOUNTS_URL": self.spotify_accounts_url,
            "SPOTIFY_CLIENT_ID": c.spotify_client_id,
            "SPOTIFY_CLIENT_SECRET": c.spotify_client_secret,
            "EURIA_API_URL": self.euria_url,
            "EURIA_API_KEY": c.euria_api_key,
            "EURIA_PRODUCT_ID": c.euria_product_id,
            "EURIA_MODEL": c.euria_model,
        }

    @property
    def stats(self) -> FakeStats:
        """A consistent copy of the counters."""
        with self._lock:
            return copy.deepcopy(self._stats)

    def reset_stats(self) -> None:
        with self._lock:
            self._stats = FakeStats()

    # -- dispatch

    def _route(self, path: str) -> tuple[str, str, list[str]]:
        """(service, endpoint, path parts after the service prefix)."""
        parts = [p for p in path.split("/") if p]
        if not parts:
            return "unknown", "unknown", []
        head, rest = parts[0], parts[1:]
        if head == "discogs":
            if len(rest) == 6 and rest[0] == "users" and rest[2:4] == ["collection", "folders"] \
                    and rest[5] == "releases":
                return "discogs", "collection", rest
            if len(rest) == 4 and rest[0] == "users" and rest[2] == "collection" \
                    and rest[3] in ("fields", "value"):
                return "discogs", rest[3], rest
            if len(rest) == 2 and rest[0] in ("releases", "masters"):
                return "discogs", rest[0][:-1], rest
            return "discogs", "unknown", rest
        if head == "spotify-accounts":
            return "spotify_token", "token" if rest == ["api", "token"] else "unknown", rest
        if head == "spotify":
            if rest[:1] != ["v1"]:
                return "spotify", "unknown", rest
            rest = rest[1:]
            if rest == ["search"]:
                return "spotify", "search", rest
            if rest[:1] == ["albums"] and len(rest) <= 2:
                return "spotify", "album", rest
            if rest == ["artists"]:
                return "spotify", "artists", rest
            if rest[:1] == ["artists"] and len(rest) == 3 and rest[2] == "albums":
                return "spotify", "artist_albums", rest
            return "spotify", "unknown", rest
        if head == "euria":
            # /euria/1/ai/{product}/openai/...
            if len(rest) >= 4 and rest[0] == "1" and rest[1] == "ai" and rest[3] == "openai":
                tail = rest[4:]
                if tail == ["chat", "completions"]:
                    return "euria", "chat", rest
                if tail == ["models"]:
                    return "euria", "models", rest
            return "euria", "unknown", rest
        return "unknown", "unknown", parts

    def _dispatch(self, req: _Request) -> _Response:
        service, endpoint, parts = self._route(req.path)
        target = req.path + (f"?{req.query_string}" if req.query_string else "")
        with self._lock:
            s = self._stats
            s.requests[service] += 1
            s.endpoints[f"{service}.{endpoint}"] += 1
            if len(s.calls) < MAX_LOGGED_CALLS:
                s.calls.append((service, req.method, target))
        fault = self._take_fault(service, req, endpoint, parts)
        if fault is not None:
            with self._lock:
                self._stats.faults[service] += 1
            if fault.action == "timeout":
                time.sleep(fault.seconds)
            else:
                return self._fault_response(service, fault)
        handler = {
            "discogs": self._discogs, "spotify": self._spotify,
            "spotify_token": self._spotify_token, "euria": self._euria,
        }.get(service)
        if handler is None:
            return _json(404, {"message": "Not found"})
        return handler(req, endpoint, parts)

    # -- faults

    def _take_fault(self, service: str, req: _Request, endpoint: str,
                    parts: list[str]) -> Fault | None:
        if not self.config.faults:
            return None
        title: str | None = None
        title_known = False
        for i, fault in enumerate(self.config.faults):
            if fault.service != service:
                continue
            if fault.path and fault.path.casefold() not in req.path.casefold():
                continue
            if fault.query and fault.query.casefold() not in \
                    unquote_plus(req.query_string).casefold():
                continue
            if fault.title:
                if not title_known:
                    title, title_known = self._request_title(service, req, endpoint, parts), True
                if not title or fault.title.casefold() not in title.casefold():
                    continue
            with self._lock:
                left = self._fault_left[i]
                if left is not None:
                    if left <= 0:
                        continue
                    self._fault_left[i] = left - 1
            return fault
        return None

    def _request_title(self, service: str, req: _Request, endpoint: str,
                       parts: list[str]) -> str | None:
        """The album title a request is about, for Fault.title."""
        try:
            if service == "discogs" and endpoint in ("release", "master"):
                if endpoint == "release":
                    item = self.catalog.release(int(parts[1]))
                    return item["basic_information"]["title"] if item else None
                master = self._master(int(parts[1]))
                return master["title"] if master else None
            if service == "spotify" and endpoint == "search":
                parsed = parse_query(req.param("q") or "")
                return dict(parsed.filters).get("album") or parsed.free or None
            if service == "spotify" and endpoint == "album" and len(parts) == 2:
                return self.catalog.spotify_album_name(parts[1])
            if service == "euria" and endpoint == "chat":
                facts = prompt_facts(_user_text(json.loads(req.body or b"{}")))
                return facts.get("title")
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        return None

    def _fault_response(self, service: str, fault: Fault) -> _Response:
        if fault.action == "reset":
            return _Response(0, reset=True)
        if fault.action == "malformed":
            broken = b'{"pagination": {"page": 1, "items": 3, "urls": {}}, "releases": [{"id": 1'
            if service != "discogs":
                broken = b'{"id": "x", "choices": [{"message": {"content": "trunc'
            return _Response(200, broken, dict(fault.headers))
        if isinstance(fault.body, str):
            return _Response(fault.status, fault.body.encode("utf-8"), dict(fault.headers))
        body = fault.body if fault.body is not None else _default_error(service, fault.status)
        return _json(fault.status, body, fault.headers)


def _default_error(service: str, status: int) -> dict[str, Any]:
    messages = {429: "Too many requests", 500: "Internal server error", 502: "Bad gateway",
                503: "Service unavailable", 504: "Gateway timeout", 401: "Unauthorized",
                404: "Not found", 400: "Bad request", 403: "Forbidden"}
    message = messages.get(status, f"HTTP {status}")
    if service == "discogs":
        return {"message": message}
    if service == "spotify":
        return {"error": {"status": status, "message": message}}
    if service == "spotify_token":
        return {"error": "server_error", "error_description": message}
    return {"error": {"message": message, "type": "server_error", "param": None, "code": None}}


def main() -> None:
    """Serve the fake APIs in the foreground and print the variables that point at them."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--synthetic", type=int, metavar="N",
                        help="serve N synthetic albums instead of data/sample")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    catalog = Catalog.synthetic(args.synthetic, args.seed) if args.synthetic else \
        Catalog.load_sample()
    with FakeApis(catalog) as fake:
        for name, value in fake.env().items():
            print(f"export {name}={value}")
        print("# serving; Ctrl-C to stop", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass

