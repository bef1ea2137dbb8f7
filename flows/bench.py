"""`make bench`: `discogs-sync run` as a user runs it, against fakes with the real services' rules.

    python -m flows.bench            # everything (make bench)
    python -m flows.bench --quick    # small sizes, a few minutes (make bench-quick)

Each scenario runs the command a user runs, `discogs-sync run`, as a subprocess: no
PREFECT_API_URL, so Prefect starts its temporary server for the run (in a PREFECT_HOME of the
benchmark's own, kept across runs as a user's is), with credentials for the three services
pointing at the fakes (tasks/fake_apis.py). The fakes keep the real rules: Discogs 60 requests
per moving minute with its X-Discogs-Ratelimit headers; Spotify a ceiling per rolling 30 s that
the client is NOT told (Spotify publishes none); EurIA 0.4-1.2 s an answer, 4 at once. API time
is compressed by a time scale (the fakes' durations, and DISCOGS_SYNC_TIME_SCALE for the clients'
own periods); the pipeline's own work, Prefect's start and the process tree's memory are not.

Measured from outside: wall time from spawn to exit, when the flow run began (Prefect's start),
the peak memory of the whole process tree (the sync and its temporary server, RSS summed over
/proc every SAMPLE_S), CPU per process, and from the fakes every request's arrival and answer.
Exit code 0 even when a target is missed (printed MISSED). Results: BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("discogs", "spotify", "euria")
SAMPLE_S = 0.2  # how often the process tree's memory is read
PAGE_QUERY = "velvet river"  # words of the synthetic catalog's titles

# Targets (issue 21).
FIRST_SYNC_MAX_RATIO = 1.10  # wall <= 1.10 x (API bound + Prefect's start)
INSTANT_MAX_MS_PER_ALBUM = 15.0
TREE_MAX_MB = 550.0
TARGET_ALBUMS = 10_000  # the size the instant-API and nightly targets are set at
RERUN_SLACK_S = 10.0
STORM_429S = 30  # Spotify answers this many requests in a row with 429 ...
STORM_RETRY_AFTER_S = 2.0  # ... each with this Retry-After (real seconds)
STORM_RECOVERY_WINDOWS = 3  # the rate is back within 10% of the ceiling in this many windows
STORM_RATE_SHARE = 0.9
STORM_TIME_SCALE = 0.1  # the storm: 10x compressed time
# A Spotify request for every album, a second for most (the album endpoint or another query);
# one EurIA request per distinct album (figures from earlier runs of the synthetic catalog).
SPOTIFY_PER_ALBUM = 1.85
EURIA_PER_ALBUM = 0.93

# What of the developer's shell must not reach the benchmarked command: the project's settings,
# Secret block names, and the Prefect API and home in use.
_ISOLATED_PREFIXES = ("DISCOGS_", "SPOTIFY_", "EURIA_")
_ISOLATED_VARS = ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_HOME", "PREFECT_PROFILES_PATH")


def isolated(env: dict[str, str]) -> dict[str, str]:
    """env without the project's settings, Secret block names and Prefect API."""
    return {k: v for k, v in env.items() if not k.startswith(_ISOLATED_PREFIXES)
            and not k.endswith("_BLOCK") and k not in _ISOLATED_VARS}


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


@dataclass(frozen=True)
class Profile:
    """Which scenarios a benchmark runs, and at what sizes."""

    name: str
    first_syncs: tuple[tuple[int, int], ...]  # (albums, Spotify ceiling per 30 s)
    instant: int  # albums of the instant-API first sync, then of the nightly rerun
    storm: int  # albums of the storm scenario (Spotify-bound at ceiling 150)
    min_bound_s: float  # compress API time no further than a first-sync bound of this
    min_time_scale: float  # ... nor below this (an answer must outweigh a request's own cost)
    page: bool = False  # time the instant run's page in headless Chromium


FULL = Profile("full", ((1_000, 100), (1_000, 150), (1_000, 300), (10_000, 100),
                        (10_000, 150), (10_000, 300)),
               instant=10_000, storm=1_000, min_bound_s=100.0, min_time_scale=0.1, page=True)
QUICK = Profile("quick", ((300, 150), (300, 300)), instant=2_000, storm=500,
                min_bound_s=30.0, min_time_scale=0.1)


# --------------------------------------------------------------------------- pure helpers


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


