"""The nightly deployment: prefect.yaml checked fast, then deployed and run for real.

The slow test starts a real `prefect server start` on 127.0.0.1 through scripts/deploy.sh (which
also creates the work pool, deploys prefect.yaml non-interactively and starts a worker), triggers
two runs with `prefect deployment run` and checks the DuckDB files. Offline, with a temporary
PREFECT_HOME; every process it started is stopped by PID. About 30 s on 2 cores (measured
28-29 s; up to a minute on a machine busy with other work).
"""

from __future__ import annotations

import inspect
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb
import httpx
import pytest
import yaml

from flows import serve
from flows.credentials import BLOCK_SUFFIX, CREDENTIAL_VARS

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEPLOYMENT = "discogs-sync/nightly"
POOL = "discogs-sync-pool"
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
# What "Custom run" in the UI offers (docs/DEPLOY.md lists them).
UI_PARAMETERS = {"username", "source", "spotify", "ai", "description_max_chars", "language",
                 "db_path", "out_dir"}


def nightly() -> dict:
    document = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (deployment,) = [d for d in document["deployments"] if d["name"] == "nightly"]
    return deployment


def test_prefect_yaml_deploys_the_flow_nightly_with_one_run_at_a_time():
    from flows.discogs_sync import discogs_sync

    deployment = nightly()
    assert deployment["entrypoint"] == "flows/discogs_sync.py:discogs_sync"
    assert [s["cron"] for s in deployment["schedules"]] == [serve.NIGHTLY_CRON]
    assert deployment["concurrency_limit"]["limit"] == 1
    assert deployment["work_pool"]["name"] == POOL
    # `discogs-sync serve` serves the same defaults, and the flow accepts them.
    assert deployment["parameters"] == serve.PARAMETERS
    assert set(deployment["parameters"]) <= set(inspect.signature(discogs_sync.fn).parameters)
    assert set(inspect.signature(discogs_sync.fn).parameters) >= UI_PARAMETERS


def test_serve_timezone_from_argument_then_environment_then_utc(monkeypatch):
    monkeypatch.delenv("DISCOGS_SYNC_TIMEZONE", raising=False)
    assert serve.schedule_timezone() == "UTC"
    monkeypatch.setenv("DISCOGS_SYNC_TIMEZONE", "Europe/Zurich")
    assert serve.schedule_timezone() == "Europe/Zurich"
    assert serve.schedule_timezone("America/New_York") == "America/New_York"


def test_serve_refuses_a_temporary_server_which_would_never_run_the_schedule():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}), pytest.raises(
            serve.NoPrefectServer, match="PREFECT_API_URL=http://127.0.0.1:4200/api"):
        serve.serve()


def test_fastapi_is_one_prefect_server_works_with():
    # fastapi 0.151 stopped defaulting body fields sent as null: prefect 3.8.8's client sends
    # {"offset": null, "limit": null} and `prefect deploy` fails with a 422 after deploying.
    import fastapi

    assert tuple(int(p) for p in fastapi.__version__.split(".")[:2]) < (0, 151), (
        f"fastapi {fastapi.__version__}: pin fastapi<0.151 for prefect 3.8.8's server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z")


def stop(pid: int, timeout: float = 20) -> None:
    """SIGINT to the process group deploy.sh gave the process, SIGKILL if still there."""
    group = os.getpgid(pid) == pid if alive(pid) else False
    for sig in (signal.SIGINT, signal.SIGKILL):
        if not alive(pid):
            return
        try:
            os.killpg(pid, sig) if group else os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)


def tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(errors="replace") if path.exists() else "(none)"
    return f"--- {path.name}\n" + "\n".join(text.splitlines()[-lines:])


