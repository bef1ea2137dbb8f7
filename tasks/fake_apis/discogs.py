"""The fake Discogs API: collection pages, custom fields, value, releases and masters."""

from __future__ import annotations

import math
import re
import time
from collections import deque
from typing import Any
from urllib.parse import urlencode

from .catalog import (
    _NAME_SUFFIX,
    REAL_DISCOGS_URL,
    _stable_int,
    discogs_display_artist,
    normalize_text,
)
from .server import ServiceFake, _int_param, _json, _Request, _Response

DISCOGS_WINDOW_S = 60.0
DISCOGS_DEFAULT_LIMIT = 60  # what the headers announce when the fake itself is unlimited
DISCOGS_MAX_PER_PAGE = 100
DISCOGS_DEFAULT_PER_PAGE = 50


class DiscogsFake(ServiceFake):
    """The Discogs part of FakeApis (a mixin: FakeApis holds the state and routes to it)."""

    discogs_url: str
    _discogs_hits: deque[float]
    _discogs_in_flight: int

    def _discogs_headers(self, used: int) -> dict[str, str]:
        limit = self.config.discogs_rate_per_min
        if limit is None:
            # Unlimited: announce a fresh window every time so header-driven pacing never waits.
            return {"X-Discogs-Ratelimit": str(DISCOGS_DEFAULT_LIMIT),
                    "X-Discogs-Ratelimit-Used": "1",
                    "X-Discogs-Ratelimit-Remaining": str(DISCOGS_DEFAULT_LIMIT - 1)}
        return {"X-Discogs-Ratelimit": str(limit), "X-Discogs-Ratelimit-Used": str(used),
                "X-Discogs-Ratelimit-Remaining": str(max(0, limit - used))}

    def _discogs(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config
        window = self._scaled(DISCOGS_WINDOW_S)
        now = time.monotonic()
        with self._lock:
            hits = self._discogs_hits
            while hits and hits[0] <= now - window:
                hits.popleft()
            used = len(hits)

        def reply(status: int, payload: Any) -> _Response:
            return _json(status, payload, self._discogs_headers(used),
                         rewrite=(REAL_DISCOGS_URL, self.discogs_url))

        if not (req.headers.get("User-Agent") or "").strip():
            return reply(403, {"message": "Please identify your application with a User-Agent."})
        auth = req.headers.get("Authorization") or ""
        token = auth[len("Discogs token="):] if auth.startswith("Discogs token=") else \
            req.param("token")
        if token != cfg.discogs_token:
            return reply(401, {"message": "You must authenticate to access this resource."})
        limit = cfg.discogs_rate_per_min
        with self._lock:
            while hits and hits[0] <= now - window:
                hits.popleft()
            if limit is not None and len(hits) >= limit:
                used = len(hits)
                self._stats.rate_limited["discogs"] += 1
                limited = True
            else:
                hits.append(now)
                used = len(hits)
                limited = False
        if limited:
            return reply(429, {"message": "You are making requests too quickly."})
        if cfg.discogs_latency_s:
            with self._lock:  # the requests answering at once (counted while they wait)
                self._discogs_in_flight += 1
                self._stats.discogs_max_concurrency = max(self._stats.discogs_max_concurrency,
                                                          self._discogs_in_flight)
            try:
                time.sleep(self._scaled(cfg.discogs_latency_s))
            finally:
                with self._lock:
                    self._discogs_in_flight -= 1
        if req.method != "GET":
            return reply(405, {"message": "Method not allowed."})

        if endpoint in ("collection", "fields", "value"):
            if parts[1].casefold() != cfg.username.casefold():
                return reply(404, {"message": "User does not exist or may have been deleted."})
            if endpoint == "fields":
                return reply(200, {"fields": self.catalog.fields})
            if endpoint == "value":
                return reply(200, self.catalog.value)
            return self._discogs_collection(req, parts, reply)
        if endpoint in ("release", "master"):
            try:
                ident = int(parts[1])
            except ValueError:
                return reply(404, {"message": "The requested resource was not found."})
            if endpoint == "release":
                item = self.catalog.release(ident)
                if item is None or (ident in self.catalog.tracklists
                                    and self.catalog.tracklists[ident] is None):
                    return reply(404, {"message": "Release not found."})
                return reply(200, self._release_detail(item))
            master = self._master(ident)
            if master is None:
                return reply(404, {"message": "Master Release not found."})
            return reply(200, master)
        return reply(404, {"message": "The requested resource was not found."})

    def _discogs_collection(self, req: _Request, parts: list[str], reply: Any) -> _Response:
        username, folder = parts[1], parts[4]
        items = self.catalog.releases
        if folder != "0":
            try:
                folder_id = int(folder)
            except ValueError:
                return reply(404, {"message": "Folder not found."})
            items = [r for r in items if r.get("folder_id") == folder_id]
            if not items and folder_id != 1:
                return reply(404, {"message": "Folder not found."})
        items = _sort_collection(items, req.param("sort"), req.param("sort_order"))
        per_page = _int_param(req.param("per_page"), DISCOGS_DEFAULT_PER_PAGE)
        per_page = min(DISCOGS_MAX_PER_PAGE, max(1, per_page))  # Discogs clamps silently
        page = max(1, _int_param(req.param("page"), 1))
        pages = max(1, math.ceil(len(items) / per_page))
        if page > pages:
            return reply(404, {"message": f"Page {page} is outside of valid range."})
        base = f"{REAL_DISCOGS_URL}/users/{username}/collection/folders/{folder}/releases"
        extra = {k: v[0] for k, v in req.query.items()
                 if k not in ("page", "per_page", "token") and v}

        def link(p: int) -> str:
            return f"{base}?{urlencode({'page': p, 'per_page': per_page, **extra})}"

        urls: dict[str, str] = {}
        if page > 1:
            urls["first"], urls["prev"] = link(1), link(page - 1)
        if page < pages:
            urls["last"], urls["next"] = link(pages), link(page + 1)
        start = (page - 1) * per_page
        return reply(200, {
            "pagination": {"page": page, "pages": pages, "per_page": per_page,
                           "items": len(items), "urls": urls},
            "releases": items[start:start + per_page],
        })

    def _release_detail(self, item: dict[str, Any]) -> dict[str, Any]:
        bi = item["basic_information"]
        rid = int(item["id"])
        artists = bi.get("artists") or []
        display = discogs_display_artist(artists)
        tracklist = self._tracklist_of(item)
        year = bi.get("year") or 0
        detail = {
            "id": rid, "status": "Accepted", "year": year,
            "resource_url": f"{REAL_DISCOGS_URL}/releases/{rid}",
            "uri": f"https://www.discogs.com/release/{rid}-"
                   + re.sub(r"[^A-Za-z0-9]+", "-", f"{display} {bi['title']}").strip("-"),
            "artists": artists,
            "artists_sort": " ".join(_NAME_SUFFIX.sub("", a.get("name", "")) for a in artists),
            "labels": bi.get("labels") or [], "series": [], "companies": [],
            "formats": bi.get("formats") or [],
            "data_quality": "Needs Vote",
            "community": {"have": 100 + _stable_int("have", rid) % 20_000,
                          "want": 10 + _stable_int("want", rid) % 9_000},
            "format_quantity": sum(int(f.get("qty") or 1) for f in bi.get("formats") or []),
            "master_id": bi.get("master_id") or 0,
            "master_url": bi.get("master_url"),
            "title": bi["title"],
            "country": "Europe",
            "released": str(year) if year else "",
            "notes": "",
            "identifiers": [],
            "genres": bi.get("genres") or [],
            "styles": bi.get("styles") or [],
            "tracklist": tracklist,
            "extraartists": [],
            "thumb": bi.get("thumb") or "",
        }
        if not bi.get("master_id"):
            del detail["master_id"], detail["master_url"]  # absent, not 0, on /releases
        return detail

    def _tracklist_of(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        """A release's tracklist: the catalogue's, or one built from the album's Spotify
        namesake; none for a release the catalogue says Discogs no longer has."""
        rid = int(item["id"])
        if rid in self.catalog.tracklists:
            return self.catalog.tracklists[rid] or []
        bi = item["basic_information"]
        return self._tracklist(discogs_display_artist(bi.get("artists") or []), bi)

    def _tracklist(self, display_artist: str, bi: dict[str, Any]) -> list[dict[str, Any]]:
        medium = ((bi.get("formats") or [{}])[0].get("name") or "").lower()
        candidates = self.catalog.spotify_results(display_artist, bi["title"])
        wanted = normalize_text(bi["title"])
        # A stored full album is the right answer; else a result with exactly this name.
        album = next((self.catalog.spotify_albums[c["id"]] for c in candidates
                      if c["id"] in self.catalog.spotify_albums), None) or \
            next((self.catalog.spotify_album(c["id"]) for c in candidates
                  if normalize_text(c.get("name", "")) == wanted), None)
        tracks = (album or {}).get("tracks", {}).get("items") or [
            {"name": f"Track {n}", "duration_ms": 150_000 + 17_000 * n} for n in range(1, 9)]
        out = []
        for n, t in enumerate(tracks):
            if medium == "vinyl":
                half = math.ceil(len(tracks) / 2)
                position = f"{'AB'[n >= half]}{n % half + 1}"
            else:
                position = str(n + 1)
            seconds = round((t.get("duration_ms") or 0) / 1000)
            out.append({"position": position, "type_": "track", "title": t.get("name", ""),
                        "duration": f"{seconds // 60}:{seconds % 60:02d}"})
        return out

    def _master(self, master_id: int) -> dict[str, Any] | None:
        items = self.catalog.master_releases(master_id)
        override = self.catalog.masters.get(master_id, {})
        if not items and not override:
            return None
        bi = items[0]["basic_information"] if items else {}
        years = [r["basic_information"].get("year") for r in items]
        main = override.get("main_release") or (items[0]["id"] if items else 0)
        # A master shows its main release's tracklist.
        shown = next((r for r in items if r["id"] == main), items[0] if items else None)
        master = {
            "id": master_id,
            "main_release": main,
            "most_recent_release": max([r["id"] for r in items] or [main]),
            "resource_url": f"{REAL_DISCOGS_URL}/masters/{master_id}",
            "uri": f"https://www.discogs.com/master/{master_id}",
            "versions_url": f"{REAL_DISCOGS_URL}/masters/{master_id}/versions",
            "main_release_url": f"{REAL_DISCOGS_URL}/releases/{main}",
            "title": bi.get("title", ""),
            "artists": bi.get("artists", []),
            "genres": bi.get("genres", []),
            "styles": bi.get("styles", []),
            "year": min([y for y in years if y] or [0]),
            "tracklist": self._tracklist_of(shown) if shown else [],  # as Discogs shows it
            "data_quality": "Correct",
        }
        master.update({k: v for k, v in override.items() if k != "id"})
        return master


def _sort_collection(items: list[dict[str, Any]], sort: str | None,
                     order: str | None) -> list[dict[str, Any]]:
    def first(bi: dict[str, Any], key: str, sub: str) -> str:
        values = bi.get(key) or [{}]
        return str(values[0].get(sub) or "").casefold()

    keys = {
        "added": lambda r: r.get("date_added") or "",
        "artist": lambda r: discogs_display_artist(r["basic_information"].get("artists") or [])
        .casefold(),
        "title": lambda r: r["basic_information"].get("title", "").casefold(),
        "year": lambda r: r["basic_information"].get("year") or 0,
        "rating": lambda r: r.get("rating") or 0,
        "label": lambda r: first(r["basic_information"], "labels", "name"),
        "catno": lambda r: first(r["basic_information"], "labels", "catno"),
        "format": lambda r: first(r["basic_information"], "formats", "name"),
    }
    if sort not in keys:
        return list(items)
    return sorted(items, key=keys[sort], reverse=(order == "desc"))
