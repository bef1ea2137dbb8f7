"""Enrichment work: which albums to ask about, in batches, with per-album failures recorded.

The flow maps the batch functions below as Prefect tasks. A batch in which any album failed
raises PartialFailure carrying every row: the task run shows as failed in the UI, Prefect does
not cache it (so the failures are asked again next time), and the flow still loads the rows.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import logging
import math
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from typing import Any

from tasks import discogs, euria, load, pending, spotify
from tasks.config import Settings, run_logger
from tasks.http import AuthError, GaveUp, ServiceError

log = logging.getLogger(__name__)

# Prefect loses run history above ~1,000 task runs in one flow run (PREFECT_NOTES.md):
# at most this many batches per service, whatever the size of the work list.
MAX_BATCHES_PER_SERVICE = 200

# A Spotify batch holds this many albums at least and looks them up side by side (its client
# still sends 4 calls at a time, searches before album details: tasks.spotify), so the flow's
# 4 Spotify lanes have 400 lookups in flight from the start. A lookup learns it needs Discogs'
# facts (60 requests a minute, about one real album in three) only from its searches, and the
# sooner the searches find the albums that ask, the fewer facts wait a Discogs window. A
# collection of up to 400 albums has every lookup in flight at once: at a ceiling of 300,
# Spotify's first window holds the first search of 300 albums. In batches of 2 looked up one
# after the other, submitted 12 ms apart (Prefect's cost per task run), the first window went
# to the first batches' second searches and album details (360 real albums: 48-54 of the 113
# facts found in it; a Discogs minute later for the rest). Fewer task runs, too.
LOOKUPS_AT_ONCE = 100

# What the prompt and the matcher read of an album; the rest of the record stays behind.
ALBUM_FACTS = ("album_key", "artist", "artists", "title", "year", "master_id", "master_year",
               "labels", "catnos", "formats", "media", "genres", "styles", "release_id")


# Told (service, album_key) as each album of a batch is done: the flow's progress tracker
# (flows/progress.py). Batches run in the flow's own threads, so a list in the process reaches
# it; a batch that runs elsewhere, or a cache hit, is counted when its task run finishes.
progress_listeners: list[Callable[[str, str], None]] = []


def report_done(service: str, album_key: str) -> None:
    for listener in list(progress_listeners):
        listener(service, album_key)


class PartialFailure(Exception):
    """Some albums of a batch failed; rows holds the result (or error row) of every album."""

    def __init__(self, message: str, rows: list[dict]):
        super().__init__(message)
        self.rows = rows

    def __reduce__(self) -> tuple[Any, ...]:
        return (PartialFailure, (self.args[0], self.rows))


def representatives(albums: Iterable[dict]) -> dict[str, dict]:
    """One record per album_key (lowest release id): pressings share one lookup."""
    chosen: dict[str, dict] = {}
    for album in albums:
        current = chosen.get(album["album_key"])
        if current is None or (album["release_id"], album["copy_no"]) < (
                current["release_id"], current["copy_no"]):
            chosen[album["album_key"]] = album
    return chosen


def work_items(albums: dict[str, dict], todo: dict[str, Any]) -> list[dict]:
    """The facts of each album to enrich, with when it was last tried (part of the cache key).

    todo maps album_key to the previous attempt's time, or to a dict of extra facts that
    holds it under "previous".
    """
    items = []
    for key, extra in sorted(todo.items()):
        if key not in albums:
            continue
        extra = extra if isinstance(extra, dict) else {"previous": extra}
        items.append({**{k: albums[key].get(k) for k in ALBUM_FACTS}, **extra})
    return items


def batches(items: list[dict], max_batches: int = MAX_BATCHES_PER_SERVICE,
            min_size: int = 1) -> list[list[dict]]:
    """Split a sorted work list into at most max_batches deterministic batches, of min_size
    albums at least (the last one may be smaller).

    Deterministic so that a rerun after a crash builds the same batches and hits the cache.
    """
    if not items:
        return []
    size = max(min_size, math.ceil(len(items) / max_batches))
    return [items[i:i + size] for i in range(0, len(items), size)]


def cache_key(task_name: str, namespace: str, albums: list[dict], *extra: Any) -> str:
    """Task name + database + each album's key and last attempt (+ prompt settings), hashed.

    The task name keeps Spotify and EurIA records apart; the last attempt makes a recheck of a
    not-found album (or a retry of a failed one) a new key instead of a stale cache hit.
    """
    material = json.dumps([task_name, namespace, [(a["album_key"], a.get("previous"))
                                                  for a in albums], list(extra)],
                          ensure_ascii=False, default=str)
    return f"{task_name}-{hashlib.sha256(material.encode()).hexdigest()[:40]}"


@lru_cache(maxsize=16)
def discogs_client(settings: Settings) -> discogs.DiscogsClient:
    """One Discogs client per process and settings: extraction and master lookups share its
    60-a-minute window."""
    return discogs.DiscogsClient(settings.discogs_token or "", settings.discogs_api_url,
                                 time_scale=settings.time_scale)


@lru_cache(maxsize=16)
def spotify_client(settings: Settings) -> spotify.SpotifyClient:
    """One client (token, limiter) per process and settings, shared by every batch task."""
    return spotify.SpotifyClient(settings.spotify_client_id or "",
                                 settings.spotify_client_secret or "",
                                 api_url=settings.spotify_api_url,
                                 accounts_url=settings.spotify_accounts_url,
                                 market=settings.spotify_market,
                                 max_calls_per_window=settings.spotify_max_per_window,
                                 time_scale=settings.time_scale)


@lru_cache(maxsize=16)
def euria_client(settings: Settings) -> euria.EuriaClient:
    return euria.EuriaClient(settings.euria_api_key or "", settings.euria_base_url or "",
                             model=settings.euria_model,
                             concurrency=settings.euria_concurrency,
                             time_scale=settings.time_scale)


# Release fetches that may fail (5xx or no answer, after the client's retries) in one run
# before the run stops asking: one bad release must not cost the others their count.
MAX_TRACK_FAILURES = 3


class TrackCounts:
    """The Discogs release track counts of one run's Spotify lookups: those fetched this run,
    and how many more may be (settings.track_lookups); shared by the batches of the run."""

    def __init__(self) -> None:
        self.fetched: dict[int, int | None] = {}
        self.requests = 0
        self.failures = 0
        self.given_up = 0  # fetches that gave up waiting for Discogs (SpotifyIdle)
        self._known: dict[int, int | None] | None = None
        self.known_masters: dict[int, int | None] = {}  # master years earlier runs fetched
        self.known_master_tracks: dict[int, int | None] = {}  # and their track counts
        self._lock = threading.Lock()

    def known(self, settings: Settings) -> dict[int, int | None]:
        """The counts earlier runs fetched, read once for the run's batches (a read of the
        database per batch took ~50 ms and a DuckDB instance each, ~200 times a large sync)."""
        with self._lock:
            if self._known is None:
                self._known, self.known_masters, self.known_master_tracks = \
                    known_discogs_facts(settings)
            return self._known

    def take(self, limit: int) -> bool:
        """One more fetch, if the run's cap allows it and Discogs has not failed too often."""
        with self._lock:
            if self.failures >= MAX_TRACK_FAILURES or self.requests >= limit:
                return False
            self.requests += 1
            return True

    def given_back(self) -> None:
        """A fetch taken but not sent (it gave up waiting): counted as not made."""
        with self._lock:
            self.requests -= 1
            self.given_up += 1

    def failed(self) -> bool:
        """Count a failed fetch; True when it stops the fetches of this run."""
        with self._lock:
            self.failures += 1
            return self.failures == MAX_TRACK_FAILURES


