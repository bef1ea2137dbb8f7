"""The DuckDB file: read beside other readers, replaced whole by a sync (written beside, renamed).

DuckDB lets one process write a file or many read it, never both, and users keep read-only
connections open (notebooks, the DuckDB CLI, DBeaver). So a sync never opens the database
read-write: it copies it beside itself (`collection.duckdb.new-PID`), loads the copy,
checkpoints and closes it (no WAL left), fsyncs it, and renames it over the database. A reader
keeps the file it opened (the old data); one opening after the rename gets the new file. While
the copy is made and loaded, the sync holds a read-only connection to the old file: no process
can open it read-write meanwhile, so no write can be lost under the rename.

A SIGKILL at any moment leaves the old file (the copy is a stray `.new-PID`, removed by the
next sync) or the new one, whole. The one case needing a note beside the database: an old file
with a WAL (a writer that crashed), which the copy absorbs; the stale WAL must go once the new
file is in place, or DuckDB refuses the new file. `collection.duckdb.swap` records that step.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from tasks import load
from tasks.busy import DatabaseHeld, lock_holder
from tasks.files import fsync_path

log = logging.getLogger(__name__)

DB_WAIT_ENV = "DISCOGS_SYNC_DB_WAIT"
DEFAULT_DB_WAIT_S = 300.0  # for a writer to let go of the database before the work is kept
POLL_S = 1.0


def wal_path(path: Path) -> Path:
    return Path(f"{path}.wal")


def swap_note(path: Path) -> Path:
    return Path(f"{path}.swap")


def db_wait_from_env(env: dict[str, str] | None = None) -> float:
    """DISCOGS_SYNC_DB_WAIT seconds (default 300); ValueError naming it when not a number."""
    raw = ((os.environ if env is None else env).get(DB_WAIT_ENV) or "").strip()
    if not raw:
        return DEFAULT_DB_WAIT_S
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise ValueError(f"{DB_WAIT_ENV}={raw!r} is not a number of seconds") from None


def _is_lock_error(error: BaseException) -> bool:
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def _open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection; DatabaseHeld naming the writer when one holds the file."""
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        if _is_lock_error(exc):
            raise DatabaseHeld(f"{path} is open read-write in another process "
                               f"({lock_holder(str(exc)) or 'not named by the system'})") from None
        raise


def _wait_read_only(path: Path, wait: float,
                    on_wait: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """_open_read_only, retried for up to `wait` seconds while a writer holds the file."""
    began = time.monotonic()
    told = False
    while True:
        try:
            return _open_read_only(path)
        except DatabaseHeld as exc:
            waited = time.monotonic() - began
            if waited >= wait:
                raise DatabaseHeld(f"{exc}; waited {waited:.0f} s for it") from None
            if on_wait and not told:
                on_wait(str(exc))
                told = True
            time.sleep(min(POLL_S, wait - waited))


def _needs_migration(con: duckdb.DuckDBPyConnection) -> bool:
    latest = max([1, *(int(p.name[:4]) for p in load.MIGRATIONS_DIR.glob("[0-9]" * 4 + "_*.sql"))])
    try:
        applied = con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0][0]
    except duckdb.CatalogException:
        return True
    return (applied or 0) < latest


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _copy_into_memory(path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory copy of the database (to migrate or change it without touching the file)."""
    con = duckdb.connect(":memory:")
    try:
        # ATTACH takes no bound parameters; the path is ours, quoted as a string literal.
        con.execute(f"ATTACH {_quote(str(path))} AS source (READ_ONLY)")
        con.execute("COPY FROM DATABASE source TO memory")
        con.execute("DETACH source")
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def reading(db_path: str | Path,
            change: Callable[[duckdb.DuckDBPyConnection], None] | None = None
            ) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database as it is now, at the current schema, never opened read-write: for planning.

    No file yet: an empty database. A writer holding the file: a copy of it (file and WAL,
    as a crash would have left them) read from a temporary folder. An older schema, or a
    `change` to apply (the work kept by a run that could not load): an in-memory copy,
    migrated and changed. The file itself is never written.
    """
    path = Path(db_path)
    with contextlib.ExitStack() as stack:
        if not path.exists():
            con = stack.enter_context(duckdb.connect(":memory:"))
            load.migrate(con)
        else:
            try:
                con = stack.enter_context(_open_read_only(path))
            except DatabaseHeld as exc:
                log.warning("%s: planning from a copy of it", exc)
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(
                    prefix="discogs-sync-snapshot-")))
                _copy_files(path, folder / path.name)
                try:
                    con = stack.enter_context(_open_read_only(folder / path.name))
                except duckdb.Error:  # copied in the middle of a write: wait for the file
                    con = stack.enter_context(_wait_read_only(path, db_wait_from_env()))
            if change is not None or _needs_migration(con):
                source = con.execute("SELECT path FROM duckdb_databases() "
                                     "WHERE database_name = current_database()").fetchall()[0][0]
                con = stack.enter_context(_copy_into_memory(Path(source)))
                load.migrate(con)
        if change is not None:
            change(con)
        yield con


