"""`make bench`: the sync against fakes of the three APIs that keep the real services' rules.

    python -m flows.bench [--sizes 1000,10000] [--time-scale X] [--quick]

The fakes (tasks/fake_apis.py) enforce Discogs' moving 60-second window with its
X-Discogs-Ratelimit headers and 429s, Spotify's rolling 30-second budget (429 + Retry-After),
and EurIA's latency and concurrency cap. Every duration, on both sides, is multiplied by the
time scale (DISCOGS_SYNC_TIME_SCALE for the clients), so hours of API pacing take minutes; each
size runs at its own scale (time_scale_for). The pipeline's own work (Python, Prefect, DuckDB,
the page) is not scaled: it is what is measured.

Per collection size, each scenario is a fresh `python -m flows.bench --child` process running the
flow against a Prefect server of the benchmark's own (temporary PREFECT_HOME, free port):
first sync on an empty database, rerun with no change, rerun with 1% new albums; then a first
sync against fakes that answer at once (no pacing, no latency): the pipeline's own cost; and,
for the largest size, the first sync at a quarter of the time scale, to tell the pipeline's
fixed cost from pacing and project the ratio at real time. Task runs are read back from the
Prefect API. Exit code 0 even when a target is missed (printed MISSED). Results: BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (1_000, 10_000)
# Each size runs at the smallest time scale that keeps both of these (see time_scale_for).
MIN_TIME_SCALE = 0.04
MIN_BOUND_S = 100.0
PROJECTION_FACTOR = 0.25  # the projection's second first sync, at this fraction of the scale
PROJECTION_SCENARIO = "first sync, 1/4 time scale"
GROWTH = 0.01  # the third scenario adds 1% new albums
PAGE_QUERY = "velvet river"  # words of the synthetic catalog's titles
SERVICES = ("discogs", "spotify", "euria")

# Targets (from the issue).
FIRST_SYNC_MAX_RATIO = 1.15
RERUN_SLACK_S = 15.0
MAX_429_PER_WINDOW = 1
MAX_RSS_MB = 500.0
MAX_OVERHEAD_MS_PER_ALBUM = 20.0
MAX_TASK_RUNS = 500

# What of the developer's shell must not reach the benchmarked flow: the project's settings,
# Secret block names, and the Prefect API in use.
_ISOLATED_PREFIXES = ("DISCOGS_", "SPOTIFY_", "EURIA_")
_ISOLATED_VARS = ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_HOME", "PREFECT_PROFILES_PATH")


def isolated(env: dict[str, str]) -> dict[str, str]:
    """env without the project's settings, Secret block names and Prefect API."""
    return {k: v for k, v in env.items() if not k.startswith(_ISOLATED_PREFIXES)
            and not k.endswith("_BLOCK") and k not in _ISOLATED_VARS}


@dataclass(frozen=True)
class Rules:
    """What the services allow, in real seconds (Spotify publishes no figure: ours is a guess)."""

    discogs_per_window: int = 60
    discogs_window_s: float = 60.0
    spotify_per_window: int = 100
    spotify_window_s: float = 30.0
    euria_latency_s: float = 3.0
    euria_concurrency: int = 4

    def window_s(self, service: str) -> float:
        """The window in which "at most one 429" is counted (EurIA has none: a minute)."""
        return {"discogs": self.discogs_window_s, "spotify": self.spotify_window_s}.get(
            service, 60.0)


RULES = Rules()


# --------------------------------------------------------------------------- pure helpers


def time_scale_for(size: int, rules: Rules = RULES) -> float:
    """The time scale a collection of this size is benchmarked at.

    Time compression shrinks what the APIs take, not what a request costs the pipeline and
    the fakes (a few milliseconds of Python each) nor what Prefect takes to start (seconds).
    At real time both are lost beside a 3-second EurIA answer and hours of pacing; compressed
    too far, they are what the ratio measures. So: API time at least MIN_TIME_SCALE of real
    (a EurIA answer >= 120 ms, 30 times a request's own cost), and a first sync bound of at
    least MIN_BOUND_S (its seconds of start-up a few percent of it). Rounded up to 2 digits.
    """
    real_bound = concurrency_bound(size, rules.euria_concurrency, rules.euria_latency_s)
    wanted = max(MIN_TIME_SCALE, MIN_BOUND_S / real_bound if real_bound else 1.0)
    digits = 1 - math.floor(math.log10(wanted))
    return min(1.0, math.ceil(wanted * 10 ** digits) / 10 ** digits)


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


