"""The enrichment batches: both services' run side by side, their rows collected."""

from __future__ import annotations

import queue
from collections import deque
from collections.abc import Callable
from typing import Any

from tasks import enrich
from tasks.http import AuthError

# Batches of each service in flight at once; the flow has a worker for each. Submitted all at
# once, the batches of a service that waits (a Retry-After) ended up holding every worker, and
# the other service, with nothing to wait for, stopped with it: each has its own lanes.
# EurIA: 4, the concurrency it allows. Spotify: 4 batches of enrich.LOOKUPS_AT_ONCE albums
# looked up side by side, 400 lookups in flight. More would only lose more to a crash: a
# batch's lookups are kept (Prefect's cache) when it ends.
LANES = 4


def run_enrichment(spotify_batches: list, ai_batches: list, submit_spotify: Callable,
                   submit_ai: Callable, lanes: int = LANES) -> tuple[list, list]:
    """Run both services' batches, at most `lanes` of each in flight, until all are done;
    returns (Spotify futures, EurIA futures), in the batches' order."""
    services = {"Spotify": (deque(spotify_batches), submit_spotify, []),
                "EurIA": (deque(ai_batches), submit_ai, [])}
    finished: queue.SimpleQueue[str] = queue.SimpleQueue()
    in_flight = dict.fromkeys(services, 0)

    def fill(name: str) -> None:
        todo, submit, futures = services[name]
        while todo and in_flight[name] < lanes:
            future = submit(todo.popleft())
            future.add_done_callback(lambda _, name=name: finished.put(name))
            futures.append(future)
            in_flight[name] += 1

    for name in services:
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
