"""Prefect's temporary API server, started for one `discogs-sync run` with the time it needs.

Without PREFECT_API_URL, Prefect starts a server as a subprocess for the run and gives it
PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (20 s by default) to answer. It takes 10-20 s
on a small machine, more on a busy one, so a default run sometimes died before doing anything.
Started here first, it gets minutes unless the user chose a timeout, the log says that it is
starting and how long it took, and a server that truly cannot start is said so plainly. Prefect
reuses the started server for the flow run (one per process).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
PREFECT_DEFAULT_TIMEOUT_S = 20  # Prefect's own default for TIMEOUT_ENV
DEFAULT_TIMEOUT_S = 600  # ours: a busy 2-core machine took over a minute
PROGRESS_EVERY_S = 15.0
# uvicorn exits 3 when the app fails at start-up; Prefect takes 3 for "port in use" and starts
# the server again on another port, until its timeout: twice is a server that cannot start.
STARTUP_FAILURE = 3
PORT_ATTEMPTS = 3
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)\b: \S")


class TemporaryServerError(RuntimeError):
    """Prefect's temporary server could not start; the message says why and what to do."""


@dataclass(frozen=True)
class Started:
    seconds: float
    url: str


def configured_api_url() -> str | None:
    """The Prefect API this process will use (PREFECT_API_URL, a profile, a test harness)."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def startup_timeout(env: dict[str, str] | None = None) -> float:
    """The user's PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (environment or Prefect
    profile) when set, else DEFAULT_TIMEOUT_S."""
    env = os.environ if env is None else env
    if (env.get(TIMEOUT_ENV) or "").strip():
        return float(env[TIMEOUT_ENV])
    from prefect.settings import get_current_settings

    chosen = get_current_settings().server.ephemeral.startup_timeout_seconds
    return float(chosen) if chosen != PREFECT_DEFAULT_TIMEOUT_S else float(DEFAULT_TIMEOUT_S)


def prefect_home() -> Path:
    from prefect.settings import get_current_settings

    return Path(get_current_settings().home)


def ensure_api(say: Callable[[str], None], timeout: float | None = None) -> Started | None:
    """Start Prefect's temporary server unless an API is configured; None when one is.

    say() gets the progress lines. TemporaryServerError when it cannot start.
    """
    if configured_api_url():
        return None
    timeout = startup_timeout() if timeout is None else timeout
    home = prefect_home()
    _check_home(home)
    say(f"Starting Prefect's temporary server (no PREFECT_API_URL set; it takes 10-20 s, "
        f"up to {timeout:.0f} s allowed)...")
    began = time.monotonic()
    for attempt in range(1, PORT_ATTEMPTS + 1):
        with _server_output() as (log_path, terminal):
            outcome = _start_once(timeout - (time.monotonic() - began), terminal, began,
                                  log_path)
        if isinstance(outcome, Started):
            say(f"Prefect's temporary server started in {outcome.seconds:.1f} s")
            with contextlib.suppress(OSError):
                log_path.unlink()
            return outcome
        kind, detail = outcome
        if kind == "port" and attempt < PORT_ATTEMPTS:
            say(f"Port taken ({detail}); trying another")
            continue
        raise TemporaryServerError(_explain(kind, detail, home, timeout, log_path))
    raise AssertionError("unreachable")


def _check_home(home: Path) -> None:
    """A PREFECT_HOME that cannot hold the server's database fails here, not after a timeout."""
    problem = None
    if home.exists() and not home.is_dir():
        problem = "is not a folder"
    else:
        try:
            home.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=home, prefix=".discogs-sync-probe-"):
                pass
        except OSError as exc:
            problem = f"cannot be written ({exc.strerror or exc})"
    if problem:
        raise TemporaryServerError(
            f"Prefect's temporary server cannot start: PREFECT_HOME={home} {problem}. Point "
            "PREFECT_HOME to a folder you can write (or unset it: ~/.prefect), or start a server "
            "(`prefect server start`) and set PREFECT_API_URL=http://127.0.0.1:4200/api.")


@contextlib.contextmanager
def _server_output() -> Iterator[tuple[Path, Callable[[str], None]]]:
    """Send what the server process prints (it inherits our stderr) to a log file; yields the
    file and a function that prints a line on the real stderr meanwhile.

    Its start-up errors are kept for the message, and its noise on shutdown stays out of the
    run's output. The file is removed once the server has started.
    """
    import sys

    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - the server keeps writing to it
        prefix="discogs-sync-prefect-server-", suffix=".log", delete=False)
    sys.stderr.flush()
    saved = os.dup(2)

    def terminal(text: str) -> None:
        os.write(saved, (text + "\n").encode())

    try:
        os.dup2(handle.fileno(), 2)
        yield Path(handle.name), terminal
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        handle.close()