def api_bounds(requests: dict[str, int], rules: Rules = RULES,
               time_scale: float = 1.0) -> dict[str, float]:
    """Per service, the least time its requests (those answered, not 429s) take, scaled."""
    return {
        "discogs": window_bound(requests.get("discogs", 0), rules.discogs_per_window,
                                rules.discogs_window_s) * time_scale,
        "spotify": window_bound(requests.get("spotify", 0), rules.spotify_per_window,
                                rules.spotify_window_s) * time_scale,
        "euria": concurrency_bound(requests.get("euria", 0), rules.euria_concurrency,
                                   rules.euria_latency_s) * time_scale,
    }


def slowest(bounds: dict[str, float]) -> tuple[str, float]:
    """The service that bounds the sync, and its time."""
    service = max(bounds, key=lambda s: (bounds[s], s))
    return service, bounds[service]


def max_in_window(times: Iterable[float], window_s: float) -> int:
    """The largest number of events falling in any window of window_s (sorted or not)."""
    ordered = sorted(times)
    best = start = 0
    for end, t in enumerate(ordered):
        while t - ordered[start] >= window_s:
            start += 1
        best = max(best, end - start + 1)
    return best


def first_and_later(times: Iterable[float], window_s: float) -> tuple[int, int]:
    """429s in the window opened by the first one (a client learning an unpublished ceiling),
    and the most in any window after it."""
    ordered = sorted(times)
    if not ordered:
        return 0, 0
    first = sum(1 for t in ordered if t < ordered[0] + window_s)
    return first, max_in_window(ordered[first:], window_s)


def expected_task_runs(spotify_albums: int, ai_albums: int) -> int:
    """Task runs of one flow run: extract, plan, load, one per batch of each service, and the
    master years' when there is a Spotify batch."""
    from tasks.enrich import batches

    spotify = len(batches(list(range(spotify_albums))))
    return 3 + spotify + (1 if spotify else 0) + len(batches(list(range(ai_albums))))


def project(wall_1: float, bound_1: float, wall_2: float, bound_2: float,
            real_bound: float) -> dict[str, float] | None:
    """Project wall/bound at real time from first syncs at two time scales.

    Model: wall = bound + growth * bound + fixed. The fixed part (Python, Prefect, DuckDB,
    the page) does not shrink with the time scale; growth is pacing lost in proportion to the
    APIs' time (e.g. services run one after the other). Conservative: growth is at least 0
    and fixed is the larger of the two runs' estimates. None when the bounds do not differ.
    """
    if bound_2 == bound_1:
        return None
    excess_1, excess_2 = wall_1 - bound_1, wall_2 - bound_2
    growth = max(0.0, (excess_2 - excess_1) / (bound_2 - bound_1))
    fixed = max(0.0, excess_1 - growth * bound_1, excess_2 - growth * bound_2)
    real = 1.0 + growth + (fixed / real_bound if real_bound > 0 else 0.0)
    return {"growth": growth, "fixed_s": fixed, "real_ratio": real}


def rerun_at_real_time(wall_s: float, discogs_s: float, pagination_s: float,
                       time_scale: float) -> tuple[float, float]:
    """(projected wall, target) of a rerun at real time, from a run at time_scale.

    The Discogs time (all its requests: pages and any other lookups) grows back to real time,
    the rest of the wall is the pipeline's own; the target is the pagination alone + the slack.
    """
    real = wall_s - discogs_s + discogs_s / time_scale
    return real, pagination_s / time_scale + RERUN_SLACK_S


def scenario_tag(size: int, name: str) -> str:
    """A file name for a scenario's log and result: "n10000-first-sync-1-4-time-scale"."""
    return f"n{size}-" + "-".join("".join(c if c.isalnum() else " " for c in
                                          name.replace("%", "pct")).split())


def ratio(wall_s: float, bound_s: float) -> float | None:
    return wall_s / bound_s if bound_s > 0 else None


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


# --------------------------------------------------------------------------- results


