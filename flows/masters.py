"""The original years of the albums' Discogs masters, fetched beside the Spotify lookups."""

from __future__ import annotations

import concurrent.futures
from typing import Any

from tasks import discogs, enrich, load, pending
from tasks.config import Settings, run_logger
from tasks.http import AuthError, ServiceError

MASTER_WORKERS = 8  # master-year requests in flight at once (those Discogs' window has free)
# The share of Discogs' window the master years leave free: the track counts that lookups wait
# on (urgent calls) need places at once, and a window spent in one burst frees a minute later.
TRACK_RESERVE = 0.5


def masters_to_fetch(albums: list[dict], limit: int | None,
                     known: dict[int, int | None] | None = None) -> list[int]:
    """The masters of these albums whose year is not known (not in known, no master_year yet),
    earliest added first; at most limit of them (None: all)."""
    first_added: dict[int, str] = {}
    for album in albums:
        master = album.get("master_id")
        if master and not album.get("master_year") and master not in (known or {}):
            when = album.get("date_added") or ""
            first_added[master] = min(first_added.get(master, when), when)
    missing = sorted(first_added, key=lambda m: (first_added[m], m))
    return missing if limit is None else missing[:max(0, limit)]


def add_master_years(settings: Settings, client: discogs.DiscogsClient, albums: list[dict],
                     logger: Any, shared: enrich.MasterYears | None = None
                     ) -> dict[int, int | None]:
    """Fetch the original year of these albums' masters (the matcher prefers it to a
    reissue's), into shared as each one comes; returns those fetched, in order.

    Called with the albums about to be looked up on Spotify, so a run with nothing to look up
    asks Discogs nothing more. Years fetched before come from DuckDB; at most
    settings.master_lookups new masters per run, the earliest additions first. The requests
    Discogs' window has free (its headers say how many) beyond TRACK_RESERVE of it go at once,
    then one as each place frees, until shared.stop says the lookups are done: the rest wait
    for the next run, and the albums are matched on their pressing's year.
    """
    shared = shared or enrich.MasterYears()
    if not any(album.get("master_id") for album in albums):
        return {}
    with pending.reading(settings.db_path) as con:
        known = load.master_years(con)
    todo = masters_to_fetch(albums, settings.master_lookups, {**known, **shared.years})

    def fetch(master_id: int) -> ServiceError | None:
        try:
            shared.years[master_id] = discogs.fetch_master_year(client, master_id)
        except AuthError:
            raise
        except ServiceError as exc:
            if exc.status != 404:
                return exc
            shared.years[master_id] = None  # gone from Discogs: do not ask again
        return None

    fetched: dict[int, int | None] = {}
    with concurrent.futures.ThreadPoolExecutor(MASTER_WORKERS) as pool:
        while todo and not shared.stop.is_set():
            room, wait = client.limiter.free()
            if room is not None and client.limiter.max_calls:
                room = max(0, room - int(client.limiter.max_calls * TRACK_RESERVE))
            if room == 0:  # look again when a place may have freed (Discogs: one a second)
                shared.stop.wait(min(wait, 1.0) if wait > 0 else client.limiter.period / 60)
                continue
            # Half the room at most: a count from the headers may include calls still in
            # flight, which then count twice until the next answer, and a call that does not
            # fit waits in the limiter, deaf to stop.
            size = min(MASTER_WORKERS, max(1, room // 2)) if room else MASTER_WORKERS
            wave, todo = todo[:size], todo[size:]
            problems = [(m, e) for m, e in zip(wave, pool.map(fetch, wave), strict=True) if e]
            fetched.update((m, shared.years[m]) for m in wave if m in shared.years)
            if problems:
                logger.warning("Master years: stopped after %d (%s); the rest next run",
                               len(fetched), problems[0][1])
                break
    if fetched:
        logger.info("Fetched the original year of %d Discogs masters%s", len(fetched),
                    f"; {len(todo)} left for the next run (the lookups were done)"
                    if todo and shared.stop.is_set() else "")
    return fetched


def fetch_master_years(settings: Settings, albums: list[dict],
                       shared: enrich.MasterYears | None = None
                       ) -> tuple[dict[int, int | None], int]:
    """The master years not known yet of the albums going to Spotify: (fetched, requests).

    A task of its own, started with the enrichment: the Spotify lookups read the years as they
    come (shared), never waiting for them. Never fails the run: a master not fetched is
    matched on its pressing year.
    """
    logger = run_logger()
    if not any(a.get("master_id") for a in albums) or settings.missing_discogs():
        return {}, 0
    client = enrich.discogs_client(settings)
    sent_before = client.requests_made
    try:
        fetched = add_master_years(settings, client, albums, logger, shared)
    except ServiceError as exc:
        logger.warning("Master years not fetched (%s); matching on pressing years", exc)
        fetched = {}
    return fetched, client.requests_made - sent_before


def master_outcome(future: Any, logger: Any) -> tuple[dict[int, int | None], int]:
    """The discogs-master-years task's (fetched, requests); nothing if it did not run or broke."""
    if future is None:
        return {}, 0
    outcome = future.result(raise_on_failure=False)
    if isinstance(outcome, tuple):
        return outcome
    logger.warning("Master years not fetched: %s", outcome)
    return {}, 0