def time_scale_for(albums: int, ceiling: int, profile: Profile, rules: Rules = RULES) -> float:
    """The time scale a first sync is benchmarked at.

    Time compression shrinks what the APIs take, not what a request costs the pipeline and the
    fakes (a few milliseconds of Python each) nor Prefect's start (seconds). Compressed too
    far, those are what the ratio measures. So: API time at least profile.min_time_scale of
    real (a EurIA answer >= 40 ms at 0.1), and a bound of at least profile.min_bound_s.
    Rounded up to 2 significant digits, never slower than real time.
    """
    real = estimated_bound(albums, ceiling, rules)
    wanted = max(profile.min_time_scale, profile.min_bound_s / real if real else 1.0)
    digits = 1 - math.floor(math.log10(wanted))
    return min(1.0, math.ceil(wanted * 10 ** digits) / 10 ** digits)


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


def retry_after_violations(refusals: Sequence[tuple[float, float]], arrivals: Iterable[float],
                           slack_s: float = 0.1) -> int:
    """Requests that arrived while a 429 they could have read said to wait.

    refusals: (when the 429 was answered, its Retry-After in wall seconds). A request arriving
    within slack_s of the answer was on its way already (another thread's call in flight, late
    on a busy machine); a wait shorter than that cannot be told from it.
    """
    windows = sorted((t + slack_s, t + wait) for t, wait in refusals if wait > slack_s)
    return sum(1 for a in arrivals if any(start < a < end for start, end in windows))


def recovery(accepted: Sequence[float], storm_end: float, window_s: float, ceiling: int,
             work_end: float) -> tuple[list[int], int | None]:
    """(accepted requests in each window after a storm, the first window, 1-based, at
    STORM_RATE_SHARE of the ceiling or more). A window cut short by the end of the Spotify
    work counts in proportion to the part of it that had work."""
    windows = max(1, min(STORM_RECOVERY_WINDOWS + 2,
                         math.ceil((work_end - storm_end) / window_s)))
    counts = per_window(accepted, storm_end, window_s, windows)
    for k, n in enumerate(counts):
        span = min(window_s, work_end - (storm_end + k * window_s))
        if span > 0 and n >= STORM_RATE_SHARE * ceiling * span / window_s:
            return counts, k + 1
    return counts, None


def scenario_tag(*parts: object) -> str:
    """A plain file name for a scenario's log: "n10000-c150-first-sync"."""
    text = "-".join(str(p) for p in parts)
    return "-".join("".join(c if c.isalnum() else " " for c in text.replace("%", "pct")).split())


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table, numbers right-aligned, readable in a terminal and in markdown."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(str(h)), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str], numeric: Sequence[bool]) -> str:
        return "| " + " | ".join(v.rjust(w) if n else v.ljust(w)
                                 for v, w, n in zip(values, widths, numeric, strict=True)) + " |"

    numeric = [all(_is_number(row[i]) or row[i] is None for row in rows)
               and any(_is_number(row[i]) for row in rows) for i in range(len(headers))]
    out = [line([str(h) for h in headers], [False] * len(headers)),
           "|" + "|".join(("-" * (w + 1) + ":") if n else ("-" * (w + 2))
                          for w, n in zip(widths, numeric, strict=True)) + "|"]
    out += [line(r, numeric) for r in cells]
    return "\n".join(out)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


# --------------------------------------------------------------------------- the process tree


def _proc_table() -> dict[int, tuple[int, int, float]]:
    """pid -> (parent pid, RSS bytes, CPU seconds) of every process (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after "pid (comm)": state ppid ... utime(11) stime(12) ... rss(21) in pages
        table[int(entry.name)] = (int(fields[1]), int(fields[21]) * page,
                                  (int(fields[11]) + int(fields[12])) / tick)
    return table


def descendants(table: dict[int, tuple[int, int, float]], root: int) -> set[int]:
    """root and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in table and pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


