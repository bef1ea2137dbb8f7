"""What one `discogs-sync run` did, seen from outside, and its bound."""


from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.bounds import RULES, Rules, window_bound


@dataclass
class Run:
    """What one `discogs-sync run` did, seen from outside."""

    scenario: str
    albums: int
    ceiling: int | None  # Spotify's, per window; None: no limit
    time_scale: float
    wall_s: float
    start_s: float | None  # spawn to the flow run's first line: Python, Prefect's server
    exit_code: int
    tree_mb: float
    sync_mb: float
    server_mb: float
    cpu_s: dict[str, float]
    requests: dict[str, int]  # per service, plus discogs_pages, discogs_masters, spotify_token
    refused: dict[str, int]
    euria_latency_s: float  # the fake's answers' latencies added up (wall seconds)
    spans: dict[str, tuple[float, float]] = field(default_factory=dict)  # from spawn
    summary: str = ""
    checks: list[tuple[str, str, bool]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def bounds(self, rules: Rules = RULES) -> dict[str, float]:
        """Per service, the least time its answered requests take under its rule (wall s), as
        the issue measures it: Discogs, the collection's pages (what every sync must read);
        Spotify and EurIA, every request. The facts a lookup asks Discogs for (a master, a
        release's track count) are the sync's choice, not the APIs' bound: `discogs_all`."""
        scale = self.time_scale
        if self.ceiling is None:  # the fakes answered at once, with no limit
            return {"discogs": 0.0, "spotify": 0.0, "euria": 0.0}
        answered = self.requests.get("spotify", 0) - self.refused.get("spotify", 0)
        return {
            "discogs": window_bound(self.requests.get("discogs_pages", 0),
                                    rules.discogs_per_window, rules.discogs_window_s) * scale,
            "spotify": window_bound(answered, self.ceiling, rules.spotify_window_s) * scale
            if self.ceiling else 0.0,
            "euria": self.euria_latency_s / rules.euria_concurrency,
        }

    def discogs_all(self, rules: Rules = RULES) -> float:
        """The least time every Discogs request takes, the facts lookups asked for too."""
        if self.ceiling is None:
            return 0.0
        return window_bound(self.requests.get("discogs", 0) - self.refused.get("discogs", 0),
                            rules.discogs_per_window, rules.discogs_window_s) * self.time_scale

    def bound(self, rules: Rules = RULES) -> tuple[str, float]:
        bounds = self.bounds(rules)
        service = max(bounds, key=lambda s: (bounds[s], s))
        return service, bounds[service]

    def ratio(self, rules: Rules = RULES) -> float | None:
        """wall / (bound + Prefect's start): Prefect's start is measured, not assumed."""
        _, bound = self.bound(rules)
        allowed = bound + (self.start_s or 0.0)
        return self.wall_s / allowed if bound > 0 else None
