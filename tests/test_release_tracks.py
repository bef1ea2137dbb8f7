"""The track count of a Discogs release, for Spotify lookups that need it: counting a
tracklist (pure), fetching it (requests-mock), storing it (DuckDB), and the lookup asking for it."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from support import FakeClock

from tasks import enrich, load
from tasks.discogs import DiscogsClient, count_tracks, fetch_release_track_count
from tasks.http import RateLimiter, ServiceError
from tasks.match_eval import EngineClient, load_set, synced_facts
from tasks.spotify import lookup_album

REAL = Path(__file__).resolve().parents[2] / "shared" / "real" / "discogs"
API = "https://api.discogs.com"
TOKEN = "dsc-test-token-0123456789"


def track(position: str, title: str, duration: str = "") -> dict:
    return {"position": position, "type_": "track", "title": title, "duration": duration}


# -- counting (literal /releases/{id} tracklists, in the API's shapes) -------------------------

def test_vinyl_sides_count_every_track():
    # As Aja's release body lists it (../shared/real: 1842334): A1-A3, B1-B4.
    tracklist = [track(p, t) for p, t in [("A1", "Black Cow"), ("A2", "Aja"),
                                          ("A3", "Deacon Blues"), ("B1", "Peg"),
                                          ("B2", "Home At Last"), ("B3", "I Got The News"),
                                          ("B4", "Josie")]]
    assert count_tracks(tracklist) == 7


def test_headings_are_not_tracks():
    tracklist = [
        {"position": "", "type_": "heading", "title": "Side One", "duration": ""},
        track("A1", "Intro"), track("A2", "Song"),
        {"position": "", "type_": "heading", "title": "Side Two", "duration": ""},
        track("B1", "Outro"),
    ]
    assert count_tracks(tracklist) == 3


def test_an_index_track_counts_its_sub_tracks():
    # A work indexed movement by movement: each movement is a track on the CD and on Spotify.
    tracklist = [
        {"position": "", "type_": "heading", "title": "Symphony No. 7 In A Major, Op. 92",
         "duration": ""},
        {"position": "", "type_": "index", "title": "Symphony No. 5 In C Minor, Op. 67",
         "duration": "", "sub_tracks": [
             track("1", "I. Allegro Con Brio", "7:23"), track("2", "II. Andante", "9:51"),
             track("3", "III. Allegro", "5:09"), track("4", "IV. Allegro", "11:06")]},
        track("5", "Egmont Overture, Op. 84", "8:30"),
    ]
    assert count_tracks(tracklist) == 5


def test_an_index_track_without_sub_tracks_is_one_track():
    assert count_tracks([{"position": "1", "type_": "index", "title": "Suite"}]) == 1


def test_sub_tracks_of_a_plain_track_are_one_recording():
    # A medley (A1a, A1b): one track on the record, one on Spotify.
    tracklist = [
        {"position": "A1", "type_": "track", "title": "Medley", "duration": "6:10",
         "sub_tracks": [track("A1a", "Part One"), track("A1b", "Part Two")]},
        track("A2", "Song"),
    ]
    assert count_tracks(tracklist) == 2


def test_an_empty_or_missing_tracklist_is_unknown():
    assert count_tracks([]) is None
    assert count_tracks(None) is None
    assert count_tracks([{"position": "", "type_": "heading", "title": "Side A"}]) is None


def test_real_release_bodies_are_counted():
    path = REAL / "Gustw__vinyl-collection__releases_1842334.json"
    if not path.exists():
        pytest.skip("../shared/real is not here")
    assert count_tracks(json.loads(path.read_text(encoding="utf-8"))["tracklist"]) == 7
    body = json.loads((REAL / "Gustw__vinyl-collection__releases_94051.json").read_text())
    assert count_tracks(body["tracklist"]) == 2  # a 12": sides A and B


# -- fetching (the wire, requests-mock) ----------------------------------------------------------

@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(clock) -> DiscogsClient:
    return DiscogsClient(TOKEN, sleep=clock.sleep,
                         limiter=RateLimiter(59, period=61.0, clock=clock, sleep=clock.sleep))


BODY = {"id": 1842334, "title": "Aja", "tracklist": [
    {"position": "", "type_": "heading", "title": "Side A"},
    track("A1", "Black Cow"), track("A2", "Aja"),
    {"position": "", "type_": "heading", "title": "Side B"},
    track("B1", "Peg")]}


def test_the_release_is_fetched_and_counted(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    assert fetch_release_track_count(client, 1842334) == 3
    assert requests_mock.last_request.headers["Authorization"] == f"Discogs token={TOKEN}"


def test_a_404_is_a_service_error_with_its_status(requests_mock, client):
    requests_mock.get(f"{API}/releases/5", status_code=404,
                      json={"message": "Release not found."})
    with pytest.raises(ServiceError) as caught:
        fetch_release_track_count(client, 5)
    assert caught.value.status == 404


def test_a_429_is_waited_out_for_its_retry_after(requests_mock, client, clock):
    requests_mock.get(f"{API}/releases/1842334", [
        {"status_code": 429, "headers": {"Retry-After": "7"},
         "json": {"message": "You are making requests too quickly."}},
        {"json": BODY}])
    assert fetch_release_track_count(client, 1842334) == 3
    assert clock.now >= 7.0 and requests_mock.call_count == 2


# -- the lookup's callable (enrich.release_facts) over the wire ------------------------------

def album(release_id: int = 1842334) -> dict:
    return {"album_key": "steely dan|aja", "release_id": release_id}


def test_a_fetched_count_is_given_and_kept_once(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    tracks = enrich.TrackCounts()
    facts = enrich.release_facts(album(), {}, tracks, client, limit=10)
    assert facts() == {"track_count": 3, "source": "discogs /releases/1842334"}
    assert tracks.fetched == {1842334: 3} and tracks.requests == 1


def test_a_known_count_asks_discogs_nothing(requests_mock, client):
    tracks = enrich.TrackCounts()
    assert enrich.release_facts(album(), {1842334: 9}, tracks, client, 10)() == {
        "track_count": 9, "source": "discogs /releases/1842334"}
    assert enrich.release_facts(album(7), {7: None}, tracks, client, 10)() == {}
    assert requests_mock.call_count == 0 and tracks.requests == 0


def test_a_404_is_recorded_as_unknown(requests_mock, client):
    requests_mock.get(f"{API}/releases/5", status_code=404, json={"message": "Release not found."})
    tracks = enrich.TrackCounts()
    assert enrich.release_facts(album(5), {}, tracks, client, 10)() == {}
    assert tracks.fetched == {5: None}


def test_5xx_after_retries_gives_nothing_and_records_nothing(requests_mock, client):
    requests_mock.get(f"{API}/releases/5", status_code=502, json={"message": "Bad gateway"})
    tracks = enrich.TrackCounts()
    assert enrich.release_facts(album(5), {}, tracks, client, 10)() == {}
    assert tracks.fetched == {} and tracks.failures == 1
    assert requests_mock.call_count == 4  # the client's own retries, then it gives up
    # After a few such failures the run stops asking.
    for _ in range(enrich.MAX_TRACK_FAILURES - 1):
        enrich.release_facts(album(5), {}, tracks, client, 10)()
    calls = requests_mock.call_count
    assert enrich.release_facts(album(6), {}, tracks, client, 10)() == {}
    assert requests_mock.call_count == calls


def test_the_cap_bounds_the_fetches_of_a_run(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    requests_mock.get(f"{API}/releases/2", json=BODY)
    tracks = enrich.TrackCounts()
    assert enrich.release_facts(album(), {}, tracks, client, limit=1)()
    assert enrich.release_facts(album(2), {}, tracks, client, limit=1)() == {}
    assert requests_mock.call_count == 1


def full_window_client() -> DiscogsClient:
    """A client whose Discogs window is full for a minute (real time)."""
    limiter = RateLimiter(1, period=60.0)
    with limiter.slot():
        pass
    return DiscogsClient(TOKEN, limiter=limiter)


def test_a_fact_waiting_for_discogs_gives_up_once_spotify_has_nothing_else_to_do(
        requests_mock):
    """A lookup waits for a fact while another lookup still works Spotify; when that one is
    done, Spotify waits on the fact alone: the fetch gives up, sends nothing, and the album
    is matched without it (the fetch is not counted against the run's cap)."""
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    client, idle, tracks = full_window_client(), enrich.SpotifyIdle(), enrich.TrackCounts()
    answers: list[dict] = []

    def look_up() -> None:
        with idle.looking():
            answers.append(enrich.release_facts(album(), {}, tracks, client, 10, idle=idle)())

    with idle.looking():  # another lookup, still searching
        waiter = threading.Thread(target=look_up)
        waiter.start()
        deadline = time.monotonic() + 5
        while not idle._waiting and time.monotonic() < deadline:
            time.sleep(0.01)
        waiter.join(0.3)
        assert waiter.is_alive() and not answers  # still waits: Spotify has work
    waiter.join(5)
    assert not waiter.is_alive()
    assert answers == [{}]
    assert requests_mock.call_count == 0
    assert tracks.requests == 0 and tracks.given_up == 1 and tracks.fetched == {}


def test_without_a_run_to_hold_up_a_fact_waits_for_discogs(requests_mock, client, clock):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    for _ in range(59):  # Discogs' window full
        with client.limiter.slot():
            pass
    facts = enrich.release_facts(album(), {}, enrich.TrackCounts(), client, 10)()
    assert facts["track_count"] == 3 and clock.now >= 61.0


def test_a_fact_discogs_lets_go_at_once_is_fetched_with_spotify_idle(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    idle, tracks = enrich.SpotifyIdle(), enrich.TrackCounts()
    with idle.looking():  # the only lookup: once it waits, Spotify waits on it
        facts = enrich.release_facts(album(), {}, tracks, client, 10, idle=idle)()
    assert facts == {"track_count": 3, "source": "discogs /releases/1842334"}
    assert tracks.given_up == 0 and tracks.fetched == {1842334: 3}


# Aja's master as /masters/{id} shows it: the year, and the main release's tracklist (7 tracks;
# the pressing's BODY lists 3: a count from the master is told apart by its value).
MASTER = {"id": 5, "year": 1977, "main_release": 1842334,
          "tracklist": [track(f"{side}{n}", f"Track {side}{n}") for side, n in
                        [("A", 1), ("A", 2), ("A", 3), ("B", 1), ("B", 2), ("B", 3), ("B", 4)]]}


def test_the_master_answers_year_and_count_in_one_request_shared_by_its_pressings(
        requests_mock, client):
    """A lookup that wants more facts asks Discogs once: the master gives its year and its
    main release's track count. Another pressing of the master asks nothing."""
    requests_mock.get(f"{API}/masters/5", json=MASTER)
    tracks, years, counts = enrich.TrackCounts(), {}, {}
    aja = {**album(), "master_id": 5}
    assert enrich.release_facts(aja, {}, tracks, client, 10, years, counts)() == {
        "track_count": 7, "master_year": 1977, "source": "discogs /masters/5"}
    assert years == {5: 1977} and counts == {5: 7} and tracks.requests == 1
    assert enrich.release_facts({**album(2), "master_id": 5}, {}, tracks, client, 10, years,
                                counts)() == {"track_count": 7, "master_year": 1977,
                                              "source": "discogs /masters/5"}
    assert [r.path for r in requests_mock.request_history] == ["/masters/5"]
    assert tracks.fetched == {}  # no release fetched: nothing for discogs_release_tracks


def test_the_year_alone_is_one_request_and_the_count_later_asks_nothing_more(requests_mock,
                                                                             client):
    """Before the artist's listing the lookup asks the year alone (the matcher gets only
    that); when it asks for everything later, the count is the master's, already fetched."""
    requests_mock.get(f"{API}/masters/5", json=MASTER)
    tracks, years, counts = enrich.TrackCounts(), {}, {}
    facts = enrich.release_facts({**album(), "master_id": 5}, {}, tracks, client, 10, years,
                                 counts)
    assert facts(("master_year",)) == {"master_year": 1977, "source": "discogs /masters/5"}
    assert facts() == {"track_count": 7, "master_year": 1977, "source": "discogs /masters/5"}
    assert [r.path for r in requests_mock.request_history] == ["/masters/5"]
    assert tracks.requests == 1


def test_a_master_showing_no_tracklist_has_the_release_fetched_for_the_count(requests_mock,
                                                                            client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    requests_mock.get(f"{API}/masters/5", json={"id": 5, "year": 1977})
    tracks, years, counts = enrich.TrackCounts(), {}, {}
    facts = enrich.release_facts({**album(), "master_id": 5}, {}, tracks, client, 10, years,
                                 counts)
    assert facts(("master_year",)) == {"master_year": 1977, "source": "discogs /masters/5"}
    assert facts() == {"track_count": 3, "master_year": 1977,
                       "source": "discogs /masters/5, /releases/1842334"}
    assert [r.path for r in requests_mock.request_history] == ["/masters/5",
                                                               "/releases/1842334"]
    assert counts == {5: None} and tracks.fetched == {1842334: 3}


def test_a_master_gone_from_discogs_leaves_the_release_to_count(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    requests_mock.get(f"{API}/masters/5", status_code=404, json={"message": "Not found."})
    tracks, years = enrich.TrackCounts(), {}
    assert enrich.release_facts({**album(), "master_id": 5}, {}, tracks, client, 10,
                                years)() == {"track_count": 3,
                                             "source": "discogs /releases/1842334"}
    assert years == {5: None}  # not asked again this run, stored as unknown


def test_a_master_that_fails_is_asked_once_and_the_release_counts(requests_mock, client):
    """A master answering 5xx (after the client's retries) is not asked again for the count:
    the year is missing, the release gives the count, and the failure is counted once."""
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    requests_mock.get(f"{API}/masters/5", status_code=502, json={"message": "Bad gateway"})
    tracks, years = enrich.TrackCounts(), {}
    facts = enrich.release_facts({**album(), "master_id": 5}, {}, tracks, client, 10, years)
    assert facts() == {"track_count": 3, "source": "discogs /releases/1842334"}
    assert [r.path for r in requests_mock.request_history] == ["/masters/5"] * 4 + [
        "/releases/1842334"]
    assert tracks.failures == 1 and years == {}


def test_what_earlier_runs_fetched_is_not_asked_again(requests_mock, client):
    requests_mock.get(f"{API}/releases/1842334", json=BODY)
    tracks = enrich.TrackCounts()
    # 6: no year found; 7: fetched before schema version 6 (the year alone); 8: both
    tracks.known_masters = {6: None, 7: 1980, 8: 1999}
    tracks.known_master_tracks = {8: 11}
    assert enrich.release_facts({**album(), "master_id": 8, "master_year": 1999}, {}, tracks,
                                client, 10, {})() == {"track_count": 11,
                                                      "source": "discogs /masters/8"}
    assert requests_mock.call_count == 0
    for extra in ({"master_id": 6}, {"master_id": 7, "master_year": 1980},
                  {"master_id": None}):
        facts = enrich.release_facts({**album(), **extra}, {}, tracks, client, 10, {})()
        assert facts == {"track_count": 3, "source": "discogs /releases/1842334"}
    # Masters known with no count (no tracklist, or fetched for the year alone): the release.
    assert [r.path for r in requests_mock.request_history] == ["/releases/1842334"] * 3


# -- storing ------------------------------------------------------------------------------------

def test_fetched_counts_are_stored_once_per_release():
    con = duckdb.connect(":memory:")
    load.migrate(con)
    rows = [{"album_key": "a", "discogs_release_tracks": {"release_id": 1, "track_count": 12}},
            {"album_key": "b", "discogs_release_tracks": {"release_id": 2, "track_count": None}},
            {"album_key": "c"}]
    now = datetime(2026, 12, 7, tzinfo=UTC)
    for _ in range(2):
        load.upsert_release_tracks(con, load.release_tracks_of(rows), now)
    assert con.execute("SELECT release_id, track_count FROM discogs_release_tracks "
                       "ORDER BY 1").fetchall() == [(1, 12), (2, None)]
    assert load.release_track_counts(con, [1, 2, 3]) == {1: 12, 2: None}
    assert load.release_track_counts(con) == {1: 12, 2: None}


def test_a_run_reads_the_counts_earlier_runs_fetched_once_for_all_its_batches(tmp_path):
    from tasks.config import Settings

    settings = Settings.from_env({}, dotenv=False).with_overrides(
        db_path=str(tmp_path / "collection.duckdb"))
    now = datetime(2026, 12, 7, tzinfo=UTC)
    with load.connect(settings.db_path) as con:
        load.upsert_release_tracks(con, {1: 12, 2: None}, now)
    tracks = enrich.TrackCounts()
    assert tracks.known(settings) == {1: 12, 2: None}
    with load.connect(settings.db_path) as con:  # what this run fetches is not read back
        load.upsert_release_tracks(con, {3: 9}, now)
    assert tracks.known(settings) == {1: 12, 2: None}
    assert enrich.TrackCounts().known(settings) == {1: 12, 2: None, 3: 9}  # the next run's


# -- the lookup: the count decides over the searches already made -------------------------------

@pytest.fixture(scope="module")
def labeled():
    return load_set()


def lookup_as_synced(labeled, album_id: str, count: int | None):
    albums, engine = labeled
    item = next(a for a in albums if a.id == album_id)
    client = EngineClient(engine)
    record = {k: v for k, v in item.album.items() if k in synced_facts()}
    asked: list[int] = []

    def facts() -> dict:
        asked.append(1)
        return {"track_count": count, "source": "discogs /releases/1"} if count else {}

    row = lookup_album(client, {**record, "album_key": item.id}, more_facts=facts)
    return item, row, client.searches, asked


def test_the_track_count_links_an_album_without_searching_again(labeled):
    # Standing On A Beach: an uncertain compilation once its searches are done; 13 tracks say
    # which edition it is.
    item, without, searches_without, _ = lookup_as_synced(labeled, "core-043", None)
    assert without["status"] == "uncertain"
    item, row, searches, asked = lookup_as_synced(labeled, "core-043", 13)
    assert asked == [1]
    assert row["status"] == "matched" and row["spotify_album_id"] in item.acceptable
    assert searches == searches_without  # decided again over the same searches
    assert row["evidence"]["more_facts"] == {"track_count": 13,
                                             "source": "discogs /releases/1"}


def test_a_sure_link_asks_for_nothing(labeled):
    item, row, _, asked = lookup_as_synced(labeled, "core-001", 99)
    assert row["status"] == "matched" and row["score"] >= 0.93
    assert asked == [] and "more_facts" not in row["evidence"]



def test_a_sure_link_dated_in_another_year_asks_and_the_count_undoes_it(labeled):
    # Françoise Hardy's 1968 self-titled album: her 1970 self-titled album scores 0.98, but its
    # year is neither the master's nor the pressing's; 12 tracks against its 10 say it is not,
    # and the 1968 album Spotify names "Comment te dire adieu" is linked instead.
    item, row, _, asked = lookup_as_synced(labeled, "gen-0050", 12)
    assert asked == [1]
    assert row["status"] == "matched" and row["spotify_album_id"] in item.acceptable
    assert row["spotify_name"] == "Comment te dire adieu"
    assert row["evidence"]["more_facts"]["track_count"] == 12


def test_searches_dated_by_a_reissue_find_nothing_and_the_master_year_goes_on():
    """A reissue pressing's year dates the searches; when they find nothing and the master's
    year is not known yet (a first sync), the lookup asks for it and searches again with it;
    with no master, or its year known, nothing is asked."""
    from tasks.matching import Match, MatchQuery
    from tasks.spotify import wants_more_facts

    nothing = Match("not_found", None, 0.0, {})
    pressing = {"artist": "Nick Drake", "title": "Pink Moon", "year": 2013}
    unknown = MatchQuery.from_album({**pressing, "master_id": 55})
    assert wants_more_facts(nothing, [], unknown)
    assert not wants_more_facts(nothing, [], MatchQuery.from_album(pressing))
    assert not wants_more_facts(nothing, [], MatchQuery.from_album(
        {**pressing, "master_id": 55, "master_year": 1972}))


def _album(name: str, artist: str, date: str, tracks: int, popularity: int) -> dict:
    slug = f"{artist}-{name}-{date}".replace(" ", "")
    return {"id": slug, "name": name, "album_type": "album", "artists": [{"name": artist}],
            "release_date": date, "release_date_precision": "day", "total_tracks": tracks,
            "popularity": popularity,
            "external_urls": {"spotify": f"https://open.spotify.com/album/{slug}"}}


def test_the_master_year_dates_the_artists_listing_before_it_is_sent():
    # A first sync knows the master, not its year. Ella Fitzgerald's listing is cut at ten
    # albums, her most played; her Rodgers And Hart Song Book (1956) is not among them, and
    # its Cole Porter namesake of the same year is. The year is asked first, so the one
    # listing sent is of 1955-1957, and the 1956 album beside its namesake is linked.
    from tasks.fake_apis import FakeSearch

    popular = [_album(f"Hit Album {n}", "Ella Fitzgerald", f"{1960 + n}-01-01", 12, 90 - n)
               for n in range(9)]
    porter = _album("Ella Fitzgerald Sings the Cole Porter Song Book", "Ella Fitzgerald",
                    "1956-05-15", 32, 95)
    right = _album("Ella Fitzgerald Sings the Rodgers & Hart Songbook", "Ella Fitzgerald",
                   "1956-11-01", 34, 10)
    client = EngineClient(FakeSearch([*popular, porter, right]))
    asked: list[tuple] = []

    def facts(only=("track_count", "master_year")) -> dict:
        asked.append(tuple(only))
        return {k: v for k, v in {"track_count": 34, "master_year": 1956}.items()
                if k in only} | {"source": "discogs"}

    album = {"album_key": "r1", "artist": "Ella Fitzgerald", "artists": ["Ella Fitzgerald"],
             "title": "Ella Fitzgerald Sings The Rodgers And Hart Song Book", "year": 1956,
             "master_id": 7, "release_id": 8}
    row = lookup_album(client, album, more_facts=facts)
    assert asked[0] == ("master_year",)
    assert client.searches[1] == "artist:'Ella Fitzgerald' year:1955-1957"
    assert "artist:'Ella Fitzgerald'" not in client.searches  # the cut listing never sent
    assert row["status"] == "matched" and row["spotify_album_id"] == right["id"]
    assert row["evidence"]["more_facts"]["master_year"] == 1956

    # Without a master (nothing to date by) or with its year known, nothing is asked first.
    asked.clear()
    lookup_album(EngineClient(FakeSearch([*popular, porter, right])),
                 {**album, "master_id": 0}, more_facts=facts)
    assert ("master_year",) not in asked
    asked.clear()
    known = EngineClient(FakeSearch([*popular, porter, right]))
    row = lookup_album(known, {**album, "master_year": 1956}, more_facts=facts)
    assert asked == [] and row["spotify_album_id"] == right["id"]
