"""The fake Spotify APIs: the accounts service's token, and the Web API's search and albums."""

from __future__ import annotations

import base64
import re
import secrets
import time
from collections import deque
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from .catalog import REAL_SPOTIFY_API_URL
from .server import ServiceFake, _int_param, _json, _Request, _Response

SPOTIFY_DEFAULT_LIMIT = 5  # development-mode apps since February 2026
SPOTIFY_MAX_LIMIT = 10
SPOTIFY_MAX_OFFSET = 1000

_SEARCH_FIELDS = ("album", "artist", "year", "upc", "isrc", "track", "genre", "tag")
_FILTER_START = re.compile(r"(?:^|\s)(" + "|".join(_SEARCH_FIELDS) + r"):")
_BASE62 = re.compile(r"^[0-9A-Za-z]{22}$")


class SpotifyFake(ServiceFake):
    """The Spotify part of FakeApis (a mixin: FakeApis holds the state and routes to it)."""

    spotify_api_url: str
    _spotify_hits: deque[float]
    _tokens: dict[str, float]

    def expire_spotify_tokens(self) -> None:
        """Every token issued so far now answers 401 "The access token expired"."""
        with self._lock:
            for token in self._tokens:
                self._tokens[token] = 0.0

    def _spotify_token(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        def oauth_error(status: int, error: str, description: str) -> _Response:
            return _json(status, {"error": error, "error_description": description})

        if endpoint != "token":
            return _json(404, {"error": {"status": 404, "message": "Not found"}})
        if req.method != "POST":
            return _json(405, {"error": {"status": 405, "message": "Method not allowed"}})
        form = parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True)
        client_id = (form.get("client_id") or [None])[0]
        client_secret = (form.get("client_secret") or [None])[0]
        auth = req.headers.get("Authorization") or ""
        if auth.startswith("Basic "):
            try:
                decoded = base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8")
                client_id, _, client_secret = decoded.partition(":")
            except (ValueError, UnicodeDecodeError):
                return oauth_error(400, "invalid_client", "Invalid client")
        grant = (form.get("grant_type") or [None])[0]
        if grant is None:
            return oauth_error(400, "unsupported_grant_type", "grant_type parameter is missing")
        if grant != "client_credentials":
            return oauth_error(400, "unsupported_grant_type",
                               "grant_type must be client_credentials, authorization_code or "
                               "refresh_token")
        if client_id != self.config.spotify_client_id or \
                client_secret != self.config.spotify_client_secret:
            return oauth_error(400, "invalid_client", "Invalid client")
        token = "BQ" + secrets.token_urlsafe(84)
        with self._lock:
            self._tokens[token] = time.monotonic() + self._scaled(self.config.token_expires_in)
        return _json(200, {"access_token": token, "token_type": "Bearer",
                           "expires_in": self.config.token_expires_in})

    # -- Spotify Web API

    def _spotify(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config

        def error(status: int, message: str, headers: dict[str, str] | None = None) -> _Response:
            return _json(status, {"error": {"status": status, "message": message}}, headers)

        auth = req.headers.get("Authorization") or ""
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            return error(401, "No token provided")
        with self._lock:
            expiry = self._tokens.get(auth[7:].strip())
        if expiry is None:
            return error(401, "Invalid access token")
        now = time.monotonic()
        if now >= expiry:
            return error(401, "The access token expired")
        window = self._scaled(cfg.spotify_window_s)
        with self._lock:
            hits = self._spotify_hits
            while hits and hits[0] <= now - window:
                hits.popleft()
            wait = None
            if cfg.spotify_max_per_window is not None and len(hits) >= cfg.spotify_max_per_window:
                wait = hits[0] + window - now
                self._stats.rate_limited["spotify"] += 1
            else:
                hits.append(now)
        if wait is not None:
            return error(429, "API rate limit exceeded", {"Retry-After": self._retry_after(wait)})
        if cfg.spotify_latency_s:
            time.sleep(self._scaled(cfg.spotify_latency_s))
        if req.method != "GET":
            return error(405, "Method not allowed")
        if endpoint == "search":
            return self._spotify_search(req, error)
        if endpoint == "album":
            if len(parts) == 1:
                # The batch endpoint GET /albums?ids= is gone for development-mode apps.
                return error(403, "Forbidden")
            album_id = parts[1]
            if not _BASE62.match(album_id):
                return error(400, "Invalid base62 id")
            album = self.catalog.spotify_album(album_id)
            if album is None:
                return error(404, "Resource not found")
            return _json(200, album, rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))
        return error(404, "Service not found")

    def _spotify_search(self, req: _Request, error: Any) -> _Response:
        q = req.param("q")
        if q is None or not q.strip():
            return error(400, "No search query")
        types = req.param("type")
        if not types:
            return error(400, "Missing parameter type")
        type_list = [t.strip() for t in types.split(",")]
        allowed = {"album", "artist", "playlist", "track", "show", "episode", "audiobook"}
        if not set(type_list) <= allowed:
            return error(400, "Bad search type field")
        limit = _int_param(req.param("limit"), SPOTIFY_DEFAULT_LIMIT, invalid=-1)
        if not 0 < limit <= SPOTIFY_MAX_LIMIT:
            return error(400, "Invalid limit")
        offset = _int_param(req.param("offset"), 0, invalid=-1)
        if not 0 <= offset <= SPOTIFY_MAX_OFFSET:
            return error(400, "Invalid offset")
        filters, free, double_quoted = parse_search_query(q)
        if any(not v.strip() for v in filters.values()):
            return error(400, "Bad search query: empty field filter")
        found: list[dict[str, Any]] = []
        if not double_quoted:  # peers report "..." filters match nothing; so does the fake
            found = self.catalog.search_spotify(filters.get("artist"), filters.get("album"),
                                                free or None)
            if "year" in filters:
                found = [a for a in found if _year_matches(a.get("release_date"),
                                                            filters["year"])]
        page = found[offset:offset + limit]
        href_base = f"{REAL_SPOTIFY_API_URL}/search"

        def href(off: int) -> str:
            params = {"offset": off, "limit": limit, "query": q, "type": types}
            if req.param("market"):
                params["market"] = req.param("market")
            return f"{href_base}?{urlencode(params, quote_via=quote)}"

        payload: dict[str, Any] = {}
        for t in type_list:
            items = page if t == "album" else []
            total = len(found) if t == "album" else 0
            payload[f"{t}s"] = {
                "href": href(offset), "items": items, "limit": limit,
                "next": href(offset + limit) if offset + limit < total else None,
                "offset": offset,
                "previous": href(max(0, offset - limit)) if offset > 0 and total else None,
                "total": total,
            }
        return _json(200, payload, rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))


