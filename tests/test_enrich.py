"""Batches of enrichment work: what the log says, and what a failed album leaves behind."""

from __future__ import annotations

import logging
import math

import pytest

from tasks import enrich
from tasks.http import ServiceError

# Prefect configures logging (root handlers included) on its first logger: now, not under a
# test's caplog.
enrich.run_logger()


def album(title: str) -> dict:
    return {"album_key": title.lower(), "title": title}


def lookup(row_status: dict[str, str]):
    def work(a: dict) -> dict:
        status = row_status[a["title"]]
        if status == "down":
            raise ServiceError("Spotify", "server error after 4 attempts", status=503)
        return {"album_key": a["album_key"], "status": status}
    return work


def outcome(row: dict) -> str:
    return {"matched": "Spotify found for"}.get(row["status"], "Spotify has nothing for")


def error_row(a: dict, exc: Exception) -> dict:
    return {"album_key": a["album_key"], "status": "error", "error": str(exc)}


def test_one_log_line_per_outcome_names_every_album(caplog):
    albums = [album("Zombie"), album("Kind of Blue"), album("Unknown Demo"), album("Blue Train")]
    statuses = {"Zombie": "matched", "Kind of Blue": "matched", "Unknown Demo": "not_found",
                "Blue Train": "matched"}
    with caplog.at_level(logging.INFO, logger="discogs_sync"):
        rows = enrich._run_batch(albums, "Spotify", lookup(statuses), error_row, outcome)

    assert [r["status"] for r in rows] == ["matched", "matched", "not_found", "matched"]
    assert [r.getMessage() for r in caplog.records] == [
        "Spotify found for: Zombie; Kind of Blue; Blue Train",
        "Spotify has nothing for: Unknown Demo",
    ]


def test_a_failed_album_is_named_and_every_row_is_kept(caplog):
    albums = [album("Zombie"), album("Expensive Shit"), album("Kind of Blue")]
    statuses = {"Zombie": "matched", "Expensive Shit": "down", "Kind of Blue": "matched"}
    with caplog.at_level(logging.INFO, logger="discogs_sync"), \
            pytest.raises(enrich.PartialFailure) as failure:
        enrich._run_batch(albums, "Spotify", lookup(statuses), error_row, outcome)

    assert [r["status"] for r in failure.value.rows] == ["matched", "error", "matched"]
    assert "HTTP 503" in failure.value.rows[1]["error"]
    assert str(failure.value).startswith("Spotify failed for 1 of 3 albums: Expensive Shit")
    messages = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert ("WARNING", "Spotify failed for: Expensive Shit (Spotify: server error after 4 "
            "attempts (HTTP 503))") in messages
    assert ("INFO", "Spotify found for: Zombie; Kind of Blue") in messages


def test_a_batch_works_on_its_albums_side_by_side_and_keeps_their_order(caplog):
    """With at_once, each album of a batch is looked up while the others are: here no album
    can finish before all three have started (looked up one after the other, the barrier
    breaks and every row would be an error)."""
    import contextvars
    import threading

    run = contextvars.ContextVar("run", default=None)
    run.set("run 1")
    all_started = threading.Barrier(3, timeout=5)
    seen_run: list = []

    def work(a: dict) -> dict:
        all_started.wait()
        seen_run.append(run.get())  # the task run's context reaches each thread
        return lookup({"Zombie": "matched", "Kind of Blue": "matched",
                       "Unknown Demo": "not_found"})(a)

    albums = [album("Zombie"), album("Kind of Blue"), album("Unknown Demo")]
    with caplog.at_level(logging.INFO, logger="discogs_sync"):
        rows = enrich._run_batch(albums, "Spotify", work, error_row, outcome, at_once=3)

    assert [(r["album_key"], r["status"]) for r in rows] == [
        ("zombie", "matched"), ("kind of blue", "matched"), ("unknown demo", "not_found")]
    assert seen_run == ["run 1"] * 3
    assert [r.getMessage() for r in caplog.records] == [
        "Spotify found for: Zombie; Kind of Blue", "Spotify has nothing for: Unknown Demo"]


def test_a_batch_side_by_side_stops_on_refused_credentials_and_keeps_the_other_rows():
    from tasks.http import AuthError

    def work(a: dict) -> dict:
        if a["title"] == "Kind of Blue":
            raise AuthError("Spotify", "check SPOTIFY_CLIENT_ID", 401)
        return lookup({"Zombie": "matched", "Unknown Demo": "down"})(a)

    with pytest.raises(AuthError):
        enrich._run_batch([album("Zombie"), album("Kind of Blue")], "Spotify", work, error_row,
                          outcome, at_once=2)
    with pytest.raises(enrich.PartialFailure) as failure:
        enrich._run_batch([album("Zombie"), album("Unknown Demo")], "Spotify", work,
                          error_row, outcome, at_once=2)
    assert [r["status"] for r in failure.value.rows] == ["matched", "error"]


