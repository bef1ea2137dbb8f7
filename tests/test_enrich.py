"""Batches of enrichment work: what the log says, and what a failed album leaves behind."""

from __future__ import annotations

import logging
from types import SimpleNamespace

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
        spotify, ai, _ = run_enrichment(["S1", "S2", "S3"], ["E1", "E2", "E3", "E4"], submit,
                                        submit, lanes=2)
        releaser.join(5)
    assert [f.result() for f in spotify] == ["S1", "S2", "S3"]
    assert [f.result() for f in ai] == ["E1", "E2", "E3", "E4"]


def test_a_batch_waiting_for_discogs_lends_its_spotify_lane():
    """A lookup waiting for a place in Discogs' full window lends its batch's lane: the next
    Spotify batch runs meanwhile (with one lane, it would wait for the first to end)."""
    import threading
    from concurrent.futures import Future, ThreadPoolExecutor
    from types import SimpleNamespace

    from flows.batches import run_enrichment

    full = SimpleNamespace(limiter=SimpleNamespace(free=lambda: (0, 30.0)))
    free = SimpleNamespace(limiter=SimpleNamespace(free=lambda: (12, 0.0)))
    second_ran = threading.Event()
    overlapped: list[str] = []

    def work(batch: str) -> str:
        if batch == "S1":
            with enrich.waiting_on_discogs(free):  # a place at once: nothing lent
                overlapped.append("S2" if second_ran.is_set() else "")
            with enrich.waiting_on_discogs(full):
                assert second_ran.wait(5)
        else:
            second_ran.set()
        return batch

    with ThreadPoolExecutor(4) as pool:
        def submit(batch: str) -> Future:
            return pool.submit(work, batch)

        spotify, _, _ = run_enrichment(["S1", "S2"], [], submit, submit, lanes=1)
        assert [f.result(timeout=10) for f in spotify] == ["S1", "S2"]
    assert overlapped == [""]
    assert enrich.discogs_wait_listeners == []


def test_album_details_wait_until_every_lookup_batch_has_started():
    """The searches come first (they find the albums that wait for Discogs facts): a batch of
    album details starts once no lookup batch is left to start, in the Spotify lanes the
    lookups leave free; each finished lookup batch gives one, if it linked anything."""
    import threading
    from concurrent.futures import Future, ThreadPoolExecutor

    from flows.batches import run_enrichment

    order: list[str] = []
    lock = threading.Lock()

    def work(batch: str) -> str:
        with lock:
            order.append(batch)
        threading.Event().wait(0.02)
        return batch

    with ThreadPoolExecutor(8) as pool:
        def submit(batch: str) -> Future:
            return pool.submit(work, batch)

        spotify, _, details = run_enrichment(
            ["S1", "S2", "S3", "S4", "S5"], [], submit, submit, lanes=2,
            details_of=lambda done: [] if done.result() == "S2" else "D" + done.result()[1],
            submit_details=submit)
        assert [f.result() for f in spotify] == ["S1", "S2", "S3", "S4", "S5"]
        assert sorted(f.result() for f in details) == ["D1", "D3", "D4", "D5"]  # S2: no link
    assert order.index("S5") < min(order.index(d) for d in ("D1", "D3", "D4", "D5"))


def test_details_complete_the_links_and_a_failed_batch_leaves_them_as_found():
    from flows.batches import with_details
    from tasks.enrich import links_to_detail

    rows = [{"album_key": "a", "status": "matched", "spotify_album_id": "A1",
             "spotify_duration_ms": None, "spotify_name": "Aja"},
            {"album_key": "b", "status": "uncertain", "spotify_album_id": "B1",
             "spotify_duration_ms": None},
            {"album_key": "c", "status": "matched", "spotify_album_id": "C1",
             "spotify_duration_ms": 1000},  # completed before (a cached lookup)
            {"album_key": "d", "status": "error", "spotify_album_id": None}]
    assert links_to_detail(rows) == [{"album_key": "a", "spotify_album_id": "A1"}]

    class Done:
        def __init__(self, value=None, error=None):
            self.value, self.error = value, error
            self.state = SimpleNamespace(is_completed=lambda: error is None,
                                         result=lambda raise_on_failure: error)

        def wait(self):
            pass

        def result(self):
            return self.value

    warnings: list[str] = []
    logger = SimpleNamespace(warning=lambda *args: warnings.append(args[0] % args[1:]))
    got = with_details(rows, [Done({"a": {"spotify_duration_ms": 2400000}}),
                              Done(error=RuntimeError("boom"))], logger)
    assert got[0] == {**rows[0], "spotify_duration_ms": 2400000}
    assert got[1:] == rows[1:]
    assert warnings == ["A Spotify album details batch failed: boom"]


def test_a_lookup_reads_the_master_years_in_when_it_starts():
    from tasks.enrich import DiscogsFacts, with_master_years

    years = DiscogsFacts()
    album = {"album_key": "a|b", "master_id": 7, "year": 2011}
    assert with_master_years([album], years.years) == [album]  # not come yet: pressing year
    years.years[7] = 1971
    assert with_master_years([album], years.years) == [{**album, "master_year": 1971}]




def test_a_details_batch_keeps_what_it_fetched_when_one_album_fails(requests_mock):
    """An album whose details fail (5xx after the retries) keeps its link as search found it;
    the others get theirs."""
    from tasks.config import Settings

    settings = Settings.from_env({
        "SPOTIFY_CLIENT_ID": "details-test-id", "SPOTIFY_CLIENT_SECRET": "details-test-secret",
        "SPOTIFY_API_URL": "https://spotify.test/v1", "SPOTIFY_ACCOUNTS_URL": "https://acc.test",
        "DISCOGS_SYNC_TIME_SCALE": "0.001"}, dotenv=False)
    requests_mock.post("https://acc.test/api/token",
                       json={"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
    requests_mock.get("https://spotify.test/v1/albums/A1", json={
        "id": "A1", "name": "Aja", "tracks": {"items": [{"duration_ms": 480000},
                                                       {"duration_ms": 300000}]}})
    requests_mock.get("https://spotify.test/v1/albums/B1", status_code=502,
                      json={"error": {"status": 502, "message": "Bad gateway"}})
    got = enrich.details_batch([{"album_key": "a", "spotify_album_id": "A1"},
                                {"album_key": "b", "spotify_album_id": "B1"}], settings, "t")
    assert got == {"a": {"spotify_album_id": "A1", "spotify_name": "Aja",
                         "spotify_url": "https://open.spotify.com/album/A1",
                         "spotify_duration_ms": 780000}}
