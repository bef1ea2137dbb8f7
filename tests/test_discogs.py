"""tasks/discogs.py, API side: the collection on the wire (requests-mock) and item -> record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from support import FakeClock, fixture

from tasks.discogs import (
    PAGE_WORKERS,
    DiscogsClient,
    collection_item_to_album,
    fetch_collection_value,
    fetch_field_names,
    iter_collection,
    number_copies,
)
from tasks.fake_apis import Catalog, FakeApis, FakeConfig, Fault
from tasks.http import AuthError, RateLimiter, ServiceError

REAL = Path(__file__).resolve().parents[2] / "shared" / "real" / "discogs"

TOKEN = "dsc-test-token-0123456789"
API = "https://api.discogs.com"
RELEASES = f"{API}/users/vinyl_fan/collection/folders/0/releases"
FIELDS = {1: "Media Condition", 2: "Sleeve Condition", 3: "Notes", 4: "Cost", 5: "Autographed"}






@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(clock) -> DiscogsClient:
    limiter = RateLimiter(59, period=61.0, clock=clock, sleep=clock.sleep)
    return DiscogsClient(TOKEN, sleep=clock.sleep, limiter=limiter)


def ratelimit_headers(remaining: int, limit: int = 60) -> dict[str, str]:
    return {"X-Discogs-Ratelimit": str(limit), "X-Discogs-Ratelimit-Used": str(limit - remaining),
            "X-Discogs-Ratelimit-Remaining": str(remaining)}


def serve_two_pages(requests_mock, p1_headers=None, p2_headers=None):
    requests_mock.get(f"{RELEASES}?page=1", json=fixture("discogs_collection_p1.json"),
                      headers=p1_headers or ratelimit_headers(58))
    requests_mock.get(f"{RELEASES}?page=2&per_page=3", json=fixture("discogs_collection_p2.json"),
                      headers=p2_headers or ratelimit_headers(57))


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# What the two fixture pages become: whole records, as docs/CONTRACTS.md describes them.
EXPECTED = [
    {
        "release_id": 1111111, "instance_id": 700000101, "copy_no": 1, "folder": "1",
        "master_id": 424242, "artist": "Nirvana", "artists": ["Nirvana"],
        "title": "The Story Of Simon Simopath", "year": 1967, "labels": ["Island Records"],
        "catnos": ["ILP 959"], "formats": ["2xVinyl, LP, Album, Reissue, Gatefold"],
        "media": "Vinyl", "genres": ["Rock"], "styles": ["Psychedelic Rock"],
        "cover_image": "https://i.discogs.com/cover-1111111.jpeg",
        "thumb": "https://i.discogs.com/thumb-1111111.jpeg",
        "date_added": "2024-11-10T16:03:17+00:00", "rating": 4,
        "media_condition": "Near Mint (NM or M-)", "sleeve_condition": "Very Good Plus (VG+)",
        "notes": "Bought at the Brussels fair",
        "custom_fields": {"Cost": "25 EUR", "Autographed": "Yes"},
        "discogs_url": "https://www.discogs.com/release/1111111",
        "album_key": "nirvana|the story of simon simopath",
    },
    {
        "release_id": 2222222, "instance_id": 700000102, "copy_no": 2, "folder": "1",
        "master_id": None, "artist": "Mr. Zèbre & Nico", "artists": ["Mr. Zèbre", "Nico"],
        "title": "Sci-Fi Lullabies", "year": 2016, "labels": ["Ma Case Records"],
        "catnos": ["MCR 007"], "formats": ['Vinyl, 12", 33 ⅓ RPM'], "media": "Vinyl",
        "genres": ["Electronic", "Reggae"], "styles": ["Dub"], "cover_image": None,
        "thumb": None, "date_added": "2025-01-02T11:19:53+00:00", "rating": None,
        "media_condition": None, "sleeve_condition": None, "notes": None, "custom_fields": {},
        "discogs_url": "https://www.discogs.com/release/2222222",
        "album_key": "mr zebre and nico|sci fi lullabies",
    },
    {
        "release_id": 3333333, "instance_id": 700000103, "copy_no": 1, "folder": None,
        "master_id": None, "artist": "Various", "artists": ["Various"],
        "title": "12 Superéxitos", "year": None, "labels": ["Discos Belter"],
        "catnos": ["005005, 5.005", "5.005"], "formats": ["CD, Compilation"], "media": "CD",
        "genres": ["Latin", "Pop"], "styles": [], "cover_image": None, "thumb": None,
        "date_added": "2024-11-10T16:05:40+00:00", "rating": None, "media_condition": None,
        "sleeve_condition": None, "notes": None, "custom_fields": {},
        "discogs_url": "https://www.discogs.com/release/3333333",
        "album_key": "various|12 superexitos",
    },
    {
        "release_id": 4444444, "instance_id": 700000104, "copy_no": 1, "folder": "8816",
        "master_id": 99001, "artist": "Fulano, K*Ners Feat. Ragga Twins",
        "artists": ["Fulano", "K*Ners", "Ragga Twins"], "title": "Rude Boy Business",
        "year": 2011, "labels": ["Not On Label (Fulano Self-released)"],
        "catnos": ["FUL 001"], "formats": ["3xFile, FLAC, Single"], "media": "File",
        "genres": ["Electronic"], "styles": ["Drum n Bass"],
        "cover_image": "https://i.discogs.com/cover-4444444.jpeg",
        "thumb": "https://i.discogs.com/thumb-4444444.jpeg",
        "date_added": "2025-03-09T05:48:00+00:00", "rating": 5, "media_condition": None,
        "sleeve_condition": None, "notes": None, "custom_fields": {},
        "discogs_url": "https://www.discogs.com/release/4444444",
        "album_key": "fulano k ners feat ragga twins|rude boy business",
    },
    {
        # The same release owned twice: this copy has the lower instance id, so it is copy 1.
        "release_id": 2222222, "instance_id": 700000099, "copy_no": 1, "folder": "1",
        "master_id": None, "artist": "Mr. Zèbre & Nico", "artists": ["Mr. Zèbre", "Nico"],
        "title": "Sci-Fi Lullabies", "year": 2016, "labels": ["Ma Case Records"],
        "catnos": ["MCR 007"], "formats": ['Vinyl, 12", 33 ⅓ RPM'], "media": "Vinyl",
        "genres": ["Electronic", "Reggae"], "styles": ["Dub"], "cover_image": None,
        "thumb": None, "date_added": "2025-06-30T09:17:22+00:00", "rating": None,
        "media_condition": "Mint (M)", "sleeve_condition": None, "notes": None,
        "custom_fields": {}, "discogs_url": "https://www.discogs.com/release/2222222",
        "album_key": "mr zebre and nico|sci fi lullabies",
    },
]


# --- the collection on the wire --------------------------------------------------------------


def test_iter_collection_reads_the_pages_page_1_announces(requests_mock, client):
    serve_two_pages(requests_mock)
    items = list(iter_collection(client, "vinyl_fan"))
    assert [(i["id"], i["instance_id"]) for i in items] == [
        (1111111, 700000101), (2222222, 700000102), (3333333, 700000103),
        (4444444, 700000104), (2222222, 700000099)]
    first, second = requests_mock.request_history
    assert query(first.url) == {"page": ["1"], "per_page": ["100"], "sort": ["added"],
                                "sort_order": ["asc"]}
    # The page size the server served (it clamps what it is asked), the same order.
    assert query(second.url) == {"page": ["2"], "per_page": ["3"], "sort": ["added"],
                                 "sort_order": ["asc"]}
    assert client.requests_made == 2


def test_requests_carry_the_token_header_and_a_descriptive_user_agent(requests_mock, client):
    serve_two_pages(requests_mock)
    list(iter_collection(client, "vinyl_fan"))
    for sent in requests_mock.request_history:
        assert sent.headers["Authorization"] == f"Discogs token={TOKEN}"
        assert re.fullmatch(r"discogs-sync/\d+\.\d+\S* \+https://\S+", sent.headers["User-Agent"])
        assert TOKEN not in sent.url


def test_two_pages_become_album_records(requests_mock, client):
    serve_two_pages(requests_mock)
    requests_mock.get(f"{API}/users/vinyl_fan/collection/fields",
                      json=fixture("discogs_collection_fields.json"))
    fields = fetch_field_names(client, "vinyl_fan")
    albums = number_copies([collection_item_to_album(item, fields)
                            for item in iter_collection(client, "vinyl_fan")])
    assert albums == EXPECTED


def test_username_is_quoted_into_the_path(requests_mock, client):
    requests_mock.get(f"{API}/users/dj%20m%C3%BCller%2Fb/collection/folders/0/releases",
                      json={"pagination": {"page": 1, "pages": 1, "urls": {}}, "releases": []})
    assert list(iter_collection(client, "dj müller/b")) == []


def test_a_429_is_waited_out_then_the_page_is_fetched(requests_mock, client, clock):
    requests_mock.get(f"{RELEASES}?page=1", [
        {"status_code": 429, "headers": {"Retry-After": "3", **ratelimit_headers(0)},
         "json": {"message": "You are making requests too quickly."}},
        {"json": fixture("discogs_collection_p1.json"), "headers": ratelimit_headers(59)},
    ])
    requests_mock.get(f"{RELEASES}?page=2&per_page=3", json=fixture("discogs_collection_p2.json"))
    items = list(iter_collection(client, "vinyl_fan"))
    assert [i["id"] for i in items] == [1111111, 2222222, 3333333, 4444444, 2222222]
    assert clock.now >= 3.0


def test_401_is_an_auth_error_naming_discogs_token(requests_mock, client):
    requests_mock.get(RELEASES, status_code=401,
                      json={"message": "You must authenticate to access this resource."})
    with pytest.raises(AuthError) as info:
        client.get("/users/vinyl_fan/collection/folders/0/releases")
    assert str(info.value) == (
        "Discogs: the token was refused: check DISCOGS_TOKEN (HTTP 401) at " + RELEASES)
    assert TOKEN not in str(info.value)


def test_401_on_the_collection_is_an_auth_error_naming_discogs_token(requests_mock, client):
    requests_mock.get(RELEASES, status_code=401,
                      json={"message": "You must authenticate to access this resource."})
    with pytest.raises(AuthError, match=r"^Discogs: the token was refused: check DISCOGS_TOKEN"):
        list(iter_collection(client, "vinyl_fan"))


def test_403_is_an_auth_error_naming_username_and_token(requests_mock, client):
    requests_mock.get(f"{API}/users/someone_else/collection/value", status_code=403,
                      json={"message": "You don't have permission to access this resource."})
    with pytest.raises(AuthError, match="check DISCOGS_USERNAME and DISCOGS_TOKEN"):
        fetch_collection_value(client, "someone_else")


def test_404_on_page_1_names_discogs_username(requests_mock, client):
    requests_mock.get(f"{API}/users/nobody/collection/folders/0/releases", status_code=404,
                      json={"message": "User does not exist or may have been deleted."})
    with pytest.raises(ServiceError) as info:
        list(iter_collection(client, "nobody"))
    assert str(info.value) == (
        "Discogs: user 'nobody' not found: check DISCOGS_USERNAME (HTTP 404)")


def test_failure_on_page_2_names_the_page(requests_mock, client):
    requests_mock.get(f"{RELEASES}?page=1", json=fixture("discogs_collection_p1.json"))
    requests_mock.get(f"{RELEASES}?page=2&per_page=3", status_code=502,
                      text="<html><body>502 Bad Gateway</body></html>")
    items = iter_collection(client, "vinyl_fan")
    assert [next(items)["id"] for _ in range(3)] == [1111111, 2222222, 3333333]
    with pytest.raises(ServiceError, match="collection page 2 failed") as info:
        next(items)
    assert info.value.status == 502


def test_a_page_without_releases_is_an_error(requests_mock, client):
    requests_mock.get(RELEASES, json={"pagination": {"page": 1}, "message": "odd"})
    with pytest.raises(ServiceError, match=r"collection page 1 has no 'releases' list"):
        list(iter_collection(client, "vinyl_fan"))


def test_ratelimit_remaining_0_pauses_before_the_next_request(requests_mock, client, clock):
    sent_at: list[float] = []

    def page(name, remaining):
        def callback(request, context):
            sent_at.append(clock.now)
            context.headers.update(ratelimit_headers(remaining))
            return fixture(name)
        return callback

    requests_mock.get(f"{RELEASES}?page=1", json=page("discogs_collection_p1.json", 0))
    requests_mock.get(f"{RELEASES}?page=2&per_page=3",
                      json=page("discogs_collection_p2.json", 59))
    assert len(list(iter_collection(client, "vinyl_fan"))) == 5
    assert sent_at[0] == 0.0
    assert sent_at[1] >= 1.0  # a one-call share of the 60-second window at least


def test_ratelimit_remaining_above_0_does_not_pause(requests_mock, client, clock):
    serve_two_pages(requests_mock, ratelimit_headers(40), ratelimit_headers(39))
    assert len(list(iter_collection(client, "vinyl_fan"))) == 5
    assert clock.now == 0.0


def test_the_advertised_ratelimit_paces_the_window(requests_mock, client, clock):
    # Unauthenticated clients get 25 a minute: 25 calls at once, then the 26th waits for the
    # window to move.
    sent_at: list[float] = []

    def callback(request, context):
        sent_at.append(clock.now)
        context.headers.update(ratelimit_headers(max(0, 25 - len(sent_at)), limit=25))
        return {"id": 1}

    requests_mock.get(f"{API}/releases/1", json=callback)
    for _ in range(26):
        client.get("/releases/1")
    assert sent_at[:25] == [0.0] * 25
    assert sent_at[25] >= 60.0


# --- pages fetched a few at once, yielded in order --------------------------------------------
# Against the fake server: requests-mock answers one request at a time (a global lock).


def page_through(albums: int, per_page: int = 10, **config) -> tuple[list, list, object]:
    """Page through a synthetic collection on the fake Discogs (time scaled by 0.01): the items
    iter_collection yielded, the items in collection order, and the fake's stats."""
    catalog = Catalog.synthetic(albums, seed=5)
    config = FakeConfig(time_scale=0.01, **config)
    with FakeApis(catalog, config) as fake:
        client = DiscogsClient(config.discogs_token, fake.discogs_url, time_scale=0.01)
        items = list(iter_collection(client, config.username, per_page=per_page))
    by_date = sorted(catalog.releases, key=lambda r: r["date_added"])
    return [i["instance_id"] for i in items], [r["instance_id"] for r in by_date], fake.stats