@dataclass
class ScenarioResult:
    size: int
    scenario: str
    albums: int
    wall_s: float
    flow_s: float
    import_s: float
    rss_mb: float
    state: str
    requests: dict[str, int]
    rate_limited: dict[str, int]
    worst_429_window: dict[str, tuple[int, int]]  # (first window, worst later window)
    bounds: dict[str, float]
    task_runs: int | None = None
    task_runs_expected: int | None = None
    task_runs_terminal: int | None = None
    record_wait_s: float | None = None
    phases: dict[str, float] = field(default_factory=dict)
    page: str | None = None
    time_scale: float | None = None
    cpu_s: dict[str, float] = field(default_factory=dict)
    checks: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def bound(self) -> tuple[str, float]:
        return slowest({s: self.bounds[s] for s in SERVICES})


# --------------------------------------------------------------------------- the runs


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrefectServer:
    """`prefect server start` on a free port with a temporary PREFECT_HOME (~10 s to healthy)."""

    def __init__(self, home: Path, log_path: Path):
        self.home = home
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        env = {**isolated(dict(os.environ)), "PREFECT_HOME": str(home),
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
        self._log = open(log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(self.port)],
            env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_healthy(self, timeout_s: float = 120.0) -> float:
        import urllib.request

        started = time.monotonic()
        while time.monotonic() - started < timeout_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"prefect server exited ({self.process.returncode})")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        return time.monotonic() - started
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"prefect server not healthy after {timeout_s:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            # The server's own session (it starts uvicorn workers): SIGINT first, then SIGKILL.
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self._log.close()


def _recording_fake(catalog: Any, config: Any) -> Any:
    """A FakeApis that also stamps every 429 it answers, to count them per window.

    (Its stats count 429s but keep no times; this hooks its request dispatcher.)
    """
    from tasks.fake_apis import FakeApis

    class RecordingFake(FakeApis):
        def __init__(self, *args: Any, **kwargs: Any):
            self.throttled: list[tuple[str, float]] = []
            super().__init__(*args, **kwargs)

        def _dispatch(self, req: Any) -> Any:
            response = super()._dispatch(req)
            if response.status == 429:
                self.throttled.append((self._route(req.path)[0], time.monotonic()))
            return response

    return RecordingFake(catalog, config)


def fake_config(time_scale: float, rules: Rules = RULES, instant: bool = False) -> Any:
    """The fakes with the real services' rules, or answering at once (instant)."""
    from tasks.fake_apis import FakeConfig

    if instant:
        return FakeConfig(time_scale=time_scale)
    return FakeConfig(time_scale=time_scale, discogs_rate_per_min=rules.discogs_per_window,
                      spotify_window_s=rules.spotify_window_s,
                      spotify_max_per_window=rules.spotify_per_window,
                      euria_latency_s=rules.euria_latency_s,
                      euria_max_concurrency=rules.euria_concurrency)


