"""One sync at a time, decided before Prefect starts; Prefect's temporary server given its time.

Real `discogs-sync` processes (the demo, offline), real locks, real temporary servers, real
read-only connections held by other processes. About two minutes on a busy 2-core machine.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from processes import Holder, cli_env, run_cli, shared_prefect_home, start_cli

from flows import exit_codes, runlock
from flows.extract import Extraction
from flows.load_export import load_and_export
from tasks.config import Settings

DEMO_DB = Path("data/demo/collection.duckdb")

HOLD_LOCK = textwrap.dedent('''
    import sys, time
    from flows import runlock
    with runlock.hold(sys.argv[1]):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
''')


@pytest.fixture
def prefect_home() -> Path:
    return shared_prefect_home()


def hold_lock(tmp_path: Path, db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the run lock of db for `seconds`."""
    script = tmp_path / "hold_lock.py"
    script.write_text(HOLD_LOCK, encoding="utf-8")
    process = subprocess.Popen(  # noqa: S603 - our interpreter on our script
        [sys.executable, str(script), str(db), str(seconds)], cwd=runlock_root(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held", process.stderr.read()
    return process


def runlock_root() -> Path:
    return Path(runlock.__file__).resolve().parent.parent


def seed(db: Path, count: int = 5) -> None:
    """A database with a first run of `count` albums, loaded without Prefect."""
    now = datetime.now(UTC).isoformat()
    albums = [{"release_id": 900_000 + i, "copy_no": 1, "instance_id": i, "folder": "1",
               "artist": "Seed Artist", "artists": ["Seed Artist"], "title": f"Seed {i}",
               "labels": [], "catnos": [], "formats": ["Vinyl, LP"], "genres": [], "styles": [],
               "album_key": f"seed artist|seed {i}", "date_added": now, "custom_fields": {},
               "discogs_url": f"https://www.discogs.com/release/{900_000 + i}"}
              for i in range(count)]
    run = {"run_id": "seed", "started_at": now, "finished_at": now, "source": "api",
           "albums_fetched": count, "status": "completed", "ai_generated": 0}
    load_and_export(Settings(db_path=str(db), out_dir=str(db.parent / "seed-site")),
                    Extraction(albums=albums, origin="seed", source="api", username="seed"),
                    [], [], run)


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# --- the lock itself ----------------------------------------------------------------------


def test_the_lock_is_reentrant_in_its_process_and_exclusive_between_processes(tmp_path):
    db = tmp_path / "c.duckdb"
    with runlock.hold(db):
        with runlock.hold(db):  # the flow, inside the CLI's hold
            assert runlock.holds(db)
        assert runlock.holds(db)
        holder = runlock.read_holder(db)
        assert holder.pid is not None and holder.since
        assert "pytest" in (holder.command or "") or "python" in (holder.command or "")
    assert not runlock.holds(db)

    other = hold_lock(tmp_path, db, 30)
    try:
        began = time.monotonic()
        with pytest.raises(runlock.SyncRunning) as caught, runlock.hold(db):
            pass
        assert time.monotonic() - began < 0.5
        message = str(caught.value)
        assert f"another sync is running on {db} (pid {other.pid}, since " in message
        assert "--wait" in message
    finally:
        other.kill()
        other.wait(timeout=10)
    with runlock.hold(db):  # the kernel dropped the killed holder's lock
        pass


def test_waiting_for_the_lock_is_bounded(tmp_path):
    db = tmp_path / "c.duckdb"
    other = hold_lock(tmp_path, db, 1.5)
    told = []
    began = time.monotonic()
    with runlock.hold(db, wait=30, on_wait=told.append):
        waited = time.monotonic() - began
    assert 0.5 < waited < 10
    assert [h.pid for h in told] == [other.pid]
    other.wait(timeout=10)

    other = hold_lock(tmp_path, db, 60)
    try:
        began = time.monotonic()
        with pytest.raises(runlock.SyncRunning, match=r"\(waited 1 s\)"), \
                runlock.hold(db, wait=1.2):
            pass
        assert 1.2 <= time.monotonic() - began < 5
    finally:
        other.kill()
        other.wait(timeout=10)


def test_the_lock_wait_comes_from_the_environment():
    assert runlock.wait_from_env({}) == 0
    assert runlock.wait_from_env({"DISCOGS_SYNC_LOCK_WAIT": "90"}) == 90
    with pytest.raises(ValueError, match="DISCOGS_SYNC_LOCK_WAIT='soon'"):
        runlock.wait_from_env({"DISCOGS_SYNC_LOCK_WAIT": "soon"})


def test_older_lock_files_still_name_their_holder():
    assert runlock.parse_holder("pid 42") == runlock.Holder(pid=42)
    assert runlock.parse_holder("") == runlock.Holder()
    assert runlock.Holder().describe() == "another process"
    assert runlock.Holder(pid=7, since="2026-01-02T03:00:00+00:00", command="discogs-sync run")\
        .describe() == "pid 7, since 2026-01-02T03:00:00+00:00: discogs-sync run"


def test_the_cli_locks_the_database_the_flow_will_write():
    demo = Settings()
    assert runlock.run_database(demo, "api", env={}) == "data/demo/collection.duckdb"
    assert runlock.run_database(demo, "export.csv", env={}) == "data/collection.duckdb"
    # A token kept in a Secret block is a real sync, not the demo.
    assert runlock.run_database(Settings(discogs_username="me"), "api",
                                env={"DISCOGS_TOKEN_BLOCK": "discogs-token"}) \
        == "data/collection.duckdb"
    mine = Settings(discogs_username="me", discogs_token="t", db_path="x.duckdb")  # noqa: S106
    assert runlock.run_database(mine, "api", env={}) == "x.duckdb"


# --- the command, for real ----------------------------------------------------------------


def test_two_runs_at_once_one_syncs_the_other_stops_at_once_and_readers_keep_reading(
        tmp_path, prefect_home):
    env = cli_env(prefect_home)
    db = tmp_path / DEMO_DB
    seed(db)
    # Two notebooks with read-only connections, open through the whole sync (issue 17).
    readers = [Holder(tmp_path, db, "ro") for _ in range(2)]
    first = start_cli(["run"], tmp_path, env)
    try:
        deadline = time.monotonic() + 30
        while runlock.read_holder(db).pid != first.pid:
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.05)

        code, out, err, seconds = run_cli(["run"], tmp_path, env, timeout=30)
        assert code == exit_codes.SYNC_RUNNING == 3
        assert seconds < 2, seconds
        assert re.search(rf"another sync is running on {DEMO_DB} \(pid {first.pid}, since "
                         r"\d{4}-\d\d-\d\dT[\d:]+[+-][\d:]+: discogs-sync run\)", err), err
        assert "Prefect" not in err + out  # stopped before starting a temporary server

        # Reports answer while the sync runs, whatever it is doing.
        answered = 0
        while first.poll() is None:
            code, out, err, _ = run_cli(["report", "overview", "--db", str(db),
                                         "--format", "json"], tmp_path, env, timeout=60)
            assert code == 0, err
            assert '"releases"' in out or '"copies"' in out
            answered += 1
        assert answered >= 1
        out, err = first.communicate(timeout=300)
        assert [r.count() for r in readers] == [5, 5]  # still reading the file they opened
    finally:
        if first.poll() is None:
            first.kill()
        for reader in readers:
            reader.close()
    assert first.returncode == 0, err[-3000:]
    assert "Synced (DEMO: bundled sample collection)" in out
    assert re.search(r"Prefect's temporary server started in \d+\.\d s", err)
    # Nothing lost: the seed's copies (not marked removed: more than 10% at once) and the demo's.
    assert rows(db, "SELECT count(*) FROM releases WHERE title LIKE 'Seed %' "
                    "AND removed_at IS NULL") == [(5,)]
    assert rows(db, "SELECT count(*) FROM releases WHERE title NOT LIKE 'Seed %'") == [(28,)]
    assert rows(db, "SELECT run_id = 'seed', status FROM sync_runs ORDER BY started_at") \
        == [(True, "completed"), (False, "completed")]
    assert (tmp_path / "data" / "demo" / "site" / "collection.json").exists()


def test_a_run_started_on_a_busy_machine_still_syncs(tmp_path, prefect_home):
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])  # noqa: S603
               for _ in range(2)]  # as many as the cores of the machine it was measured on
    try:
        code, out, err, seconds = run_cli(["run", "--no-ai"], tmp_path, cli_env(prefect_home),
                                          timeout=600)
    finally:
        for burner in burners:
            burner.kill()
            burner.wait(timeout=10)
    assert code == 0, err[-3000:]
    started = re.search(r"Prefect's temporary server started in (\d+\.\d) s", err)
    assert started, err[-3000:]
    print(f"busy machine: temporary server {started.group(1)} s, whole run {seconds:.1f} s")
    assert rows(tmp_path / DEMO_DB, "SELECT count(*) FROM releases") == [(28,)]


