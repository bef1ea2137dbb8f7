"""The database is busy: the errors a sync or a reader gets from another process's hold on it.

Kept free of DuckDB and pandas imports: the CLI raises them before anything heavy is loaded.
"""

from __future__ import annotations

from pathlib import Path


class DatabaseBusy(RuntimeError):
    """Another process holds the database (a sync is already running, or a writer has it)."""


class DatabaseHeld(DatabaseBusy):
    """Another process holds a read-write connection to the database past the wait; the run's
    work is kept beside the database for the next run."""


def process_command(pid: int) -> str | None:
    """A process's command line, from /proc where the system has it."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    # "python .../bin/discogs-sync run" reads better as "discogs-sync run"; "python -m x" stays.
    if len(words) > 1 and Path(words[0]).name.startswith("python") \
            and not words[1].startswith("-"):
        words = words[1:]
    if words:
        words[0] = Path(words[0]).name
    text = " ".join(words)
    return (text[:200] + "...") if len(text) > 200 else (text or None)
