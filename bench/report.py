"""The report printed at the end: the runs, their timeline, the targets, the machine."""


from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.bounds import RULES, SERVICES, Rules
from bench.results import Run
from bench.scenarios import Bench, sync_command
from bench.targets import verdict

ROOT = Path(__file__).resolve().parent.parent
PAGE_QUERY = "velvet river"  # words of the synthetic catalog's titles


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


def _requests_text(run: Run) -> str:
    r = run.requests
    d = f"{r['discogs_pages']}+{r['discogs_masters']}" if r["discogs_masters"] else \
        str(r["discogs"])
    if r.get("discogs_releases"):  # track counts the lookups asked for
        d += f"+{r['discogs_releases']}"
    return f"{d}/{r['spotify']}/{r['euria']}"


def runs_table(runs: Sequence[Run], rules: Rules = RULES) -> str:
    headers = ["albums", "scenario", "ceiling", "scale", "wall s", "Prefect start s", "bound s",
               "by", "ratio", "Discogs all s", "requests D/S/E", "429s D/S/E", "tree MB",
               "sync MB", "server MB", "CPU s sync/server"]
    rows = []
    for r in runs:
        service, bound = r.bound(rules)
        rows.append([r.albums, r.scenario, r.ceiling, f"x{r.time_scale:g}", r.wall_s, r.start_s,
                     bound, service if bound else "-", r.ratio(rules), r.discogs_all(rules),
                     _requests_text(r),
                     "/".join(str(r.refused[s]) for s in SERVICES), r.tree_mb, r.sync_mb,
                     r.server_mb, f"{r.cpu_s.get('sync', 0):.0f}/{r.cpu_s.get('server', 0):.0f}"])
    return render_table(headers, rows)


def timeline_table(runs: Sequence[Run]) -> str:
    """When each service was asked, from the fakes' side (seconds from spawn)."""
    names = ("discogs pages", "master years", "track counts", "spotify", "euria")
    rows = []
    for r in runs:
        rows.append([r.albums, r.scenario, r.ceiling, r.start_s,
                     *(f"{r.spans[n][0]:.1f}-{r.spans[n][1]:.1f}" if n in r.spans else None
                       for n in names), r.wall_s])
    return render_table(["albums", "scenario", "ceiling", "flow begins", *names, "exit"], rows)


def links_table(runs: Sequence[Run]) -> str:
    rows = []
    for r in runs:
        f = r.notes["links"]
        rows.append([r.albums, r.ceiling, f["links"], f["right"], f["on_spotify"],
                     f"{f['right'] / f['links']:.4f}" if f["links"] else None,
                     f"{f['right'] / f['on_spotify']:.4f}" if f["on_spotify"] else None])
    return render_table(["albums", "ceiling", "links", "right", "on Spotify", "precision",
                         "recall"], rows)


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
        "(Discogs: the collection's pages; Spotify: floor((n-1)/ceiling) windows; EurIA: the "
        "answers' latencies / 4); ratio = wall / (bound + Prefect's start); 'Discogs all': the "
        "least time every Discogs request takes, the facts the lookups asked for too (the "
        "sync's choice, not in the bound); API time is compressed by the scale, the "
        "pipeline's own time and Prefect's start are not",
        "",
        runs_table(bench.runs, rules),
        "",
        "Timeline (seconds from spawn, from the fakes' side: first and last request):",
        timeline_table(bench.runs),
        "",
        "Targets:",
        checks_table(bench.runs),
    ]
    linked = [r for r in bench.runs if "links" in r.notes]
    if linked:
        lines += ["", "Links of the real albums' first syncs, as the page shows them, against "
                  "the labels:", links_table(linked)]
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
