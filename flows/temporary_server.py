"""Prefect's temporary API server, started for one `discogs-sync run` with the time it needs.

Without PREFECT_API_URL, Prefect starts a server as a subprocess for the run and gives it
PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (20 s by default) to answer. It takes 10-20 s
on a small machine, more on a busy one, so a default run sometimes died before doing anything.
Started here, it gets minutes unless the user chose a timeout, the log says that it is
starting and how long it took, and a server that truly cannot start is said so plainly.

Prefect would also import its whole server into the sync's process to start it (FastAPI,
SQLAlchemy, the API's models: about 80 MB held for the whole run). Here the same command
Prefect runs (uvicorn on its server app) is spawned without that import, boots while the sync
imports the flow, and PREFECT_API_URL points the run at it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
PREFECT_DEFAULT_TIMEOUT_S = 20  # Prefect's own default for TIMEOUT_ENV
DEFAULT_TIMEOUT_S = 600  # ours: a busy 2-core machine took over a minute
PROGRESS_EVERY_S = 15.0
# uvicorn exits 3 when its port is taken and when the app fails at start-up (then it says
# "Application startup failed"): the first is tried again on another port, the second is said.
STARTUP_FAILURE = 3
PORT_ATTEMPTS = 3
PORT_RANGE = range(8000, 9000)  # Prefect's own for its temporary server
# What a temporary server runs that a single run has no use for (Prefect's own settings; one
# the user set still wins). Its task run recorder stays: the run's history is kept.
SERVER_SERVICES_OFF = {
    # Events stored for the UI's event feed and for automations: it has neither.
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    # Events and logs streamed out to websocket subscribers: none.
    "PREFECT_API_EVENTS_STREAM_OUT_ENABLED": "false",
    "PREFECT_SERVER_LOGS_STREAM_OUT_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "false",
}
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


@contextlib.contextmanager
def temporary_api(say: Callable[[str], None],
                  timeout: float | None = None) -> Iterator[TemporaryServer | None]:
    """Prefect's temporary server for the block, unless an API is configured (then None).

    Its process is spawned here and boots while the caller imports the flow; wait() then says
    when it answers (TemporaryServerError when it cannot start). Meanwhile PREFECT_API_URL
    points at it, for this process and every thread Prefect starts. At the end, what Prefect
    still holds for it (run logs, events) is sent, then it stops.
    """
    if configured_api_url():
        yield None
        return
    timeout = startup_timeout() if timeout is None else timeout
    home = prefect_home()
    _check_home(home)
    server = TemporaryServer(say, timeout, home)
    try:
        yield server
    finally:
        server.stop()


class TemporaryServer:
    """Prefect's server app in a process of its own: what Prefect runs for its temporary
    server (SubprocessASGIServer), started without importing the server into this process."""

    def __init__(self, say: Callable[[str], None], timeout: float, home: Path):
        self.say, self.timeout, self.home = say, timeout, home
        self.began = time.monotonic()
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log_path = Path()
        self.started: Started | None = None
        self.failed: tuple[str, str] | None = None
        say(f"Starting Prefect's temporary server (no PREFECT_API_URL set; it takes 10-20 s, "
            f"up to {timeout:.0f} s allowed)...")
        # A new database is created first, by a process of its own that then exits: created by
        # the server, its migrations' memory (~35 MB) would stay in the server for the run.
        self.creating_database = _database_to_create() is not None
        self.created_database = False
        self._spawn()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawn(self) -> None:
        """Its process (or the one creating its database) on a free port, its output to a log
        file (kept for the message); a failure is kept for wait()."""
        try:
            command = _database_command() if self.creating_database else \
                _server_command(self._free_port())
        except NoFreePort as exc:
            self.failed = ("no-port", str(exc))
            return
        with tempfile.NamedTemporaryFile(prefix="discogs-sync-prefect-server-", suffix=".log",
                                         delete=False) as handle:
            self.log_path = Path(handle.name)
            env = _server_env()
            if self.created_database:  # at its latest version: nothing for alembic to load
                env["PREFECT_API_DATABASE_MIGRATE_ON_START"] = "false"
            self.process = subprocess.Popen(  # noqa: S603 - our interpreter, Prefect's app
                command, env=env, stdin=subprocess.DEVNULL, stdout=handle,
                stderr=subprocess.STDOUT)

    def _free_port(self) -> int:
        self.port = find_available_port()
        return self.port

    def wait(self) -> Started:
        """Wait until it answers, then point Prefect at it; TemporaryServerError if it cannot
        start (the reason said, with what to do)."""
        if self.started:
            return self.started
        for attempt in range(1, PORT_ATTEMPTS + 1):
            outcome = self.failed or self._wait_once()
            if isinstance(outcome, Started):
                break
            kind, detail = outcome
            if kind == "port" and attempt < PORT_ATTEMPTS:
                self.say(f"Port taken ({detail}); trying another")
                self._spawn()
                continue
            self._kill()
            raise TemporaryServerError(_explain(kind, detail, self.home, self.timeout,
                                                self.log_path))
        self.started = outcome
        self.say(f"Prefect's temporary server started in {outcome.seconds:.1f} s")
        with contextlib.suppress(OSError):
            self.log_path.unlink()
        _point_prefect_at(outcome.url)
        return outcome

    def _wait_once(self) -> Started | tuple[str, str]:
        """Started, or (kind, detail) with kind "port", "startup", "timeout"."""
        assert self.process is not None
        next_note = PROGRESS_EVERY_S * (1 + int((time.monotonic() - self.began)
                                                // PROGRESS_EVERY_S))
        while True:
            code = self.process.poll()
            if code is not None and self.creating_database:
                if code:
                    return ("startup", f"creating its database failed (exit code {code})")
                self.creating_database, self.created_database = False, True
                with contextlib.suppress(OSError):
                    self.log_path.unlink()
                self._spawn()
                if self.failed:
                    return self.failed
                continue
            if code is not None:
                # uvicorn exits 3 both when its port is taken and when the app fails to start.
                if code == STARTUP_FAILURE and not _failed_at_startup(self.log_path):
                    return ("port", f"port {self.port}: in use")
                return ("startup", f"its process exited with code {code}")
            answer = None if self.creating_database else _health(self.api_url)
            if answer == 200:
                return Started(seconds=time.monotonic() - self.began, url=self.api_url)
            if answer is not None:  # something else answered on its port
                return ("port", f"port {self.port}: HTTP {answer}")
            elapsed = time.monotonic() - self.began
            if elapsed >= self.timeout:
                return ("timeout", "Timed out while attempting to connect to the temporary "
                                   f"Prefect API server at {self.api_url}")
            if elapsed >= next_note:
                self.say(f"Still waiting for Prefect's temporary server ({elapsed:.0f} s)...")
                next_note += PROGRESS_EVERY_S
            time.sleep(0.1)

    def stop(self) -> None:
        """Send what Prefect still holds for it, then stop it."""
        if self.started:
            _drain_prefect()
            _point_prefect_at(None)
        self._kill()
        with contextlib.suppress(OSError):
            self.log_path.unlink()

    def _kill(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class NoFreePort(RuntimeError):
    pass


def find_available_port() -> int:
    """A free port of PORT_RANGE, tried at random as Prefect does (NoFreePort after 10)."""
    for _ in range(10):
        port = random.choice(PORT_RANGE)  # noqa: S311 - not for security
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                time.sleep(random.uniform(0.1, 0.5))  # noqa: S311
                continue
            return port
    raise NoFreePort("Unable to find an available port after multiple attempts")


def _server_command(port: int) -> list[str]:
    """Prefect's own command for its temporary server (prefect.server.api.server), optimized."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise TemporaryServerError("Prefect's temporary server cannot start: prefect is not "
                                   "installed")
    app_dir = Path(next(iter(spec.submodule_search_locations))).parent
    # -OO: without the docstrings of the ~2,000 modules the server imports (FastAPI's, Prefect's,
    # SQLAlchemy's), it holds 12 MB less for the run; it serves no API documentation to anyone.
    return [sys.executable, "-OO", "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


def _database_to_create() -> Path | None:
    """The server's SQLite file when it does not exist yet (Prefect's default database)."""
    from prefect.settings import get_current_settings

    url = get_current_settings().server.database.connection_url
    url = url.get_secret_value() if url is not None else ""
    if not url.startswith("sqlite") or ":///" not in url or ":memory:" in url:
        return None
    path = Path(url.split(":///", 1)[1].split("?", 1)[0])
    return None if path.exists() else path


def _database_command() -> list[str]:
    """Prefect's command creating (migrating) its database."""
    return [sys.executable, "-m", "prefect", "server", "database", "upgrade", "--yes"]


def _server_env() -> dict[str, str]:
    """Prefect's temporary-server environment: no UI, ephemeral services, this profile's
    settings; and none of the services a one-run server has no use for (SERVER_SERVICES_OFF)."""
    from prefect.settings import get_current_settings

    return {**os.environ, **SERVER_SERVICES_OFF,
            "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True)}


def _health(api_url: str) -> int | None:
    """The status of GET /health, None when nothing answers yet."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as answer:  # noqa: S310
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def _point_prefect_at(api_url: str | None) -> None:
    """PREFECT_API_URL for this process: its settings, and the threads Prefect starts (they
    read the process-wide settings context, refreshed from the environment)."""
    from prefect.context import refresh_global_settings_context

    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
        # It serves no UI: no "View at" link to it (Prefect would derive one from the API's).
        os.environ.setdefault("PREFECT_UI_URL", "")
    else:
        os.environ.pop("PREFECT_API_URL", None)
        if os.environ.get("PREFECT_UI_URL") == "":
            del os.environ["PREFECT_UI_URL"]
    refresh_global_settings_context()


def _drain_prefect(timeout_s: float = 10.0) -> None:
    """Send what Prefect still holds for the server (run logs, events) before it stops: sent
    after, they fail and are retried for a minute at exit."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout_s)


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