class Bench:
    """Runs the scenarios of one benchmark invocation and keeps their results."""

    def __init__(self, workdir: Path, server: PrefectServer, time_scale: float | None = None,
                 rules: Rules = RULES, verbose: bool = True):
        self.workdir = workdir
        self.server = server
        self.time_scale = time_scale  # None: time_scale_for(size)
        self.rules = rules
        self.verbose = verbose
        self.results: list[ScenarioResult] = []
        self.overheads: dict[int, ScenarioResult] = {}

    def say(self, message: str) -> None:
        if self.verbose:
            print(message, file=sys.stderr, flush=True)

    def child_env(self, fake: Any, db: Path, time_scale: float) -> dict[str, str]:
        env = isolated(dict(os.environ))
        env.update(fake.env())
        env.update({
            "DISCOGS_SYNC_TIME_SCALE": repr(time_scale),
            "DISCOGS_SYNC_DB": str(db), "DISCOGS_SYNC_OUT": str(db.parent / "site"),
            "SPOTIFY_MAX_PER_WINDOW": "",  # Spotify publishes none: the client learns it
            "EURIA_CONCURRENCY": str(self.rules.euria_concurrency),
            "PREFECT_API_URL": self.server.api_url, "PREFECT_HOME": str(self.server.home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        })
        return env

    def run_child(self, env: dict[str, str], tag: str) -> tuple[dict, float, Any]:
        """One sync in a fresh process: (its report, wall seconds, its resource usage)."""
        result_path = self.workdir / f"{tag}.json"
        log_path = self.workdir / f"{tag}.log"
        with open(log_path, "wb") as log:
            started = time.monotonic()
            process = subprocess.Popen(
                [sys.executable, "-m", "flows.bench", "--child", str(result_path)],
                env=env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.monotonic() - started
            process.returncode = os.waitstatus_to_exitcode(status)
        if not result_path.exists():
            raise RuntimeError(f"the {tag} run wrote no result (exit {process.returncode}); "
                               f"see {log_path}")
        report = json.loads(result_path.read_text(encoding="utf-8"))
        return report, wall, usage

    def cpu_elsewhere(self) -> dict[str, float]:
        """CPU seconds used so far by the Prefect server and by this process (the fakes)."""
        mine = os.times()
        return {"prefect": _group_cpu_s(self.server.process.pid),
                "fakes": mine.user + mine.system}

    def scale_for(self, size: int) -> float:
        return self.time_scale or time_scale_for(size, self.rules)

    def settle(self, scale: float | None) -> None:
        """Let every rate window empty, so each scenario starts as a nightly run would."""
        time.sleep(max(self.rules.discogs_window_s, self.rules.spotify_window_s)
                   * (scale or 0.0) * 1.1 + 0.05)

    def run_size(self, size: int, projection: bool = False, first_only: bool = False) -> None:
        """The three scenarios, the instant-API run, and (projection) a first sync at a
        quarter of the time scale.

        first_only: the first sync alone (a quicker loop while working on its speed).
        """
        from tasks.fake_apis import Catalog

        grown = size + max(1, round(size * GROWTH))
        catalog, catalog_grown = Catalog.synthetic(size), Catalog.synthetic(grown)
        db = self.workdir / f"n{size}" / "collection.duckdb"
        scenarios = [("first sync", size), ("rerun, no change", size),
                     ("rerun, +1% albums", grown)]
        scale = self.scale_for(size)
        with _recording_fake(catalog, fake_config(scale, self.rules)) as fake:
            env = self.child_env(fake, db, scale)
            for scenario, albums in scenarios[:1] if first_only else scenarios:
                if albums != size:
                    fake.catalog = catalog_grown  # new albums appear at the end (date added)
                self.results.append(self.scenario(env, fake, size, scenario, albums, db,
                                                  scale))
        if first_only:
            return
        # The pipeline's own cost: the same first sync, the fakes answering at once and the
        # clients pacing nothing (their periods scaled to microseconds).
        db = self.workdir / f"n{size}-instant" / "collection.duckdb"
        with _recording_fake(catalog, fake_config(1.0, instant=True)) as fake:
            env = self.child_env(fake, db, 1e-6)
            self.overheads[size] = self.scenario(env, fake, size, "first sync, instant APIs",
                                                 size, db, None)
        if projection:
            # The same first sync with API time four times shorter: what shrinks with it is
            # pacing, what does not is the pipeline's own (fixed) cost.
            other = round(scale * PROJECTION_FACTOR, 6)
            db = self.workdir / f"n{size}-projection" / "collection.duckdb"
            with _recording_fake(catalog, fake_config(other, self.rules)) as fake:
                env = self.child_env(fake, db, other)
                self.results.append(self.scenario(env, fake, size, PROJECTION_SCENARIO,
                                                  size, db, other))

    def scenario(self, env: dict[str, str], fake: Any, size: int, name: str, albums: int,
                 db: Path, scale: float | None) -> ScenarioResult:
        """Run one sync and gather its figures; scale None: the fakes answered at once."""
        self.settle(scale)
        fake.reset_stats()
        fake.throttled.clear()
        self.say(f"[bench] {albums:,} albums: {name} ...")
        tag = scenario_tag(size, name)
        cpu_before = self.cpu_elsewhere()
        report, wall, usage = self.run_child(env, tag)
        cpu_after = self.cpu_elsewhere()
        stats = fake.stats
        requests = {s: stats.requests[s] for s in (*SERVICES, "spotify_token")}
        # What reading the collection takes: its pages, the field names, the value.
        requests["discogs_pages"] = sum(stats.endpoints[f"discogs.{e}"]
                                        for e in ("collection", "fields", "value"))
        limited = {s: stats.rate_limited[s] for s in SERVICES}
        answered = {s: requests[s] - limited[s] for s in SERVICES}  # tokens: no limit
        worst = {s: first_and_later([t for who, t in fake.throttled if who == s],
                                    self.rules.window_s(s) * (scale or 1.0)) for s in SERVICES}
        result = ScenarioResult(
            size=size, scenario=name, albums=albums, wall_s=wall,
            flow_s=report.get("flow_s", 0.0), import_s=report.get("import_s", 0.0),
            rss_mb=usage.ru_maxrss / 1024.0, state=report.get("state", "?"), requests=requests,
            rate_limited=limited, worst_429_window=worst,
            bounds={**api_bounds(answered, self.rules, scale or 0.0),
                    "discogs_pages": window_bound(requests["discogs_pages"],
                                                  self.rules.discogs_per_window,
                                                  self.rules.discogs_window_s) * (scale or 0.0)},
            page=report.get("page"),
            time_scale=scale,
            cpu_s={"flow": usage.ru_utime + usage.ru_stime,
                   **{k: cpu_after[k] - cpu_before[k] for k in cpu_after}})
        run = _last_sync_run(db)
        if report.get("flow_run_id"):
            expected = expected_task_runs(run.get("spotify_rows", 0), run.get("ai_rows", 0))
            recorded = read_task_runs(report["flow_run_id"], expected)
            result.task_runs_expected = expected
            result.task_runs = recorded["count"]
            result.task_runs_terminal = recorded["terminal"]
            result.record_wait_s = recorded["waited_s"]
            result.phases = recorded["phases"]
        result.checks = checks(result) if scale is not None else overhead_checks(result)
        bound = f"; bound {result.bound[1]:.1f} s ({result.bound[0]})" if scale else ""
        self.say(f"[bench]   {result.wall_s:.1f} s{bound}; "
                 f"{result.wall_s / albums * 1000:.1f} ms per album")
        return result


def _group_cpu_s(pgid: int) -> float:
    """CPU seconds of every live process in a process group (Linux /proc; 0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after "pid (comm)": state ppid pgrp ...; fields[11:15] = utime stime cutime cstime
        if int(fields[2]) == pgid:
            total += sum(int(x) for x in fields[11:15]) / tick
    return total


def _last_sync_run(db: Path) -> dict[str, int]:
    """How many rows the last run produced per service (to know its batches)."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT spotify_matched + spotify_uncertain + spotify_not_found + spotify_errors, "
            "ai_generated + ai_failed FROM sync_runs ORDER BY started_at DESC LIMIT 1").fetchone()
    return {"spotify_rows": row[0], "ai_rows": row[1]} if row else {}


def read_task_runs(flow_run_id: str, expected: int, timeout_s: float = 60.0) -> dict[str, Any]:
    """The flow run's task runs as the Prefect API holds them, once they stop arriving."""
    from uuid import UUID

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    started = time.monotonic()
    runs: list[Any] = []
    with get_client(sync_client=True) as client:
        while True:
            runs, offset = [], 0
            flt = FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)]))
            while True:
                page = client.read_task_runs(flow_run_filter=flt, limit=200, offset=offset)
                runs += page
                offset += len(page)
                if len(page) < 200:
                    break
            terminal = sum(1 for r in runs if r.state is not None and r.state.is_final())
            if (len(runs) >= expected and terminal == len(runs)) or \
                    time.monotonic() - started > timeout_s:
                break
            time.sleep(0.5)
    return {"count": len(runs), "terminal": terminal, "waited_s": time.monotonic() - started,
            "phases": task_phases(runs)}


