"""How far a sync is: per-service counts, measured rates and time left, for logs, UI and terminal.

A first sync of 10,000 albums takes about two hours. The tracker below counts what is done
(thread-safe: batches report from the task runner's threads); the pure functions turn one of
its snapshots into the log line, the artifact's percentage and the terminal's display; the
reporter (a thread) writes a log line every 30 s while enrichment runs and keeps the Prefect
progress artifact up to date as batches finish.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tasks import enrich

LOG_INTERVAL = 30.0  # seconds between progress lines while enrichment runs
RATE_WINDOW = 300.0  # the rate is what the last five minutes did (a burst at the start fades)
MIN_SPAN = 15.0  # seconds of work before a rate is worth extrapolating
ARTIFACT_KEY = "discogs-sync-progress"
# Each phase's share of the progress bar; enrichment is nearly all of a first sync's time.
PHASES = {"extraction": 10.0, "planning": 2.0, "enrichment": 83.0, "load & export": 5.0}

Pause = tuple[float, float]  # (start, end) on the tracker's clock


@dataclass(frozen=True)
class ServiceState:
    """One service's progress at a moment: total None while it is not known (extraction)."""

    name: str
    done: int
    total: int | None
    started: float
    stamps: tuple[float, ...] = ()  # when albums were done by asking the API (not cached)
    pauses: tuple[Pause, ...] = ()  # 429 pauses (Retry-After): the API said wait
    finished: float | None = None


@dataclass(frozen=True)
class Snapshot:
    now: float
    phase: str | None
    phase_started: float
    phases: tuple[tuple[str, float], ...]  # finished phases and their wall time, in order
    services: tuple[ServiceState, ...]
    finished: bool = False
    past: tuple[ServiceState, ...] = ()  # the services of the phases before, as they ended


# --- pure: numbers and words from a snapshot ------------------------------------------------

def paused_within(pauses: Iterable[Pause], begin: float, end: float) -> float:
    """Seconds of [begin, end] spent in the (non-overlapping) pauses."""
    return sum(max(0.0, min(e, end) - max(s, begin)) for s, e in pauses)


def measured_rate(state: ServiceState, now: float) -> float | None:
    """Albums a second over the last RATE_WINDOW, 429 pauses left out; None until measurable.

    A Retry-After wait is not the API's steady pace: extrapolated, one long pause would
    stretch the estimate of the whole run. The window lets the burst a client makes before
    its first 429 (when it learns Spotify's limit) fade out after a few minutes.
    """
    begin = max(state.started, now - RATE_WINDOW)
    span = (now - begin) - paused_within(state.pauses, begin, now)
    count = sum(1 for t in state.stamps if begin < t <= now)
    if span < MIN_SPAN or not count:
        return None
    return count / span


def pause_left(state: ServiceState, now: float) -> float:
    return max([0.0] + [e - now for s, e in state.pauses if s <= now < e])


def seconds_left(state: ServiceState, now: float) -> float | None:
    """The time the rest takes at the measured rate (plus what is left of a pause)."""
    if state.total is None:
        return None
    rest = state.total - state.done
    if rest <= 0:
        return 0.0
    rate = measured_rate(state, now)
    return None if rate is None else pause_left(state, now) + rest / rate


def format_count(n: int) -> str:
    return f"{n:,}"


def format_rate(rate: float) -> str:
    return f"{rate:.1f}/s" if rate >= 0.1 else f"{rate * 60:.1f}/min"


def format_duration(seconds: float) -> str:
    """A wall time: '0.4 s', '42 s', '3 min 20 s', '1 h 52 min'."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        minutes, secs = divmod(whole, 60)
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def format_eta(seconds: float) -> str:
    """A rough time left: '~40 s', '~30 min', '~1 h 55 min', '~2 h' (nearest 5 min past 1 h)."""
    if seconds < 60:
        return f"~{max(5, round(seconds / 5) * 5)} s"
    if seconds < 3600 - 30:
        return f"~{max(1, round(seconds / 60))} min"
    hours, minutes = divmod(round(seconds / 300) * 5, 60)
    return f"~{hours} h {minutes} min" if minutes else f"~{hours} h"


def percent(state: ServiceState) -> int | None:
    """Whole percent done, floored: 100 only when all is done."""
    if not state.total:
        return None if state.total is None else 100
    return state.done * 100 // state.total


def service_status(state: ServiceState, now: float) -> str:
    """What follows the counts: the rate and time left, a pause, or how long it took."""
    complete = state.total is None or state.done >= state.total
    if state.finished is not None or (complete and state.total is not None):
        took = (state.finished or now) - state.started
        return f"{'done in' if complete else 'stopped after'} {format_duration(took)}"
    parts = []
    rate = measured_rate(state, now)
    if rate is not None:
        parts.append(format_rate(rate))
    wait = pause_left(state, now)
    if wait > 0:
        parts.append(f"paused (429), resumes in {max(1, round(wait))} s")
    left = seconds_left(state, now)
    if left is not None:
        parts.append(f"{format_eta(left)} left")
    elif state.total is not None and rate is None and not wait:
        parts.append("measuring the rate")
    return ", ".join(parts)


def service_text(state: ServiceState, now: float) -> str:
    """'Spotify 1,240/9,985 (12%), 4.9/s, ~30 min left'."""
    if state.total is None:
        counts = f"{format_count(state.done)} albums"
    else:
        counts = f"{format_count(state.done)}/{format_count(state.total)} ({percent(state)}%)"
    status = service_status(state, now)
    return f"{state.name} {counts}" + (f", {status}" if status else "")


def progress_line(snapshot: Snapshot) -> str:
    """One line for every service of the current phase, the log's progress line."""
    return " · ".join(service_text(s, snapshot.now) for s in snapshot.services)


