"""The enrichment batches: submitted to both services interleaved, their rows collected."""

from __future__ import annotations

from typing import Any

from tasks import enrich
from tasks.http import AuthError


def submit_enrichment(spotify_batches: list, ai_batches: list, submit_spotify: Any,
                      submit_ai: Any) -> tuple[list, list]:
    """Submit both services' batches, interleaved (the run takes as long as the slower API,
    not the sum); returns (Spotify futures, EurIA futures)."""
    spotify_futures: list = []
    ai_futures: list = []
    for i in range(max(len(spotify_batches), len(ai_batches))):
        if i < len(spotify_batches):
            spotify_futures.append(submit_spotify(spotify_batches[i]))
        if i < len(ai_batches):
            ai_futures.append(submit_ai(ai_batches[i]))
    return spotify_futures, ai_futures


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
