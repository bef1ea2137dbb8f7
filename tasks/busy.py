"""The database is busy: the errors a sync or a reader gets from another process's hold on it.

Kept free of DuckDB and pandas imports: the CLI raises them before anything heavy is loaded.
"""

from __future__ import annotations

import re
from pathlib import Path

_LOCK_PID = re.compile(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")


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
    text = " ".join(" ".join(words).split())  # one line, even for `python -c "..."`
    return (text[:200] + "...") if len(text) > 200 else (text or None)


def lock_holder(message: str) -> str | None:
    """The process a DuckDB lock error names, as "pid N: command"; None if it names none."""
    found = _LOCK_PID.search(message)
    if not found:
        return None
    pid = int(found["pid"])
    return f"pid {pid}: {process_command(pid) or Path(found['exe']).name}"
