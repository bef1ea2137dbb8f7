"""The discogs-sync flow: extract -> enrich (Spotify, EurIA) -> load (DuckDB) -> export (page)."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows import progress
from flows.batches import LANES, collect_rows, run_enrichment
from flows.credentials import secret_env
from flows.demo import demo_services
from flows.extract import extract_collection
from flows.heap import kept_out_of_collections
from flows.load_export import load_and_export
from flows.plan import may_run, plan_enrichment, preflight
from flows.runlock import run_lock
from flows.summary import RunFailed, publish_summary, request_counts, run_row
from tasks import enrich, prompt
from tasks import spotify as spotify_api
from tasks.config import Settings, install_log_redaction

# A thread for each batch of both services in flight (flows.batches.LANES each); Prefect's
# default has no cap and starts a thread per mapped task (PREFECT_NOTES.md).
MAX_WORKERS = 2 * LANES

extract_task = task(extract_collection, name="extract-collection")
plan_task = task(plan_enrichment, name="plan-enrichment")
spotify_task = task(
    enrich.spotify_batch, name="spotify-lookup", persist_result=True,
    cache_key_fn=lambda _, p: enrich.cache_key("spotify-lookup", p["namespace"], p["albums"],
                                               p.get("threshold")))
describe_task = task(
    enrich.describe_batch, name="euria-describe", persist_result=True,
    cache_key_fn=lambda _, p: enrich.cache_key(
        "euria-describe", p["namespace"], p["albums"], p["language"], p["max_chars"],
        p["settings"].euria_model, prompt.PROMPT_VERSION))
load_task = task(load_and_export, name="load-and-export")


@flow(name="discogs-sync", task_runner=ThreadPoolTaskRunner(max_workers=MAX_WORKERS))
def discogs_sync(
    username: str | None = None,
    source: str = "api",
    spotify: bool = True,
    ai: bool = True,
    description_max_chars: int = 500,
    language: str = "en",
    db_path: str | None = None,
    out_dir: str | None = None,
    max_ai_calls: int | None = None,
    confirm_removals: bool = False,
    max_removed_share: float = 0.1,
) -> dict:
    """Sync a Discogs collection (API, or a CSV export's path as source) into DuckDB and a page."""
    logger = get_run_logger()
    install_log_redaction()
    os.environ.update(secret_env())  # credentials from Secret blocks named by <VAR>_BLOCK
    started, clock = datetime.now(UTC), time.monotonic()
    settings = Settings.from_env().with_overrides(discogs_username=username, db_path=db_path,
                                                  out_dir=out_dir)
    with demo_services(settings, source, logger) as settings, \
            run_lock(settings.db_path), progress.tracking(logger) as tracker:
        tracker.phase("extraction", {"Discogs": None} if source == "api" else {})
        extraction = extract_task(settings, source)
        logger.info("Fetched %d albums from %s", len(extraction.albums), extraction.origin)

        tracker.phase("planning")
        # quote(): large plain values, no futures inside; Prefect need not walk 10,000 dicts.
        plan = plan_task(settings, quote(extraction.albums), spotify, ai, language,
                         description_max_chars, max_ai_calls)
        problems = preflight(settings, plan, logger)
        namespace = str(Path(settings.db_path).resolve())
        before = request_counts(settings)
        spotify_on = may_run("spotify", plan.spotify_batches, problems)
        ai_on = may_run("euria", plan.ai_batches, problems)
        enrichment = {"Spotify": plan.spotify_batches if spotify_on else [],
                      "EurIA": plan.ai_batches if ai_on else []}
        tracker.phase("enrichment", {name: [a["album_key"] for b in batches for a in b]
                                     for name, batches in enrichment.items() if batches})
        tracker.watch_pauses("Spotify", enrich.spotify_client(settings).limiter.recent_pauses)
        tracker.watch_pauses("EurIA", enrich.euria_client(settings).limiter.recent_pauses)
        # What the lookups ask Discogs for (a track count, a master's year), kept by the load.
        facts = enrich.DiscogsFacts()
        with kept_out_of_collections():
            spotify_futures, describe_futures = run_enrichment(
                enrichment["Spotify"], enrichment["EurIA"],
                lambda batch: progress.watch(tracker, "Spotify", batch, spotify_task.submit(
                    quote(batch), settings=settings, namespace=namespace,
                    threshold=settings.spotify_threshold, discogs_facts=quote(facts))),
                lambda batch: progress.watch(tracker, "EurIA", batch, describe_task.submit(
                    quote(batch), settings=settings, namespace=namespace, language=plan.language,
                    max_chars=description_max_chars)))
        spotify_rows = collect_rows(spotify_futures, "Spotify", problems, logger)
        ai_rows = collect_rows(describe_futures, "EurIA", problems, logger)
        if facts.tracks.given_up:
            logger.info("%d Discogs facts not waited for (Spotify had nothing else to do): "
                        "those albums were matched without them", facts.tracks.given_up)
        if "spotify-down" in problems:
            spotify_rows = [spotify_api.error_row(album, problems["spotify-down"])
                            for batch in plan.spotify_batches for album in batch]
        requests = request_counts(settings, before, discogs=extraction.requests)

        tracker.phase("load & export")
        run = run_row(extraction, str(uuid.uuid4()), started, plan, spotify_rows, ai_rows,
                      problems, requests, time.monotonic() - clock)
        with kept_out_of_collections():  # the rows, too, stay to the end of the load
            summary = load_task(settings, quote(extraction), quote(spotify_rows),
                                quote(ai_rows), run, confirm_removals=confirm_removals,
                                max_removed_share=max_removed_share,
                                manual_overrides=plan.overrides, master_years=facts.masters())
        summary = {**summary, "phases": tracker.finish()}
    publish_summary(run, summary)
    logger.info("AI: %d calls, %d tokens, %d descriptions left to do", requests["euria"],
                run["ai_tokens"], run["ai_pending"])
    logger.info("Sync finished: %d albums added, %d removed", summary["added"],
                summary["removed"])
    logger.info("Database: %s", summary["db_path"])
    logger.info("Page: %s", Path(summary["page"]).as_uri())
    failed = {k: v for k, v in problems.items() if k in ("spotify", "euria")}
    if extraction.problem:
        failed["discogs"] = extraction.problem
    if failed:
        raise RunFailed("; ".join(failed.values()))
    return summary
