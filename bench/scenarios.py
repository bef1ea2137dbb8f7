"""The scenarios and the profiles that size them, run by Bench as a user runs the sync."""


from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.bounds import RULES, SERVICES, Rules, estimated_bound
from bench.fakes import fake_config, recording_fake
from bench.proctree import TreeSampler
from bench.results import Run
from bench.targets import (
    STORM_RETRY_AFTER_S,
    STORM_TIME_SCALE,
    first_sync_checks,
    instant_checks,
    rerun_checks,
    storm_checks,
    storm_figures,
)

# What of the developer's shell must not reach the benchmarked command: the project's settings,
# Secret block names, and the Prefect API and home in use.
_ISOLATED_PREFIXES = ("DISCOGS_", "SPOTIFY_", "EURIA_")
_ISOLATED_VARS = ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_HOME", "PREFECT_PROFILES_PATH")


def isolated(env: dict[str, str]) -> dict[str, str]:
    """env without the project's settings, Secret block names and Prefect API."""
    return {k: v for k, v in env.items() if not k.startswith(_ISOLATED_PREFIXES)
            and not k.endswith("_BLOCK") and k not in _ISOLATED_VARS}


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
    # First syncs of real albums (the labeled set's holdout groups): (albums, ceiling)
    labeled: tuple[tuple[int, int], ...] = ()


FULL = Profile("full", ((1_000, 100), (1_000, 150), (1_000, 300), (10_000, 100),
                        (10_000, 150), (10_000, 300)),
               instant=10_000, storm=1_000, min_bound_s=100.0, min_time_scale=0.1, page=True,
               labeled=((360, 150), (360, 300), (1_000, 300)))
QUICK = Profile("quick", ((300, 150), (300, 300)), instant=2_000, storm=500,
                min_bound_s=30.0, min_time_scale=0.1, labeled=((360, 150),))


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


def scenario_tag(*parts: object) -> str:
    """A plain file name for a scenario's log: "n10000-c150-first-sync"."""
    text = "-".join(str(p) for p in parts)
    return "-".join("".join(c if c.isalnum() else " " for c in text.replace("%", "pct")).split())


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
        # Every request as the fakes saw it, for a timeline of the run (kept with --keep).
        with open(self.workdir / f"{tag}.requests.tsv", "w", encoding="utf-8") as out:
            out.write("seconds\tservice\tendpoint\tstatus\tretry_after\n")
            for at, service, endpoint, code, wait in list(fake.log):
                out.write(f"{at - started:.3f}\t{service}\t{endpoint}\t{code}\t{wait:g}\n")
        stats = fake.stats
        requests = {s: stats.requests[s] for s in (*SERVICES, "spotify_token")}
        requests["discogs_pages"] = sum(stats.endpoints[f"discogs.{e}"]
                                        for e in ("collection", "fields", "value"))
        requests["discogs_masters"] = stats.endpoints["discogs.master"]
        requests["discogs_releases"] = stats.endpoints["discogs.release"]
        spans = {}
        for name, service, endpoints in (
                ("discogs pages", "discogs", ("collection", "fields", "value")),
                ("master years", "discogs", ("master",)),
                ("track counts", "discogs", ("release",)), ("spotify", "spotify", ()),
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

    def labeled_sync(self, albums: int, ceiling: int) -> Run:
        """A first sync of real albums (bench/labeled.py): lookups that search more than once
        and ask Discogs for track counts, beside the master years, as a user's collection."""
        from bench.labeled import labeled_catalog, run_links

        scale = time_scale_for(albums, ceiling, self.profile, self.rules)
        db = self.workdir / scenario_tag(f"n{albums}", f"c{ceiling}", "labeled") \
            / "collection.duckdb"
        with recording_fake(labeled_catalog(albums), fake_config(scale, ceiling,
                                                                 self.rules)) as fake:
            run = self.run(fake, "first sync, real albums", albums, ceiling, scale, db)
        if run.exit_code == 0:
            run.notes["links"] = run_links(db, albums)
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
