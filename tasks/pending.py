"""The work of a run that could not load (another process held the database), kept for the next.

One JSON file per run in `collection.duckdb.pending/`, written whole (temporary file, fsync,
rename): everything the load needs, so the next run loads it first, and plans as if it had been
loaded, without asking Spotify or EurIA again. A file goes once its run is in the database;
loading one twice is harmless (its run id is in sync_runs: skipped).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from tasks import load
from tasks.files import fsync_path, write_text_atomic

FORMAT = 1


@dataclass(frozen=True)
class PendingRun:
    """One kept run: where it is and what load.load_run takes."""

    path: Path
    run_id: str
    now: str
    albums: list[dict]
    spotify_rows: list[dict]
    ai_rows: list[dict]
    run: dict
    mark_removed: bool
    max_removed_share: float | None
    overrides: list[dict] | None
    masters: dict[int, Any]  # master id -> (year, track count), or the year alone


def folder(db_path: str | Path) -> Path:
    return Path(f"{db_path}.pending")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not kept in a pending run")


def save(db_path: str | Path, *, now: datetime, albums: list[dict], spotify_rows: list[dict],
         ai_rows: list[dict], run: dict, mark_removed: bool, max_removed_share: float | None,
         overrides: list[dict] | None, masters: dict[int, Any] | None) -> Path:
    """Keep a run's load; the file is whole or absent, even if the process is killed."""
    where = folder(db_path)
    where.mkdir(parents=True, exist_ok=True)
    document = {"format": FORMAT, "run_id": run["run_id"], "now": now.isoformat(),
                "albums": albums, "spotify_rows": spotify_rows, "ai_rows": ai_rows, "run": run,
                "mark_removed": mark_removed, "max_removed_share": max_removed_share,
                "overrides": overrides,
                "masters": [[k, v] for k, v in (masters or {}).items()]}
    # Named by start time: loaded in the order the runs happened.
    target = where / f"{run['started_at'].replace(':', '')}-{run['run_id']}.json"
    write_text_atomic(target, json.dumps(document, ensure_ascii=False, default=_json_default))
    return target


def read_all(db_path: str | Path) -> list[PendingRun]:
    """The kept runs, oldest first (half-written files of a killed run are not among them)."""
    where = folder(db_path)
    if not where.is_dir():
        return []
    runs = []
    for path in sorted(where.glob("[!.]*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        runs.append(PendingRun(
            path=path, run_id=data["run_id"], now=data["now"], albums=data["albums"],
            spotify_rows=data["spotify_rows"], ai_rows=data["ai_rows"], run=data["run"],
            mark_removed=data["mark_removed"], max_removed_share=data["max_removed_share"],
            overrides=data["overrides"], masters={int(k): v for k, v in data["masters"]}))
    return runs


def apply(con: duckdb.DuckDBPyConnection, runs: list[PendingRun],
          memory_limit: Callable[[int], int] | None = None) -> list[PendingRun]:
    """Load the kept runs not in the database yet, in order; returns those loaded
    (memory_limit: as load.load_run takes it)."""
    if not runs:
        return []
    known = {r for (r,) in con.execute("SELECT run_id FROM sync_runs").fetchall()}
    loaded = []
    for kept in runs:
        if kept.run_id in known:
            continue
        load.load_run(con, kept.albums, kept.spotify_rows, kept.ai_rows, kept.run,
                      datetime.fromisoformat(kept.now), mark_removed=kept.mark_removed,
                      max_removed_share=kept.max_removed_share, overrides=kept.overrides,
                      masters=kept.masters, memory_limit=memory_limit)
        loaded.append(kept)
    return loaded


def remove(runs: list[PendingRun]) -> None:
    """Forget kept runs once the database holding them is in place."""
    for kept in runs:
        with contextlib.suppress(FileNotFoundError):
            kept.path.unlink()
    if runs:
        fsync_path(runs[0].path.parent)
        with contextlib.suppress(OSError):  # only when empty
            runs[0].path.parent.rmdir()



def reading(db_path: str | Path):
    """The database as planning sees it (dbfile.reading), with the kept runs loaded: what they
    looked up and described counts as done."""
    from tasks import dbfile

    kept = read_all(db_path)
    return dbfile.reading(db_path, (lambda con: apply(con, kept)) if kept else None)