def asked_pages(stats) -> list[int]:
    return [int(query(target)["page"][0]) for service, _, target in stats.calls
            if "/collection/folders/" in target]


def test_later_pages_answering_first_are_yielded_in_page_order():
    slow_page_2 = Fault(service="discogs", path="/collection/folders", query="page=2&",
                        action="timeout", seconds=0.5, times=1)
    got, expected, stats = page_through(50, faults=[slow_page_2])
    assert got == expected
    assert sorted(asked_pages(stats)) == [1, 2, 3, 4, 5]  # 3 to 5 asked while 2 was slow


def test_a_failing_middle_page_ends_the_iteration_after_the_pages_before_it():
    broken = Fault(service="discogs", path="/collection/folders", query="page=3&", status=502)
    catalog = Catalog.synthetic(300, seed=5)
    config = FakeConfig(time_scale=0.01, faults=[broken])
    seen: list[int] = []
    with FakeApis(catalog, config) as fake:
        client = DiscogsClient(config.discogs_token, fake.discogs_url, time_scale=0.01)
        with pytest.raises(ServiceError, match=r"^Discogs: collection page 3 failed: ") as info:
            for item in iter_collection(client, config.username, per_page=10):
                seen.append(item["instance_id"])
        asked = asked_pages(fake.stats)
    by_date = sorted(catalog.releases, key=lambda r: r["date_added"])
    assert seen == [r["instance_id"] for r in by_date[:20]]  # pages 1 and 2, nothing after
    assert info.value.status == 502
    assert asked.count(3) == 4  # retried as before
    assert 4 in asked  # fetched beside page 3, and dropped
    # Only the pages in flight or waiting behind page 3 were asked for.
    assert max(asked) <= 3 + PAGE_WORKERS - 1