def parse_search_query(q: str) -> tuple[dict[str, str], str, bool]:
    """Split a Spotify q into field filters, free text, and whether a filter was double-quoted.

    A single-quoted value runs to the last quote before the next filter, so an apostrophe
    inside a title (album:'What's Going On') does not end it.
    """
    filters: dict[str, str] = {}
    free: list[str] = []
    double_quoted = False
    starts = list(_FILTER_START.finditer(q))
    free.append(q[:starts[0].start()] if starts else q)
    for i, m in enumerate(starts):
        name = m.group(1)
        end = starts[i + 1].start() if i + 1 < len(starts) else len(q)
        segment = q[m.end():end].rstrip()
        rest = ""
        if segment.startswith("'"):
            close = segment.rfind("'")
            if close > 0:
                value, rest = segment[1:close], segment[close + 1:]
            else:
                value = segment[1:]
        elif segment.startswith('"'):
            double_quoted = True
            close = segment.find('"', 1)
            value, rest = (segment[1:close], segment[close + 1:]) if close > 0 else \
                (segment[1:], "")
        else:
            value, _, rest = segment.partition(" ")
        filters[name] = value
        free.append(rest)
    return filters, " ".join(" ".join(free).split()), double_quoted


def _year_matches(release_date: Any, wanted: str) -> bool:
    year = str(release_date or "")[:4]
    if not year.isdigit():
        return False
    low, _, high = wanted.partition("-")
    try:
        return int(low) <= int(year) <= int(high or low)
    except ValueError:
        return False
