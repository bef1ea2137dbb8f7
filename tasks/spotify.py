"""Spotify: client-credentials token, album search, and the lookup of one album's best match."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from tasks.config import register_secret
from tasks.http import (
    AuthError,
    HeaderAuth,
    RateLimiter,
    ServiceError,
    error_message,
    json_body,
    new_session,
    now_utc,
    send,
)

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.spotify.com/v1"
DEFAULT_ACCOUNTS_URL = "https://accounts.spotify.com"
SEARCH_LIMIT = 10  # apps in development mode get a 400 above 10 (February 2026)
WINDOW_SECONDS = 30.0  # Spotify counts calls over a rolling 30-second window
CONCURRENCY = 4
MAX_CANDIDATES = 5  # kept per album for `discogs-sync review`
TOKEN_MARGIN = 60  # renew a minute before expiry rather than fail a call on it


class SpotifyClient:
    """Search and album calls with a shared, self-renewing app token."""

    def __init__(self, client_id: str, client_secret: str, api_url: str = DEFAULT_API_URL,
                 accounts_url: str = DEFAULT_ACCOUNTS_URL, market: str | None = None,
                 sleep: Callable[[float], None] = time.sleep, limiter: RateLimiter | None = None,
                 max_calls_per_window: int | None = None, time_scale: float = 1.0):
        self.api_url = api_url.rstrip("/")
        self.accounts_url = accounts_url.rstrip("/")
        self._auth = (client_id, client_secret)
        register_secret(client_secret)
        self.market = market
        self.sleep = sleep
        # No published limit: start unbounded and learn the ceiling from the first 429.
        self.limiter = limiter or RateLimiter(max_calls_per_window,
                                              period=WINDOW_SECONDS * time_scale,
                                              concurrency=CONCURRENCY, sleep=sleep)
        self.backoff = time_scale
        self.session = new_session(self.api_url)
        self._token: str | None = None
        self._expires_at = 0.0
        self._token_lock = threading.Lock()
        self._count_lock = threading.Lock()
        self.requests_made = 0
        self.album_endpoint_refused = False  # set once a 403 says this app may not use it

    def _counted(self) -> None:
        with self._count_lock:
            self.requests_made += 1

    def token(self, force: bool = False) -> str:
        """The app token, fetched once and reused until a minute before it expires."""
        with self._token_lock:
            if force or not self._token or time.monotonic() >= self._expires_at:
                response = send(self.session, "POST", f"{self.accounts_url}/api/token",
                                service="Spotify", data={"grant_type": "client_credentials"},
                                auth=self._auth, sleep=self.sleep, counter=self._counted,
                                backoff=self.backoff)
                if response.status_code in (400, 401, 403):
                    raise AuthError("Spotify", "the client credentials were refused "
                                    f"({error_message(response)}): check SPOTIFY_CLIENT_ID and "
                                    "SPOTIFY_CLIENT_SECRET", response.status_code)
                if response.status_code >= 300:
                    raise ServiceError("Spotify", f"token request failed: "
                                       f"{error_message(response)}", response.status_code)
                body = json_body(response, "Spotify")
                if not isinstance(body, dict) or not body.get("access_token"):
                    raise ServiceError("Spotify", "token answer without an access_token")
                self._token = str(body["access_token"])
                lifetime = float(body.get("expires_in") or 3600)
                self._expires_at = time.monotonic() + max(0.0, lifetime - TOKEN_MARGIN)
            return self._token

    def get(self, path: str, params: dict[str, Any] | None = None, later: bool = False) -> Any:
        """GET an API path; an expired token (401) is renewed and the call retried once.
        later: the call gives way to others waiting (tasks.http.Places)."""
        url = f"{self.api_url}{path}"
        for attempt in (1, 2):
            token = self.token(force=attempt == 2)
            response = send(self.session, "GET", url, service="Spotify", params=params,
                            auth=HeaderAuth(f"Bearer {token}"), limiter=self.limiter,
                            sleep=self.sleep, counter=self._counted, backoff=self.backoff,
                            later=later)
            if response.status_code == 401:
                if attempt == 1:
                    log.info("Spotify token expired; renewing it")
                    continue
                raise AuthError("Spotify", "a fresh token was refused: check SPOTIFY_CLIENT_ID "
                                "and SPOTIFY_CLIENT_SECRET", 401)
            if response.status_code >= 400:
                raise ServiceError("Spotify", error_message(response), response.status_code,
                                   response.url)
            return json_body(response, "Spotify")
        raise AuthError("Spotify", "a fresh token was refused: check SPOTIFY_CLIENT_ID and "
                        "SPOTIFY_CLIENT_SECRET", 401)

    def search_albums(self, query: str, limit: int = SEARCH_LIMIT) -> list[dict]:
        params: dict[str, Any] = {"q": query, "type": "album", "limit": min(limit, SEARCH_LIMIT)}
        if self.market:
            params["market"] = self.market
        body = self.get("/search", params)
        items = ((body or {}).get("albums") or {}).get("items") or []
        return [item for item in items if isinstance(item, dict)]

    def fetch_album(self, album_id: str) -> dict:
        params = {"market": self.market} if self.market else None
        # After the searches waiting: a lookup's details wait, a search finds the albums that
        # ask Discogs for facts, whose window (60 a minute) is best used early.
        body = self.get(f"/albums/{album_id}", params, later=True)
        if not isinstance(body, dict):
            raise ServiceError("Spotify", f"album {album_id}: unexpected answer")
        return body


def album_summary(album: dict) -> dict:
    """What we keep of a Spotify album object; absent fields stay None (dev-mode apps)."""
    images = [i for i in album.get("images") or [] if isinstance(i, dict) and i.get("url")]
    images.sort(key=lambda i: -(i.get("width") or 0))
    tracks = ((album.get("tracks") or {}).get("items")) or []
    durations = [t.get("duration_ms") for t in tracks if isinstance(t, dict)]
    return {
        "spotify_album_id": album.get("id"),
        "spotify_url": (album.get("external_urls") or {}).get("spotify")
        or (f"https://open.spotify.com/album/{album['id']}" if album.get("id") else None),
        "spotify_name": album.get("name"),
        "spotify_artists": [a.get("name") for a in album.get("artists") or []
                            if isinstance(a, dict) and a.get("name")],
        "spotify_album_type": album.get("album_type"),
        "spotify_release_date": album.get("release_date"),
        "spotify_total_tracks": album.get("total_tracks"),
        "spotify_duration_ms": sum(d for d in durations if isinstance(d, int)) or None,
        "spotify_image": images[0]["url"] if images else None,
        "spotify_popularity": album.get("popularity"),
        "spotify_label": album.get("label"),
    }


def lookup_album(client: SpotifyClient, album: dict, threshold: float | None = None,
                 more_facts: Callable[..., dict] | None = None) -> dict:
    """Search one album, choose the best candidate, and return its spotify_matches row.

    The searches follow `tasks.matching.next_search`, which adapts to what earlier ones
    returned; the lookup stops once `decide` links an album. `candidates` holds the five best
    distinct albums seen (for review).

    more_facts: facts the sync lacks, from Discogs, or {}. Called with ("master_year",) before
    the artist's whole listing when the album's master year is unknown: the listing is then
    dated by it (a listing cut at the search limit may hide the album; a reissue's year would
    date it wrong). Called with no argument at most once, when the searches are done without
    a link, or with one not sure enough (`wants_more_facts`): the track count and the master's
    year. The decision is made again over the searches already sent, and the search plan goes
    on only if it then proposes something new. Its answers are kept in the evidence.
    """
    from tasks.matching import (
        DEFAULT_THRESHOLD,
        MatchQuery,
        Searched,
        decide,
        next_search,
        top_candidates,
    )

    query = MatchQuery.from_album(album)
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    done: list[Searched] = []
    known: dict = {}  # what more_facts gave
    asked = set()  # "year" before the listing, "all" once done
    best = decide(query, done, limit)
    while True:
        if best.status != "matched":
            step = next_search(query, done)
            if step is not None and step.form == "artist_list" and query.master_unknown and \
                    more_facts is not None and "year" not in asked:
                asked.add("year")
                known.update(more_facts(("master_year",)) or {})
                if known.get("master_year"):
                    query = MatchQuery.from_album({**album, **_facts(known)})
                    best = decide(query, done, limit)
                    continue  # the plan now lists the artist's albums of that year
            if step is not None:
                done.append(Searched(step, tuple(client.search_albums(step.query))))
                best = decide(query, done, limit)
                continue
        if "all" in asked or more_facts is None or not wants_more_facts(best, done, query):
            break
        asked.add("all")
        more = more_facts() or {}
        if not _facts(more):
            break
        known.update(more)
        query = MatchQuery.from_album({**album, **_facts(known)})
        best = decide(query, done, limit)
    evidence = dict(best.evidence, queries=len(done))
    if known:
        evidence["more_facts"] = known
    row = {
        "album_key": album["album_key"],
        "status": best.status,
        "score": round(best.score, 4) if best.album else None,
        "evidence": evidence,
        "error": None,
        "checked_at": now_utc().isoformat(),
        **album_summary(best.album or {}),
        "candidates": top_candidates(query, done, MAX_CANDIDATES),
    }
    if row["status"] != "matched":
        # An uncertain candidate is kept for review (its id and name), never offered as a link.
        row["spotify_url"] = None
    elif row["spotify_album_id"]:
        row.update(album_details(client, row))
    return row


# A link scored below this is confirmed with the track count before it is kept: on the tuning
# half every wrong link made without one scored below it, 35 of 311 links did (a fetch each).
CONFIRM_BELOW = 0.93


def _facts(answer: dict) -> dict:
    """An answer of more_facts without its source."""
    return {k: v for k, v in answer.items() if k != "source"}


def wants_more_facts(best: Any, done: Sequence[Any], query: Any = None,
                     confirm_below: float = CONFIRM_BELOW) -> bool:
    """Whether a lookup is worth a Discogs request: its searches are done without a link
    although they returned candidates to confirm, or without one while its master's year is
    not known yet; or its link is not sure enough to keep without the track count, or is
    dated in another year than the album's (`tasks.matching.track_count_would_tell`)."""
    from tasks.matching import track_count_would_tell

    if best.status == "matched":
        return best.score < confirm_below or (
            query is not None and track_count_would_tell(query, best))
    # Without a link, the master's year the sync has not fetched yet may find it: the
    # searches are dated by the pressing's year, a reissue's.
    return any(searched.results for searched in done) or (
        query is not None and query.master_unknown)


