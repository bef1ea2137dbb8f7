"""Crash safety: a run killed mid-load leaves the database as it was; one sync at a time.

The runs here are real processes (sys.executable on a small script) so that SIGKILL and the
file locks behave as they do for a nightly job: nothing in this process is shared with them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from flows.runlock import run_lock
from tasks import load

ROOT = Path(__file__).resolve().parent.parent

# One sync's load, as the flow's load step runs it (run_lock, then load_and_export), on a
# generated collection. Every SQL statement is announced on stdout before it runs; the
# statement named by STOP_BEFORE never runs (the process waits there to be killed), the one
# named by PAUSE_BEFORE waits until the file RESUME_FILE exists.
RUNNER = textwrap.dedent('''
    import os, sys, time
    from datetime import UTC, datetime
    from flows.extract import Extraction
    from flows.load_export import load_and_export
    from flows.runlock import run_lock
    from tasks import load
    from tasks.config import Settings

    db, out, first, count, word = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:5]), sys.argv[5]
    stop_before = os.environ.get("STOP_BEFORE")
    pause_before = os.environ.get("PAUSE_BEFORE")
    resume = os.environ.get("RESUME_FILE", "")
    names = {load.load_sql(n): n for n in (
        "count_added", "count_removable", "upsert_releases", "mark_removed",
        "upsert_spotify_matches", "upsert_ai_descriptions", "insert_sync_run")}

    def say(text):
        print(text, flush=True)

    class Announced:
        """The DuckDB connection, saying which statement it runs."""

        def __init__(self, con):
            self._con = con

        def __getattr__(self, name):
            return getattr(self._con, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self._con.__exit__(*exc)

        def execute(self, sql, *args, **kwargs):
            name = names.get(sql, sql if sql in ("BEGIN TRANSACTION", "COMMIT") else None)
            if name:
                say(f"start {name}")
                if name == stop_before:
                    time.sleep(600)
                while name == pause_before and not os.path.exists(resume):
                    time.sleep(0.02)
            result = self._con.execute(sql, *args, **kwargs)
            if name:
                say(f"done {name}")
            return result

    connect = load.connect
    load.connect = lambda *a, **k: Announced(connect(*a, **k))

    def album(i):
        key = f"artist {i % 997}|{word.lower()} {i}"
        return {"release_id": i, "copy_no": 1, "instance_id": i, "folder": "1",
                "master_id": None, "artist": f"Artist {i % 997}",
                "artists": [f"Artist {i % 997}"], "title": f"{word} {i}", "year": 1990,
                "labels": ["Label"], "catnos": ["CAT 1"], "formats": ["Vinyl, LP"],
                "media": "Vinyl", "genres": ["Rock"], "styles": ["Indie Rock"],
                "cover_image": None, "thumb": None, "date_added": "2024-01-02T03:04:05+00:00",
                "rating": None, "media_condition": None, "sleeve_condition": None,
                "notes": None, "custom_fields": {}, "album_key": key,
                "discogs_url": f"https://www.discogs.com/release/{i}"}

    now = datetime.now(UTC).isoformat()
    albums = [album(i) for i in range(first, first + count)]
    spotify = [{"album_key": a["album_key"], "status": "not_found", "evidence": {},
                "checked_at": now} for a in albums]
    described = [{"album_key": a["album_key"], "status": "generated",
                  "description": f"{word} description.", "model": "qwen3",
                  "prompt_version": "v1", "language": "en", "max_chars": 500,
                  "generated_at": now} for a in albums]
    run = {"run_id": f"run-{word}", "started_at": now, "finished_at": now, "source": "api",
           "username": "crash", "albums_fetched": count, "status": "completed",
           "ai_generated": count}
    extraction = Extraction(albums=albums, origin="Discogs", source="api", username="crash")
    settings = Settings(db_path=db, out_dir=out)
    try:
        with run_lock(db):
            say("locked")
            summary = load_and_export(settings, extraction, spotify, described, run,
                                      confirm_removals=True)
    except load.DatabaseBusy as exc:
        print(exc, file=sys.stderr, flush=True)
        sys.exit(3)
    say(f"finished {summary['albums']}")
''')


def start(tmp_path: Path, first: int, count: int, word: str, **env: str) -> subprocess.Popen:
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    return subprocess.Popen(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, str(script), str(tmp_path / "c.duckdb"), str(tmp_path / "site"),
         str(first), str(count), word],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen, line: str, timeout: float = 60) -> list[str]:
    """Read the process's announcements until `line`; fail if it ends or takes too long."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = process.stdout.readline().strip()
        if not text and process.poll() is not None:
            break
        seen.append(text)
        if text == line:
            return seen
    process.kill()
    raise AssertionError(f"never saw {line!r}: {seen}; stderr: {process.stderr.read()}")


def sync(tmp_path: Path, first: int, count: int, word: str) -> None:
    """A whole load in its own process, to the end."""
    process = start(tmp_path, first, count, word)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert out.splitlines()[-1].startswith("finished ")