def _start_once(timeout: float, say: Callable[[str], None], began: float,
                log_path: Path) -> Started | tuple[str, str]:
    """One start: Started, or (kind, detail) with kind "port", "startup", "timeout", "error"."""
    import httpx
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    failure: list[BaseException] = []

    def start() -> None:
        try:
            server.start(timeout=max(1, int(timeout)))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            failure.append(exc)

    # Prefect's loop would go on restarting a server that fails at start-up until its timeout;
    # watched from here, the second failure ends the wait.
    thread = threading.Thread(target=start, name="prefect-temporary-server", daemon=True)
    thread.start()
    exits: dict[int, int] = {}
    next_note = PROGRESS_EVERY_S
    while thread.is_alive():
        thread.join(0.2)
        process = server.server_process
        if process is not None and process.poll() is not None:
            exits[process.pid] = process.returncode
        startup_failures = sum(1 for code in exits.values() if code == STARTUP_FAILURE)
        other = [code for code in exits.values() if code != STARTUP_FAILURE]
        if startup_failures >= 2 or other or (startup_failures and _failed_at_startup(log_path)):
            _stop(server, thread)
            return ("startup", f"its process exited with code {(other or [STARTUP_FAILURE])[0]}")
        elapsed = time.monotonic() - began
        if elapsed >= next_note:
            say(f"Still waiting for Prefect's temporary server ({elapsed:.0f} s)...")
            next_note += PROGRESS_EVERY_S
    if not failure and server.running:
        return Started(seconds=time.monotonic() - began, url=server.api_url)
    _stop(server, thread)
    exc = failure[0] if failure else RuntimeError("stopped")
    if isinstance(exc, httpx.HTTPError):  # something else answered on its port
        return ("port", f"port {server.port}: {type(exc).__name__}")
    if "available port" in str(exc):  # Prefect tried 10 ports at random, all taken
        return ("no-port", str(exc))
    if "Timed out" in str(exc):
        return ("timeout", str(exc).split(" stdout:")[0])
    return ("error", f"{type(exc).__name__}: {exc}")


def _stop(server, thread: threading.Thread) -> None:
    """Stop the server and Prefect's start loop (which ends once its process is gone)."""
    server.stop()
    thread.join(5)
    server.stop()  # a process the loop started meanwhile


def _failed_at_startup(log_path: Path) -> bool:
    """Whether the server said its app failed to start (not a port taken: Prefect retries
    those with the same exit code)."""
    try:
        return "Application startup failed" in log_path.read_text(errors="replace")
    except OSError:
        return False


def _last_error(log_path: Path) -> str | None:
    """The last error line the server printed, if any."""
    try:
        lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines):  # the last exception raised: "sqlalchemy.exc.Error: ..."
        if _EXCEPTION_LINE.match(line):
            return line.strip()[:300]
    return None


def _explain(kind: str, detail: str, home: Path, timeout: float, log_path: Path) -> str:
    error = _last_error(log_path)
    said = f" It said: {error}." if error else ""
    log = f" Its output: {log_path}."
    server = ("Or start a Prefect server once (`prefect server start`, or `make deploy`) and set "
              "PREFECT_API_URL=http://127.0.0.1:4200/api: runs then start in a few seconds.")
    if kind == "startup":
        return (f"Prefect's temporary server could not start ({detail}).{said} Its database is "
                f"in PREFECT_HOME={home} (prefect.db): if it is damaged, move it aside "
                f"(mv {home / 'prefect.db'} {home / 'prefect.db.broken'}) and run again, or "
                f"point PREFECT_HOME to another folder.{log} {server}")
    if kind in ("port", "no-port"):
        return (f"Prefect's temporary server could not start: every port tried was taken "
                f"({detail}). Free ports in 8000-8999 on 127.0.0.1, or: {server}{log}")
    if kind == "timeout":
        return (f"Prefect's temporary server did not answer within {timeout:.0f} s ({detail})."
                f"{said} The machine may be very busy: run again later, or allow more time "
                f"with {TIMEOUT_ENV}=1200.{log} {server}")
    return f"Prefect's temporary server could not start: {detail}.{said}{log} {server}"
