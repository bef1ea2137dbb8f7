"""One sync at a time per database: a lock file beside it, taken before Prefect starts.

The CLI takes it before starting Prefect's temporary server (10-20 s it need not pay when another
sync is running); the flow takes it again, which is a no-op in the CLI's process (the lock is
reentrant per process) and the real lock in a deployment run (a worker's or `serve`'s
subprocess). Nothing here imports Prefect or DuckDB: a second run must be able to stop at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tasks.busy import DatabaseBusy, process_command
from tasks.config import DEFAULT_DB_PATH, DEMO_DB_PATH, Settings

LOCK_SUFFIX = ".lock"
# How long a run waits for another to finish: DISCOGS_SYNC_LOCK_WAIT seconds (default: not at
# all); `discogs-sync run --wait` alone waits up to an hour.
LOCK_WAIT_ENV = "DISCOGS_SYNC_LOCK_WAIT"
DEFAULT_WAIT_S = 3600.0
POLL_S = 0.5


@dataclass(frozen=True)
class Holder:
    """The process that holds the lock, as it wrote itself into the lock file."""

    pid: int | None = None
    since: str | None = None
    command: str | None = None

    def describe(self) -> str:
        if self.pid is None:
            return "another process"
        parts = [f"pid {self.pid}"]
        if self.since:
            parts.append(f"since {self.since}")
        text = ", ".join(parts)
        return f"{text}: {self.command}" if self.command else text


class SyncRunning(DatabaseBusy):
    """Another sync holds the run lock of this database."""

    def __init__(self, db_path: str, holder: Holder, waited: float = 0.0):
        self.db_path, self.holder, self.waited = db_path, holder, waited
        waited_text = f" (waited {waited:.0f} s)" if waited >= 1 else ""
        super().__init__(
            f"another sync is running on {db_path} ({holder.describe()}){waited_text}; try "
            "again when it has finished, or run with --wait to wait for it")


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}{LOCK_SUFFIX}")


def wait_from_env(env: dict[str, str] | None = None) -> float:
    """DISCOGS_SYNC_LOCK_WAIT in seconds (0 when unset); ValueError naming it when not a number."""
    raw = ((os.environ if env is None else env).get(LOCK_WAIT_ENV) or "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{LOCK_WAIT_ENV}={raw!r} is not a number of seconds") from None
    return max(0.0, value)


def parse_holder(text: str) -> Holder:
    """The lock file's text -> Holder; older lock files held only "pid N"."""
    text = text.strip()
    if not text:
        return Holder()
    try:
        data = json.loads(text)
    except ValueError:
        pid = text.removeprefix("pid ").strip()
        return Holder(pid=int(pid)) if pid.isdigit() else Holder()
    if not isinstance(data, dict):
        return Holder()
    pid = data.get("pid")
    return Holder(pid=pid if isinstance(pid, int) else None, since=data.get("since"),
                  command=data.get("command"))


def read_holder(db_path: str | Path) -> Holder:
    """Who holds (or last held) the lock of this database, as it says."""
    try:
        return parse_holder(lock_path(db_path).read_text(encoding="utf-8"))
    except OSError:
        return Holder()


class _Held:
    def __init__(self, handle):
        self.handle, self.count = handle, 1


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


def holds(db_path: str | Path) -> bool:
    """Whether this process holds the run lock of this database."""
    return os.path.realpath(lock_path(db_path)) in _held


@contextmanager
def hold(db_path: str | Path, wait: float = 0.0, *, clock: Callable[[], float] = time.monotonic,
         on_wait: Callable[[Holder], None] | None = None) -> Iterator[None]:
    """Hold the run lock of db_path; SyncRunning at once (or after `wait` seconds) if another
    process holds it. Reentrant within a process: the CLI holds it around the flow, which takes
    it again. The kernel drops the lock when the process dies, even by SIGKILL."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(path)
    with _held_guard:
        if key in _held:
            _held[key].count += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[key].count -= 1
        return
    handle = _acquire(path, str(db_path), wait, clock, on_wait)
    with _held_guard:
        _held[key] = _Held(handle)
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        # The holder's line stays for `since`-less older readers; flock goes with the close.
        handle.close()


@contextmanager
def run_lock(db_path: str) -> Iterator[None]:
    """The flow's lock: taken already by the CLI (a no-op then), taken here by a deployment
    run; waits DISCOGS_SYNC_LOCK_WAIT seconds for another sync."""
    with hold(db_path, wait_from_env()):
        yield


def _acquire(path: Path, db_path: str, wait: float, clock: Callable[[], float],
             on_wait: Callable[[Holder], None] | None):
    began = clock()
    told = False
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = read_holder(db_path)
                waited = clock() - began
                if waited >= wait:
                    raise SyncRunning(db_path, holder, waited) from None
                if on_wait and not told:
                    on_wait(holder)
                    told = True
                time.sleep(min(POLL_S, max(0.01, wait - waited)))
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({
            "pid": os.getpid(),
            "since": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
            "command": process_command(os.getpid())}))
        handle.flush()
        return handle
    except BaseException:
        handle.close()
        raise


def run_database(settings: Settings, source: str, env: dict[str, str] | None = None) -> str:
    """The database a sync with these settings writes: the demo's when it will run the demo
    (the rule of flows/demo.py's demo_services), told before Prefect (and Secret blocks) are there.

    A Discogs credential left to a Secret block (`DISCOGS_TOKEN_BLOCK`) counts as given.
    """
    env = os.environ if env is None else env
    missing = [name for name in settings.missing_discogs()
               if not (env.get(name + "_BLOCK") or "").strip()]
    if source == "api" and missing and settings.db_path == DEFAULT_DB_PATH:
        return DEMO_DB_PATH
    return settings.db_path
