"""Helpers shared by the test modules (pytest puts tests/ on sys.path)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"

# Debian's Chromium, headless, kept off the network it cannot reach here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def fixture(name: str) -> dict:
    """A JSON fixture from tests/fixtures (API shapes, trimmed)."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeClock:
    """A monotonic clock that only moves when the code under test sleeps."""

    def __init__(self, start: float = 0.0):
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def wait_queued(limiter: Any, first: int, later: int = 0, timeout: float = 5.0) -> None:
    """Wait until `first` calls and `later` calls are queued for a place in limiter (a thread
    started is not yet waiting: a fixed sleep made the order a race on a busy machine)."""
    deadline = time.monotonic() + timeout
    while list(limiter._places._waiting) != [first, later]:
        assert time.monotonic() < deadline, f"queued {limiter._places._waiting}"
        time.sleep(0.001)
