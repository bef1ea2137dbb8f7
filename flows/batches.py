"""The enrichment batches: both services' run side by side, their rows collected."""

from __future__ import annotations

import math
import queue
from collections import deque
from collections.abc import Callable
from typing import Any

from tasks import enrich
from tasks.http import AuthError

# Batches of each service in flight at once; the flow has a worker for each. Submitted all at
# once, the batches of a service that waits (a Retry-After) ended up holding every worker, and
# the other service, with nothing to wait for, stopped with it: each has its own lanes.
# EurIA: 4, the concurrency it allows.
LANES = 4
# Spotify: lanes for this many albums, whatever the batches' size (its client still sends 4
# calls at a time, tasks.spotify.CONCURRENCY, searches before album details). A lookup that
# asks Discogs for a fact waits up to a minute when Discogs' window is full; Discogs allows 60
# requests a minute and real albums ask for about one in three, so the sooner the searches
# find the albums that ask, the fewer facts wait a window: at a ceiling of 300, Spotify's
# first window holds the first searches of about 260 albums when details wait. With 4 lanes,
# four waiting lookups stopped Spotify for that minute (360 real albums at 300: 1.22x the
# bound; with every album in flight and details after the searches, 1.09x). More in flight
# would only lose more to a crash: a batch's lookups are kept (Prefect's cache) when it ends.
SPOTIFY_ALBUMS_IN_FLIGHT = 400


def lanes_for(spotify_batches: list) -> dict[str, int]:
    """Each service's lanes: Spotify's for SPOTIFY_ALBUMS_IN_FLIGHT albums, EurIA's LANES."""
    size = max((len(batch) for batch in spotify_batches), default=1) or 1
    return {"Spotify": max(LANES, math.ceil(SPOTIFY_ALBUMS_IN_FLIGHT / size)), "EurIA": LANES}


def run_enrichment(spotify_batches: list, ai_batches: list, submit_spotify: Callable,
                   submit_ai: Callable, lanes: dict[str, int] | None = None) -> tuple[list, list]:
    """Run both services' batches, at most lanes[service] of each in flight, until all are
    done (lanes: lanes_for the Spotify batches); returns (Spotify futures, EurIA futures), in
    the batches' order."""
    lanes = lanes or lanes_for(spotify_batches)
    services = {"Spotify": (deque(spotify_batches), submit_spotify, []),
                "EurIA": (deque(ai_batches), submit_ai, [])}
    finished: queue.SimpleQueue[str] = queue.SimpleQueue()
    in_flight = dict.fromkeys(services, 0)

    def fill(name: str) -> None:
        todo, submit, futures = services[name]
        while todo and in_flight[name] < lanes[name]:
            future = submit(todo.popleft())
            future.add_done_callback(lambda _, name=name: finished.put(name))
            futures.append(future)
            in_flight[name] += 1

    for name in ("EurIA", "Spotify"):  # EurIA's 4 first: Spotify's may be a few hundred
        fill(name)
    while any(in_flight.values()):
        name = finished.get()
        in_flight[name] -= 1
        fill(name)
    return services["Spotify"][2], services["EurIA"][2]


def collect_rows(futures: list, service: str, problems: dict[str, str], logger: Any) -> list[dict]:
    """Every row of the mapped batches, including those of batches where some albums failed."""
    rows: list[dict] = []
    for future in futures:
        future.wait()
        state = future.state
        if state.is_completed():
            rows.extend(future.result())
            continue
        exc = state.result(raise_on_failure=False)
        if isinstance(exc, enrich.PartialFailure):
            rows.extend(exc.rows)
        elif isinstance(exc, AuthError):
            problems[service.lower()] = str(exc)
            logger.error("%s step failed: %s", service, exc)
        else:
            logger.error("A %s batch failed: %s", service, exc)
    return rows