def task_phases(runs: Sequence[Any]) -> dict[str, float]:
    """Seconds from first start to last end of each task (by name: extract, enrich, load)."""
    spans: dict[str, list[float]] = {}
    for run in runs:
        if run.start_time is None or run.end_time is None:
            continue
        name = run.name.rsplit("-", 1)[0]
        start, end = run.start_time.timestamp(), run.end_time.timestamp()
        span = spans.setdefault(name, [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)
    phases = {name: end - start for name, (start, end) in spans.items()}
    enrich = [spans[n] for n in ("spotify-lookup", "euria-describe") if n in spans]
    if enrich:
        phases["enrich"] = max(e for _, e in enrich) - min(s for s, _ in enrich)
    return phases


def overhead_checks(r: ScenarioResult) -> list[tuple[str, str, bool]]:
    """The pipeline's own cost, from the run against instant fakes."""
    per = r.wall_s / r.albums * 1000
    out = [(f"own overhead < {MAX_OVERHEAD_MS_PER_ALBUM:.0f} ms per album",
            f"{per:.1f} ms", per < MAX_OVERHEAD_MS_PER_ALBUM)]
    if r.size >= 10_000:
        out.append((f"peak RSS < {MAX_RSS_MB:.0f} MB", f"{r.rss_mb:.0f} MB",
                    r.rss_mb < MAX_RSS_MB))
    return out


def _429_text(service: str, first: int, later: int) -> str:
    if not first:
        return f"{service} 0"
    return f"{service} {first} in the first window, then <= {later}"


def checks(r: ScenarioResult) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for one scenario."""
    out: list[tuple[str, str, bool]] = []
    service, bound = r.bound
    if r.scenario == "first sync":  # the projection's run is a measurement, not a target
        got = ratio(r.wall_s, bound)
        out.append((f"wall <= {FIRST_SYNC_MAX_RATIO}x bound ({service} {bound:.1f} s) "
                    f"at time scale {r.time_scale}",
                    f"{got:.2f}x" if got else "-", got is not None and got <= FIRST_SYNC_MAX_RATIO))
    if r.scenario == "rerun, no change":
        sent = r.requests["spotify"] + r.requests.get("spotify_token", 0) + r.requests["euria"]
        out.append(("no Spotify (search, album, token) or EurIA request", str(sent), sent == 0))
        pagination = r.bounds.get("discogs_pages", r.bounds["discogs"])
        limit = pagination + RERUN_SLACK_S
        out.append((f"wall <= Discogs pagination {pagination:.1f} s + {RERUN_SLACK_S:.0f} s",
                    f"{r.wall_s:.1f} s", r.wall_s <= limit))
        if r.time_scale:
            real, target = rerun_at_real_time(r.wall_s, r.bounds["discogs"], pagination,
                                              r.time_scale)
            others = r.requests["discogs"] - r.requests.get("discogs_pages", 0)
            out.append((f"the same at real time: <= {target:.0f} s",
                        f"{real:.0f} s ({others} Discogs requests besides the pages)",
                        real <= target))
    worst = max(max(pair) for pair in r.worst_429_window.values())
    out.append((f"<= {MAX_429_PER_WINDOW} 429 per service per window",
                ", ".join(_429_text(s, *r.worst_429_window[s]) for s in SERVICES),
                worst <= MAX_429_PER_WINDOW))
    if r.size >= 10_000:
        out.append((f"peak RSS < {MAX_RSS_MB:.0f} MB", f"{r.rss_mb:.0f} MB",
                    r.rss_mb < MAX_RSS_MB))
    if r.task_runs is not None:
        out.append((f"task runs <= {MAX_TASK_RUNS}, all recorded",
                    f"{r.task_runs} recorded of {r.task_runs_expected}",
                    r.task_runs == r.task_runs_expected == r.task_runs_terminal
                    and r.task_runs <= MAX_TASK_RUNS))
    if r.state != "COMPLETED":
        out.append(("flow run completed", r.state, False))
    return out


# --------------------------------------------------------------------------- report


def scenario_table(results: Sequence[ScenarioResult]) -> str:
    headers = ["albums", "scenario", "time scale", "wall s", "bound s", "by", "wall/bound",
               "requests D/S/E", "429s D/S/E", "task runs", "RSS MB", "CPU s flow/server/fakes"]
    rows = []
    for r in results:
        service, bound = r.bound
        rows.append([
            r.albums, r.scenario, _scale(r), r.wall_s, bound, service if bound else "-",
            ratio(r.wall_s, bound),
            _requests_text(r),
            "/".join(str(r.rate_limited[s]) for s in SERVICES),
            None if r.task_runs is None else f"{r.task_runs}/{r.task_runs_expected}",
            r.rss_mb, _cpu(r),
        ])
    return render_table(headers, rows)


def _scale(r: ScenarioResult) -> str:
    return f"x{r.time_scale:g}" if r.time_scale else "instant"


def _requests_text(r: ScenarioResult) -> str:
    """D/S/E; Discogs as pages+other requests when it made other requests than the pages."""
    pages, discogs = r.requests.get("discogs_pages", 0), r.requests["discogs"]
    d = f"{pages}+{discogs - pages}" if pages and discogs != pages else str(discogs)
    return "/".join([d, str(r.requests["spotify"]), str(r.requests["euria"])])


def _cpu(r: ScenarioResult) -> str:
    return "/".join(f"{r.cpu_s.get(k, 0.0):.0f}" for k in ("flow", "prefect", "fakes"))


def phase_table(results: Sequence[ScenarioResult]) -> str:
    headers = ["albums", "scenario", "import s", "flow s", "extract s", "plan s", "Spotify s",
               "EurIA s", "enrich s", "load+export s", "rest of flow s"]
    rows = []
    for r in results:
        p = r.phases
        named = ("extract-collection", "plan-enrichment", "enrich", "load-and-export")
        rest = r.flow_s - sum(p.get(n, 0.0) for n in named)
        rows.append([r.albums, r.scenario, r.import_s, r.flow_s, p.get("extract-collection"),
                     p.get("plan-enrichment"), p.get("spotify-lookup"), p.get("euria-describe"),
                     p.get("enrich"), p.get("load-and-export"), rest])
    return render_table(headers, rows)


def overhead_table(overheads: dict[int, ScenarioResult]) -> str:
    headers = ["albums", "wall s (APIs instant)", "ms per album", "RSS MB", "requests D/S/E",
               "CPU s flow/server/fakes"]
    rows = []
    for size, r in sorted(overheads.items()):
        per = r.wall_s / size * 1000
        rows.append([size, r.wall_s, per, r.rss_mb, _requests_text(r), _cpu(r)])
    return render_table(headers, rows)


def checks_table(results: Sequence[ScenarioResult]) -> str:
    rows = [[r.albums, r.scenario, target, measured, verdict(ok)]
            for r in results for target, measured, ok in r.checks]
    return render_table(["albums", "scenario", "target", "measured", ""], rows)


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


def page_timings(page: str | None) -> dict[str, Any] | None:
    """First render and search keystrokes of the synced page, in headless Chromium."""
    if not page or not Path(page).exists():
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
    return module.measure_page(Path(page), PAGE_QUERY)


def projections(results: Sequence[ScenarioResult]) -> dict[int, dict[str, float]]:
    """Per size with a first sync at two time scales: the fixed/paced split (see project)."""
    out = {}
    for other in results:
        if other.scenario != PROJECTION_SCENARIO or not other.time_scale:
            continue
        main = next((r for r in results if r.size == other.size and r.scenario == "first sync"
                     and r.time_scale), None)
        if main is None:
            continue
        service, bound = main.bound
        real_bound = bound / main.time_scale
        found = project(other.wall_s, other.bound[1], main.wall_s, bound, real_bound)
        if found:
            out[other.size] = {**found, "real_bound_s": real_bound}
            got = found["real_ratio"]
            main.checks.insert(1, (f"projected at real time: wall <= {FIRST_SYNC_MAX_RATIO}x "
                                   f"bound ({service} {real_bound:,.0f} s)",
                                   f"{got:.3f}x", got <= FIRST_SYNC_MAX_RATIO))
    return out


def projection_lines(found: dict[int, dict[str, float]]) -> list[str]:
    if not found:
        return []
    lines = ["", "First sync split into the pipeline's fixed cost and the paced part "
             f"(from the first syncs at the time scale and at {PROJECTION_FACTOR} of it):"]
    rows = [[size, p["fixed_s"], p["growth"], p["real_bound_s"], f"{p['real_ratio']:.3f}"]
            for size, p in sorted(found.items())]
    lines.append(render_table(["albums", "fixed cost s", "pacing loss (x bound)",
                               "bound at real time s", "projected wall/bound at real time"],
                              rows))
    return lines


def report(bench: Bench, rules: Rules, sizes: Sequence[int], started: float,
           extras: dict[str, Any]) -> str:
    scales = ", ".join(f"{size:,} albums x{bench.scale_for(size)}" for size in sizes)
    lines = [
        f"machine: {machine()}",
        f"rules (real time): Discogs {rules.discogs_per_window} requests per "
        f"{rules.discogs_window_s:.0f} s moving window; Spotify {rules.spotify_per_window} "
        f"requests per rolling {rules.spotify_window_s:.0f} s (429 + Retry-After; the client "
        f"learns the ceiling); EurIA {rules.euria_latency_s:.0f} s per answer, "
        f"{rules.euria_concurrency} at a time",
        f"time scale (API time x scale; the pipeline's own time is not scaled): {scales}; "
        f"Prefect server started in {extras.get('server_s', 0):.1f} s",
        "bound = the least time the slowest service's answered requests take under its rule "
        "(moving window: floor((n-1)/limit) windows; concurrency: ceil(n/c) answers)",
        "",
        scenario_table(bench.results),
        "",
        "Phases: import = Python + Prefect + the flow module; flow = the flow call; the rest "
        "from the task runs' start and end times in the Prefect API (enrich: first Spotify or "
        "EurIA start to last end; rest of flow: flow run set-up, passing results, summary):",
        phase_table(bench.results),
        *(["", "Pipeline's own overhead (same first sync, fakes answering at once, no pacing):",
            overhead_table(bench.overheads)] if bench.overheads else []),
        *projection_lines(projections(bench.results)),
        "",
        "Targets:",
        checks_table([*bench.results, *bench.overheads.values()]),
    ]
    page = extras.get("page")
    if page:
        lines += ["", f"Page ({page['cards_rendered']} cards rendered, {page['html_bytes']:,} "
                  f"bytes, {extras['page_albums']:,} albums), headless Chromium: first render "
                  f"{page['first_render_ms']} ms (script {page['script_ms']} ms, first "
                  f"contentful paint {page['first_contentful_paint_ms']} ms); search "
                  f"'{PAGE_QUERY}': slowest keystroke {page['keystroke_ms']} ms, median "
                  f"{page['keystroke_median_ms']} ms ({page['result_count']})"]
    elif "page_error" in extras:
        lines += ["", f"Page timing not measured: {extras['page_error']}"]
    if extras.get("matcher"):
        lines += ["", f"Matcher: {extras['matcher']}"]
    lines += ["", f"benchmark wall time {time.monotonic() - started:.0f} s"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- entry points


def child(result_path: str) -> int:
    """Run one sync (settings from the environment) and write what the parent needs."""
    started = time.monotonic()
    from flows.discogs_sync import discogs_sync

    imported = time.monotonic()
    state = discogs_sync(return_state=True)
    flow_s = time.monotonic() - imported
    summary = state.result(raise_on_failure=False)
    payload = {
        "flow_run_id": str(state.state_details.flow_run_id or ""),
        "state": state.type.value, "import_s": imported - started, "flow_s": flow_s,
        "page": summary.get("page") if isinstance(summary, dict) else None,
    }
    Path(result_path).write_text(json.dumps(payload), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="collection sizes, comma-separated (default %(default)s)")
    parser.add_argument("--time-scale", type=float, default=None,
                        help="API time compression for every size (default: per size, "
                             f"at least {MIN_TIME_SCALE} and a first-sync bound of "
                             f"{MIN_BOUND_S:.0f} s)")
    parser.add_argument("--quick", action="store_true",
                        help="1,000 albums only, no page timing (a smoke run)")
    parser.add_argument("--no-projection", action="store_true",
                        help="skip the first sync at a quarter of the time scale (largest "
                             "size)")
    parser.add_argument("--first-only", action="store_true",
                        help="only the first sync of each size (no reruns, no instant-API run)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", metavar="RESULT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)

    started = time.monotonic()
    sizes = [1_000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="discogs-sync-bench-"))
    home = workdir / "prefect"
    home.mkdir()
    # The parent reads task runs back through the Prefect client: point it at our server.
    server = PrefectServer(home, workdir / "prefect-server.log")
    extras: dict[str, Any] = {}
    try:
        extras["server_s"] = server.wait_healthy()
        os.environ.update({"PREFECT_API_URL": server.api_url, "PREFECT_HOME": str(home),
                           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
        bench = Bench(workdir, server, args.time_scale)
        for size in sizes:
            bench.run_size(size, projection=not (args.quick or args.no_projection
                                                 or args.first_only) and size == max(sizes),
                           first_only=args.first_only)
    finally:
        server.stop()
    largest = max(sizes)
    if not (args.quick or args.first_only):
        # The instant run's page: the first sync's own, never rewritten by a rerun.
        first = bench.overheads.get(largest)
        try:
            extras["page"] = page_timings(first.page if first else None)
            extras["page_albums"] = largest
        except Exception as exc:  # noqa: BLE001 - a missing browser must not lose the figures
            extras["page_error"] = f"{type(exc).__name__}: {exc}"
    extras["matcher"] = matcher_summary()
    text = report(bench, RULES, sizes, started, extras)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({
            "results": [vars(r) for r in bench.results],
            "overheads": {k: vars(v) for k, v in bench.overheads.items()},
            "extras": extras}, indent=1, default=str), encoding="utf-8")
    if args.keep:
        print(f"work folder kept: {workdir}", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
