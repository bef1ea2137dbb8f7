"""Shared fixtures: an isolated Prefect home, one Prefect harness per session, a clean env."""

from __future__ import annotations

import os
import tempfile

# Before anything imports prefect: a throw-away home (database, result cache) for the session.
_PREFECT_HOME = tempfile.mkdtemp(prefix="discogs-sync-tests-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
os.environ["PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW"] = "ignore"

import pytest  # noqa: E402

CREDENTIAL_VARS = (
    "DISCOGS_USERNAME", "DISCOGS_TOKEN", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET",
    "EURIA_API_KEY", "EURIA_PRODUCT_ID", "EURIA_MODEL", "EURIA_API_URL", "DISCOGS_API_URL",
    "SPOTIFY_API_URL", "SPOTIFY_ACCOUNTS_URL", "DISCOGS_SYNC_DB", "DISCOGS_SYNC_OUT",
    "SPOTIFY_MARKET",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """No developer credentials or .env leak into a test: each starts from a neutral cwd."""
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for every flow test of the session (~12 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
