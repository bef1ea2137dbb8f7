"""The load and export step: the run into DuckDB in one transaction, then the page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.extract import Extraction
from tasks import dbfile, export, load, pending
from tasks.config import Settings, run_logger


def load_and_export(settings: Settings, extraction: Extraction, spotify_rows: list[dict],
                    ai_rows: list[dict], run: dict, confirm_removals: bool = False,
                    max_removed_share: float = 0.1,
                    manual_overrides: list[dict] | None = None,
                    master_years: dict[int, Any] | None = None) -> dict:
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
    site = None
    try:
        with dbfile.replacing(settings.db_path, on_wait=lambda holder: run_logger().warning(
                "%s; waiting up to %.0f s for it to close", holder,
                dbfile.db_wait_from_env())) as con:
            # A DuckDB memory limit scaled to what is loaded: the load's buffers go to the
            # file instead of staying in the process beside the export.
            earlier = pending.apply(con, kept, memory_limit=load.load_memory_limit)
            changes = load.load_run(con, extraction.albums, spotify_rows, ai_rows, run, now,
                                    memory_limit=load.load_memory_limit, **load_args)
            summary = {"synced_at": now.isoformat(), **load.collection_counts(con), **changes,
                       "source": extraction.source, "demo": settings.demo,
                       "spotify_checked": len(spotify_rows),
                       "ai_generated": run["ai_generated"]}
            # Written from the loaded copy as it is read (never every album at once), and put
            # in place once the copy has replaced the database.
            site = export.stage_site(load.iter_export_albums(con), summary,
                                     Path(settings.out_dir))
    except load.DatabaseHeld as exc:
        path = pending.save(settings.db_path, now=now, albums=extraction.albums,
                            spotify_rows=spotify_rows, ai_rows=ai_rows, run=run, **load_args)
        raise load.DatabaseHeld(
            f"{exc}. Nothing was lost: this run's work ({len(extraction.albums)} albums, "
            f"{len(spotify_rows)} Spotify lookups, {len(ai_rows)} descriptions) is kept in "
            f"{path}, and the next sync loads it first without asking Spotify or EurIA again. "
            "Close that connection (or open it read-only), then run the sync again.") from None
    except BaseException:
        if site is not None:
            site.discard()
        raise
    pending.remove(kept)
    if earlier:
        run_logger().info("Loaded the work kept by %d earlier run(s) that could not load",
                          len(earlier))
    if changes["removal_held_back"]:
        run_logger().warning(
            "%d copies are gone from Discogs, more than %.0f%% of the collection: not marked "
            "removed. If that is right, run again with confirm_removals (--confirm-removals).",
            changes["removal_held_back"], max_removed_share * 100)
    paths = site.publish()
    return {**summary, "db_path": str(Path(settings.db_path).resolve()),
            "page": str(Path(paths["html"]).resolve())}