def test_pages_in_flight_never_exceed_the_cap():
    # The fake announces a fresh window every time: the cap alone bounds the pages at once.
    got, expected, stats = page_through(300, discogs_latency_s=5.0)
    assert got == expected
    assert 2 <= stats.discogs_max_concurrency <= PAGE_WORKERS
    assert sorted(asked_pages(stats)) == list(range(1, 31))


def test_pages_in_flight_never_exceed_what_the_window_has_free():
    # 4 requests per (scaled) minute: after page 1, 3 places are free, then one as each frees.
    got, expected, stats = page_through(120, discogs_latency_s=5.0, discogs_rate_per_min=4)
    assert got == expected
    assert 2 <= stats.discogs_max_concurrency <= 3
    assert stats.rate_limited["discogs"] == 0
    assert stats.endpoints["discogs.collection"] == 12


def test_a_2000_album_collection_is_paged_within_the_fakes_window():
    # The fake Discogs enforces its moving window (12 requests here, which its headers announce)
    # and answers each request in 20 ms: the 20 pages of 100 overlap, and none is refused.
    got, expected, stats = page_through(2000, per_page=100, discogs_latency_s=2.0,
                                        discogs_rate_per_min=12)
    assert got == expected
    assert stats.endpoints["discogs.collection"] == 20
    assert stats.rate_limited["discogs"] == 0
    assert 2 <= stats.discogs_max_concurrency <= PAGE_WORKERS


