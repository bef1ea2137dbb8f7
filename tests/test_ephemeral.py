"""flows/ephemeral.py: the temporary Prefect server of a `discogs-sync run`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request

from flows.ephemeral import temporary_server


def test_a_temporary_server_answers_for_the_run_and_is_gone_after(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with temporary_server() as server:
        assert server is not None
        server.wait_healthy()
        with urllib.request.urlopen(f"{server.url}/health", timeout=5) as answer:  # noqa: S310
            assert json.load(answer) is True
        assert os.environ["PREFECT_API_URL"] == server.url
    assert server.process.poll() is not None  # stopped
    assert "PREFECT_API_URL" not in os.environ


def test_with_a_prefect_api_url_set_no_server_is_started(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    with temporary_server() as server:
        assert server is None


def test_the_sync_process_does_not_import_prefects_server():
    """Prefect's own temporary server would pull FastAPI and SQLAlchemy into the sync (~80 MB
    held for the whole run); the flow and its tasks need none of it."""
    code = ("import sys, flows.cli, flows.discogs_sync; "
            "print(sorted(m for m in ('prefect.server.api.server', 'sqlalchemy', 'fastapi') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
