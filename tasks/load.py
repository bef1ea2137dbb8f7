"""DuckDB: schema and migrations, what needs enriching, and the one-transaction load of a run."""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from tasks.busy import DatabaseBusy, DatabaseHeld, lock_holder  # noqa: F401 - load.Database*

log = logging.getLogger(__name__)

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"

# Column kinds of the rows handed to DuckDB: "int", "float" and "bool" are nullable numbers
# (a None arrives as NULL, not NaN), "json" is serialised, "json_text" is serialised unless it
# is text already (the Spotify rows' evidence and candidates: spotify.stored_row), "str" is text.
RELEASE_COLUMNS = {
    "release_id": "int", "copy_no": "int", "instance_id": "int", "folder": "str",
    "master_id": "int", "artist": "str", "artists": "json", "title": "str", "year": "int",
    "labels": "json", "catnos": "json", "formats": "json", "media": "str", "genres": "json",
    "styles": "json", "cover_image": "str", "thumb": "str", "date_added": "str",
    "rating": "int", "media_condition": "str", "sleeve_condition": "str", "notes": "str",
    "custom_fields": "json", "discogs_url": "str", "album_key": "str",
}
SPOTIFY_COLUMNS = {
    "album_key": "str", "status": "str", "score": "float", "spotify_album_id": "str",
    "spotify_url": "str", "spotify_name": "str", "spotify_artists": "json",
    "spotify_album_type": "str", "spotify_release_date": "str", "spotify_total_tracks": "int",
    "spotify_duration_ms": "int", "spotify_image": "str", "spotify_popularity": "int",
    "spotify_label": "str", "evidence": "json_text", "error": "str", "checked_at": "str",
    "candidates": "json_text",
}
OVERRIDE_COLUMNS = {
    "album_key": "str", "artist": "str", "title": "str", "spotify_album_id": "str",
    "spotify_url": "str", "note": "str",
}
AI_COLUMNS = {
    "album_key": "str", "status": "str", "description": "str", "model": "str",
    "prompt_version": "str", "language": "str", "max_chars": "int", "prompt_tokens": "int",
    "completion_tokens": "int", "seconds": "float", "error": "str", "generated_at": "str",
}
RUN_COLUMNS = {
    "run_id": "str", "started_at": "str", "finished_at": "str", "source": "str",
    "username": "str", "demo": "bool", "albums_fetched": "int", "added": "int", "removed": "int",
    "spotify_matched": "int", "spotify_uncertain": "int", "spotify_not_found": "int",
    "spotify_errors": "int", "ai_generated": "int", "ai_failed": "int", "ai_tokens": "int",
    "spotify_pending": "int", "ai_pending": "int", "requests": "json",
    "collection_value": "json", "status": "str", "message": "str", "duration_s": "float",
}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def load_sql(name: str) -> str:
    """The text of sql/NAME.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


_SQL_TYPES = {"int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "json": "VARCHAR",
              "json_text": "VARCHAR", "str": "VARCHAR"}


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json" or kind == "json_text" and not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False)
    if kind in ("json", "json_text", "str") and isinstance(value, str):
        # DuckDB refuses half a surrogate pair (a broken emoji): one bad title would
        # otherwise stop the whole load.
        return _LONE_SURROGATE.sub("\ufffd", value)
    if kind == "float" and isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


@contextlib.contextmanager
def staged_rows(con: duckdb.DuckDBPyConnection, name: str, rows: Iterable[dict],
                columns: dict[str, str]) -> Iterator[int]:
    """The rows as a temporary view `name` with exactly these columns and NULL-safe types,
    for the block, which is given the bytes staged.

    Written as JSON lines one row at a time (no DataFrame of them all, no pandas), which the
    view reads where a statement uses it: DuckDB never holds a copy of the run's rows beside
    the tables they go into. The file goes with the view.
    """
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed before DuckDB reads it
        "w", encoding="utf-8", prefix="discogs-sync-rows-", suffix=".jsonl", delete=False)
    try:
        with handle:
            for row in rows:
                handle.write(json.dumps({k: _cell(row.get(k), kind) for k, kind in
                                         columns.items()},
                                        ensure_ascii=False, default=_json_default))
                handle.write("\n")
        types = ", ".join(f"'{column}': '{_SQL_TYPES[kind]}'" for column, kind in columns.items())
        path = handle.name.replace("'", "''")
        # No bound parameters in a view or a table function's arguments: the path is ours.
        con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_json("
                    f"'{path}', format = 'newline_delimited', columns = {{{types}}})")
        try:
            yield os.path.getsize(handle.name)
        finally:
            with contextlib.suppress(duckdb.Error):
                con.execute(f"DROP VIEW IF EXISTS temp.{name}")
    finally:
        os.unlink(handle.name)


def frame(rows: Iterable[dict], columns: dict[str, str]):  # noqa: ANN201 - pandas, lazily
    """Rows -> a pandas DataFrame with exactly these columns and NULL-safe types (for callers
    that want one; the sync stages its rows with stage_rows and never imports pandas)."""
    import pandas as pd

    dtypes = {"int": "Int64", "float": "Float64", "bool": "boolean"}
    rows = list(rows)
    return pd.DataFrame({name: pd.Series([_cell(row.get(name), kind) for row in rows],
                                         dtype=dtypes.get(kind, object))
                         for name, kind in columns.items()}, columns=list(columns))


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database (creating it and its folder), upgraded to the current schema."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            holder = lock_holder(str(exc)) or "not named by the system"
            raise DatabaseBusy(
                f"{path} is in use by another process ({holder}), which DuckDB lets no other "
                "process open meanwhile: close that connection, or open it read-only "
                "(duckdb.connect(path, read_only=True)). A sync never holds it that way."
                if read_only else
                f"{path} is in use by another process ({holder}); try again when it has "
                "closed it") from None
        raise
    if not read_only:
        migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply sql/schema.sql, then each sql/migrations/NNNN_*.sql not applied yet, in order."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)")
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    steps = [(1, "schema", SQL_DIR / "schema.sql")]
    if MIGRATIONS_DIR.is_dir():
        for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
            steps.append((int(path.name[:4]), path.stem, path))
    done = []
    for version, name, path in steps:
        if version in applied:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(name)
    return done


def _wanted(con: duckdb.DuckDBPyConnection, keys: Iterable[str],
            name: str = "wanted") -> contextlib.AbstractContextManager[int]:
    return staged_rows(con, name, ({"album_key": k} for k in sorted(set(keys))),
                       {"album_key": "str"})


def spotify_todo(con: duckdb.DuckDBPyConnection, keys: Iterable[str], now: datetime,
                 recheck_days: int = 30,
                 overridden: Iterable[str] = ()) -> dict[str, str | None]:
    """album_key -> previous check time (None if never), for the albums to look up now."""
    with _wanted(con, keys), _wanted(con, overridden, "overridden"):
        rows = con.execute(load_sql("spotify_todo"),
                           {"now": now, "recheck_days": recheck_days}).fetchall()
    return {key: (prev.isoformat() if prev else None) for key, prev in rows}


def ai_todo(con: duckdb.DuckDBPyConnection, keys: Iterable[str], prompt_version: str,
            language: str, max_chars: int) -> dict[str, dict]:
    """album_key -> {previous attempt time, known Spotify facts}, for the albums to describe."""
    with _wanted(con, keys):
        rows = con.execute(load_sql("ai_todo"), {"prompt_version": prompt_version,
                                                 "language": language,
                                                 "max_chars": max_chars}).fetchall()
    return {key: {"previous": prev.isoformat() if prev else None,
                  "spotify_release_date": release_date, "spotify_total_tracks": tracks}
            for key, prev, release_date, tracks in rows}


def load_memory_limit(staged_bytes: int) -> int:
    """DuckDB's memory limit for loading this many bytes of staged rows: what the load needs
    with a margin (10,000 albums: 37 MB staged, failed at 70 MB, loaded at 80 MB; 30,000 albums:
    110 MB staged, failed at 160 MB, loaded at 200 MB), never a fixed figure a large collection
    outgrows. Without one DuckDB keeps every buffer of the load (its default: 80% of the RAM)."""
    return LOAD_MEMORY_BASE + math.ceil(staged_bytes * LOAD_MEMORY_PER_STAGED_BYTE)


LOAD_MEMORY_BASE = 48 * 2**20  # the JSON reader's buffers and the keys' indexes
LOAD_MEMORY_PER_STAGED_BYTE = 1.5


def load_run(con: duckdb.DuckDBPyConnection, releases: list[dict], spotify_rows: list[dict],
             ai_rows: list[dict], run: dict, now: datetime, mark_removed: bool = True,
             max_removed_share: float | None = None,
             overrides: list[dict] | None = None,
             masters: dict[int, Any] | None = None,
             memory_limit: Callable[[int], int] | None = None) -> dict[str, int]:
    """Load everything of one run in a single transaction: all of it, or nothing.

    Copies missing from the extraction are marked removed only when it was complete
    (mark_removed) and, if max_removed_share is set, when they are not more than that share of
    the collection: a sudden mass removal waits for the user's confirmation instead.

    memory_limit: DuckDB's memory limit for the load, from the bytes staged (load_memory_limit),
    for a database in a file (the load's buffers go to it, then the limit is lifted). A load
    that runs out of memory under it is rolled back and loaded again without it: a limit may
    cost time, never the run.
    """
    with contextlib.ExitStack() as staged:
        staged_bytes = sum(staged.enter_context(staged_rows(con, name, rows, columns)) for
                           name, rows, columns in (
                               ("incoming", releases, RELEASE_COLUMNS),
                               ("incoming_spotify", spotify_rows, SPOTIFY_COLUMNS),
                               ("incoming_ai", ai_rows, AI_COLUMNS),
                               ("incoming_overrides", overrides or [], OVERRIDE_COLUMNS)))

        def load() -> dict[str, int]:
            return _load_staged(con, bool(spotify_rows), bool(ai_rows), run, now, mark_removed,
                                max_removed_share, overrides is not None,
                                masters or {}, release_tracks_of(spotify_rows))

        if memory_limit is None:
            return load()
        limit = memory_limit(staged_bytes)
        try:
            con.execute("SET memory_limit = $limit", {"limit": f"{limit}B"})
        except duckdb.OutOfMemoryException:  # it holds more already: nothing to bound
            log.info("DuckDB holds more than the load's memory limit of %d MB; loading "
                     "without it", limit >> 20)
            return load()
        try:
            try:
                changes = load()
            except duckdb.OutOfMemoryException as exc:
                log.warning("The load ran out of memory under DuckDB's limit of %d MB for %d "
                            "MB staged (%s); loading again without a limit", limit >> 20,
                            staged_bytes >> 20, exc)
                changes = None
            else:
                # Written to the file while the limit holds: the export then reads them from
                # there instead of DuckDB keeping the load's buffers beside (a checkpoint that
                # needs more waits for the last one, without the limit).
                with contextlib.suppress(duckdb.OutOfMemoryException):
                    con.execute("CHECKPOINT")
        finally:
            con.execute("RESET memory_limit")
        return changes if changes is not None else load()


def _load_staged(con: duckdb.DuckDBPyConnection, has_spotify: bool, has_ai: bool, run: dict,
                 now: datetime, mark_removed: bool, max_removed_share: float | None,
                 has_overrides: bool, masters: dict[int, Any],
                 release_tracks: dict[int, int | None]) -> dict[str, int]:
    """load_run's transaction, over the staged views."""
    con.execute("BEGIN TRANSACTION")
    try:
        added = con.execute(load_sql("count_added")).fetchall()[0][0]
        removable, active = con.execute(load_sql("count_removable")).fetchall()[0]
        held_back = 0
        if mark_removed and max_removed_share is not None and active \
                and removable / active > max_removed_share:
            held_back, mark_removed = removable, False
        con.execute(load_sql("upsert_releases"), {"now": now})
        removed = len(con.execute(load_sql("mark_removed"), {"now": now}).fetchall()) \
            if mark_removed else 0
        if has_spotify:
            con.execute(load_sql("upsert_spotify_matches"))
        if has_ai:
            con.execute(load_sql("upsert_ai_descriptions"))
        if has_overrides:
            con.execute(load_sql("replace_spotify_overrides"), {"now": now})
        upsert_master_years(con, masters, now)
        upsert_release_tracks(con, release_tracks, now)
        run = {**run, "added": added, "removed": removed}
        if held_back:
            run["message"] = "; ".join(filter(None, [run.get("message"), (
                f"{held_back} of {active} copies are gone from Discogs: not marked "
                "removed (more than the allowed share); rerun with confirm_removals to "
                "apply")]))
        with staged_rows(con, "incoming_run", [run], RUN_COLUMNS):
            con.execute(load_sql("insert_sync_run"))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"added": added, "removed": removed, "removal_held_back": held_back}


