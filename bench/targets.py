"""The issue's targets, and the checks of each run against them."""


from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from bench.bounds import RULES, Rules, max_in_window, per_window
from bench.results import Run

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


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


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
