"""The database is busy: the errors a sync or a reader gets from another process's hold on it.

Kept free of DuckDB and pandas imports: the CLI raises them before anything heavy is loaded.
"""

from __future__ import annotations


class DatabaseBusy(RuntimeError):
    """Another process holds the database (a sync is already running, or a writer has it)."""


class DatabaseHeld(DatabaseBusy):
    """Another process holds a read-write connection to the database past the wait; the run's
    work is kept beside the database for the next run."""