def phase_fraction(snapshot: Snapshot) -> float:
    """How much of the current phase is done: the slowest service's share while enriching."""
    if snapshot.phase != "enrichment":
        return 0.0
    shares = [s.done / s.total for s in snapshot.services if s.total]
    return min(shares, default=0.0)


def overall_percent(snapshot: Snapshot) -> float:
    """The whole sync's progress, 0 to 100, each phase weighted by PHASES."""
    if snapshot.finished:
        return 100.0
    done = sum(PHASES.get(name, 0.0) for name, _ in snapshot.phases)
    current = PHASES.get(snapshot.phase or "", 0.0) * phase_fraction(snapshot)
    return round(min(99.9, done + current), 1)


def phase_times_text(phases: Iterable[tuple[str, float]]) -> str:
    """'extraction 2.1 s · planning 0.3 s · enrichment 1 h 52 min · load & export 4.2 s'."""
    return " · ".join(f"{name} {format_duration(seconds)}" for name, seconds in phases)


# --- the tracker: counts from many threads ----------------------------------------------------

class _Service:
    def __init__(self, name: str, keys: Iterable[str] | None, started: float):
        self.name = name
        self.keys = None if keys is None else set(keys)
        self.done: set[str] = set()
        self.count = 0  # for a service without keys (extraction): every event counts
        self.started = started
        self.finished: float | None = None
        self.stamps: collections.deque[float] = collections.deque()
        self.pauses: Callable[[], Sequence[Pause]] = lambda: ()

    def state(self, now: float) -> ServiceState:
        while self.stamps and self.stamps[0] < now - RATE_WINDOW:
            self.stamps.popleft()
        total = None if self.keys is None else len(self.keys)
        done = self.count if self.keys is None else len(self.done)
        return ServiceState(self.name, done, total, self.started, tuple(self.stamps),
                            tuple(self.pauses()), self.finished)


