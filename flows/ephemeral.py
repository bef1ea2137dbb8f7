"""Prefect's temporary API server for one `discogs-sync run`, started beside the sync.

Without PREFECT_API_URL, Prefect starts this same server itself (uvicorn on its server app, as
an ephemeral server) but from inside the sync's process, importing the whole server there first
(FastAPI, SQLAlchemy and the API's models: about 80 MB the sync then holds for the whole run).
Started from here the sync imports none of it, and the server boots while the sync imports
Prefect and the flow.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT_S = 120.0  # Prefect gives it 20 s: too little on a busy machine


class ServerDidNotStart(RuntimeError):
    """The temporary server exited or did not answer in time."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(port: int) -> list[str]:
    """What Prefect runs for its temporary server (prefect.server.api.server)."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise ServerDidNotStart("prefect is not installed")
    app_dir = Path(next(iter(spec.submodule_search_locations))).parent
    return [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


class TemporaryServer:
    """A Prefect server process for this run, PREFECT_API_URL pointing at it."""

    def __init__(self, timeout_s: float = START_TIMEOUT_S):
        self.url = f"http://127.0.0.1:{_free_port()}/api"
        port = self.url.rsplit(":", 1)[1].split("/")[0]
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        self.process = subprocess.Popen(_command(int(port)), env=env, stdin=subprocess.DEVNULL)
        self.deadline = time.monotonic() + timeout_s

    def wait_healthy(self) -> None:
        """Wait until it answers (it boots while the sync imports Prefect and the flow)."""
        while True:
            if self.process.poll() is not None:
                raise ServerDidNotStart(
                    f"the temporary Prefect server exited ({self.process.returncode})")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > self.deadline:
                raise ServerDidNotStart(f"the temporary Prefect server did not answer at "
                                        f"{self.url}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def temporary_server(timeout_s: float = START_TIMEOUT_S) -> Iterator[TemporaryServer | None]:
    """With no PREFECT_API_URL set: a Prefect server for the block, PREFECT_API_URL pointing
    at it meanwhile (enter before Prefect is imported: it reads its settings then). With one
    set: nothing (yields None)."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    server = TemporaryServer(timeout_s)
    os.environ["PREFECT_API_URL"] = server.url
    try:
        yield server
    finally:
        _drain_prefect()
        if os.environ.get("PREFECT_API_URL") == server.url:
            del os.environ["PREFECT_API_URL"]
        server.stop()


def _drain_prefect(timeout_s: float = 10.0) -> None:
    """Send what Prefect still holds for the server (run logs, events) before it stops: sent
    after, they fail and are retried for a minute at exit."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout_s)
