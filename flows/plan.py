"""The plan step: which albums to enrich, in batches, and whether each service may run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tasks import enrich, load, overrides, pending, prompt
from tasks.config import Settings, run_logger
from tasks.http import AuthError, ServiceError


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


def plan_enrichment(settings: Settings, albums: list[dict], spotify: bool, ai: bool,
                    language: str, max_chars: int,
                    max_ai_calls: int | None = None) -> EnrichmentPlan:
    """Select in DuckDB the albums whose enrichment is missing, failed or stale, in batches."""
    logger = run_logger()
    language = prompt.normalize_language(language)
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
        ai_todo = load.ai_todo(con, chosen, prompt.PROMPT_VERSION, language,
                               max_chars) if ai_on else {}
        known = load.master_years(con) if spotify_todo else {}
    for key in spotify_todo:  # the master years earlier runs fetched (the others, a lookup
        album = chosen.get(key)  # fetches when it wants more facts: tasks.enrich.release_facts)
        if album and known.get(album.get("master_id")):
            album["master_year"] = known[album["master_id"]]
    spotify_items = enrich.work_items(chosen, spotify_todo)
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
    return EnrichmentPlan(spotify_batches=enrich.batches(
                              spotify_items, min_size=enrich.LOOKUPS_AT_ONCE),
                          ai_batches=enrich.batches(ai_items), language=language,
                          spotify_todo=len(spotify_items), ai_todo=len(ai_items),
                          ai_deferred=deferred, albums=len(chosen), overrides=manual.rows)


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