class TreeSampler:
    """Reads the memory and CPU of a process and its descendants every SAMPLE_S, in a thread."""

    def __init__(self, root: int):
        self.root = root
        self.peak_tree = 0  # bytes, the most the tree held at one sample
        self.peak: dict[str, int] = {"sync": 0, "server": 0}  # each part's own peak
        self.cpu: dict[int, float] = {}  # pid -> last CPU seconds seen
        self.series: list[tuple[float, int, int]] = []  # (monotonic, sync MB, the rest MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_S)

    def sample(self) -> None:
        table = _proc_table()
        tree = descendants(table, self.root)
        if not tree:
            return
        rss = {pid: table[pid][1] for pid in tree}
        self.peak_tree = max(self.peak_tree, sum(rss.values()))
        self.peak["sync"] = max(self.peak["sync"], rss.get(self.root, 0))
        self.peak["server"] = max(self.peak["server"],
                                  sum(v for pid, v in rss.items() if pid != self.root))
        for pid in tree:
            self.cpu[pid] = table[pid][2]
        mine = rss.get(self.root, 0)
        self.series.append((time.monotonic(), mine >> 20, (sum(rss.values()) - mine) >> 20))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_s(self) -> dict[str, float]:
        return {"sync": self.cpu.get(self.root, 0.0),
                "server": sum(v for pid, v in self.cpu.items() if pid != self.root)}


# --------------------------------------------------------------------------- fakes


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


# --------------------------------------------------------------------------- results


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
        """Per service, the least time its answered requests take under its rule (wall s).
        Discogs: the extraction's requests (master years are extra, off the critical path)."""
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

    def bound(self, rules: Rules = RULES) -> tuple[str, float]:
        bounds = self.bounds(rules)
        service = max(bounds, key=lambda s: (bounds[s], s))
        return service, bounds[service]

    def ratio(self, rules: Rules = RULES) -> float | None:
        """wall / (bound + Prefect's start): Prefect's start is measured, not assumed."""
        _, bound = self.bound(rules)
        allowed = bound + (self.start_s or 0.0)
        return self.wall_s / allowed if bound > 0 else None


# --------------------------------------------------------------------------- running


def sync_command() -> list[str]:
    """`discogs-sync run`, from this Python's environment."""
    script = Path(sys.executable).with_name("discogs-sync")
    return [str(script), "run"] if script.exists() else \
        [sys.executable, "-m", "flows.cli", "run"]


FLOW_BEGINS = re.compile(r"Beginning flow run")