def test_a_one_page_collection_makes_one_request(requests_mock, client):
    requests_mock.get(RELEASES, json={"pagination": {"page": 1, "pages": 1, "urls": {}},
                                      "releases": [{"id": 1}, {"id": 2}]})
    assert [i["id"] for i in iter_collection(client, "vinyl_fan")] == [1, 2]
    assert len(requests_mock.request_history) == 1


def test_a_page_count_missing_with_more_pages_is_an_error(requests_mock, client):
    requests_mock.get(RELEASES, json={"pagination": {"page": 1, "urls": {"next": RELEASES}},
                                      "releases": [{"id": 1}]})
    with pytest.raises(ServiceError, match="collection page 1 has no page count"):
        list(iter_collection(client, "vinyl_fan"))


def test_fetch_field_names(requests_mock, client):
    requests_mock.get(f"{API}/users/vinyl_fan/collection/fields",
                      json=fixture("discogs_collection_fields.json"))
    assert fetch_field_names(client, "vinyl_fan") == FIELDS


def test_fetch_collection_value(requests_mock, client):
    requests_mock.get(f"{API}/users/vinyl_fan/collection/value",
                      json=fixture("discogs_collection_value.json"))
    assert fetch_collection_value(client, "vinyl_fan") == {
        "minimum": "€1,234.56", "median": "€2,345.67", "maximum": "€3,456.78"}


