"""The flow's steps between the services: demo mode, planning, preflight, collecting results."""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.progress import phase_times_text
from tasks import dbfile, describe, discogs, enrich, export, load, overrides, pending
from tasks.config import (
    DEFAULT_DB_PATH,
    DEFAULT_OUT_DIR,
    DEMO_DB_PATH,
    DEMO_OUT_DIR,
    Settings,
    run_logger,
)
from tasks.http import AuthError, ServiceError

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"
MASTER_WORKERS = 8  # master-year requests in flight at once (those Discogs' window has free)


class RunFailed(RuntimeError):
    """The sync loaded what it could, but a step needs the user's attention (credentials)."""


@contextmanager
def demo_services(settings: Settings, source: str,
                  logger: logging.Logger | logging.LoggerAdapter) -> Iterator[Settings]:
    """With no Discogs credentials, serve the bundled sample through a local fake API."""
    if source != "api" or not settings.missing_discogs():
        yield settings
        return
    from tasks.fake_apis import Catalog, FakeApis

    logger.warning(
        "No Discogs credentials (%s not set): running the DEMO on the bundled sample collection "
        "(%s), served by a local fake of the Discogs, Spotify and EurIA APIs. Set them in .env "
        "to sync your own collection.", " and ".join(settings.missing_discogs()), SAMPLE_DIR)
    with FakeApis(Catalog.load_sample(SAMPLE_DIR)) as fake:
        demo = Settings.from_env(env=fake.env()).with_overrides(
            db_path=DEMO_DB_PATH if settings.db_path == DEFAULT_DB_PATH else settings.db_path,
            out_dir=DEMO_OUT_DIR if settings.out_dir == DEFAULT_OUT_DIR else settings.out_dir,
            demo=True)
        yield demo


@contextmanager
def run_lock(db_path: str) -> Iterator[None]:
    """One sync at a time per database (flows/runlock.py): taken already by the CLI, taken
    here by a deployment run; waits DISCOGS_SYNC_LOCK_WAIT seconds for another sync."""
    from flows import runlock

    with runlock.hold(db_path, runlock.wait_from_env()):
        yield


@dataclass
class Extraction:
    """What the extract step read, and whether it is the whole collection."""

    albums: list[dict]
    origin: str
    source: str
    username: str | None
    complete: bool = True
    value: dict | None = None
    skipped: list[str] = field(default_factory=list)
    requests: int = 0
    problem: str | None = None


def masters_to_fetch(albums: list[dict], limit: int | None,
                     known: dict[int, int | None] | None = None) -> list[int]:
    """The masters of these albums whose year is not known (not in known, no master_year yet),
    earliest added first; at most limit of them (None: all)."""
    first_added: dict[int, str] = {}
    for album in albums:
        master = album.get("master_id")
        if master and not album.get("master_year") and master not in (known or {}):
            when = album.get("date_added") or ""
            first_added[master] = min(first_added.get(master, when), when)
    missing = sorted(first_added, key=lambda m: (first_added[m], m))
    return missing if limit is None else missing[:max(0, limit)]


