"""Reading the database never breaks a sync, and a sync never breaks a reader.

Real processes holding real DuckDB connections: readers (read-only, as a notebook or the DuckDB
CLI), a writer (read-write, as a notebook opened without read_only), `discogs-sync` itself, and
a load-only runner (the flow's load step, no Prefect) stopped or killed at chosen points of the
database swap. About a minute and a half on 2 cores.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from processes import ROOT, Holder, cli_env, run_cli, shared_prefect_home

from flows import exit_codes
from tasks import dbfile, load, pending
from tasks.fake_apis import Catalog, FakeApis

# The flow's load step (flows/load_export.py) on a generated collection, in its own process.
# At each point of the swap it prints the point's name; STOP_AT: it waits there to be killed;
# PAUSE_AT: it waits there until RESUME_FILE exists.
RUNNER = textwrap.dedent('''
    import os, sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    from flows.extract import Extraction
    from flows.load_export import load_and_export
    from flows.runlock import run_lock
    from tasks import dbfile, load
    from tasks.config import Settings

    db, out, first, count, word = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:5]), sys.argv[5]

    def point(name):
        print(name, flush=True)
        if name == os.environ.get("STOP_AT"):
            time.sleep(600)
        while name == os.environ.get("PAUSE_AT") and not os.path.exists(os.environ["RESUME_FILE"]):
            time.sleep(0.02)

    copy_files, replace, unlink, connect = dbfile._copy_files, os.replace, os.unlink, load.connect

    def copy_announced(src, to):
        point("copy")
        copy_files(src, to)

    def replace_announced(src, to):
        swap = str(to) == db
        if swap:
            point("rename")
        replace(src, to)
        if swap:
            point("renamed")

    def unlink_announced(path, *args, **kwargs):
        if str(path) == db + ".wal":
            point("stale-wal")
        return unlink(path, *args, **kwargs)

    class Announced:
        def __init__(self, con):
            self._con = con
        def __getattr__(self, name):
            return getattr(self._con, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self._con.__exit__(*exc)
        def execute(self, sql, *args, **kwargs):
            if sql in ("COMMIT", "CHECKPOINT"):
                point(sql.lower())
            return self._con.execute(sql, *args, **kwargs)

    dbfile._copy_files = copy_announced
    os.replace, os.unlink = replace_announced, unlink_announced
    load.connect = lambda *a, **k: Announced(connect(*a, **k))

    def album(i):
        return {"release_id": i, "copy_no": 1, "instance_id": i, "folder": "1",
                "artist": f"Artist {i % 97}", "artists": [f"Artist {i % 97}"],
                "title": f"{word} {i}", "year": 1990, "labels": ["Label"], "catnos": ["C 1"],
                "formats": ["Vinyl, LP"], "genres": ["Rock"], "styles": ["Indie Rock"],
                "date_added": "2024-01-02T03:04:05+00:00", "custom_fields": {},
                "album_key": f"artist {i % 97}|{word.lower()} {i}",
                "discogs_url": f"https://www.discogs.com/release/{i}"}

    now = datetime.now(UTC).isoformat()
    albums = [album(i) for i in range(first, first + count)]
    described = [{"album_key": a["album_key"], "status": "generated",
                  "description": f"{word}.", "model": "m", "prompt_version": "v1",
                  "language": "en", "max_chars": 500, "generated_at": now} for a in albums]
    run = {"run_id": f"run-{word}-{os.getpid()}", "started_at": now, "finished_at": now,
           "source": "api", "albums_fetched": count, "status": "completed", "ai_generated": count}
    extraction = Extraction(albums=albums, origin="Discogs", source="api", username="reader")
    try:
        with run_lock(db):
            summary = load_and_export(Settings(db_path=db, out_dir=out), extraction, [],
                                      described, run, confirm_removals=True)
    except load.DatabaseHeld as exc:
        print(exc, file=sys.stderr, flush=True)
        sys.exit(4)
    point(f"finished {summary['albums']}")
''')


def start_runner(tmp_path: Path, first: int, count: int, word: str, **env: str):
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    return subprocess.Popen(  # noqa: S603 - our interpreter on our script
        [sys.executable, str(script), str(tmp_path / "c.duckdb"), str(tmp_path / "site"),
         str(first), str(count), word],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def until(process: subprocess.Popen, line: str, timeout: float = 60) -> None:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = process.stdout.readline().strip()
        if not text and process.poll() is not None:
            break
        seen.append(text)
        if text == line:
            return
    process.kill()
    raise AssertionError(f"never saw {line!r}: {seen}; stderr: {process.stderr.read()}")


def load_to_the_end(tmp_path: Path, first: int, count: int, word: str) -> None:
    process = start_runner(tmp_path, first, count, word)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert out.splitlines()[-1].startswith("finished ")


def dump(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "ORDER BY table_name").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def count(db: Path, sql: str = "SELECT count(*) FROM releases") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


def beside(db: Path) -> set[str]:
    """The files next to the database (the run lock aside)."""
    return {p.name for p in db.parent.iterdir() if p.name.startswith(db.name)} \
        - {db.name, db.name + ".lock"}


# --- readers while a sync runs ------------------------------------------------------------


def test_reports_queries_and_parquet_work_in_the_middle_of_a_sync(tmp_path):
    db = tmp_path / "c.duckdb"
    load_to_the_end(tmp_path, 1, 100, "Old")
    before = Holder(tmp_path, db, "ro")  # a notebook opened before the sync
    resume = tmp_path / "resume"
    sync = start_runner(tmp_path, 1, 300, "New", PAUSE_AT="rename", RESUME_FILE=str(resume))
    try:
        until(sync, "rename")  # loaded into the copy, about to swap it in
        env = cli_env(tmp_path / "unused-prefect-home")
        code, out, err, _ = run_cli(["report", "overview", "--db", str(db), "--format", "json"],
                                    tmp_path, env, timeout=60)
        assert code == 0, err
        assert {r["metric"]: r["value"] for r in json.loads(out)}["releases"] == 100
        code, out, err, _ = run_cli(["sql", "SELECT count(*) AS n FROM releases", "--db",
                                     str(db), "--format", "csv"], tmp_path, env, timeout=60)
        assert (code, out.split()) == (0, ["n", "100"]), err
        code, out, err, _ = run_cli(["export-parquet", str(tmp_path / "parquet"), "--db",
                                     str(db)], tmp_path, env, timeout=60)
        assert code == 0, err
        assert re.search(r"releases\.parquet\s+100 rows", out)
        assert before.count() == 100
    finally:
        resume.touch()
    out, err = sync.communicate(timeout=60)
    assert sync.returncode == 0, err
    assert before.count() == 100  # the file it opened: the data as it was
    after = Holder(tmp_path, db, "ro")
    assert after.count() == 300  # opened after the swap: the new data
    before.close()
    after.close()
    assert beside(db) == set()  # no copy, WAL or kept work left


# --- a writer holding the database --------------------------------------------------------


def test_a_writer_holding_the_database_keeps_the_work_for_the_next_run(tmp_path):
    db = tmp_path / "c.duckdb"
    with load.connect(db):  # the schema, as a first sync leaves it
        pass
    with FakeApis(Catalog.synthetic(30)) as fake:
        env = cli_env(shared_prefect_home(), **fake.env(), DISCOGS_SYNC_DB=str(db),
                      DISCOGS_SYNC_OUT=str(tmp_path / "site"), DISCOGS_SYNC_DB_WAIT="2",
                      PREFECT_RESULTS_LOCAL_STORAGE_PATH=str(tmp_path / "results-1"))
        writer = Holder(tmp_path, db, "rw")
        try:
            code, out, err, _ = run_cli(["run"], tmp_path, env, timeout=300)
            assert code == exit_codes.DATABASE_HELD == 4, err[-3000:]
            assert re.search(rf"{re.escape(str(db))} is open read-write in another process "
                             rf"\(pid {writer.pid}: holder\.py {re.escape(str(db))} rw\); "
                             r"waited \d s for it", err), err[-3000:]
            assert "Nothing was lost" in err and "without asking Spotify or EurIA again" in err
            asked = dict(fake.stats.requests)
            assert asked["spotify"] > 0 and asked["euria"] > 0
            [kept] = pending.read_all(db)
            assert len(kept.ai_rows) == asked["euria"]
            assert writer.count() == 0  # the writer's database is untouched
        finally:
            writer.close()
        assert count(db, "SELECT count(*) FROM my_notes") == 1  # and what it wrote is there

        fake.reset_stats()
        # A fresh Prefect result cache: only the kept work can spare the API calls.
        env["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(tmp_path / "results-2")
        code, out, err, _ = run_cli(["run"], tmp_path, env, timeout=300)
        assert code == 0, err[-3000:]
        assert fake.stats.requests["spotify"] == 0 and fake.stats.requests["euria"] == 0
    assert count(db, "SELECT count(*) FROM ai_descriptions WHERE status = 'generated'") \
        == len(kept.ai_rows)
    assert count(db, "SELECT count(*) FROM spotify_matches") == len(kept.spotify_rows)
    assert count(db, "SELECT count(*) FROM sync_runs") == 2
    assert count(db, "SELECT count(*) FROM my_notes") == 1
    assert count(db) == 30
    assert beside(db) == set()  # the kept work is gone once loaded


# --- killed at any point of the swap ------------------------------------------------------

POINTS = ["copy", "commit", "checkpoint", "rename", "renamed"]


@pytest.mark.parametrize("point", POINTS)
def test_a_sync_killed_at_any_point_leaves_the_old_or_the_new_database_whole(tmp_path, point):
    db = tmp_path / "c.duckdb"
    load_to_the_end(tmp_path, 1, 200, "Old")
    old = dump(db)
    reader = Holder(tmp_path, db, "ro")
    sync = start_runner(tmp_path, 101, 400, "New", STOP_AT=point)
    until(sync, point)
    sync.send_signal(signal.SIGKILL)
    sync.wait(timeout=10)

    assert reader.count() == 200  # a reader never notices
    reader.close()
    now = dump(db)  # opens: whole
    if point == "renamed":
        assert len(now["sync_runs"]) == 2 and count(db) == 500
        assert count(db, "SELECT count(*) FROM releases WHERE removed_at IS NULL") == 400
    else:
        assert now == old
    load_to_the_end(tmp_path, 101, 400, "New")  # the next sync cleans up and completes
    assert count(db, "SELECT count(*) FROM sync_runs") == 2 + (point == "renamed")
    assert count(db, "SELECT count(*) FROM releases WHERE removed_at IS NULL") == 400
    assert beside(db) == set()


def test_a_stale_wal_of_a_crashed_writer_is_absorbed_even_if_killed_mid_swap(tmp_path):
    db = tmp_path / "c.duckdb"
    load_to_the_end(tmp_path, 1, 50, "Old")
    crash = "import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); " \
            "c.execute(\"CREATE TABLE my_notes AS SELECT 'mine' AS note\"); os._exit(0)"
    subprocess.run([sys.executable, "-c", crash, str(db)], check=True)  # noqa: S603
    assert dbfile.wal_path(db).exists()
    reader = Holder(tmp_path, db, "ro")  # readers keep the file from being checkpointed
    sync = start_runner(tmp_path, 1, 80, "New", STOP_AT="stale-wal")
    until(sync, "stale-wal")  # renamed in, the old file's WAL not removed yet
    sync.send_signal(signal.SIGKILL)
    sync.wait(timeout=10)
    reader.close()
    assert dbfile.swap_note(db).exists()

    load_to_the_end(tmp_path, 1, 80, "New")  # recovers: the stale WAL goes, nothing lost
    assert count(db, "SELECT count(*) FROM my_notes") == 1
    assert count(db, "SELECT count(*) FROM sync_runs") == 3
    assert count(db) == 80
    assert beside(db) == set()


# --- planning's view of the database ------------------------------------------------------


def test_planning_reads_an_older_database_upgraded_in_memory_never_in_the_file(tmp_path):
    db = tmp_path / "c.duckdb"
    with duckdb.connect(str(db)) as con:  # a database of the first version
        con.execute((load.SQL_DIR / "schema.sql").read_text())
        con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                    "name VARCHAR, applied_at TIMESTAMPTZ)")
        con.execute("INSERT INTO schema_migrations VALUES (1, 'schema', now())")
    reader = Holder(tmp_path, db, "ro")
    try:
        with dbfile.reading(db) as con:
            versions = con.execute("SELECT max(version) FROM schema_migrations").fetchall()
            assert versions[0][0] > 1
            assert con.execute("SELECT count(*) FROM spotify_overrides").fetchall() == [(0,)]
    finally:
        reader.close()
    assert count(db, "SELECT max(version) FROM schema_migrations") == 1

    with dbfile.reading(tmp_path / "none.duckdb") as con:  # no database yet: an empty one
        assert con.execute("SELECT count(*) FROM releases").fetchall() == [(0,)]
    assert not (tmp_path / "none.duckdb").exists()