class SpotifyIdle:
    """Set (`event`) while every Spotify lookup in flight waits for a Discogs fact: Spotify
    has nothing left to send, and a fact still waiting for Discogs' window (60 requests a
    minute) would hold the sync up. The waiting fetches then give up (http.GaveUp) and their
    lookups decide without the fact, so the facts only use the requests Discogs has free
    while Spotify works. A fact Discogs' window lets go at once is fetched all the same.

    At 1,000 real albums and a Spotify ceiling of 300 a first sync's lookups ask for about
    310 facts, five Discogs minutes, for four minutes of Spotify: waiting for them all made
    the sync wait on Discogs (1.39x the bound)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._lock = threading.Lock()
        self._looking = 0  # lookups in flight
        self._waiting = 0  # of those, waiting for Discogs

    @contextmanager
    def looking(self) -> Iterator[None]:
        """Around one lookup."""
        self._count(looking=1)
        try:
            yield
        finally:
            self._count(looking=-1)

    @contextmanager
    def waiting(self) -> Iterator[threading.Event]:
        """Around a lookup's wait for a Discogs fact: the event its wait gives up on."""
        self._count(waiting=1)
        try:
            yield self.event
        finally:
            self._count(waiting=-1)

    def _count(self, looking: int = 0, waiting: int = 0) -> None:
        with self._lock:
            self._looking += looking
            self._waiting += waiting
            if self._waiting and self._waiting >= self._looking:
                self.event.set()
            else:
                self.event.clear()


class DiscogsFacts:
    """What the run's Spotify lookups asked Discogs for, shared by the batches of one run in
    this process: masters' years (a lookup reads those fetched so far as it starts) and track
    counts, and release track counts, for the load to keep; and whether Spotify waits on them
    (`idle`). A plain class: Prefect hands it to tasks as it is."""

    def __init__(self) -> None:
        self.years: dict[int, int | None] = {}
        self.master_tracks: dict[int, int | None] = {}
        self.tracks = TrackCounts()
        self.idle = SpotifyIdle()

    def masters(self) -> dict[int, tuple[int | None, int | None]]:
        """Master id -> (year, track count), of the masters fetched this run, for the load."""
        return {m: (year, self.master_tracks.get(m)) for m, year in list(self.years.items())}