def test_a_broken_prefect_home_is_said_plainly(tmp_path):
    home = tmp_path / "broken-home"
    home.mkdir()
    (home / "prefect.db").write_bytes(b"this is not a SQLite database" * 4000)
    code, out, err, seconds = run_cli(["run"], tmp_path, cli_env(home), timeout=300)
    assert code == exit_codes.NO_PREFECT_SERVER == 5, err
    assert "Prefect's temporary server could not start" in err
    assert f"PREFECT_HOME={home}" in err and "prefect.db.broken" in err
    assert "PREFECT_API_URL" in err
    assert "Traceback" not in err  # the server's own output went to its log file
    assert not (tmp_path / DEMO_DB).exists()  # nothing was done
    print(f"broken Prefect home: said so after {seconds:.1f} s")

    (tmp_path / "a-file").write_text("")
    code, out, err, seconds = run_cli(["run"], tmp_path, cli_env(tmp_path / "a-file"),
                                      timeout=60)
    assert code == 5
    assert f"PREFECT_HOME={tmp_path / 'a-file'} is not a folder" in err


PORTS_TAKEN = textwrap.dedent('''
    import socket, sys
    from flows import temporary_server
    from flows.cli import main

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    temporary_server.PORT_RANGE = range(port, port + 1)  # the only port the server may use
    sys.exit(main(["run"]))
''')


def test_no_free_port_for_the_temporary_server_is_said_plainly(tmp_path, prefect_home):
    script = tmp_path / "ports_taken.py"
    script.write_text(PORTS_TAKEN, encoding="utf-8")
    process = subprocess.run(  # noqa: S603 - our interpreter on our script
        [sys.executable, str(script)], cwd=tmp_path, env=cli_env(prefect_home),
        capture_output=True, text=True, timeout=120)
    assert process.returncode == exit_codes.NO_PREFECT_SERVER, process.stderr[-3000:]
    assert "every port tried was taken" in process.stderr
    assert "PREFECT_API_URL=http://127.0.0.1:4200/api" in process.stderr
