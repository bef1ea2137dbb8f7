"""`discogs-sync serve`: one process that serves the nightly deployment, with no work pool."""

from __future__ import annotations

import os

NIGHTLY_CRON = "0 3 * * *"
DEFAULT_TIMEZONE = "UTC"
DEPLOYMENT_NAME = "nightly"
# The same defaults as the `nightly` deployment in prefect.yaml (a test keeps them equal).
PARAMETERS = {"source": "api", "spotify": True, "ai": True, "description_max_chars": 500,
              "language": "en"}


class NoPrefectServer(RuntimeError):
    """No PREFECT_API_URL: a temporary Prefect server would never run the schedule."""


def schedule_timezone(timezone: str | None = None) -> str:
    """The given timezone, else DISCOGS_SYNC_TIMEZONE, else UTC."""
    return (timezone or os.environ.get("DISCOGS_SYNC_TIMEZONE") or "").strip() or DEFAULT_TIMEZONE


def serve(cron: str = NIGHTLY_CRON, timezone: str | None = None) -> None:
    """Register `discogs-sync/nightly` with its schedule and run its flow runs until Ctrl-C."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig
    from prefect.schedules import Cron
    from prefect.settings import get_current_settings

    from flows.discogs_sync import discogs_sync

    if not get_current_settings().api.url:
        # A temporary server (Prefect's default without an API URL) has no scheduler and no UI.
        raise NoPrefectServer(
            "serve needs a running Prefect server for its schedule and the UI: start one with "
            "`scripts/deploy.sh server` (or `prefect server start`), then set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (see docs/DEPLOY.md)")
    discogs_sync.serve(
        name=DEPLOYMENT_NAME,
        schedules=[Cron(cron, timezone=schedule_timezone(timezone))],
        parameters=PARAMETERS,
        description="Nightly sync, served by `discogs-sync serve` (no worker needed).",
        tags=["discogs-sync"],
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy="ENQUEUE"),
        # Stopping the process must not pause the schedule kept on the server.
        pause_on_shutdown=False,
    )
