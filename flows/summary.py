"""What a run did: its sync_runs row, its requests per API, its summary artifact, its failure."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.extract import Extraction
from flows.plan import EnrichmentPlan
from flows.progress import phase_times_text
from tasks import enrich
from tasks.config import Settings, run_logger


class RunFailed(RuntimeError):
    """The sync loaded what it could, but a step needs the user's attention (credentials)."""


def request_counts(settings: Settings, before: dict[str, int] | None = None,
                   discogs: int = 0) -> dict[str, int]:
    """Requests sent per API by this process's clients (since `before`, when given); discogs:
    the extraction's, added to what the shared Discogs client sent since `before` (master
    years and release track counts, during the enrichment)."""
    now = {"spotify": enrich.spotify_client(settings).requests_made,
           "euria": enrich.euria_client(settings).requests_made,
           "discogs": enrich.discogs_client(settings).requests_made}
    if before is None:
        return now
    return {k: now[k] - before.get(k, 0) + (discogs if k == "discogs" else 0) for k in now}


def run_row(extraction: Extraction, run_id: str, started: datetime, plan: EnrichmentPlan,
            spotify_rows: list[dict], ai_rows: list[dict], problems: dict[str, str],
            requests: dict[str, int], seconds: float) -> dict:
    """The sync_runs row (added/removed are filled in by the load)."""
    def count(rows: list[dict], status: str) -> int:
        return sum(1 for r in rows if r["status"] == status)

    return {
        "run_id": run_id, "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(), "source": extraction.source,
        "username": extraction.username, "albums_fetched": len(extraction.albums),
        "spotify_matched": count(spotify_rows, "matched"),
        "spotify_uncertain": count(spotify_rows, "uncertain"),
        "spotify_not_found": count(spotify_rows, "not_found"),
        "spotify_errors": count(spotify_rows, "error"),
        "ai_generated": count(ai_rows, "generated"), "ai_failed": count(ai_rows, "error"),
        "ai_tokens": sum((r.get("prompt_tokens") or 0) + (r.get("completion_tokens") or 0)
                         for r in ai_rows),
        "spotify_pending": plan.spotify_todo - count(spotify_rows, "matched")
        - count(spotify_rows, "uncertain") - count(spotify_rows, "not_found"),
        "ai_pending": plan.ai_deferred + plan.ai_todo - count(ai_rows, "generated"),
        "requests": requests, "collection_value": extraction.value,
        "status": "failed" if extraction.problem or any(k in problems for k in ("spotify", "euria"))
        else "completed",
        "message": "; ".join(filter(None, [
            *problems.values(), extraction.problem,
            f"{len(extraction.skipped)} rows skipped (unreadable): nothing marked removed this run"
            if extraction.skipped else None])) or None,
        "duration_s": round(seconds, 3),
    }


def run_markdown(run: dict, summary: dict) -> str:
    """The run's summary as the markdown artifact a user reads in the Prefect UI."""
    requests = run.get("requests") or {}
    lines = [
        f"# discogs-sync run{' (demo)' if summary.get('demo') else ''}",
        "",
        "| | |",
        "|---|---|",
        f"| Albums fetched | {run['albums_fetched']} (source: {run['source']}) |",
        f"| Added / removed | {summary['added']} / {summary['removed']} |",
        f"| Spotify matched / uncertain / not found / errors | {run['spotify_matched']} / "
        f"{run['spotify_uncertain']} / {run['spotify_not_found']} / {run['spotify_errors']} |",
        f"| Descriptions generated / failed / left to do | {run['ai_generated']} / "
        f"{run['ai_failed']} / {run['ai_pending']} |",
        f"| AI tokens | {run['ai_tokens']} |",
        "| Requests | " + ", ".join(f"{k} {v}" for k, v in requests.items()) + " |",
        f"| Duration | {run['duration_s']:.1f} s |",
        *([f"| Time per phase | {phase_times_text(summary['phases'].items())} |"]
          if summary.get("phases") else []),
        f"| Collection | {summary['albums']} albums, {summary['spotify_matched']} on Spotify, "
        f"{summary['ai_described']} described |",
    ]
    if run.get("message"):
        lines += ["", f"**Needs attention:** {run['message']}"]
    return "\n".join(lines) + "\n"


def publish_summary(run: dict, summary: dict) -> None:
    """Leave the run's summary as a Prefect artifact (shown on the flow run page)."""
    from prefect.artifacts import create_markdown_artifact

    try:
        create_markdown_artifact(key="discogs-sync-summary", markdown=run_markdown(run, summary),
                                 description="What this sync fetched, matched and described")
    except Exception as exc:  # noqa: BLE001 - a missing artifact must not fail a loaded run
        run_logger().warning("Could not publish the run summary artifact: %s", exc)
