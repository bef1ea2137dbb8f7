"""Real `discogs-sync` processes for the tests: the command a user runs, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = str(Path(sys.executable).parent / "discogs-sync")


_shared_home: list[Path] = []


def shared_prefect_home() -> Path:
    """One Prefect home for the session's commands: its database is created (and migrated,
    ~10 s) once."""
    if not _shared_home:
        _shared_home.append(Path(tempfile.mkdtemp(prefix="discogs-sync-tests-cli-prefect-")))
    return _shared_home[0]


def cli_env(prefect_home: Path, **extra: str) -> dict[str, str]:
    """The environment of a command a user runs: no Prefect API configured (the temporary
    server), the given Prefect home, no credentials unless given."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PREFECT_API", "DISCOGS_", "SPOTIFY_", "EURIA_"))}
    env.update({"PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def start_cli(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    """`discogs-sync ARGS` started in cwd; its output is read with communicate()."""
    return subprocess.Popen([COMMAND, *args], cwd=cwd, env=env,  # noqa: S603 - our command
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_cli(args: list[str], cwd: Path, env: dict[str, str],
            timeout: float = 300) -> tuple[int, str, str, float]:
    """`discogs-sync ARGS` to its end: (exit code, stdout, stderr, seconds)."""
    began = time.monotonic()
    process = start_cli(args, cwd, env)
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err, time.monotonic() - began


def wait_for_file(path: Path, timeout: float = 120, process: subprocess.Popen | None = None):
    """Wait until path exists (and the process, when given, is still running)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"process ended (code {process.returncode}) before {path} "
                                 f"appeared: {out[-2000:]} {err[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared")
        time.sleep(0.05)