def _copy_files(path: Path, to: Path) -> None:
    """Copy the database file and its WAL (if any): together they are the database's state."""
    for suffix_from, suffix_to in ((path, to), (wal_path(path), wal_path(to))):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(suffix_to)
        with contextlib.suppress(FileNotFoundError):
            shutil.copyfile(suffix_from, suffix_to)



def recover(db_path: str | Path) -> list[str]:
    """Finish or undo what a killed sync left beside the database; what was done, said.

    Call with the run lock held (no other sync is writing beside the database).
    """
    path = Path(db_path)
    done = []
    note = swap_note(path)
    if note.exists():
        copy = Path(note.read_text(encoding="utf-8").strip())
        if copy.exists():  # killed before the rename: the old file and its WAL stand
            done.append(f"removed {copy.name}, a copy the rename never reached")
        else:  # killed after it: the WAL belongs to the replaced file
            with contextlib.suppress(FileNotFoundError):
                os.unlink(wal_path(path))
                done.append(f"removed {wal_path(path).name}, left by the replaced file")
        note.unlink()
        fsync_path(path.parent)
    for stray in path.parent.glob(f"{path.name}.new-*"):
        stray.unlink()
        done.append(f"removed {stray.name}, left by a killed sync")
    return done


@contextlib.contextmanager
def replacing(db_path: str | Path, wait: float | None = None,
              on_wait: Callable[[str], None] | None = None
              ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the database; when the block ends without error,
    the copy (checkpointed, fsynced) replaces the database in one rename.

    Waits up to `wait` seconds (default DISCOGS_SYNC_DB_WAIT) while another process holds the
    database read-write, then DatabaseHeld naming it. Readers never block it. Call with the run
    lock held: one sync at a time writes beside the database.
    """
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for line in recover(path):
        log.warning("Database file: %s", line)
    wait = db_wait_from_env() if wait is None else wait
    copy = path.with_name(f"{path.name}.new-{os.getpid()}")
    with contextlib.ExitStack() as stack:
        # Held until the rename: no process can open the old file read-write meanwhile.
        if path.exists():
            stack.enter_context(_wait_read_only(path, wait, on_wait))
            _copy_files(path, copy)
        try:
            with load.connect(copy) as con:
                # One thread: a sync's load is small, and each thread has buffers of its own.
                con.execute("SET threads = 1")
                yield con
                con.execute("CHECKPOINT")
            if wal_path(copy).exists():
                raise RuntimeError(f"{wal_path(copy)} is still there after the checkpoint")
            fsync_path(copy)
            _swap(copy, path)
        finally:
            for leftover in (copy, wal_path(copy)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)


def _swap(copy: Path, path: Path) -> None:
    """Rename copy over path, durably; a stale WAL of the old file goes too (see recover)."""
    stale_wal = wal_path(path).exists()
    if stale_wal:
        note = swap_note(path)
        note.write_text(str(copy), encoding="utf-8")
        fsync_path(note)
        fsync_path(path.parent)
    os.replace(copy, path)
    fsync_path(path.parent)
    if stale_wal:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(wal_path(path))
        swap_note(path).unlink()
        fsync_path(path.parent)