class Bench:
    """Runs the scenarios of one benchmark invocation and keeps their results."""

    def __init__(self, workdir: Path, profile: Profile, rules: Rules = RULES,
                 verbose: bool = True):
        self.workdir = workdir
        self.profile = profile
        self.rules = rules
        self.verbose = verbose
        self.home = workdir / "prefect-home"  # one Prefect home for every run, as a user has
        self.home.mkdir(parents=True, exist_ok=True)
        self.runs: list[Run] = []

    def say(self, message: str) -> None:
        if self.verbose:
            print(message, file=sys.stderr, flush=True)

    def env(self, fake: Any, db: Path, time_scale: float) -> dict[str, str]:
        env = isolated(dict(os.environ))
        env.update(fake.env())
        env.update({
            "DISCOGS_SYNC_DB": str(db), "DISCOGS_SYNC_OUT": str(db.parent / "site"),
            "PREFECT_HOME": str(self.home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        })
        if time_scale != 1.0:  # a user's runs have none: their APIs take real time
            env["DISCOGS_SYNC_TIME_SCALE"] = repr(time_scale)
        return env

    def run(self, fake: Any, scenario: str, albums: int, ceiling: int | None,
            time_scale: float, db: Path) -> Run:
        """One `discogs-sync run` against fake, measured from outside."""
        tag = scenario_tag(f"n{albums}", f"c{ceiling}", scenario)
        self.say(f"[bench] {albums:,} albums, Spotify ceiling {ceiling or '-'}, x{time_scale:g}:"
                 f" {scenario} ...")
        db.parent.mkdir(parents=True, exist_ok=True)
        lines: list[tuple[float, str]] = []
        with open(self.workdir / f"{tag}.log", "w", encoding="utf-8") as log:
            started = time.monotonic()
            process = subprocess.Popen(sync_command(), env=self.env(fake, db, time_scale),
                                       cwd=db.parent, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True, errors="replace")
            sampler = TreeSampler(process.pid)
            assert process.stdout is not None
            for line in process.stdout:
                lines.append((time.monotonic() - started, line.rstrip("\n")))
                log.write(f"{lines[-1][0]:9.3f} {line}")
            _, status, _ = os.wait4(process.pid, 0)
            wall = time.monotonic() - started
            sampler.stop()
        begun = next((t for t, text in lines if FLOW_BEGINS.search(text)), None)
        stats = fake.stats
        requests = {s: stats.requests[s] for s in (*SERVICES, "spotify_token")}
        requests["discogs_pages"] = sum(stats.endpoints[f"discogs.{e}"]
                                        for e in ("collection", "fields", "value"))
        requests["discogs_masters"] = stats.endpoints["discogs.master"]
        spans = {}
        for name, service, endpoints in (
                ("discogs pages", "discogs", ("collection", "fields", "value")),
                ("master years", "discogs", ("master",)), ("spotify", "spotify", ()),
                ("euria", "euria", ("chat",))):
            times = fake.times(service, endpoints)
            if times:
                spans[name] = (min(times) - started, max(times) - started)
        # (wait4's usage would add the waited-for temporary server to the sync's own)
        cpu = sampler.cpu_s()
        result = Run(
            scenario=scenario, albums=albums, ceiling=ceiling, time_scale=time_scale,
            wall_s=wall, start_s=begun, exit_code=os.waitstatus_to_exitcode(status),
            tree_mb=sampler.peak_tree / 2**20,
            sync_mb=sampler.peak["sync"] / 2**20,
            server_mb=sampler.peak["server"] / 2**20, cpu_s=cpu, requests=requests,
            refused={s: stats.rate_limited[s] for s in SERVICES},
            euria_latency_s=stats.euria_latency_s, spans=spans,
            summary=next((text for _, text in lines if text.startswith("Synced")), ""))
        result.notes["memory"] = [(round(t - started, 1), a, b) for t, a, b in sampler.series]
        service, bound = result.bound(self.rules)
        self.say(f"[bench]   {wall:.1f} s (Prefect's start {begun or 0:.1f} s); bound "
                 f"{bound:.1f} s ({service}); tree {result.tree_mb:.0f} MB; exit "
                 f"{result.exit_code}")
        if result.exit_code != 0:
            self.say(f"[bench]   see {self.workdir / f'{tag}.log'}")
        return result

    # -- scenarios

    def first_sync(self, albums: int, ceiling: int) -> Run:
        from tasks.fake_apis import Catalog

        scale = time_scale_for(albums, ceiling, self.profile, self.rules)
        db = self.workdir / scenario_tag(f"n{albums}", f"c{ceiling}") / "collection.duckdb"
        with recording_fake(Catalog.synthetic(albums), fake_config(scale, ceiling,
                                                                   self.rules)) as fake:
            run = self.run(fake, "first sync", albums, ceiling, scale, db)
        run.checks = first_sync_checks(run, self.rules)
        self.runs.append(run)
        return run

    def instant_and_nightly(self, albums: int) -> tuple[Run, Run]:
        """A first sync against APIs that answer at once with no limit (at real time, as a
        user's client runs), then the nightly rerun of the unchanged collection against the
        real rules, at real time."""
        from tasks.fake_apis import Catalog

        catalog = Catalog.synthetic(albums)
        db = self.workdir / f"n{albums}-instant" / "collection.duckdb"
        with recording_fake(catalog, fake_config(1.0, None, self.rules, instant=True)) as fake:
            instant = self.run(fake, "first sync, instant APIs", albums, None, 1.0, db)
        instant.checks = instant_checks(instant)
        with recording_fake(catalog, fake_config(1.0, self.rules.spotify_per_window,
                                                 self.rules)) as fake:
            nightly = self.run(fake, "nightly rerun, no change", albums,
                               self.rules.spotify_per_window, 1.0, db)
        nightly.checks = rerun_checks(nightly, self.rules)
        self.runs += [instant, nightly]
        return instant, nightly

    def storm(self, albums: int) -> tuple[Run, Run]:
        """The same Spotify-bound first sync (ceiling 150) without and with a storm of
        STORM_429S 429s (Retry-After STORM_RETRY_AFTER_S) once two windows are used."""
        from tasks.fake_apis import Catalog

        scale = STORM_TIME_SCALE
        ceiling = self.rules.spotify_per_window
        catalog = Catalog.synthetic(albums)
        runs = []
        for name, after in (("first sync, no storm", None),
                            ("first sync, 429 storm", 2 * ceiling)):
            db = self.workdir / scenario_tag(f"n{albums}", name) / "collection.duckdb"
            with recording_fake(catalog, fake_config(scale, ceiling, self.rules),
                                storm_after=after,
                                storm_retry_after_s=STORM_RETRY_AFTER_S * scale) as fake:
                run = self.run(fake, name, albums, ceiling, scale, db)
                if after is not None:
                    storm_figures(run, fake, self.rules)
            runs.append(run)
        calm, stormy = runs
        stormy.checks = storm_checks(stormy, calm, self.rules)
        self.runs += runs
        return calm, stormy


def storm_figures(run: Run, fake: Any, rules: Rules) -> None:
    """What the storm did, from the fake's log, into run.notes."""
    scale = run.time_scale
    window = rules.spotify_window_s * scale
    refusals = fake.refusals("spotify")
    accepted = fake.times("spotify", refused=False)
    arrivals = fake.times("spotify")
    storm = [t for t, wait in refusals if abs(wait - STORM_RETRY_AFTER_S * scale) < 1e-3]
    if not storm or not accepted:
        return
    storm_end = max(storm)
    later = [t for t, _ in refusals if t > storm_end]
    counts, back = recovery(accepted, storm_end, window, run.ceiling or 0, max(accepted))
    run.notes.update({
        "storm_s": storm_end - min(storm), "storm_429s": len(storm),
        "windows_after": counts, "back_in": back,
        "violations": retry_after_violations(refusals, arrivals),
        "later_429s_worst_window": max_in_window(later, window),
        "later_429s": len(later),
    })


# --------------------------------------------------------------------------- targets


def first_sync_checks(run: Run, rules: Rules = RULES) -> list[tuple[str, str, bool]]:
    service, bound = run.bound(rules)
    got = run.ratio(rules)
    out = [(f"wall <= {FIRST_SYNC_MAX_RATIO}x (bound {bound:.1f} s ({service}) + Prefect's "
            f"start {run.start_s or 0:.1f} s)",
            f"{run.wall_s:.1f} s = {got:.2f}x" if got else "-",
            got is not None and got <= FIRST_SYNC_MAX_RATIO)]
    out += _completed(run)
    return out


def instant_checks(run: Run) -> list[tuple[str, str, bool]]:
    per = run.wall_s / run.albums * 1000
    at = "" if run.albums >= TARGET_ALBUMS else f" (target set at {TARGET_ALBUMS:,} albums)"
    return [
        (f"wall / albums <= {INSTANT_MAX_MS_PER_ALBUM:.0f} ms{at}", f"{per:.1f} ms",
         per <= INSTANT_MAX_MS_PER_ALBUM),
        (f"peak memory of the process tree <= {TREE_MAX_MB:.0f} MB{at}",
         f"{run.tree_mb:.0f} MB (sync {run.sync_mb:.0f}, temporary server {run.server_mb:.0f})",
         run.tree_mb <= TREE_MAX_MB),
        *_completed(run),
    ]


def rerun_checks(run: Run, rules: Rules = RULES) -> list[tuple[str, str, bool]]:
    asked = run.requests["spotify"] + run.requests["spotify_token"] + run.requests["euria"]
    paging = run.bounds(rules)["discogs"]
    own = run.wall_s - (run.start_s or 0.0)
    return [
        ("asks Spotify (search, album, token) and EurIA nothing", str(asked), asked == 0),
        (f"wall - Prefect's start <= Discogs paging {paging:.0f} s + {RERUN_SLACK_S:.0f} s",
         f"{own:.1f} s ({run.requests['discogs']} Discogs requests)",
         own <= paging + RERUN_SLACK_S),
        *_completed(run),
    ]


def storm_checks(stormy: Run, calm: Run, rules: Rules = RULES) -> list[tuple[str, str, bool]]:
    n = stormy.notes
    waits = STORM_429S * STORM_RETRY_AFTER_S * stormy.time_scale
    # Prefect's start differs from run to run by seconds on a busy machine: not the storm's.
    cost = (stormy.wall_s - (stormy.start_s or 0.0)) - (calm.wall_s - (calm.start_s or 0.0))
    if "back_in" not in n:
        return [("a storm happened", "no storm in the fake's log", False)]
    counts = ", ".join(map(str, n["windows_after"]))
    return [
        (f"costs <= its Retry-Afters waited one after another ({waits:.1f} s)",
         f"{cost:+.1f} s ({stormy.wall_s:.1f} s against {calm.wall_s:.1f} s, Prefect's start "
         "apart)", cost <= waits),
        (f"rate back >= {STORM_RATE_SHARE:.0%} of the ceiling ({stormy.ceiling}) within "
         f"{STORM_RECOVERY_WINDOWS} windows", f"window {n['back_in'] or 'never'} "
         f"(accepted per window after it: {counts})",
         n["back_in"] is not None and n["back_in"] <= STORM_RECOVERY_WINDOWS),
        ("Retry-After always honoured", f"{n['violations']} requests sent during one",
         n["violations"] == 0),
        ("no second storm: <= 1 429 a window after it",
         f"{n['later_429s']} later, at most {n['later_429s_worst_window']} in a window",
         n["later_429s_worst_window"] <= 1),
        *_completed(stormy),
    ]


def _completed(run: Run) -> list[tuple[str, str, bool]]:
    return [] if run.exit_code == 0 else [("`discogs-sync run` exits 0", str(run.exit_code),
                                           False)]


# --------------------------------------------------------------------------- report


def _requests_text(run: Run) -> str:
    r = run.requests
    d = f"{r['discogs_pages']}+{r['discogs_masters']}" if r["discogs_masters"] else \
        str(r["discogs"])
    return f"{d}/{r['spotify']}/{r['euria']}"


def runs_table(runs: Sequence[Run], rules: Rules = RULES) -> str:
    headers = ["albums", "scenario", "ceiling", "scale", "wall s", "Prefect start s", "bound s",
               "by", "ratio", "requests D/S/E", "429s D/S/E", "tree MB", "sync MB",
               "server MB", "CPU s sync/server"]
    rows = []
    for r in runs:
        service, bound = r.bound(rules)
        rows.append([r.albums, r.scenario, r.ceiling, f"x{r.time_scale:g}", r.wall_s, r.start_s,
                     bound, service if bound else "-", r.ratio(rules), _requests_text(r),
                     "/".join(str(r.refused[s]) for s in SERVICES), r.tree_mb, r.sync_mb,
                     r.server_mb, f"{r.cpu_s.get('sync', 0):.0f}/{r.cpu_s.get('server', 0):.0f}"])
    return render_table(headers, rows)


def timeline_table(runs: Sequence[Run]) -> str:
    """When each service was asked, from the fakes' side (seconds from spawn)."""
    names = ("discogs pages", "master years", "spotify", "euria")
    rows = []
    for r in runs:
        rows.append([r.albums, r.scenario, r.ceiling, r.start_s,
                     *(f"{r.spans[n][0]:.1f}-{r.spans[n][1]:.1f}" if n in r.spans else None
                       for n in names), r.wall_s])
    return render_table(["albums", "scenario", "ceiling", "flow begins", *names, "exit"], rows)


def checks_table(runs: Sequence[Run]) -> str:
    rows = [[r.albums, r.scenario, r.ceiling, target, measured, verdict(ok)]
            for r in runs for target, measured, ok in r.checks]
    return render_table(["albums", "scenario", "ceiling", "target", "measured", ""], rows)


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import importlib.metadata as md

    versions = ", ".join(f"{p} {md.version(p)}" for p in ("prefect", "duckdb", "requests"))
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){memory}; "
            f"Python {platform.python_version()}; {versions}")