def master_years(con: duckdb.DuckDBPyConnection) -> dict[int, int | None]:
    """Master id -> original year, for the masters fetched before."""
    return dict(con.execute("SELECT master_id, year FROM discogs_masters").fetchall())


def master_track_counts(con: duckdb.DuckDBPyConnection) -> dict[int, int | None]:
    """Master id -> track count of its tracklist, for the masters fetched with it (runs
    before schema version 6 fetched the year alone: NULL)."""
    return dict(con.execute("SELECT master_id, track_count FROM discogs_masters "
                            "WHERE track_count IS NOT NULL").fetchall())


def upsert_master_years(con: duckdb.DuckDBPyConnection, masters: dict[int, Any],
                        now: datetime) -> None:
    """Remember fetched masters (one bulk insert): master id -> (year, track count), or the
    year alone (what runs before schema version 6 kept for a load that had to wait)."""
    if not masters:
        return

    def row(master_id: int, facts: Any) -> dict:
        year, count = facts if isinstance(facts, list | tuple) else (facts, None)
        return {"master_id": master_id, "year": year, "track_count": count}

    with staged_rows(con, "incoming_masters", (row(m, f) for m, f in masters.items()),
                     {"master_id": "int", "year": "int", "track_count": "int"}):
        con.execute("INSERT OR REPLACE INTO discogs_masters (master_id, year, fetched_at, "
                    "track_count) SELECT master_id, year, $now, track_count "
                    "FROM incoming_masters", {"now": now})


