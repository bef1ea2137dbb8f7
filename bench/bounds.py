"""The services' rules, and the least time requests take under them."""


from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

SERVICES = ("discogs", "spotify", "euria")
# A Spotify request for every album, a second for most (the album endpoint or another query);
# one EurIA request per distinct album (figures from earlier runs of the synthetic catalog).
SPOTIFY_PER_ALBUM = 1.85
EURIA_PER_ALBUM = 0.93


@dataclass(frozen=True)
class Rules:
    """What the services allow, in real seconds (Spotify's ceiling is ours to choose: it
    publishes none, and the client is not told it)."""

    discogs_per_window: int = 60
    discogs_window_s: float = 60.0
    spotify_per_window: int = 150
    spotify_window_s: float = 30.0
    euria_latency_s: tuple[float, float] = (0.4, 1.2)
    euria_concurrency: int = 4

    @property
    def euria_mean_s(self) -> float:
        return sum(self.euria_latency_s) / 2


RULES = Rules()


def window_bound(requests: int, per_window: int, window_s: float) -> float:
    """Least time n requests take under a moving window of per_window calls per window_s.

    The first per_window go at once; request k (from 0) cannot leave before
    floor(k / per_window) windows have passed.
    """
    if requests <= 0:
        return 0.0
    return (requests - 1) // per_window * window_s


def concurrency_bound(requests: int, concurrency: int, latency_s: float) -> float:
    """Least time n requests take when each answer takes latency_s and concurrency may overlap."""
    if requests <= 0:
        return 0.0
    return math.ceil(requests / concurrency) * latency_s


def estimated_bound(albums: int, ceiling: int, rules: Rules = RULES) -> float:
    """The real-time bound of a first sync of this size, before running it."""
    spotify = window_bound(round(albums * SPOTIFY_PER_ALBUM), ceiling, rules.spotify_window_s)
    euria = concurrency_bound(round(albums * EURIA_PER_ALBUM), rules.euria_concurrency,
                              rules.euria_mean_s)
    return max(spotify, euria)


def max_in_window(times: Iterable[float], window_s: float) -> int:
    """The largest number of events falling in any window of window_s (sorted or not)."""
    ordered = sorted(times)
    best = start = 0
    for end, t in enumerate(ordered):
        while t - ordered[start] >= window_s:
            start += 1
        best = max(best, end - start + 1)
    return best


def per_window(times: Iterable[float], start: float, window_s: float, count: int) -> list[int]:
    """Events in each of count consecutive windows of window_s from start."""
    out = [0] * count
    for t in times:
        k = math.floor((t - start) / window_s)
        if 0 <= k < count:
            out[k] += 1
    return out