def test_fetch_collection_value_leaves_out_missing_figures(requests_mock, client):
    requests_mock.get(f"{API}/users/vinyl_fan/collection/value",
                      json={"minimum": "$0.00", "median": "", "maximum": None})
    assert fetch_collection_value(client, "vinyl_fan") == {"minimum": "$0.00"}


# --- collection_item_to_album ----------------------------------------------------------------


def item(artists=None, **info_changes) -> dict:
    """A minimal collection item with no folder_id or notes keys (as unauthenticated)."""
    info = {
        "id": 5670202, "master_id": 44382, "title": "September Song ", "year": 1985,
        "thumb": "", "cover_image": "",
        "formats": [{"name": "Vinyl", "qty": "1", "descriptions": ['7"', "45 RPM", "Single"]}],
        "labels": [{"name": "A&M Records", "catno": "390 056-7", "id": 904}],
        "artists": artists or [{"name": "Lou Reed", "anv": "", "join": "", "id": 11879}],
        "genres": ["Rock"], "styles": ["Alternative Rock"],
        **info_changes,
    }
    return {"id": info["id"], "instance_id": 1833516210, "rating": 0,
            "date_added": "2024-11-10T08:03:17-08:00", "basic_information": info}


def artist(name, join="", anv=""):
    return {"name": name, "anv": anv, "join": join, "role": "", "tracks": "", "id": 1}


def test_item_without_folder_or_notes_keys():
    assert collection_item_to_album(item()) == {
        "release_id": 5670202, "instance_id": 1833516210, "copy_no": 1, "folder": None,
        "master_id": 44382, "artist": "Lou Reed", "artists": ["Lou Reed"],
        "title": "September Song", "year": 1985, "labels": ["A&M Records"],
        "catnos": ["390 056-7"], "formats": ['Vinyl, 7", 45 RPM, Single'], "media": "Vinyl",
        "genres": ["Rock"], "styles": ["Alternative Rock"], "cover_image": None, "thumb": None,
        "date_added": "2024-11-10T16:03:17+00:00", "rating": None, "media_condition": None,
        "sleeve_condition": None, "notes": None, "custom_fields": {},
        "discogs_url": "https://www.discogs.com/release/5670202",
        "album_key": "lou reed|september song",
    }