EXPORT_CHUNK = 500  # rows fetched at a time: the export never holds every album at once


def iter_export_albums(con: duckdb.DuckDBPyConnection) -> Iterator[dict]:
    """The albums the page shows, as plain dicts, in the page's order, a few at a time."""
    cursor = con.execute(load_sql("export_albums"))
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(EXPORT_CHUNK):
        for row in rows:
            album = dict(zip(names, row, strict=True))
            if isinstance(album.get("custom_fields"), str):  # DuckDB hands JSON back as text
                album["custom_fields"] = json.loads(album["custom_fields"])
            yield album


def release_tracks_of(spotify_rows: list[dict]) -> dict[int, int | None]:
    """The release track counts the lookups fetched from Discogs (their rows carry them)."""
    return {int(fetched["release_id"]): fetched.get("track_count")
            for row in spotify_rows
            if isinstance(fetched := row.get("discogs_release_tracks"), dict)
            and fetched.get("release_id")}


def release_track_counts(con: duckdb.DuckDBPyConnection,
                         release_ids: list[int] | None = None) -> dict[int, int | None]:
    """Release id -> track count (None: unknown to Discogs), for those fetched before (of
    these releases, or all)."""
    if release_ids is None:
        return dict(con.execute("SELECT release_id, track_count FROM discogs_release_tracks")
                    .fetchall())
    if not release_ids:
        return {}
    # A bound list, not a registered frame: planning's read connections cannot scan pandas.
    return dict(con.execute(
        "SELECT release_id, track_count FROM discogs_release_tracks "
        "WHERE list_contains($ids, release_id)",
        {"ids": sorted({int(i) for i in release_ids})}).fetchall())


def upsert_release_tracks(con: duckdb.DuckDBPyConnection, counts: dict[int, int | None],
                          now: datetime) -> None:
    """Remember fetched release track counts (one bulk insert)."""
    if not counts:
        return
    with staged_rows(con, "incoming_tracks",
                     ({"release_id": r, "track_count": n} for r, n in counts.items()),
                     {"release_id": "int", "track_count": "int"}):
        con.execute("INSERT OR REPLACE INTO discogs_release_tracks "
                    "SELECT release_id, track_count, $now FROM incoming_tracks", {"now": now})


def export_albums(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The albums the page shows, as plain dicts."""
    return list(iter_export_albums(con))


def collection_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Albums, artists and enrichment coverage of the current collection."""
    row = con.execute(
        "SELECT count(DISTINCT release_id), count(DISTINCT artist), "
        "count(DISTINCT album_key) FILTER (WHERE spotify_url IS NOT NULL), "
        "count(DISTINCT album_key) FILTER (WHERE ai_description IS NOT NULL) FROM albums"
    ).fetchall()[0]
    return dict(zip(("albums", "artists", "spotify_matched", "ai_described"), row, strict=True))
