"""Real `discogs-sync` processes for the tests: the command a user runs, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
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


# A process holding a connection: reads (or writes) on demand, line by line on stdin:
# "count" prints the number of releases it sees; "quit" ends it.
HOLDER = textwrap.dedent('''
    import sys, duckdb
    db, mode = sys.argv[1], sys.argv[2]
    con = duckdb.connect(db, read_only=mode == "ro")
    if mode == "rw":
        con.execute("CREATE TABLE IF NOT EXISTS my_notes (note VARCHAR)")
        con.execute("INSERT INTO my_notes VALUES ('mine')")
    print("open", flush=True)
    for line in sys.stdin:
        if line.strip() == "count":
            print(con.execute("SELECT count(*) FROM releases").fetchall()[0][0], flush=True)
        else:
            break
''')


class Holder:
    """Another process with a connection open to the database (HOLDER)."""

    def __init__(self, tmp_path: Path, db: Path, mode: str):
        script = tmp_path / "holder.py"
        script.write_text(HOLDER, encoding="utf-8")
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter on our script
            [sys.executable, str(script), str(db), mode], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "open", self.process.stderr.read()

    @property
    def pid(self) -> int:
        return self.process.pid

    def count(self) -> int:
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline().strip()
        assert line.isdigit(), self.process.stderr.read()
        return int(line)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)