def add_master_years(settings: Settings, client: discogs.DiscogsClient, albums: list[dict],
                     logger: Any, shared: enrich.MasterYears | None = None
                     ) -> dict[int, int | None]:
    """Fetch the original year of these albums' masters (the matcher prefers it to a
    reissue's), into shared as each one comes; returns those fetched, in order.

    Called with the albums about to be looked up on Spotify, so a run with nothing to look up
    asks Discogs nothing more. Years fetched before come from DuckDB; at most
    settings.master_lookups new masters per run, the earliest additions first. The requests
    Discogs' window has free (its headers say how many) go at once, then one as each place
    frees, until shared.stop says the lookups are done: the rest wait for the next run, and the
    albums are matched on their pressing's year.
    """
    shared = shared or enrich.MasterYears()
    if not any(album.get("master_id") for album in albums):
        return {}
    with pending.reading(settings.db_path) as con:
        known = load.master_years(con)
    todo = masters_to_fetch(albums, settings.master_lookups, {**known, **shared.years})

    def fetch(master_id: int) -> ServiceError | None:
        try:
            shared.years[master_id] = discogs.fetch_master_year(client, master_id)
        except AuthError:
            raise
        except ServiceError as exc:
            if exc.status != 404:
                return exc
            shared.years[master_id] = None  # gone from Discogs: do not ask again
        return None

    fetched: dict[int, int | None] = {}
    with concurrent.futures.ThreadPoolExecutor(MASTER_WORKERS) as pool:
        while todo and not shared.stop.is_set():
            room, wait = client.limiter.free()
            if room == 0:
                shared.stop.wait(min(wait, 1.0))
                continue
            # Half the room at most: a count from the headers may include calls still in
            # flight, which then count twice until the next answer, and a call that does not
            # fit waits in the limiter, deaf to stop.
            size = min(MASTER_WORKERS, max(1, room // 2)) if room else MASTER_WORKERS
            wave, todo = todo[:size], todo[size:]
            problems = [(m, e) for m, e in zip(wave, pool.map(fetch, wave), strict=True) if e]
            fetched.update((m, shared.years[m]) for m in wave if m in shared.years)
            if problems:
                logger.warning("Master years: stopped after %d (%s); the rest next run",
                               len(fetched), problems[0][1])
                break
    if fetched:
        logger.info("Fetched the original year of %d Discogs masters%s", len(fetched),
                    f"; {len(todo)} left for the next run (the lookups were done)"
                    if todo and shared.stop.is_set() else "")
    return fetched


def fetch_master_years(settings: Settings, albums: list[dict],
                       shared: enrich.MasterYears | None = None
                       ) -> tuple[dict[int, int | None], int]:
    """The master years not known yet of the albums going to Spotify: (fetched, requests).

    A task of its own, started with the enrichment: the Spotify lookups read the years as they
    come (shared), never waiting for them. Never fails the run: a master not fetched is
    matched on its pressing year.
    """
    logger = run_logger()
    if not any(a.get("master_id") for a in albums) or settings.missing_discogs():
        return {}, 0
    client = enrich.discogs_client(settings)
    sent_before = client.requests_made
    try:
        fetched = add_master_years(settings, client, albums, logger, shared)
    except ServiceError as exc:
        logger.warning("Master years not fetched (%s); matching on pressing years", exc)
        fetched = {}
    return fetched, client.requests_made - sent_before


def submit_enrichment(spotify_batches: list, ai_batches: list, submit_spotify: Any,
                      submit_ai: Any) -> tuple[list, list]:
    """Submit both services' batches, interleaved (the run takes as long as the slower API,
    not the sum); returns (Spotify futures, EurIA futures)."""
    spotify_futures: list = []
    ai_futures: list = []
    for i in range(max(len(spotify_batches), len(ai_batches))):
        if i < len(spotify_batches):
            spotify_futures.append(submit_spotify(spotify_batches[i]))
        if i < len(ai_batches):
            ai_futures.append(submit_ai(ai_batches[i]))
    return spotify_futures, ai_futures


def master_outcome(future: Any, logger: Any) -> tuple[dict[int, int | None], int]:
    """The discogs-master-years task's (fetched, requests); nothing if it did not run or broke."""
    if future is None:
        return {}, 0
    outcome = future.result(raise_on_failure=False)
    if isinstance(outcome, tuple):
        return outcome
    logger.warning("Master years not fetched: %s", outcome)
    return {}, 0


def extract_collection(settings: Settings, source: str) -> Extraction:
    """The collection from the Discogs API, or from a CSV export file when source is a path."""
    logger = run_logger()
    if source != "api":
        result = discogs.read_csv_export(source)
        for message in result.warnings:
            logger.warning("%s", message)
        for message in result.skipped:
            logger.warning("Skipped %s", message)
        # A row that could not be read may be a copy still owned: nothing is marked removed.
        return Extraction(albums=result.albums, origin=f"the CSV export {Path(source).name}",
                          source=Path(source).name, username=settings.discogs_username,
                          skipped=result.skipped, complete=not result.skipped)
    missing = settings.missing_discogs()
    if missing:
        raise AuthError("Discogs", f"set {' and '.join(missing)} (or pass a CSV export as "
                        "source)")
    client = enrich.discogs_client(settings)
    sent_before = client.requests_made
    username = settings.discogs_username or ""
    try:
        fields = discogs.fetch_field_names(client, username)
    except AuthError:
        raise
    except ServiceError as exc:
        logger.warning("Custom field names not available (%s); using the standard ones", exc)
        fields = dict(discogs.STANDARD_FIELD_IDS)
    albums: list[dict] = []
    skipped: list[str] = []
    problem = None
    try:
        for position, item in enumerate(discogs.iter_collection(client, username), start=1):
            try:
                albums.append(discogs.collection_item_to_album(item, fields))
                enrich.report_done("Discogs", albums[-1]["album_key"])
            except (ValueError, TypeError, AttributeError, KeyError) as exc:
                skipped.append(f"collection item {position}: {type(exc).__name__}: {exc}")
                logger.warning("Skipped collection item %d: %s", position, exc)
    except AuthError:
        raise
    except ServiceError as exc:
        if not albums:
            raise
        # Keep what was fetched, but an unfinished extraction must not mark anything removed.
        problem = f"Discogs extraction stopped after {len(albums)} albums: {exc}"
        logger.error("%s; loading those, marking nothing removed", problem)
    discogs.unify_pressings(discogs.number_copies(albums))
    try:
        value = discogs.fetch_collection_value(client, username)
    except ServiceError as exc:
        logger.warning("Collection value not available: %s", exc)
        value = None
    return Extraction(albums=albums, origin="Discogs", source="api", username=username,
                      value=value, requests=client.requests_made - sent_before,
                      complete=problem is None and not skipped, problem=problem, skipped=skipped)


@dataclass
class EnrichmentPlan:
    spotify_batches: list[list[dict]]
    ai_batches: list[list[dict]]
    language: str
    spotify_todo: int = 0
    ai_todo: int = 0
    ai_deferred: int = 0
    albums: int = 0
    overrides: list[dict] = field(default_factory=list)
    master_todo: list[dict] = field(default_factory=list)  # albums whose master year to fetch


def plan_enrichment(settings: Settings, albums: list[dict], spotify: bool, ai: bool,
                    language: str, max_chars: int,
                    max_ai_calls: int | None = None) -> EnrichmentPlan:
    """Select in DuckDB the albums whose enrichment is missing, failed or stale, in batches."""
    logger = run_logger()
    language = describe.normalize_language(language)
    chosen = enrich.representatives(albums)
    spotify_on = spotify and not _step_off(settings.missing_spotify(), "Spotify", logger)
    ai_on = ai and not _step_off(settings.missing_euria(), "AI description", logger)
    manual = overrides.read_overrides(settings.overrides_path)
    for problem in manual.problems:
        logger.warning("Override skipped: %s", problem)
    if manual.rows:
        logger.info("%d manual Spotify overrides from %s", len(manual.rows),
                    settings.overrides_path)
    with pending.reading(settings.db_path) as con:  # never blocks, nor is blocked by, readers
        spotify_todo = load.spotify_todo(con, chosen, datetime.now(UTC),
                                         settings.spotify_recheck_days,
                                         overridden=manual.keys) if spotify_on else {}
        ai_todo = load.ai_todo(con, chosen, describe.PROMPT_VERSION, language,
                               max_chars) if ai_on else {}
        known = load.master_years(con) if spotify_todo else {}
    to_look_up = [chosen[key] for key in spotify_todo if key in chosen]
    for album in to_look_up:  # the years earlier runs fetched
        if known.get(album.get("master_id")):
            album["master_year"] = known[album["master_id"]]
    unknown = [] if settings.missing_discogs() else masters_to_fetch(to_look_up, None, known)
    fetch_order = {m: i for i, m in enumerate(unknown[:max(0, settings.master_lookups)])}
    if unknown:
        logger.info("Discogs master years: up to %d to fetch this run, %d left for later runs",
                    len(fetch_order), len(unknown) - len(fetch_order))
    # The albums whose master year this run fetches are looked up last, in the order the years
    # are fetched, so that each year has most likely come when its album's lookup starts.
    spotify_items = sorted(enrich.work_items(chosen, spotify_todo),
                           key=lambda a: fetch_order.get(a.get("master_id"), -1))
    ai_items = enrich.work_items(chosen, ai_todo)
    deferred = 0
    if max_ai_calls is not None and len(ai_items) > max_ai_calls:
        # The quota goes to the albums added first; the rest wait for the next run.
        by_age = sorted(ai_items, key=lambda a: (chosen[a["album_key"]].get("date_added") or "",
                                                 a["album_key"]))
        keep = {a["album_key"] for a in by_age[:max(0, max_ai_calls)]}
        deferred = len(ai_items) - len(keep)
        ai_items = [a for a in ai_items if a["album_key"] in keep]
        logger.info("AI quota: %d descriptions this run, %d left for the next runs",
                    len(ai_items), deferred)
    logger.info("%d distinct albums: %d to look up on Spotify, %d to describe", len(chosen),
                len(spotify_items), len(ai_items))
    return EnrichmentPlan(spotify_batches=enrich.batches(spotify_items),
                          ai_batches=enrich.batches(ai_items), language=language,
                          spotify_todo=len(spotify_items), ai_todo=len(ai_items),
                          ai_deferred=deferred, albums=len(chosen), overrides=manual.rows,
                          master_todo=[a for a in to_look_up
                                       if a.get("master_id") in fetch_order])


def _step_off(missing: list[str], step: str, logger: Any) -> bool:
    if missing:
        logger.warning("%s step off: set %s to turn it on", step, " and ".join(missing))
    return bool(missing)


def preflight(settings: Settings, plan: EnrichmentPlan, logger: Any) -> dict[str, str]:
    """Check credentials once before mapping, so a wrong key fails its step early and clearly."""
    problems: dict[str, str] = {}
    if plan.spotify_batches:
        try:
            enrich.spotify_client(settings).token()
        except AuthError as exc:
            problems["spotify"] = str(exc)
        except ServiceError as exc:
            logger.warning("Spotify is not answering (%s); its lookups are left for the next "
                           "run", exc)
            problems["spotify-down"] = str(exc)
    for key, message in problems.items():
        if key == "spotify":
            logger.error("Spotify step failed: %s", message)
    return problems


def may_run(service: str, batches: list, problems: dict[str, str]) -> bool:
    return bool(batches) and service not in problems and f"{service}-down" not in problems


def request_counts(settings: Settings, before: dict[str, int] | None = None,
                   discogs: int = 0) -> dict[str, int]:
    """Requests sent per API by this process's clients (since `before`, when given)."""
    now = {"spotify": enrich.spotify_client(settings).requests_made,
           "euria": enrich.euria_client(settings).requests_made}
    if before is None:
        return now
    return {"discogs": discogs, **{k: now[k] - before.get(k, 0) for k in now}}


def collect_rows(futures: list, service: str, problems: dict[str, str], logger: Any) -> list[dict]:
    """Every row of the mapped batches, including those of batches where some albums failed."""
    rows: list[dict] = []
    for future in futures:
        future.wait()
        state = future.state
        if state.is_completed():
            rows.extend(future.result())
            continue
        exc = state.result(raise_on_failure=False)
        if isinstance(exc, enrich.PartialFailure):
            rows.extend(exc.rows)
        elif isinstance(exc, AuthError):
            problems[service.lower()] = str(exc)
            logger.error("%s step failed: %s", service, exc)
        else:
            logger.error("A %s batch failed: %s", service, exc)
    return rows


def run_row(extraction: Extraction, run_id: str, started: datetime, plan: EnrichmentPlan,
            spotify_rows: list[dict], ai_rows: list[dict], problems: dict[str, str],
            requests: dict[str, int], seconds: float) -> dict:
    """The sync_runs row (added/removed are filled in by the load)."""
    def count(rows: list[dict], status: str) -> int:
        return sum(1 for r in rows if r["status"] == status)

    return {
        "run_id": run_id, "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(), "source": extraction.source,
        "username": extraction.username, "albums_fetched": len(extraction.albums),
        "spotify_matched": count(spotify_rows, "matched"),
        "spotify_uncertain": count(spotify_rows, "uncertain"),
        "spotify_not_found": count(spotify_rows, "not_found"),
        "spotify_errors": count(spotify_rows, "error"),
        "ai_generated": count(ai_rows, "generated"), "ai_failed": count(ai_rows, "error"),
        "ai_tokens": sum((r.get("prompt_tokens") or 0) + (r.get("completion_tokens") or 0)
                         for r in ai_rows),
        "spotify_pending": plan.spotify_todo - count(spotify_rows, "matched")
        - count(spotify_rows, "uncertain") - count(spotify_rows, "not_found"),
        "ai_pending": plan.ai_deferred + plan.ai_todo - count(ai_rows, "generated"),
        "requests": requests, "collection_value": extraction.value,
        "status": "failed" if extraction.problem or any(k in problems for k in ("spotify", "euria"))
        else "completed",
        "message": "; ".join(filter(None, [
            *problems.values(), extraction.problem,
            f"{len(extraction.skipped)} rows skipped (unreadable): nothing marked removed this run"
            if extraction.skipped else None])) or None,
        "duration_s": round(seconds, 3),
    }


def load_and_export(settings: Settings, extraction: Extraction, spotify_rows: list[dict],
                    ai_rows: list[dict], run: dict, confirm_removals: bool = False,
                    max_removed_share: float = 0.1,
                    manual_overrides: list[dict] | None = None,
                    master_years: dict[int, int | None] | None = None) -> dict:
    """Load the run in one transaction, then write the page from what the database holds.

    The load goes into a copy of the database that replaces it whole (tasks/dbfile.py), first
    the work kept by runs that could not load. A process holding the database read-write past
    DISCOGS_SYNC_DB_WAIT: this run's work is kept too, and DatabaseHeld says so.
    """
    now = datetime.now(UTC)
    run = {**run, "demo": settings.demo}
    kept = pending.read_all(settings.db_path)
    load_args = {"mark_removed": extraction.complete,
                 "max_removed_share": None if confirm_removals else max_removed_share,
                 "overrides": manual_overrides, "masters": master_years}
    try:
        with dbfile.replacing(settings.db_path, on_wait=lambda holder: run_logger().warning(
                "%s; waiting up to %.0f s for it to close", holder,
                dbfile.db_wait_from_env())) as con:
            earlier = pending.apply(con, kept)
            changes = load.load_run(con, extraction.albums, spotify_rows, ai_rows, run, now,
                                    **load_args)
            albums = load.export_albums(con)
            counts = load.collection_counts(con)
    except load.DatabaseHeld as exc:
        path = pending.save(settings.db_path, now=now, albums=extraction.albums,
                            spotify_rows=spotify_rows, ai_rows=ai_rows, run=run, **load_args)
        raise load.DatabaseHeld(
            f"{exc}. Nothing was lost: this run's work ({len(extraction.albums)} albums, "
            f"{len(spotify_rows)} Spotify lookups, {len(ai_rows)} descriptions) is kept in "
            f"{path}, and the next sync loads it first without asking Spotify or EurIA again. "
            "Close that connection (or open it read-only), then run the sync again.") from None
    pending.remove(kept)
    if earlier:
        run_logger().info("Loaded the work kept by %d earlier run(s) that could not load",
                          len(earlier))
    if changes["removal_held_back"]:
        run_logger().warning(
            "%d copies are gone from Discogs, more than %.0f%% of the collection: not marked "
            "removed. If that is right, run again with confirm_removals (--confirm-removals).",
            changes["removal_held_back"], max_removed_share * 100)
    summary = {"synced_at": now.isoformat(), **counts, **changes,
               "source": extraction.source, "demo": settings.demo,
               "spotify_checked": len(spotify_rows), "ai_generated": run["ai_generated"]}
    paths = export.write_site(albums, summary, Path(settings.out_dir))
    return {**summary, "db_path": str(Path(settings.db_path).resolve()),
            "page": str(Path(paths["html"]).resolve())}


def run_markdown(run: dict, summary: dict) -> str:
    """The run's summary as the markdown artifact a user reads in the Prefect UI."""
    requests = run.get("requests") or {}
    lines = [
        f"# discogs-sync run{' (demo)' if summary.get('demo') else ''}",
        "",
        "| | |",
        "|---|---|",
        f"| Albums fetched | {run['albums_fetched']} (source: {run['source']}) |",
        f"| Added / removed | {summary['added']} / {summary['removed']} |",
        f"| Spotify matched / uncertain / not found / errors | {run['spotify_matched']} / "
        f"{run['spotify_uncertain']} / {run['spotify_not_found']} / {run['spotify_errors']} |",
        f"| Descriptions generated / failed / left to do | {run['ai_generated']} / "
        f"{run['ai_failed']} / {run['ai_pending']} |",
        f"| AI tokens | {run['ai_tokens']} |",
        "| Requests | " + ", ".join(f"{k} {v}" for k, v in requests.items()) + " |",
        f"| Duration | {run['duration_s']:.1f} s |",
        *([f"| Time per phase | {phase_times_text(summary['phases'].items())} |"]
          if summary.get("phases") else []),
        f"| Collection | {summary['albums']} albums, {summary['spotify_matched']} on Spotify, "
        f"{summary['ai_described']} described |",
    ]
    if run.get("message"):
        lines += ["", f"**Needs attention:** {run['message']}"]
    return "\n".join(lines) + "\n"


def publish_summary(run: dict, summary: dict) -> None:
    """Leave the run's summary as a Prefect artifact (shown on the flow run page)."""
    from prefect.artifacts import create_markdown_artifact

    try:
        create_markdown_artifact(key="discogs-sync-summary", markdown=run_markdown(run, summary),
                                 description="What this sync fetched, matched and described")
    except Exception as exc:  # noqa: BLE001 - a missing artifact must not fail a loaded run
        run_logger().warning("Could not publish the run summary artifact: %s", exc)