def dump(tmp_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order."""
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def removed(tmp_path: Path) -> int:
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        return con.execute("SELECT count(removed_at) FROM releases").fetchall()[0][0]


def titles(tmp_path: Path, where: str = "true") -> set[str]:
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        return {t for (t,) in con.execute(f"SELECT title FROM releases WHERE {where}").fetchall()}


def site(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((tmp_path / "site").iterdir())}


# --- killed in the middle of the load ----------------------------------------------------------

KILL_POINTS = ["count_added", "upsert_releases", "mark_removed", "upsert_spotify_matches",
               "upsert_ai_descriptions", "insert_sync_run", "COMMIT"]


@pytest.mark.parametrize("statement", KILL_POINTS)
def test_a_run_killed_before_a_statement_of_the_load_changes_nothing(tmp_path, statement):
    sync(tmp_path, 1, 400, "Before")
    before, pages = dump(tmp_path), site(tmp_path)

    # 300 copies kept, 100 gone, 600 new: every statement has work to do.
    process = start(tmp_path, 101, 900, "After", STOP_BEFORE=statement)
    seen = wait_for(process, f"start {statement}")
    assert "done BEGIN TRANSACTION" in seen
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    assert dump(tmp_path) == before
    assert site(tmp_path) == pages
    sync(tmp_path, 101, 900, "After")  # the next run completes
    after = dump(tmp_path)
    assert len(after["sync_runs"]) == 2
    assert len(after["releases"]) == 1_000 and removed(tmp_path) == 100
    assert titles(tmp_path, "removed_at IS NULL") == {f"After {i}" for i in range(101, 1_001)}


def test_a_run_killed_while_writing_a_big_load_changes_nothing(tmp_path):
    sync(tmp_path, 1, 2_000, "Before")
    before, pages = dump(tmp_path), site(tmp_path)

    # 60,000 copies take DuckDB a second or two to upsert: the kill lands inside the statement
    # (and if the machine is fast, the process waits before COMMIT: still mid-transaction).
    process = start(tmp_path, 1, 60_000, "After", STOP_BEFORE="COMMIT")
    wait_for(process, "start upsert_releases")
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    assert dump(tmp_path) == before
    assert site(tmp_path) == pages
    with duckdb.connect(str(tmp_path / "c.duckdb")) as con:  # writable, and checkpoints
        con.execute("CHECKPOINT")
    sync(tmp_path, 1, 3_000, "After")
    assert len(dump(tmp_path)["releases"]) == 3_000


# --- two runs at once --------------------------------------------------------------------------


def test_a_second_run_stops_at_once_with_a_clear_message(tmp_path):
    sync(tmp_path, 1, 100, "Before")
    before = dump(tmp_path)
    resume = tmp_path / "resume"
    first = start(tmp_path, 1, 3_000, "First", PAUSE_BEFORE="COMMIT", RESUME_FILE=str(resume))
    wait_for(first, "start COMMIT")

    began = time.monotonic()
    second = start(tmp_path, 1, 50, "Second")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 3
    assert "locked" not in out
    assert f"another sync is running on {tmp_path / 'c.duckdb'} (pid {first.pid}, since " in err
    assert "try again when it has finished" in err
    assert time.monotonic() - began < 20  # the interpreter's start-up, no waiting

    resume.touch()
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    after = dump(tmp_path)
    assert len(after["sync_runs"]) == len(before["sync_runs"]) + 1
    assert titles(tmp_path) == {f"First {i}" for i in range(1, 3_001)}


def test_a_lock_left_by_a_killed_run_does_not_block_the_next(tmp_path):
    holder = start(tmp_path, 1, 10, "Held", STOP_BEFORE="BEGIN TRANSACTION")
    wait_for(holder, "start BEGIN TRANSACTION")
    with pytest.raises(load.DatabaseBusy, match=rf"\(pid {holder.pid}, since "), \
            run_lock(str(tmp_path / "c.duckdb")):
        pass
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert (tmp_path / "c.duckdb.lock").exists()
    with run_lock(str(tmp_path / "c.duckdb")):
        pass


HOLD_OPEN = textwrap.dedent('''
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("open", flush=True)
    time.sleep(600)
''')


@pytest.mark.parametrize("mode", ["ro", "rw"], ids=["read-only", "read-write"])
def test_a_database_open_in_another_process_is_a_clear_busy_error(tmp_path, mode):
    sync(tmp_path, 1, 10, "Before")
    script = tmp_path / "hold.py"
    script.write_text(HOLD_OPEN, encoding="utf-8")
    holder = subprocess.Popen(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, str(script), str(tmp_path / "c.duckdb"), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(holder, "open")
        with pytest.raises(load.DatabaseBusy, match="in use by another process"):
            load.connect(tmp_path / "c.duckdb")
    finally:
        holder.kill()
        holder.wait(timeout=10)
    with load.connect(tmp_path / "c.duckdb") as con:
        assert con.execute("SELECT count(*) FROM releases").fetchall() == [(10,)]


@pytest.mark.usefixtures("prefect_harness")
def test_the_flow_refuses_to_start_while_another_sync_runs(tmp_path, monkeypatch):
    from flows.discogs_sync import discogs_sync
    from tasks.fake_apis import Catalog, FakeApis

    db, out = str(tmp_path / "c.duckdb"), str(tmp_path / "site")
    with FakeApis(Catalog.synthetic(10)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        discogs_sync(db_path=db, out_dir=out)
        before = dump(tmp_path)
        fake.reset_stats()

        holder = start(tmp_path, 1, 10, "Held", STOP_BEFORE="BEGIN TRANSACTION")
        try:
            wait_for(holder, "start BEGIN TRANSACTION")
            began = time.monotonic()
            with pytest.raises(load.DatabaseBusy, match="another sync is running"):
                discogs_sync(db_path=db, out_dir=out)
            assert time.monotonic() - began < 10
            assert fake.stats.total == 0  # stopped before asking any API
        finally:
            holder.kill()
            holder.wait(timeout=10)
        assert dump(tmp_path) == before
        discogs_sync(db_path=db, out_dir=out)
    assert len(dump(tmp_path)["sync_runs"]) == 2
