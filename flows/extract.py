"""The extract step: the collection from the Discogs API or from a CSV export."""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass, field
from pathlib import Path

from tasks import discogs, enrich
from tasks.config import Settings, run_logger
from tasks.http import AuthError, ServiceError


@dataclass
class Extraction:
    """What the extract step read, and whether it is the whole collection."""

    albums: list[dict]
    origin: str
    source: str
    username: str | None
    complete: bool = True
    value: dict | None = None
    skipped: list[str] = field(default_factory=list)
    requests: int = 0
    problem: str | None = None


def extract_collection(settings: Settings, source: str) -> Extraction:
    """The collection from the Discogs API, or from a CSV export file when source is a path."""
    logger = run_logger()
    if source != "api":
        result = discogs.read_csv_export(source)
        for message in result.warnings:
            logger.warning("%s", message)
        for message in result.skipped:
            logger.warning("Skipped %s", message)
        # A row that could not be read may be a copy still owned: nothing is marked removed.
        return Extraction(albums=result.albums, origin=f"the CSV export {Path(source).name}",
                          source=Path(source).name, username=settings.discogs_username,
                          skipped=result.skipped, complete=not result.skipped)
    missing = settings.missing_discogs()
    if missing:
        raise AuthError("Discogs", f"set {' and '.join(missing)} (or pass a CSV export as "
                        "source)")
    client = enrich.discogs_client(settings)
    sent_before = client.requests_made
    username = settings.discogs_username or ""
    try:
        fields = discogs.fetch_field_names(client, username)
    except AuthError:
        raise
    except ServiceError as exc:
        logger.warning("Custom field names not available (%s); using the standard ones", exc)
        fields = dict(discogs.STANDARD_FIELD_IDS)
    # The value is wanted only at the end: asked now, it takes a place of Discogs' window
    # beside the pages instead of a request after them.
    aside = concurrent.futures.ThreadPoolExecutor(1, "discogs-value")
    value_asked = aside.submit(discogs.fetch_collection_value, client, username)
    aside.shutdown(wait=False)
    albums: list[dict] = []
    skipped: list[str] = []
    problem = None
    try:
        for position, item in enumerate(discogs.iter_collection(client, username), start=1):
            try:
                albums.append(discogs.collection_item_to_album(item, fields))
                enrich.report_done("Discogs", albums[-1]["album_key"])
            except (ValueError, TypeError, AttributeError, KeyError) as exc:
                skipped.append(f"collection item {position}: {type(exc).__name__}: {exc}")
                logger.warning("Skipped collection item %d: %s", position, exc)
    except AuthError:
        raise
    except ServiceError as exc:
        if not albums:
            raise
        # Keep what was fetched, but an unfinished extraction must not mark anything removed.
        problem = f"Discogs extraction stopped after {len(albums)} albums: {exc}"
        logger.error("%s; loading those, marking nothing removed", problem)
    discogs.unify_pressings(discogs.number_copies(albums))
    try:
        value = value_asked.result()
    except ServiceError as exc:
        logger.warning("Collection value not available: %s", exc)
        value = None
    return Extraction(albums=albums, origin="Discogs", source="api", username=username,
                      value=value, requests=client.requests_made - sent_before,
                      complete=problem is None and not skipped, problem=problem, skipped=skipped)