@pytest.mark.parametrize(
    ("artists", "display", "names"),
    [
        ([artist("Nirvana (2)")], "Nirvana", ["Nirvana"]),
        # The API gives the canonical name and the ANV apart; the canonical name is shown.
        ([artist("Kruder & Dorfmeister", anv="Kruder Dorfmeister")],
         "Kruder & Dorfmeister", ["Kruder & Dorfmeister"]),
        ([artist("Simon (4)", "&"), artist("Garfunkel (12)")], "Simon & Garfunkel",
         ["Simon", "Garfunkel"]),
        ([artist("Nico (3)", ","), artist("Cale", ","), artist("Reed")], "Nico, Cale, Reed",
         ["Nico", "Cale", "Reed"]),
        ([artist("K*Ners", "Feat."), artist("Ragga Twins (2)")], "K*Ners Feat. Ragga Twins",
         ["K*Ners", "Ragga Twins"]),
        ([artist("DJ One", "Vs."), artist("DJ Two", "/"), artist("DJ Three")],
         "DJ One Vs. DJ Two / DJ Three", ["DJ One", "DJ Two", "DJ Three"]),
        # No join string between two artists: a comma.
        ([artist("A (2)", ""), artist("B")], "A, B", ["A", "B"]),
        # A join on the last artist has nothing to join.
        ([artist("Lou Reed", "&")], "Lou Reed", ["Lou Reed"]),
        ([artist("Various")], "Various", ["Various"]),
        ([artist("Persuader, The")], "Persuader, The", ["Persuader, The"]),
        ([artist("Frost*")], "Frost*", ["Frost*"]),
    ],
)
def test_artist_display_and_names(artists, display, names):
    album = collection_item_to_album(item(artists=artists))
    assert (album["artist"], album["artists"]) == (display, names)


def test_zero_means_unknown_for_year_master_and_rating():
    album = collection_item_to_album(item(year=0, master_id=0))
    assert (album["year"], album["master_id"], album["rating"]) == (None, None, None)


def test_custom_fields_are_named_from_fetch_field_names():
    raw = {**item(), "folder_id": 1, "notes": [
        {"field_id": 1, "value": "Very Good (VG)"},
        {"field_id": 2, "value": "Generic"},
        {"field_id": 3, "value": "Line one\nline two"},
        {"field_id": 4, "value": "15"},
        {"field_id": 5, "value": "No"},
    ]}
    album = collection_item_to_album(raw, FIELDS)
    assert {k: album[k] for k in ("folder", "media_condition", "sleeve_condition", "notes",
                                  "custom_fields")} == {
        "folder": "1", "media_condition": "Very Good (VG)", "sleeve_condition": "Generic",
        "notes": "Line one line two", "custom_fields": {"Cost": "15", "Autographed": "No"}}


def test_notes_without_field_names_keep_their_field_ids():
    raw = {**item(), "notes": [{"field_id": 7, "value": "Signed by the band"}]}
    assert collection_item_to_album(raw)["custom_fields"] == {"Field 7": "Signed by the band"}


def test_an_old_item_without_date_genres_or_master():
    raw = {"id": 1845027, "instance_id": 1, "rating": 0, "basic_information": {
        "id": 1845027, "title": "Tan\u010dete Na  Hrobech !", "year": 1991,
        "labels": [{"name": "\u0160ot Records", "catno": "SR 0001-1311"}],
        "formats": [{"name": "Vinyl", "qty": "1", "descriptions": ["LP", "Album"]}],
        "artists": [artist("Svat\u00fd Vincent")],
        "thumb": "http://api.discogs.com/image/R-150-1845027.jpeg"}}
    album = collection_item_to_album(raw)
    assert {k: album[k] for k in ("title", "artist", "labels", "genres", "styles", "master_id",
                                  "date_added", "cover_image", "thumb")} == {
        "title": "Tančete Na Hrobech !", "artist": "Svatý Vincent", "labels": ["Šot Records"],
        "genres": [], "styles": [], "master_id": None, "date_added": None,
        "cover_image": None, "thumb": "http://api.discogs.com/image/R-150-1845027.jpeg"}


def test_an_item_without_a_release_id_is_refused():
    raw = {"instance_id": 42, "basic_information": {"title": "?"}}
    with pytest.raises(ValueError, match="instance 42"):
        collection_item_to_album(raw)


def test_catno_none_is_not_a_catalogue_number():
    raw = item(labels=[{"name": "999 Records", "catno": "none"},
                       {"name": "Agonia Records", "catno": "ARlp091"}])
    assert collection_item_to_album(raw)["catnos"] == ["ARlp091"]


# --- number_copies ---------------------------------------------------------------------------