def album_details(client: SpotifyClient, row: dict) -> dict:
    """What the album endpoint adds to a search result (duration, date, cover, and popularity
    and label for apps with extended quota); {} when the endpoint is refused or missing."""
    if client.album_endpoint_refused:
        return {}
    try:
        full = client.fetch_album(row["spotify_album_id"])
    except ServiceError as exc:
        if exc.status in (403, 404, 400):
            if not client.album_endpoint_refused:
                log.warning("Spotify album details not available (%s); keeping what search "
                            "returned", exc)
            client.album_endpoint_refused = exc.status == 403
            return {}
        raise
    return {k: v for k, v in album_summary(full).items() if v is not None}


# The lookup's working shapes that a sync only stores: kept as the JSON text DuckDB gets from
# the batch on. As nested dicts they cost ~6 KB a row in the flow, Prefect's results and the
# load (10,000 albums: ~45 MB); as text about a third of that.
STORED_AS_TEXT = ("evidence", "candidates")


def stored_row(row: dict) -> dict:
    """The row with its evidence and candidates as JSON text, exactly as the load writes them
    into DuckDB (already text: unchanged)."""
    return {**row, **{name: json.dumps(row[name], ensure_ascii=False) for name in STORED_AS_TEXT
                      if row.get(name) is not None and not isinstance(row[name], str)}}


def error_row(album: dict, exc: Exception) -> dict:
    """A spotify_matches row recording why the lookup failed (retried on the next run)."""
    return {"album_key": album["album_key"], "status": "error", "score": None, "evidence": {},
            "error": str(exc)[:500], "checked_at": now_utc().isoformat(),
            **album_summary({}), "candidates": []}
