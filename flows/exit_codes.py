"""The exit codes of `discogs-sync` (README, "Exit codes"): scripts and cron jobs rely on them."""

OK = 0
FAILED = 1  # the sync (or a report, a query) failed: the message says why
NEEDS_ATTENTION = 2  # a step needs the user: a refused credential; `review` without a terminal
SYNC_RUNNING = 3  # another sync is running on the same database: this one did nothing
DATABASE_HELD = 4  # another process kept the database open read-write: the work is kept
NO_PREFECT_SERVER = 5  # Prefect's temporary server could not start: nothing was done