def test_number_copies_of_a_release_owned_twice():
    records = [
        {"release_id": 1582193, "instance_id": 900, "date_added": "2024-01-01T00:00:00+00:00"},
        {"release_id": 7, "instance_id": 500, "date_added": None},
        {"release_id": 1582193, "instance_id": 100, "date_added": "2024-06-01T00:00:00+00:00"},
    ]
    assert [(r["release_id"], r["instance_id"], r["copy_no"])
            for r in number_copies(records)] == [(1582193, 900, 2), (7, 500, 1),
                                                 (1582193, 100, 1)]


def test_number_copies_without_instance_ids_orders_by_date_then_position():
    records = [
        {"release_id": 5, "instance_id": None, "date_added": "2024-03-01T00:00:00+00:00"},
        {"release_id": 5, "instance_id": None, "date_added": "2023-03-01T00:00:00+00:00"},
        {"release_id": 5, "instance_id": None, "date_added": "2024-03-01T00:00:00+00:00"},
    ]
    assert [r["copy_no"] for r in number_copies(records)] == [2, 1, 3]


def test_number_copies_is_stable_whatever_the_page_order():
    copies = [{"release_id": 1, "instance_id": i, "date_added": None} for i in (30, 10, 20)]
    first = {r["instance_id"]: r["copy_no"] for r in number_copies([dict(c) for c in copies])}
    again = {r["instance_id"]: r["copy_no"]
             for r in number_copies([dict(c) for c in reversed(copies)])}
    assert first == again == {10: 1, 20: 2, 30: 3}


# --- real API bodies (../shared/real, when present) ------------------------------------------

REAL_COLLECTIONS = {
    "martiriera__discogs-spotify__response.json": 50,
    "joalla__discogs_client__users_example_collection_folders_0_releases.json": 3,
    "buntine__discogs__valid_user_collection.json": 5,
}


@pytest.mark.parametrize("name", sorted(REAL_COLLECTIONS))
def test_every_real_collection_item_parses(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    body = json.loads(path.read_text(encoding="utf-8"))
    albums = number_copies([collection_item_to_album(i) for i in body["releases"]])
    assert len(albums) == REAL_COLLECTIONS[name]
    for album in albums:
        assert album["release_id"] > 0 and album["artist"] and album["title"]
        assert album["title"] == album["title"].strip()
        assert album["discogs_url"] == f"https://www.discogs.com/release/{album['release_id']}"
        assert album["rating"] is None or 1 <= album["rating"] <= 5
        assert album["date_added"] is None or album["date_added"].endswith("+00:00")
    keys = [(a["release_id"], a["copy_no"]) for a in albums]
    assert len(keys) == len(set(keys))


def test_real_page_with_a_release_owned_twice():
    path = REAL / "martiriera__discogs-spotify__response.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    body = json.loads(path.read_text(encoding="utf-8"))
    albums = number_copies([collection_item_to_album(i) for i in body["releases"]])
    twice = sorted((a["instance_id"], a["copy_no"]) for a in albums
                   if a["release_id"] == 1582193)
    assert [copy_no for _, copy_no in twice] == [1, 2]
    first = albums[0]
    assert (first["title"], first["folder"], first["cover_image"], first["date_added"]) == (
        "September Song", None, None, "2024-11-10T16:03:17+00:00")


def test_real_fields_body(requests_mock, client):
    path = REAL / "buntine__discogs__valid_fields.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    requests_mock.get(f"{API}/users/abuntine/collection/fields",
                      text=path.read_text(encoding="utf-8"))
    assert fetch_field_names(client, "abuntine") == {
        1: "Media Condition", 2: "Sleeve Condition", 3: "Notes"}


def test_pressings_of_one_master_share_one_album_key():
    from tasks.discogs import unify_pressings

    records = [
        {"release_id": 1, "master_id": 24047, "album_key": "the beatles|abbey road"},
        {"release_id": 2, "master_id": 24047, "album_key": "beatles|abbey road super deluxe"},
        {"release_id": 3, "master_id": 24047, "album_key": "the beatles|abbey road"},
        {"release_id": 4, "master_id": None, "album_key": "can|tago mago"},
        {"release_id": 5, "master_id": 99, "album_key": "b|x"},
        {"release_id": 6, "master_id": 99, "album_key": "a|x"},
    ]
    assert [r["album_key"] for r in unify_pressings(records)] == [
        "the beatles|abbey road", "the beatles|abbey road", "the beatles|abbey road",
        "can|tago mago", "a|x", "a|x"]