def with_master_years(albums: list[dict], years: dict[int, int | None]) -> list[dict]:
    """The albums, each given its master's original year when it has none and it is known."""
    return [{**a, "master_year": years[a["master_id"]]}
            if not a.get("master_year") and years.get(a.get("master_id")) else a
            for a in albums]


def _run_batch(albums: list[dict], service: str, work: Callable[[dict], dict],
               on_error: Callable[[dict, Exception], dict],
               outcome: Callable[[dict], str], at_once: int = 1) -> list[dict]:
    """Each album's row, in the albums' order, with at most at_once albums worked on at a
    time (threads carrying the task run's context, so their logs reach its run)."""
    log = run_logger()

    def one(album: dict) -> tuple[dict, bool]:
        """(row, failed)"""
        try:
            row, failed = work(album), False
        except AuthError:
            raise  # credentials refused mid-run: stop this service, not album by album
        except ServiceError as exc:
            row, failed = on_error(album, exc), True
            log.warning("%s failed for: %s (%s)", service, album["title"], exc)
        except Exception as exc:  # noqa: BLE001 - one odd album must not stop the others
            row, failed = on_error(album, exc), True
            log.exception("%s failed for: %s (%s)", service, album["title"],
                          type(exc).__name__)
        report_done(service, album["album_key"])
        return row, failed

    if at_once > 1 and len(albums) > 1:
        with ThreadPoolExecutor(min(at_once, len(albums)), f"{service}-album") as pool:
            futures = [pool.submit(contextvars.copy_context().run, one, a) for a in albums]
            try:
                results = [future.result() for future in futures]
            except AuthError:
                pool.shutdown(cancel_futures=True)
                raise
    else:
        results = [one(album) for album in albums]
    rows = [row for row, _ in results]
    failed = [album["title"] for album, (_, bad) in zip(albums, results, strict=True) if bad]
    done: dict[str, list[str]] = {}  # outcome -> titles, in order
    for album, (row, bad) in zip(albums, results, strict=True):
        if not bad:
            done.setdefault(outcome(row), []).append(album["title"])
    # One line per outcome and batch, not per album: a log record costs about a millisecond
    # of console rendering and API shipping, which at 10,000 albums was a tenth of the sync.
    for message, titles in done.items():
        log.info("%s: %s", message, "; ".join(titles))
    if failed:
        raise PartialFailure(f"{service} failed for {len(failed)} of {len(albums)} albums: "
                             + "; ".join(failed[:5]), rows)
    return rows


# What `release_facts` can fetch: the release's track count, the master's year.
FACTS = ("track_count", "master_year")