def matcher_summary() -> str | None:
    try:
        from tasks import match_eval

        r = match_eval.evaluate()
    except Exception as exc:  # noqa: BLE001 - the timings matter more than this line
        return f"not evaluated ({type(exc).__name__}: {exc})"
    parts = []
    for half in (g for g in match_eval.GROUPS if g in r):
        f = r[half]["overall"]
        parts.append(f"{match_eval.GROUP_TITLES[half]} {f['albums']} albums: precision "
                     f"{f['precision']:.4f} ({f['correct']}/{f['links']}), recall "
                     f"{f['recall']:.4f} ({f['correct']}/{f['on_spotify']}), "
                     f"{f['searches_per_album']:.2f} searches per album")
    return "labeled match set through the strict fake search; " + "; ".join(parts)


def page_timings(page: Path) -> dict[str, Any] | None:
    """First render and search keystrokes of the synced page, in headless Chromium."""
    if not page.exists():
        return None
    import importlib.util

    tests = str(ROOT / "tests")  # page_timing imports its neighbour `support`
    sys.path.insert(0, tests)
    try:
        spec = importlib.util.spec_from_file_location("page_timing", f"{tests}/page_timing.py")
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(tests)
    return module.measure_page(page, PAGE_QUERY)


def report(bench: Bench, started: float, extras: dict[str, Any]) -> str:
    rules = bench.rules
    low, high = rules.euria_latency_s
    lines = [
        f"machine: {machine()}",
        f"profile: {bench.profile.name}; `{' '.join(Path(sync_command()[0]).name.split())} "
        "run` as a subprocess, Prefect's temporary server (no PREFECT_API_URL)",
        f"rules (real time): Discogs {rules.discogs_per_window} requests per "
        f"{rules.discogs_window_s:.0f} s moving window with its headers; Spotify the ceiling "
        f"shown per rolling {rules.spotify_window_s:.0f} s, not told to the client (429 + "
        f"Retry-After); EurIA {low}-{high} s an answer, {rules.euria_concurrency} at once",
        "bound = the least time the slowest service's answered requests take under its rule "
        "(Discogs: the extraction's; Spotify: floor((n-1)/ceiling) windows; EurIA: the "
        "answers' latencies / 4); ratio = wall / (bound + Prefect's start); API time is "
        "compressed by the scale, the pipeline's own time and Prefect's start are not",
        "",
        runs_table(bench.runs, rules),
        "",
        "Timeline (seconds from spawn, from the fakes' side: first and last request):",
        timeline_table(bench.runs),
        "",
        "Targets:",
        checks_table(bench.runs),
    ]
    instant = next((r for r in bench.runs if r.scenario.endswith("instant APIs")), None)
    if instant:
        lines += ["", f"The temporary Prefect server ({instant.albums:,}-album instant run): "
                  f"{instant.start_s or 0:.1f} s from spawn to the flow run, "
                  f"{instant.server_mb:.0f} MB peak, {instant.cpu_s.get('server', 0):.0f} CPU s "
                  f"(the sync itself: {instant.sync_mb:.0f} MB, "
                  f"{instant.cpu_s.get('sync', 0):.0f} CPU s)"]
    page = extras.get("page")
    if page:
        lines += ["", f"Page ({page['cards_rendered']} cards rendered, {page['html_bytes']:,} "
                  f"bytes), headless Chromium: first render {page['first_render_ms']} ms; "
                  f"search '{PAGE_QUERY}': slowest keystroke {page['keystroke_ms']} ms"]
    elif "page_error" in extras:
        lines += ["", f"Page timing not measured: {extras['page_error']}"]
    if extras.get("matcher"):
        lines += ["", f"Matcher: {extras['matcher']}"]
    lines += ["", f"benchmark wall time {time.monotonic() - started:.0f} s"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, a few minutes (make bench-quick)")
    parser.add_argument("--only", default="first,instant,storm",
                        help="scenarios to run, comma-separated: first, instant (with the "
                             "nightly rerun), storm (default: all)")
    parser.add_argument("--first", default=None,
                        help="first syncs as ALBUMSxCEILING, comma-separated (e.g. 360x150)")
    parser.add_argument("--instant", type=int, default=None,
                        help="albums of the instant-API run and the nightly rerun")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL
    if args.first:
        pairs = tuple(tuple(int(x) for x in p.split("x")) for p in args.first.split(","))
        profile = replace(profile, first_syncs=pairs)  # type: ignore[arg-type]
    if args.instant:
        profile = replace(profile, instant=args.instant)
    only = {s.strip() for s in args.only.split(",")}
    random.seed(0)

    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="discogs-sync-bench-"))
    bench = Bench(workdir, profile)
    extras: dict[str, Any] = {}
    if "first" in only:
        for albums, ceiling in profile.first_syncs:
            bench.first_sync(albums, ceiling)
    if "storm" in only:
        bench.storm(profile.storm)
    if "instant" in only:
        instant, _ = bench.instant_and_nightly(profile.instant)
        if profile.page:
            try:
                extras["page"] = page_timings(workdir / f"n{profile.instant}-instant" / "site"
                                              / "index.html")
            except Exception as exc:  # noqa: BLE001 - a missing browser must not lose the rest
                extras["page_error"] = f"{type(exc).__name__}: {exc}"
    extras["matcher"] = matcher_summary()
    print(report(bench, started, extras))
    if args.json:
        args.json.write_text(json.dumps({"runs": [vars(r) for r in bench.runs],
                                         "extras": extras}, indent=1, default=str),
                             encoding="utf-8")
    if args.keep:
        print(f"work folder kept: {workdir}", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
