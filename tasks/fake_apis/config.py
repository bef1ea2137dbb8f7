"""What a FakeApis is told (credentials, pacing, faults to inject) and what it counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SERVICES = ("discogs", "spotify", "spotify_token", "euria")
FAULT_ACTIONS = ("status", "timeout", "reset", "malformed")
MAX_LOGGED_CALLS = 10_000


@dataclass
class Fault:
    """A failure to inject into the matching requests.

    service: "discogs" | "spotify" | "euria" | "spotify_token".
    path / query / title: optional case-insensitive substrings of the request path, of its
    decoded query string, and of the album title the request is about (the search's album
    filter, the prompt's Title line, the looked-up release or album name).
    action: "status" answers `status` with `body` (default: the service's own error shape) and
    `headers`; "timeout" sleeps `seconds` (wall clock, never scaled) then answers normally;
    "reset" closes the connection without answering; "malformed" answers 200 with broken JSON.
    times: how many matching requests it affects; None = all of them.
    """

    service: str
    action: str = "status"
    status: int = 500
    body: str | dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    path: str | None = None
    query: str | None = None
    title: str | None = None
    times: int | None = None

    def __post_init__(self) -> None:
        if self.service not in SERVICES:
            raise ValueError(f"Fault.service must be one of {SERVICES}, not {self.service!r}")
        if self.action not in FAULT_ACTIONS:
            raise ValueError(f"Fault.action must be one of {FAULT_ACTIONS}, not {self.action!r}")


@dataclass
class FakeConfig:
    """Credentials the fake accepts and the knobs that make it slow, strict or broken."""

    discogs_token: str = "demo-discogs-token"  # noqa: S105 - the fake's demo credential
    spotify_client_id: str = "demo-client"
    spotify_client_secret: str = "demo-secret"  # noqa: S105 - the fake's demo credential
    euria_api_key: str = "demo-euria-key"
    euria_product_id: str = "demo-product"
    euria_model: str = "qwen3"
    username: str = "demo"
    # Below 1 every real-world duration shrinks by this factor: rate windows, Retry-After,
    # latencies and token lifetimes, so a benchmark can replay an hour of pacing in seconds.
    time_scale: float = 1.0
    discogs_rate_per_min: int | None = None
    spotify_window_s: float = 30.0
    spotify_max_per_window: int | None = None
    euria_latency_s: float = 0.0
    # With it, each answer takes a random time between euria_latency_s and this (real seconds).
    euria_latency_max_s: float | None = None
    spotify_latency_s: float = 0.0
    discogs_latency_s: float = 0.0
    euria_max_concurrency: int | None = None
    token_expires_in: int = 3600
    # What Spotify gives an app in development mode (every personal app since March 2026):
    # albums without popularity, label and available_markets. False: the objects as stored
    # (as an app with extended quota gets them; the limits and refused endpoints stay).
    spotify_dev_mode: bool = True
    faults: list[Fault] = field(default_factory=list)


@dataclass
class FakeStats:
    """A snapshot of what the fake has seen; Counters answer 0 for what never happened.

    endpoints keys: "discogs.collection", "discogs.fields", "discogs.value", "discogs.release",
    "discogs.master", "spotify_token.token", "spotify.search", "spotify.album",
    "spotify.artists" (the refused batch), "spotify.artist_albums", "euria.chat",
    "euria.models", and "<service>.unknown" for paths the fake does not serve.
    calls: (service, method, path?query) of the first 10,000 requests, in arrival order.
    """

    requests: Counter[str] = field(default_factory=Counter)
    endpoints: Counter[str] = field(default_factory=Counter)
    rate_limited: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    euria_max_concurrency: int = 0
    discogs_max_concurrency: int = 0  # Discogs requests answering at once (with a latency)
    euria_latency_s: float = 0.0  # the answers' latencies added up (wall seconds, scaled)
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.requests.values())