def run_env(tmp_path: Path, port: int) -> dict[str, str]:
    """A clean environment: no developer Prefect settings, and no credentials even from .env."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    # Set but empty: Settings and secret_env() then ignore what a developer's .env holds.
    env.update({name: "" for name in CREDENTIAL_VARS})
    env.update({name + BLOCK_SUFFIX: "" for name in CREDENTIAL_VARS})
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_SERVER_DEPLOYMENTS_CONCURRENCY_SLOT_WAIT_SECONDS": "1",
        "DISCOGS_SYNC_BIN": str(BIN),
        "DISCOGS_SYNC_PREFECT_PORT": str(port),
        "DISCOGS_SYNC_STATE_DIR": str(tmp_path / "state"),
        "DISCOGS_SYNC_TIMEZONE": "Europe/Zurich",
        "DISCOGS_SYNC_DB": str(tmp_path / "nightly.duckdb"),
        "DISCOGS_SYNC_OUT": str(tmp_path / "site"),
    })
    return env


def trigger(env: dict[str, str], *params: str) -> str:
    args = [str(BIN / "prefect"), "deployment", "run", DEPLOYMENT]
    for param in params:
        args += ["--param", param]
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True,  # noqa: S603
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"UUID: ([0-9a-f-]{36})", result.stdout)
    assert found, result.stdout
    return found.group(1)


def wait_for(api: str, run_ids: list[str], timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        runs = httpx.post(f"{api}/flow_runs/filter",
                          json={"flow_runs": {"id": {"any_": run_ids}}}).json()
        if len(runs) == len(run_ids) and all(r["state_type"] in TERMINAL for r in runs):
            return runs
        if time.monotonic() > deadline:
            return runs
        time.sleep(1)


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.slow
def test_deployed_nightly_sync_runs_the_demo_on_a_worker(tmp_path):
    port = free_port()
    env = run_env(tmp_path, port)
    api = env["PREFECT_API_URL"]
    state = tmp_path / "state"
    albums = len(json.loads((ROOT / "data/sample/discogs_collection.json").read_text()))
    try:
        deploy = subprocess.run([str(ROOT / "scripts" / "deploy.sh")],  # noqa: S603
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
        logs = "\n".join(tail(state / f"{name}.log") for name in ("server", "deploy", "worker"))
        assert deploy.returncode == 0, f"{deploy.stdout}{deploy.stderr}\n{logs}"
        assert f"127.0.0.1:{port}" in deploy.stdout and "deploy.sh stop" in deploy.stdout

        deployment = httpx.get(f"{api}/deployments/name/{DEPLOYMENT}").json()
        assert [s["schedule"] for s in deployment["schedules"]] == [
            {"cron": "0 3 * * *", "timezone": "Europe/Zurich", "day_or": True}]
        assert deployment["global_concurrency_limit"]["limit"] == 1
        assert deployment["work_pool_name"] == POOL
        assert deployment["parameters"] == serve.PARAMETERS
        assert deployment["pull_steps"] == [
            {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}]
        assert set(deployment["parameter_openapi_schema"]["properties"]) >= UI_PARAMETERS

        # What the schedule does (DB from the worker's DISCOGS_SYNC_DB), then a run with a
        # parameter, as "Custom run" in the UI does; the second waits for the first.
        custom_db = tmp_path / "custom.duckdb"
        run_ids = [trigger(env), trigger(env, f"db_path={json.dumps(str(custom_db))}")]
        runs = wait_for(api, run_ids, timeout=150)
        logs = "\n".join(tail(state / f"{name}.log") for name in ("worker", "server"))
        assert [r["state_type"] for r in runs] == ["COMPLETED", "COMPLETED"], logs

        first, second = sorted([datetime.fromisoformat(r["start_time"]),
                                datetime.fromisoformat(r["end_time"])] for r in runs)
        assert first[1] <= second[0], "two syncs overlapped"
        for db in (tmp_path / "nightly.duckdb", custom_db):
            assert rows(db, "SELECT demo, albums_fetched, added, removed, status "
                            "FROM sync_runs") == [(True, albums, albums, 0, "completed")]
            assert rows(db, "SELECT count(*) FROM releases") == [(albums,)]
        assert (tmp_path / "site" / "index.html").exists()
    finally:
        for name in ("worker", "server"):
            pid_file = state / f"{name}.pid"
            if pid_file.exists():
                stop(int(pid_file.read_text()))
