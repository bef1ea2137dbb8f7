"""The fake Spotify APIs: the accounts service's token, and the Web API's search and albums.

It answers as Spotify answers an app in development mode (every personal app since March 2026;
../shared/api/README.md): searches by the strict engine (search.py) at most 10 items a page,
5 by default; `GET /albums/{id}` and `GET /artists/{id}/albums` answered, the batch
`GET /albums?ids=` refused; no `popularity`, `label` or `available_markets` in what it sends
(`FakeConfig.spotify_dev_mode=False` serves the stored objects whole, as for an app with
extended quota).
"""

from __future__ import annotations

import base64
import re
import secrets
import time
from collections import deque
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from .catalog import REAL_SPOTIFY_API_URL
from .search import MAX_LIMIT, QueryError
from .server import ServiceFake, _int_param, _json, _Request, _Response

SPOTIFY_DEFAULT_LIMIT = 5  # development-mode apps since February 2026
SPOTIFY_MAX_LIMIT = MAX_LIMIT
SPOTIFY_MAX_OFFSET = 1000
# Fields a development-mode app no longer gets on albums (February 2026 changelog; external_ids
# was put back in March 2026).
DEV_MODE_ABSENT = ("popularity", "label", "available_markets")
ALBUM_GROUPS = ("album", "single", "compilation", "appears_on")

_BASE62 = re.compile(r"^[0-9A-Za-z]{22}$")


def dev_mode_album(album: Mapping[str, Any]) -> dict[str, Any]:
    """An album object as a development-mode app receives it (the absent fields left out)."""
    return {k: v for k, v in album.items() if k not in DEV_MODE_ABSENT}


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
        if endpoint == "artists" or (endpoint == "album" and len(parts) == 1):
            # The batch endpoints GET /albums?ids= and /artists?ids= are gone for
            # development-mode apps.
            return error(403, "Forbidden")
        if endpoint == "album":
            album_id = parts[1]
            if not _BASE62.match(album_id):
                return error(400, "Invalid base62 id")
            album = self.catalog.spotify_album(album_id)
            if album is None:
                return error(404, "Resource not found")
            return _json(200, self._served(album),
                         rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))
        if endpoint == "artist_albums":
            return self._spotify_artist_albums(req, parts[1], error)
        return error(404, "Service not found")

    def _served(self, album: Mapping[str, Any]) -> Mapping[str, Any]:
        return dev_mode_album(album) if self.config.spotify_dev_mode else album

    def _page(self, req: _Request, error: Any) -> tuple[int, int] | _Response:
        """(limit, offset) of a paged request, or the 400 Spotify answers."""
        limit = _int_param(req.param("limit"), SPOTIFY_DEFAULT_LIMIT, invalid=-1)
        if not 0 < limit <= SPOTIFY_MAX_LIMIT:
            return error(400, "Invalid limit")
        offset = _int_param(req.param("offset"), 0, invalid=-1)
        if not 0 <= offset <= SPOTIFY_MAX_OFFSET:
            return error(400, "Invalid offset")
        return limit, offset

    def _paging(self, url: str, params: dict[str, str], found: list[Mapping[str, Any]],
                limit: int, offset: int) -> dict[str, Any]:
        """A Spotify paging object over `found` (links to the real API; rewritten on the way)."""
        def href(off: int) -> str:
            return f"{url}?{urlencode({'offset': off, 'limit': limit, **params}, quote_via=quote)}"

        total = len(found)
        return {
            "href": href(offset),
            "items": [self._served(a) for a in found[offset:offset + limit]],
            "limit": limit,
            "next": href(offset + limit) if offset + limit < total else None,
            "offset": offset,
            "previous": href(max(0, offset - limit)) if offset > 0 and total else None,
            "total": total,
        }

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
        page = self._page(req, error)
        if isinstance(page, _Response):
            return page
        limit, offset = page
        try:
            found = self.catalog.spotify_search.find(q)
        except QueryError as exc:
            return error(400, f"Bad search query: {exc}")
        params = {"query": q, "type": types}
        if req.param("market"):
            params["market"] = req.param("market") or ""
        url = f"{REAL_SPOTIFY_API_URL}/search"
        payload = {f"{t}s": self._paging(url, params, found if t == "album" else [], limit, offset)
                   for t in type_list}
        return _json(200, payload, rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))

    def _spotify_artist_albums(self, req: _Request, artist_id: str, error: Any) -> _Response:
        """GET /artists/{id}/albums: the artist's albums, newest first, 10 at most a page."""
        if not _BASE62.match(artist_id):
            return error(400, "Invalid base62 id")
        groups = [g.strip() for g in (req.param("include_groups") or "").split(",") if g.strip()]
        if not set(groups) <= set(ALBUM_GROUPS):
            return error(400, "Invalid include_groups value")
        page = self._page(req, error)
        if isinstance(page, _Response):
            return page
        found = self.catalog.artist_albums(artist_id)
        if found is None:
            return error(404, "Resource not found")

        def group(album: Mapping[str, Any]) -> str:
            # appears_on: albums where the artist is credited but not first.
            first = (album.get("artists") or [{}])[0]
            return "appears_on" if first.get("id") != artist_id else \
                str(album.get("album_type") or "album")

        # Spotify lists albums, then singles, compilations and appearances, newest first in each.
        found = sorted((a for a in found if not groups or group(a) in groups),
                       key=lambda a: ALBUM_GROUPS.index(group(a)) if group(a) in ALBUM_GROUPS
                       else len(ALBUM_GROUPS))
        params = {"include_groups": ",".join(groups)} if groups else {}
        if req.param("market"):
            params["market"] = req.param("market") or ""
        url = f"{REAL_SPOTIFY_API_URL}/artists/{artist_id}/albums"
        return _json(200, self._paging(url, params, found, *page),
                     rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))