def release_facts(album: dict, known: dict[int, int | None], tracks: TrackCounts,
                  client: discogs.DiscogsClient | None, limit: int,
                  years: dict[int, int | None] | None = None,
                  master_tracks: dict[int, int | None] | None = None,
                  idle: SpotifyIdle | None = None) -> Callable[..., dict]:
    """What `lookup_album` asks for when its searches end without a link or with one not sure
    enough: the album's track count and its master's original year (a first sync fetches no
    year up front); or, before it lists the artist's albums, the year alone (`only`), to date
    that listing.

    One request answers both: the master (`GET /masters/{id}`: its year, and its tracklist,
    the main release's). Discogs allows 60 requests a minute and a first sync of real albums
    asks for about one album in three: a second request for the release's own tracklist
    doubled the time the sync waited on Discogs. The release is fetched only for an album of
    no master, or whose master shows no tracklist. A count earlier runs fetched (known,
    tracks.known_master_tracks) is used first. The years and master counts fetched go to
    years and master_tracks, shared with the run's other lookups and stored by the load.

    At most limit fetches a run, through the shared paced client; {} when nothing can be had.
    A fetch that waits for Discogs' window gives up when Spotify waits on it (idle; without
    one, it waits). Never raises: a failed fetch leaves the album matched without it."""
    release_id = album.get("release_id")
    master_id = album.get("master_id")
    years = {} if years is None else years
    master_tracks = {} if master_tracks is None else master_tracks

    def fetched(what: str, fetch: Callable[[threading.Event | None], Any]) -> tuple[bool, Any]:
        """(fetched, value): a 404 is fetched as None (gone from Discogs: not asked again)."""
        if client is None or not tracks.take(limit):
            return False, None
        try:
            with idle.waiting() if idle else nullcontext() as give_up:
                return True, fetch(give_up)
        except GaveUp:
            tracks.given_back()
            return False, None
        except ServiceError as exc:  # AuthError too: Discogs' token, not Spotify's lookup
            if exc.status == 404:
                return True, None
            stop = tracks.failed()
            run_logger().warning("Discogs %s not fetched (%s)%s", what, exc,
                                 "; no more this run" if stop else "")
            return False, None

    tried: set[str] = set()  # what this lookup asked already: a failed fetch is not repeated

    def master() -> None:
        """The master's year and track count into years and master_tracks, once a run."""
        if master_id in years or "master" in tried:
            return
        tried.add("master")
        got, facts = fetched(f"master {master_id}", lambda give_up:
                             discogs.fetch_master_facts(client, master_id, give_up))
        if got:
            years[master_id], master_tracks[master_id] = facts or (None, None)

    def track_count() -> tuple[int | None, str]:
        if release_id in known:
            return known[release_id], f"/releases/{release_id}"
        if master_id:
            if master_id in tracks.known_masters:  # fetched by an earlier run
                count = tracks.known_master_tracks.get(master_id)
            else:
                master()
                count = master_tracks.get(master_id)
            if count:
                return count, f"/masters/{master_id}"
        if not release_id:
            return None, ""
        got, count = fetched(f"track count of release {release_id}", lambda give_up:
                             discogs.fetch_release_track_count(client, release_id, give_up))
        if got:
            tracks.fetched[release_id] = count
        return count, f"/releases/{release_id}"

    def fetch(only: Collection[str] = FACTS) -> dict:
        """The facts named in only (both by default) that can be had."""
        out: dict[str, Any] = {}
        sources = []
        if "master_year" in only and master_id and not album.get("master_year") and (
                master_id not in tracks.known_masters):
            master()
            if years.get(master_id):
                out["master_year"] = years[master_id]
                sources.append(f"/masters/{master_id}")
        if "track_count" in only:
            count, source = track_count()
            if count:
                out["track_count"] = count
                if source not in sources:
                    sources.append(source)
        if out:
            out["source"] = "discogs " + ", ".join(sources)
        return out

    return fetch


def known_discogs_facts(settings: Settings) -> tuple[dict[int, int | None],
                                                      dict[int, int | None],
                                                      dict[int, int | None]]:
    """The release track counts, master years and master track counts earlier runs fetched
    (DuckDB)."""
    with pending.reading(settings.db_path) as con:
        return (load.release_track_counts(con), load.master_years(con),
                load.master_track_counts(con))


def spotify_batch(albums: list[dict], settings: Settings, namespace: str,
                  threshold: float | None = None,
                  discogs_facts: DiscogsFacts | None = None) -> list[dict]:
    """Look each album up on Spotify; returns spotify_matches rows (evidence and candidates
    as JSON text: spotify.stored_row).

    discogs_facts: what the run's lookups fetched from Discogs so far (release_facts: a
    lookup that wants more facts fetches its master's year and track count, or its release's
    count); a row carries the release count its lookup fetched (discogs_release_tracks), and
    the masters fetched are in discogs_facts.years and .master_tracks, for the load to keep.
    """
    client = spotify_client(settings)
    shared = discogs_facts or DiscogsFacts()
    years, tracks = shared.years, shared.tracks
    fetching = settings.track_lookups > 0 and not settings.missing_discogs()
    known = tracks.known(settings) if fetching else {}
    discogs_api = discogs_client(settings) if fetching else None

    def look_up(album: dict) -> dict:
        more = release_facts(album, known, tracks, discogs_api, settings.track_lookups,
                             years, shared.master_tracks, shared.idle) if fetching else None
        with shared.idle.looking():
            row = spotify.stored_row(spotify.lookup_album(
                client, with_master_years([album], years)[0], threshold, more_facts=more))
        release_id = album.get("release_id")
        if release_id in tracks.fetched and release_id not in known:
            row["discogs_release_tracks"] = {"release_id": release_id,
                                             "track_count": tracks.fetched[release_id]}
        return row

    def outcome(row: dict) -> str:
        return {"matched": "Spotify found for", "uncertain": "Spotify uncertain for",
                }.get(row["status"], "Spotify has nothing for")

    return _run_batch(albums, "Spotify", look_up,
                      lambda album, exc: spotify.stored_row(spotify.error_row(album, exc)),
                      outcome, at_once=LOOKUPS_AT_ONCE)


def describe_batch(albums: list[dict], settings: Settings, namespace: str, language: str,
                   max_chars: int) -> list[dict]:
    """Ask EurIA for each album's description; returns ai_descriptions rows."""
    client = euria_client(settings)
    return _run_batch(
        albums, "EurIA",
        lambda a: euria.describe_album(client, a, language, max_chars),
        lambda a, exc: euria.error_row(a, exc, language, max_chars),
        lambda row: "AI description generated for")