def test_master_years_fetched_this_run_reach_the_albums_that_lack_one():
    albums = [{"album_key": "a", "master_id": 10, "master_year": None},
              {"album_key": "b", "master_id": 11, "master_year": 1969},  # known before
              {"album_key": "c", "master_id": 12},  # its master is gone from Discogs
              {"album_key": "d", "master_id": None}]
    years = {10: 1973, 11: 1970, 12: None}
    assert enrich.with_master_years(albums, years) == [
        {"album_key": "a", "master_id": 10, "master_year": 1973},
        {"album_key": "b", "master_id": 11, "master_year": 1969},
        {"album_key": "c", "master_id": 12},
        {"album_key": "d", "master_id": None},
    ]
    assert albums[0]["master_year"] is None  # the task's input is left as it was


def test_each_service_has_at_most_its_lanes_in_flight_and_never_waits_on_the_other():
    """A Spotify batch stuck (a Retry-After) holds one of Spotify's lanes, never EurIA's:
    EurIA's batches all run meanwhile; Spotify's next one starts when one of its own ends."""
    import threading
    from concurrent.futures import Future, ThreadPoolExecutor

    from flows.batches import run_enrichment

    stuck = threading.Event()
    started: list[str] = []
    lock = threading.Lock()

    def work(batch: str) -> str:
        with lock:
            started.append(batch)
        if batch in ("S1", "S2"):
            assert stuck.wait(5)
        return batch

    with ThreadPoolExecutor(8) as pool:
        def submit(batch: str) -> Future:
            return pool.submit(work, batch)

        def release_when_eurias_done() -> None:
            while True:
                with lock:
                    if {"E1", "E2", "E3", "E4"} <= set(started):
                        break
                threading.Event().wait(0.01)
            with lock:
                # S3 waits for a Spotify lane: both are held by the stuck batches.
                assert "S3" not in started
            stuck.set()

        releaser = threading.Thread(target=release_when_eurias_done)
        releaser.start()
        spotify, ai = run_enrichment(["S1", "S2", "S3"], ["E1", "E2", "E3", "E4"], submit,
                                     submit, lanes=2)
        releaser.join(5)
    assert [f.result() for f in spotify] == ["S1", "S2", "S3"]
    assert [f.result() for f in ai] == ["E1", "E2", "E3", "E4"]


def test_spotify_batches_hold_the_lookups_in_flight_of_a_lane():
    """Spotify's batches hold LOOKUPS_AT_ONCE albums at least (the 4 lanes: 400 lookups in
    flight), never more than MAX_BATCHES_PER_SERVICE batches; every album once, in order."""
    size = enrich.LOOKUPS_AT_ONCE

    def sizes(n: int) -> list[int]:
        parts = enrich.batches([{"album_key": str(i)} for i in range(n)], min_size=size)
        assert [a["album_key"] for part in parts for a in part] == [str(i) for i in range(n)]
        return [len(part) for part in parts]

    assert sizes(60) == [60]
    assert sizes(360) == [size, size, size, 360 - 3 * size]
    assert len(sizes(10_000)) == math.ceil(10_000 / size)
    assert sizes(100_000) == [500] * 200  # the cap on task runs still holds
    assert enrich.batches([{"album_key": str(i)} for i in range(360)]) == [
        [{"album_key": str(i)} for i in range(j, j + 2)] for j in range(0, 360, 2)]  # EurIA's


def test_a_lookup_reads_the_master_years_in_when_it_starts():
    from tasks.enrich import DiscogsFacts, with_master_years

    years = DiscogsFacts()
    album = {"album_key": "a|b", "master_id": 7, "year": 2011}
    assert with_master_years([album], years.years) == [album]  # not come yet: pressing year
    years.years[7] = 1971
    assert with_master_years([album], years.years) == [{**album, "master_year": 1971}]




def test_spotify_is_idle_while_every_lookup_in_flight_waits_for_discogs():
    idle = enrich.SpotifyIdle()
    assert not idle.event.is_set()  # no lookup at all: nothing waits
    with idle.looking(), idle.looking(), idle.waiting() as event:
        assert event is idle.event and not event.is_set()  # the other one still works
        with idle.waiting():
            assert event.is_set()  # both wait for Discogs: Spotify has nothing to send
            with idle.looking():
                assert not event.is_set()  # a lookup started: Spotify has work again
            assert event.is_set()
        assert not event.is_set()  # one went on
    assert not idle.event.is_set()