class ProgressTracker:
    """Counts what each service has done in this run; emits a progress line every interval.

    clock: a monotonic clock (the rate limiters' pauses must be on the same one);
    emit: where the progress lines go (the run logger's info).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 emit: Callable[[str], None] = print, interval: float = LOG_INTERVAL):
        self.clock = clock
        self.emit = emit
        self.interval = interval
        self._lock = threading.Lock()
        self._services: dict[str, _Service] = {}
        self._phase: str | None = None
        self._phase_started = clock()
        self._phases: list[tuple[str, float]] = []
        self._past: list[ServiceState] = []
        self._last_line: float | None = None
        self._finished = False
        self.changes = 0  # bumped when a batch or phase finishes: the artifact is due

    def phase(self, name: str, services: dict[str, Iterable[str] | None] | None = None) -> None:
        """End the current phase and start the next, with the services it follows (name ->
        the album keys to do, or None to count events): logs the wall time and the line."""
        with self._lock:
            now = self.clock()
            ended = self._end_phase(now)
            self._phase, self._phase_started = name, now
            self._services = {n: _Service(n, keys, now) for n, keys in (services or {}).items()}
            self._last_line = now
            self.changes += 1
            line = self._line(now)
        self.emit(f"{ended}{name.capitalize()} started" + (f": {line}" if line else ""))

    def watch_pauses(self, service: str, pauses: Callable[[], Sequence[Pause]]) -> None:
        """Where to read a service's 429 pauses (its rate limiter's recent_pauses)."""
        with self._lock:
            if service in self._services:
                self._services[service].pauses = pauses

    def album_done(self, service: str, key: str, cached: bool = False) -> None:
        """One album done (or failed: attempted) by the service; other runs' keys are ignored."""
        with self._lock:
            tracked = self._services.get(service)
            if tracked is None:
                return
            now = self.clock()
            if tracked.keys is None:
                tracked.count += 1
            elif key not in tracked.keys or key in tracked.done:
                return
            else:
                tracked.done.add(key)
                if len(tracked.done) == len(tracked.keys):
                    tracked.finished = now
            if not cached:
                tracked.stamps.append(now)

    def batch_done(self, service: str, keys: Iterable[str]) -> None:
        """A batch finished: what it did not report album by album (a cache hit) counts now,
        without a say in the rate."""
        for key in keys:
            self.album_done(service, key, cached=True)
        with self._lock:
            self.changes += 1

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot(self.clock())

    def tick(self) -> None:
        """Emit the progress line if the interval has passed since the last one (enrichment)."""
        with self._lock:
            now = self.clock()
            if self._phase != "enrichment" or self._last_line is None \
                    or now - self._last_line < self.interval:
                return
            # On the interval's grid, not the tick's: a late tick does not shift every line.
            self._last_line += self.interval * ((now - self._last_line) // self.interval)
            line = self._line(now)
        if line:
            self.emit(f"Progress: {line}")

    def finish(self) -> dict[str, float]:
        """The run is done: the last phase's time is logged; returns each phase's wall time."""
        with self._lock:
            ended = self._end_phase(self.clock())
            self._phase, self._services, self._finished = None, {}, True
            self.changes += 1
            phases = dict(self._phases)
        self.emit(f"{ended}Time per phase: {phase_times_text(phases.items())}")
        return phases

    def _end_phase(self, now: float) -> str:
        """Record the current phase's time; the words that say it ended (and how far it got)."""
        if self._phase is None:
            return ""
        took = now - self._phase_started
        self._phases.append((self._phase, took))
        for service in self._services.values():
            if service.finished is None:
                service.finished = now
        line = self._line(now)
        self._past.extend(s.state(now) for s in self._services.values())
        return f"{self._phase.capitalize()} done in {format_duration(took)}" \
            + (f" ({line})" if line else "") + ". "

    def _line(self, now: float) -> str:
        return progress_line(self._snapshot(now))

    def _snapshot(self, now: float) -> Snapshot:
        return Snapshot(now, self._phase, self._phase_started, tuple(self._phases),
                        tuple(s.state(now) for s in self._services.values()), self._finished,
                        tuple(self._past))


# --- the run's tracker: the listener, the log lines and the Prefect artifact -----------------

_current: ProgressTracker | None = None


def current() -> ProgressTracker | None:
    """The tracker of the sync running in this process, or of the last one (for the terminal
    display, which shows how it ended), if any."""
    return _current


class _Artifact:
    """The run's progress artifact; a failure to reach the API never fails the sync."""

    def __init__(self, logger: Any):
        self.logger = logger
        self.id = None
        self.shown: tuple[float, str] | None = None

    def show(self, percent_done: float, description: str) -> None:
        from prefect.artifacts import create_progress_artifact, update_progress_artifact

        if (percent_done, description) == self.shown:
            return
        try:
            if self.id is None:
                self.id = create_progress_artifact(percent_done, key=ARTIFACT_KEY,
                                                   description=description)
            else:
                update_progress_artifact(self.id, percent_done, description=description)
            self.shown = (percent_done, description)
        except Exception as exc:  # noqa: BLE001 - progress is a courtesy, the sync goes on
            self.logger.debug("Progress artifact not updated: %s", exc)


def artifact_description(snapshot: Snapshot) -> str:
    if snapshot.finished:
        return f"Finished: {phase_times_text(snapshot.phases)}"
    line = progress_line(snapshot)
    return f"{(snapshot.phase or 'starting').capitalize()}" + (f": {line}" if line else "")


@contextmanager
def tracking(logger: logging.Logger | logging.LoggerAdapter,
             clock: Callable[[], float] = time.monotonic,
             tick: float = 1.0) -> Iterator[ProgressTracker]:
    """Follow this run: a tracker hooked to the batches, a log line every LOG_INTERVAL during
    enrichment, and the progress artifact, updated as batches and phases finish.

    Call it in the flow (the artifact belongs to the flow run); a thread does the rest.
    """
    global _current
    tracker = ProgressTracker(clock, lambda line: logger.info("%s", line))
    artifact = _Artifact(logger)
    artifact.show(0.0, "Starting")
    stop = threading.Event()

    def report() -> None:
        shown = -1
        while not stop.wait(tick):
            try:
                tracker.tick()
                if tracker.changes != shown:
                    shown = tracker.changes
                    snapshot = tracker.snapshot()
                    artifact.show(overall_percent(snapshot), artifact_description(snapshot))
            except Exception as exc:  # noqa: BLE001 - never let progress stop the sync
                logger.debug("Progress report failed: %s", exc)

    reporter = threading.Thread(target=report, name="discogs-sync-progress", daemon=True)
    enrich.progress_listeners.append(tracker.album_done)
    _current = tracker
    reporter.start()
    try:
        yield tracker
    finally:
        stop.set()
        reporter.join()
        enrich.progress_listeners.remove(tracker.album_done)
        snapshot = tracker.snapshot()
        # The final word, from the flow's thread: 100 % only when the run got to the end.
        artifact.show(overall_percent(snapshot), artifact_description(snapshot))


def watch(tracker: ProgressTracker, service: str, batch: list[dict], future: Any) -> Any:
    """Count the batch when its task run finishes (a cache hit reports no album by itself)."""
    keys = [album["album_key"] for album in batch]
    future.add_done_callback(lambda _: tracker.batch_done(service, keys))
    return future
