"""The fakes as the benchmark serves them: every request stamped, the real rules."""


from __future__ import annotations

import time
from typing import Any

from bench.bounds import RULES, Rules
from bench.targets import STORM_429S


def recording_fake(catalog: Any, config: Any, storm_after: int | None = None,
                   storm_retry_after_s: float = 0.0) -> Any:
    """A FakeApis that stamps every request (arrival, service, endpoint, status, Retry-After),
    and, with storm_after, answers the STORM_429S Spotify API requests after the first
    storm_after it accepted with 429 and storm_retry_after_s (wall seconds)."""
    from tasks.fake_apis import FakeApis
    from tasks.fake_apis.server import _json
    from tasks.http import parse_retry_after

    class RecordingFake(FakeApis):
        def __init__(self, *args: Any, **kwargs: Any):
            self.log: list[tuple[float, str, str, int, float]] = []
            self.storm_left = STORM_429S if storm_after is not None else 0
            self.spotify_accepted = 0
            super().__init__(*args, **kwargs)

        def _dispatch(self, req: Any) -> Any:
            arrived = time.monotonic()
            service, endpoint, _ = self._route(req.path)
            if service == "spotify" and self.storm_left and \
                    self.spotify_accepted >= (storm_after or 0):
                with self._lock:
                    self.storm_left -= 1
                    self._stats.requests["spotify"] += 1
                    self._stats.rate_limited["spotify"] += 1
                response = _json(429, {"error": {"status": 429, "message": "API rate limit "
                                                 "exceeded"}},
                                 {"Retry-After": f"{storm_retry_after_s:.3f}"})
            else:
                response = super()._dispatch(req)
            wait = 0.0
            if response.status == 429:
                wait = parse_retry_after(response.headers.get("Retry-After")) or 0.0
            with self._lock:
                if service == "spotify" and response.status != 429:
                    self.spotify_accepted += 1
                self.log.append((arrived, service, endpoint, response.status, wait))
                self.log.append((time.monotonic(), service, "answer", response.status, wait))
            return response

        def times(self, service: str, endpoints: tuple[str, ...] = (),
                  status: int | None = None, refused: bool | None = None) -> list[float]:
            """Arrival times of the requests of a service (and endpoints, status)."""
            with self._lock:
                entries = list(self.log)
            return [t for t, s, e, code, _ in entries
                    if s == service and e != "answer" and (not endpoints or e in endpoints)
                    and (status is None or code == status)
                    and (refused is None or (code == 429) == refused)]

        def refusals(self, service: str) -> list[tuple[float, float]]:
            """(when each 429 was answered, its Retry-After)."""
            with self._lock:
                entries = list(self.log)
            return [(t, wait) for t, s, e, code, wait in entries
                    if s == service and e == "answer" and code == 429]

    return RecordingFake(catalog, config)


def fake_config(time_scale: float, ceiling: int | None, rules: Rules = RULES,
                instant: bool = False) -> Any:
    """The fakes with the real services' rules (Spotify's ceiling given), or answering at
    once with no limit (instant)."""
    from tasks.fake_apis import FakeConfig

    if instant:
        return FakeConfig(time_scale=time_scale)
    low, high = rules.euria_latency_s
    return FakeConfig(time_scale=time_scale, discogs_rate_per_min=rules.discogs_per_window,
                      spotify_window_s=rules.spotify_window_s, spotify_max_per_window=ceiling,
                      euria_latency_s=low, euria_latency_max_s=high,
                      euria_max_concurrency=rules.euria_concurrency)
