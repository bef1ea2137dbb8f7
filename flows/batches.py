"""The enrichment batches: both services' run side by side, their rows collected."""

from __future__ import annotations

import queue
from collections import deque
from collections.abc import Callable
from typing import Any

from tasks import enrich
from tasks.http import AuthError

# Batches of one service in flight at once; the flow has a worker for each lane of both.
# Submitted all at once, the batches of a service that waits (a Retry-After, a Discogs track
# count) ended up holding every worker, and the other service, with nothing to wait for,
# stopped with it. 4: the concurrency each API allows. With 8, every Spotify place was taken
# again the moment it freed, and a probe above the learned ceiling was refused with a call
# beside it (2 429s in a window after a storm, against 1 with 4).
LANES = 4
# Spotify lanes lent, at most, to batches waiting for a Discogs fact: each waits up to a minute
# when Discogs' window is full. Four waiting held every Spotify lane, so the albums behind them
# asked for their facts late, and the sync ended a Discogs window later than it needed; with
# 8 lent, 360 real albums at a ceiling of 300 still left Spotify idle for 30 s while 12
# lookups waited (a waiting lane is a thread, nothing more).
MAX_LENT = 48


def run_enrichment(spotify_batches: list, ai_batches: list, submit_spotify: Callable,
                   submit_ai: Callable, lanes: int = LANES,
                   details_of: Callable[[Any], list] | None = None,
                   submit_details: Callable | None = None) -> tuple[list, list, list]:
    """Run both services' batches, at most `lanes` of each in flight (Spotify's, and one more
    for each batch waiting for a Discogs fact), until all are done; returns (Spotify futures,
    EurIA futures, album details futures), in the order submitted.

    details_of(future): what a finished Spotify batch leaves for the album endpoint; its batch
    of details is submitted once every lookup batch has started, in the lanes the lookups
    leave free. The searches come first: they find the albums that wait for Discogs facts, and
    Discogs' window then runs beside Spotify's instead of after it; the details fill the
    Spotify window the last lookups leave free while they wait."""
    streams = {"Spotify": deque(spotify_batches), "EurIA": deque(ai_batches),
               "details": deque()}
    submits = {"Spotify": submit_spotify, "EurIA": submit_ai, "details": submit_details}
    futures: dict[str, list] = {name: [] for name in streams}
    events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
    in_flight = dict.fromkeys(streams, 0)
    lent = 0  # Spotify batches waiting for Discogs now

    def allowed(name: str) -> int:
        spotify_lanes = lanes + min(lent, MAX_LENT)
        if name == "Spotify":
            return spotify_lanes
        if name == "details":  # Spotify's lanes, once no lookup batch is left to start
            return 0 if streams["Spotify"] else spotify_lanes - in_flight["Spotify"]
        return lanes

    def fill(name: str) -> None:
        todo, submit = streams[name], submits[name]
        while todo and in_flight[name] < allowed(name):
            future = submit(todo.popleft())
            future.add_done_callback(lambda done, name=name: events.put((name, done)))
            futures[name].append(future)
            in_flight[name] += 1

    def on_wait(waiting: bool) -> None:
        events.put(("Discogs", 1 if waiting else -1))

    enrich.discogs_wait_listeners.append(on_wait)
    try:
        for name in streams:
            fill(name)
        while any(in_flight.values()):
            name, what = events.get()
            if name == "Discogs":
                lent = max(0, lent + what)
            else:
                in_flight[name] -= 1
                if name == "Spotify" and details_of is not None and submit_details is not None \
                        and (links := details_of(what)):
                    streams["details"].append(links)
                fill(name)
            fill("Spotify")
            fill("details")
    finally:
        enrich.discogs_wait_listeners.remove(on_wait)
    return futures["Spotify"], futures["EurIA"], futures["details"]


def rows_of(future: Any) -> list[dict]:
    """The rows a finished batch returned, those of a batch where some albums failed too;
    [] for a batch that failed whole."""
    future.wait()  # its final state, without asking the API
    state = future.state
    if state.is_completed():
        return future.result()
    exc = state.result(raise_on_failure=False)
    return exc.rows if isinstance(exc, enrich.PartialFailure) else []


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


def with_details(rows: list[dict], futures: list, logger: Any) -> list[dict]:
    """The Spotify rows, each link completed by what its album details batch fetched; a batch
    that failed leaves its links as search found them."""
    details: dict[str, dict] = {}
    for future in futures:
        future.wait()
        if future.state.is_completed():
            details.update(future.result())
        else:
            logger.warning("A Spotify album details batch failed: %s",
                           future.state.result(raise_on_failure=False))
    return [{**row, **details[row["album_key"]]} if row.get("album_key") in details else row
            for row in rows]
