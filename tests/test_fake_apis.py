"""The local fake APIs, spoken to with plain requests, as the pipeline's clients will."""

from __future__ import annotations

import http.client
import socket
import threading
import time

import pytest
import requests

from tasks.fake_apis import (
    Catalog,
    FakeApis,
    FakeConfig,
    Fault,
    normalize_key,
    spotify_id,
)

SAMPLE = Catalog.load_sample()
UA = {"User-Agent": "discogs-sync-tests/0.1"}
DISCOGS_AUTH = {**UA, "Authorization": "Discogs token=demo-discogs-token"}
EURIA_AUTH = {"Authorization": "Bearer demo-euria-key"}


@pytest.fixture(scope="module")
def fake():
    with FakeApis(SAMPLE) as apis:
        yield apis


def spotify_headers(apis: FakeApis) -> dict[str, str]:
    response = requests.post(f"{apis.spotify_accounts_url}/api/token",
                             auth=("demo-client", "demo-secret"),
                             data={"grant_type": "client_credentials"}, timeout=5)
    assert response.status_code == 200
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def search(apis: FakeApis, q: str, headers: dict[str, str] | None = None,
           **params: object) -> requests.Response:
    return requests.get(f"{apis.spotify_api_url}/search",
                        params={"q": q, "type": "album", **params},
                        headers=headers or spotify_headers(apis), timeout=5)


def chat(apis: FakeApis, content: str, **body: object) -> requests.Response:
    return requests.post(f"{apis.euria_url}/chat/completions", headers=EURIA_AUTH, timeout=5,
                         json={"model": "qwen3",
                               "messages": [{"role": "system", "content": "Be brief."},
                                            {"role": "user", "content": content}], **body})


# --------------------------------------------------------------------------- Discogs


def test_collection_pages_follow_next_until_absent(fake):
    url = f"{fake.discogs_url}/users/demo/collection/folders/0/releases"
    params: dict | None = {"per_page": 10}
    seen, pages = [], []
    while url:
        response = requests.get(url, params=params, headers=DISCOGS_AUTH, timeout=5)
        assert response.status_code == 200
        body = response.json()
        pages.append(body["pagination"])
        seen += [(r["id"], r["instance_id"]) for r in body["releases"]]
        url, params = body["pagination"]["urls"].get("next"), None

    assert seen == [(r["id"], r["instance_id"]) for r in SAMPLE.releases]
    assert [p["page"] for p in pages] == [1, 2, 3]
    assert pages[0] == {
        "page": 1, "pages": 3, "per_page": 10, "items": len(SAMPLE.releases),
        "urls": {"last": f"{fake.discogs_url}/users/demo/collection/folders/0/releases"
                         "?page=3&per_page=10",
                 "next": f"{fake.discogs_url}/users/demo/collection/folders/0/releases"
                         "?page=2&per_page=10"}}
    assert set(pages[-1]["urls"]) == {"first", "prev"}


def test_collection_page_past_the_end_and_per_page_clamp(fake):
    url = f"{fake.discogs_url}/users/demo/collection/folders/0/releases"
    past = requests.get(url, params={"page": 4, "per_page": 10}, headers=DISCOGS_AUTH, timeout=5)
    assert past.status_code == 404
    assert "outside of valid range" in past.json()["message"]

    big = requests.get(url, params={"per_page": 500}, headers=DISCOGS_AUTH, timeout=5).json()
    assert big["pagination"]["per_page"] == 100 and big["pagination"]["pages"] == 1
    assert "next" not in big["pagination"]["urls"]


def test_discogs_headers_auth_and_unknown_user(fake):
    ok = requests.get(f"{fake.discogs_url}/users/demo/collection/fields", headers=DISCOGS_AUTH,
                      timeout=5)
    assert ok.status_code == 200
    assert [f["name"] for f in ok.json()["fields"]][:3] == ["Media Condition", "Sleeve Condition",
                                                            "Notes"]
    assert ok.headers["X-Discogs-Ratelimit"] == "60"
    assert {"X-Discogs-Ratelimit-Used", "X-Discogs-Ratelimit-Remaining"} <= set(ok.headers)

    for headers in (UA, {**UA, "Authorization": "Discogs token=wrong"}):
        refused = requests.get(f"{fake.discogs_url}/users/demo/collection/value",
                               headers=headers, timeout=5)
        assert refused.status_code == 401
        assert refused.json() == {"message": "You must authenticate to access this resource."}
        assert "X-Discogs-Ratelimit" in refused.headers

    unknown = requests.get(f"{fake.discogs_url}/users/nobody/collection/folders/0/releases",
                           headers=DISCOGS_AUTH, timeout=5)
    assert unknown.status_code == 404 and "message" in unknown.json()

    value = requests.get(f"{fake.discogs_url}/users/demo/collection/value",
                         headers=DISCOGS_AUTH, timeout=5).json()
    assert value == SAMPLE.value


def test_discogs_refuses_a_request_without_user_agent(fake):
    conn = http.client.HTTPConnection("127.0.0.1", fake.port, timeout=5)
    conn.putrequest("GET", "/discogs/users/demo/collection/value", skip_accept_encoding=True)
    conn.putheader("Authorization", "Discogs token=demo-discogs-token")
    conn.endheaders()
    assert conn.getresponse().status == 403
    conn.close()


def test_release_and_master(fake):
    nevermind_cd = requests.get(f"{fake.discogs_url}/releases/367273", headers=DISCOGS_AUTH,
                                timeout=5).json()
    assert nevermind_cd["master_id"] == 13814
    assert nevermind_cd["tracklist"][0] == {"position": "1", "type_": "track",
                                            "title": "Smells Like Teen Spirit",
                                            "duration": "5:01"}
    zombie = requests.get(f"{fake.discogs_url}/masters/76432", headers=DISCOGS_AUTH,
                          timeout=5).json()
    assert (zombie["title"], zombie["year"]) == ("Zombie", 1976)  # the reissue is from 2013
    missing = requests.get(f"{fake.discogs_url}/releases/1", headers=DISCOGS_AUTH, timeout=5)
    assert missing.status_code == 404


def test_discogs_moving_window_answers_429_then_recovers():
    config = FakeConfig(discogs_rate_per_min=3, time_scale=0.005)  # a 0.3 s window
    with FakeApis(SAMPLE, config) as apis:
        url = f"{apis.discogs_url}/users/demo/collection/value"
        answers = [requests.get(url, headers=DISCOGS_AUTH, timeout=5) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert [a.headers["X-Discogs-Ratelimit-Remaining"] for a in answers] == ["2", "1", "0",
                                                                                  "0"]
        assert answers[0].headers["X-Discogs-Ratelimit"] == "3"
        time.sleep(0.35)
        assert requests.get(url, headers=DISCOGS_AUTH, timeout=5).status_code == 200
        assert apis.stats.rate_limited["discogs"] == 1


# --------------------------------------------------------------------------- Spotify


def test_token_endpoint(fake):
    url = f"{fake.spotify_accounts_url}/api/token"
    wrong = requests.post(url, auth=("demo-client", "nope"),
                          data={"grant_type": "client_credentials"}, timeout=5)
    assert wrong.status_code == 400
    assert wrong.json() == {"error": "invalid_client", "error_description": "Invalid client"}
    no_grant = requests.post(url, auth=("demo-client", "demo-secret"), timeout=5)
    assert no_grant.status_code == 400 and no_grant.json()["error"] == "unsupported_grant_type"
    ok = requests.post(url, auth=("demo-client", "demo-secret"),
                       data={"grant_type": "client_credentials"}, timeout=5).json()
    assert ok["token_type"] == "Bearer" and ok["expires_in"] == 3600 and ok["access_token"]


def test_search_finds_album_by_single_quoted_filters(fake):
    response = search(fake, "album:'Whats Going On' artist:'Marvin Gaye'", limit=10)
    albums = response.json()["albums"]
    assert response.status_code == 200
    assert [a["id"] for a in albums["items"]] == [
        a["id"] for a in SAMPLE.spotify[normalize_key("Marvin Gaye", "What's Going On")]]
    # Links point at the server that answered, as Spotify's own do.
    assert albums["items"][0]["href"] == f"{fake.spotify_api_url}/albums/2v6ANhWhZBUKkg6pJJBs3B"
    assert albums["total"] == 4 and albums["next"] is None and albums["offset"] == 0
    assert albums["href"].startswith(f"{fake.spotify_api_url}/search?")
    # As on Spotify, an apostrophe ends a single-quoted filter: album:What, then the free
    # words "s Going On'", and "s" is no word of any title.
    assert search(fake, "album:'What's Going On' artist:'Marvin Gaye'").json()[
        "albums"]["items"] == []
    # Accents and case are folded.
    stripped = search(fake, "album:'agaetis BYRJUN' artist:'Sigur Ros'").json()
    assert stripped["albums"]["items"][0]["name"] == "Ágætis byrjun"


def test_search_limits_offsets_and_strict_words(fake):
    headers = spotify_headers(fake)
    too_many = search(fake, "album:'AM'", headers, limit=11)
    assert too_many.status_code == 400
    assert too_many.json() == {"error": {"status": 400, "message": "Invalid limit"}}
    for q in ("album:'' artist:'Nirvana'", "album: artist:'Nirvana'"):
        empty_filter = search(fake, q, headers)
        assert empty_filter.status_code == 400
        assert empty_filter.json() == {"error": {
            "status": 400, "message": "Bad search query: empty field filter"}}
    default = search(fake, "album:'Blue'", headers).json()["albums"]
    assert default["limit"] == 5 and len(default["items"]) == 5 and default["total"] == 7

    first = search(fake, "album:'Nevermind' artist:'Nirvana'", headers, limit=2).json()["albums"]
    second = search(fake, "album:'Nevermind' artist:'Nirvana'", headers, limit=2,
                    offset=2).json()["albums"]
    assert len(first["items"]) == 2 and first["next"] and first["total"] == 3
    # The filed single "Smells Like Teen Spirit" has neither word in its name: not found.
    assert [a["name"] for a in first["items"] + second["items"]] == [
        "Nevermind (30th Anniversary Super Deluxe)", "Nevermind (Remastered)",
        "Nevermind (Deluxe Edition)"]
    assert second["previous"] and second["next"] is None
    # Development mode: no popularity, label or markets, even where the catalogue has them.
    assert not {"popularity", "label", "available_markets"} & {
        k for a in first["items"] for k in a}

    # No fallback: every word of a filter must be in that field.
    for q in ("album:'Lateralus' artist:'Tool (2)'", "album:'Nightfall' artist:'Nirvana'",
              "album:'Lateralus' artist:'Nirvana'"):
        assert search(fake, q, headers).json()["albums"]["items"] == [], q
    # Free text (no filters) matches words of the name or of an artist.
    free = search(fake, "Bridge Over Troubled Water Simon Garfunkel", headers).json()["albums"]
    assert free["items"][0]["artists"][0]["name"] == "Simon & Garfunkel"
    # The year filter applies to Spotify's release_date, not to the pressing's year.
    by_year = search(fake, "album:'Zombie' year:1976", headers).json()["albums"]["items"]
    assert [a["artists"][0]["name"] for a in by_year] == ["Fela Kuti"]

    for q in ("album:'Ys' artist:'Joanna Newsom'", "album:'No Such Record' artist:'Nobody'",
              'album:"Abbey Road" artist:"The Beatles"'):
        result = search(fake, q, headers)
        assert result.status_code == 200 and result.json()["albums"]["items"] == [], q


def test_search_serves_a_flat_catalogue_by_popularity():
    def album(name, artist, pop, date="2001-01-01"):
        album_id = spotify_id("album", name, artist)
        return {"id": album_id, "name": name, "album_type": "album", "release_date": date,
                "total_tracks": 10, "popularity": pop, "label": "X", "type": "album",
                "artists": [{"id": spotify_id("artist", artist), "name": artist}]}

    catalogue = [album("Debut", "Björk", 40), album("Debut", "Other Band", 60),
                 album("Post", "Björk", 50, "1995-06-13")]
    with FakeApis(Catalog(spotify_catalogue=catalogue)) as apis:
        headers = spotify_headers(apis)
        items = search(apis, "album:Debut", headers).json()["albums"]["items"]
        assert [a["artists"][0]["name"] for a in items] == ["Other Band", "Björk"]
        assert all("popularity" not in a and "label" not in a for a in items)
        # The album endpoint answers any catalogue album, in the development-mode shape.
        post = requests.get(f"{apis.spotify_api_url}/albums/{catalogue[2]['id']}",
                            headers=headers, timeout=5).json()
        assert post["name"] == "Post" and "popularity" not in post and post["tracks"]["total"] == 10
    with FakeApis(Catalog(spotify_catalogue=catalogue), FakeConfig(spotify_dev_mode=False)) as apis:
        items = search(apis, "album:Debut", spotify_headers(apis)).json()["albums"]["items"]
        assert [a["popularity"] for a in items] == [60, 40]


def test_artist_albums_endpoint(fake):
    headers = spotify_headers(fake)
    nirvana = SAMPLE.spotify[normalize_key("Nirvana", "Nevermind")][0]["artists"][0]["id"]
    url = f"{fake.spotify_api_url}/artists/{nirvana}/albums"
    page = requests.get(url, headers=headers, params={"limit": 10}, timeout=5).json()
    assert [a["name"] for a in page["items"]] == [
        "Nevermind (30th Anniversary Super Deluxe)", "Nevermind (Remastered)",
        "Nevermind (Deluxe Edition)", "Smells Like Teen Spirit"]
    assert page["total"] == 4 and page["next"] is None
    assert all("available_markets" not in a for a in page["items"])
    singles = requests.get(url, headers=headers, params={"include_groups": "single"},
                           timeout=5).json()
    assert [a["name"] for a in singles["items"]] == ["Smells Like Teen Spirit"]
    assert requests.get(url, headers=headers, params={"limit": 11},
                        timeout=5).status_code == 400  # development mode: 10 at most
    assert requests.get(url, headers=headers, params={"include_groups": "bogus"},
                        timeout=5).status_code == 400
    unknown = requests.get(f"{fake.spotify_api_url}/artists/{'0' * 22}/albums", headers=headers,
                           timeout=5)
    assert unknown.status_code == 404
    # The batch endpoints are gone for development-mode apps.
    for batch in ("albums", "artists"):
        refused = requests.get(f"{fake.spotify_api_url}/{batch}", params={"ids": nirvana},
                               headers=headers, timeout=5)
        assert refused.status_code == 403
        assert refused.json() == {"error": {"status": 403, "message": "Forbidden"}}


def test_album_endpoint(fake):
    headers = spotify_headers(fake)
    rumours = requests.get(f"{fake.spotify_api_url}/albums/1bt6q2SruMsBtcerNVtpZB",
                           headers=headers, timeout=5).json()
    assert rumours["name"] == "Rumours" and len(rumours["tracks"]["items"]) == 11
    assert all(t["duration_ms"] > 100_000 for t in rumours["tracks"]["items"])
    # A search result without a stored full album still resolves, with made-up tracks.
    live = SAMPLE.spotify[normalize_key("Fleetwood Mac", "Rumours")][2]
    built = requests.get(f"{fake.spotify_api_url}/albums/{live['id']}", headers=headers,
                         timeout=5).json()
    assert built["name"] == "Rumours Live" and len(built["tracks"]["items"]) == 22
    bad = requests.get(f"{fake.spotify_api_url}/albums/not-an-id", headers=headers, timeout=5)
    assert bad.status_code == 400
    unknown = requests.get(f"{fake.spotify_api_url}/albums/{'0' * 22}", headers=headers,
                           timeout=5)
    assert unknown.status_code == 404


def test_spotify_bearer_checks_and_token_expiry():
    with FakeApis(SAMPLE) as apis:
        url = f"{apis.spotify_api_url}/albums/1bt6q2SruMsBtcerNVtpZB"
        assert requests.get(url, timeout=5).json() == {
            "error": {"status": 401, "message": "No token provided"}}
        assert requests.get(url, headers={"Authorization": "Bearer forged"},
                            timeout=5).status_code == 401
        headers = spotify_headers(apis)
        assert requests.get(url, headers=headers, timeout=5).status_code == 200

        apis.expire_spotify_tokens()

        expired = requests.get(url, headers=headers, timeout=5)
        assert expired.status_code == 401
        assert expired.json() == {"error": {"status": 401, "message": "The access token expired"}}
        assert requests.get(url, headers=spotify_headers(apis), timeout=5).status_code == 200

    with FakeApis(SAMPLE, FakeConfig(token_expires_in=3600, time_scale=0.0001)) as apis:
        headers = spotify_headers(apis)  # lives 0.36 s of wall clock
        time.sleep(0.4)
        assert requests.get(f"{apis.spotify_api_url}/albums/1bt6q2SruMsBtcerNVtpZB",
                            headers=headers, timeout=5).status_code == 401


def test_spotify_rolling_window_429_with_retry_after():
    config = FakeConfig(spotify_window_s=30, spotify_max_per_window=2, time_scale=0.01)
    with FakeApis(SAMPLE, config) as apis:
        headers = spotify_headers(apis)
        answers = [search(apis, "album:'AM'", headers) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 429]
        wait = float(answers[2].headers["Retry-After"])  # scaled: a decimal string
        assert 0 < wait <= 0.3
        time.sleep(wait + 0.02)
        assert search(apis, "album:'AM'", headers).status_code == 200
        assert apis.stats.rate_limited["spotify"] == 1

    with FakeApis(SAMPLE, FakeConfig(spotify_max_per_window=1)) as apis:
        headers = spotify_headers(apis)
        search(apis, "album:'AM'", headers)
        limited = search(apis, "album:'AM'", headers)
        assert limited.status_code == 429 and limited.headers["Retry-After"] in ("29", "30")


# --------------------------------------------------------------------------- EurIA


def test_euria_models_auth_and_errors(fake):
    models = requests.get(f"{fake.euria_url}/models", headers=EURIA_AUTH, timeout=5).json()
    assert "qwen3" in [m["id"] for m in models["data"]]
    wrong = requests.post(f"{fake.euria_url}/chat/completions", json={"model": "qwen3"},
                          headers={"Authorization": "Bearer nope"}, timeout=5)
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_api_key"
    unknown_model = chat(fake, "Artist: AIR\nTitle: Moon Safari", model="gpt-9")
    assert unknown_model.status_code == 404
    assert unknown_model.json()["error"]["code"] == "model_not_found"
    other_product = requests.get(fake.euria_url.replace("demo-product", "42") + "/models",
                                 headers=EURIA_AUTH, timeout=5)
    assert other_product.status_code == 404


def test_euria_answers_catalog_description_or_grounded_text(fake):
    known = chat(fake, "<album_facts>\nArtist: Miles Davis\nTitle: Kind Of Blue\nYear: 1959\n"
                       "</album_facts>").json()
    text = known["choices"][0]["message"]["content"]
    assert text == SAMPLE.descriptions[normalize_key("Miles Davis", "Kind Of Blue")]
    assert known["object"] == "chat.completion" and known["choices"][0]["finish_reason"] == "stop"
    usage = known["usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0

    unknown = chat(fake, "Artist: The Quiet Harbours\nTitle: Paper Lanterns\nYear: 2004\n"
                         "Label: Domino\nGenres: Rock").json()["choices"][0]["message"]["content"]
    for fact in ("The Quiet Harbours", "Paper Lanterns", "2004", "Domino", "Rock"):
        assert fact in unknown

    short = chat(fake, "Artist: Portishead\nTitle: Dummy", max_tokens=10).json()
    assert short["choices"][0]["finish_reason"] == "length"
    assert len(short["choices"][0]["message"]["content"]) == 40


def test_euria_concurrency_cap_answers_429_and_counts_peak():
    config = FakeConfig(euria_max_concurrency=2, euria_latency_s=0.4)
    with FakeApis(SAMPLE, config) as apis:
        statuses: list[int] = []
        threads = [threading.Thread(target=lambda: statuses.append(
            chat(apis, "Artist: Björk\nTitle: Homogenic").status_code)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(statuses) == [200, 200, 429, 429]
        stats = apis.stats
        # The peak counts arrivals too: above the cap means the client overstepped it.
        assert stats.euria_max_concurrency > 2 and stats.rate_limited["euria"] == 2


# --------------------------------------------------------------------------- faults and stats


def test_faults_status_times_and_title():
    config = FakeConfig(faults=[
        Fault(service="spotify", status=503, times=1, headers={"Retry-After": "1"}),
        Fault(service="euria", status=500, title="Dummy"),
    ])
    with FakeApis(SAMPLE, config) as apis:
        headers = spotify_headers(apis)
        first = search(apis, "album:'AM'", headers)
        assert first.status_code == 503 and first.headers["Retry-After"] == "1"
        assert first.json() == {"error": {"status": 503, "message": "Service unavailable"}}
        assert search(apis, "album:'AM'", headers).status_code == 200
        assert chat(apis, "Artist: Portishead\nTitle: Dummy").status_code == 500
        assert chat(apis, "Artist: Portishead\nTitle: Dummy").status_code == 500
        assert chat(apis, "Artist: Björk\nTitle: Homogenic").status_code == 200
        stats = apis.stats
        assert stats.requests["spotify"] == 2 and stats.requests["euria"] == 3
        assert stats.faults == {"spotify": 1, "euria": 2}


def test_faults_reset_malformed_and_timeout():
    config = FakeConfig(faults=[
        Fault(service="discogs", action="reset", path="/value", times=1),
        Fault(service="discogs", action="malformed", path="/fields", times=1),
        Fault(service="spotify_token", action="timeout", seconds=0.5, times=1),
    ])
    with FakeApis(SAMPLE, config) as apis:
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{apis.discogs_url}/users/demo/collection/value",
                         headers=DISCOGS_AUTH, timeout=5)
        malformed = requests.get(f"{apis.discogs_url}/users/demo/collection/fields",
                                 headers=DISCOGS_AUTH, timeout=5)
        assert malformed.status_code == 200
        with pytest.raises(requests.JSONDecodeError):
            malformed.json()
        with pytest.raises(requests.ReadTimeout):
            requests.post(f"{apis.spotify_accounts_url}/api/token",
                          auth=("demo-client", "demo-secret"),
                          data={"grant_type": "client_credentials"}, timeout=(1, 0.1))
        assert apis.stats.requests == {"discogs": 2, "spotify_token": 1}
        # Each fault was used up: the same calls now succeed.
        assert requests.get(f"{apis.discogs_url}/users/demo/collection/value",
                            headers=DISCOGS_AUTH, timeout=5).status_code == 200
        spotify_headers(apis)


def test_stats_endpoints_calls_and_reset(fake):
    fake.reset_stats()
    requests.get(f"{fake.discogs_url}/releases/367273", headers=DISCOGS_AUTH, timeout=5)
    requests.get(f"{fake.euria_url}/models", headers=EURIA_AUTH, timeout=5)
    stats = fake.stats
    assert stats.endpoints == {"discogs.release": 1, "euria.models": 1}
    assert stats.calls == [("discogs", "GET", "/discogs/releases/367273"),
                           ("euria", "GET", "/euria/1/ai/demo-product/openai/models")]
    assert stats.total == 2
    fake.reset_stats()
    assert fake.stats.total == 0


# --------------------------------------------------------------------------- catalog and server


def test_synthetic_catalog_has_the_real_world_mix():
    catalog = Catalog.synthetic(400, seed=3)
    assert Catalog.synthetic(400, seed=3).releases == catalog.releases
    releases = catalog.releases
    assert len(releases) == 400
    assert len({r["instance_id"] for r in releases}) == 400
    ids = [r["id"] for r in releases]
    assert len(set(ids)) < len(ids)  # some releases owned twice
    masters: dict[int, set[int]] = {}
    for r in releases:
        if r["basic_information"]["master_id"]:
            masters.setdefault(r["basic_information"]["master_id"], set()).add(r["id"])
    assert any(len(v) > 1 for v in masters.values())  # several pressings of one album
    assert any(r["basic_information"]["artists"][0]["name"] == "Various" for r in releases)
    titles = {r["basic_information"]["title"] for r in releases}
    assert 0 < len(titles) - len(catalog.spotify) < len(titles) // 4  # some not on Spotify

    with FakeApis(catalog) as apis:
        headers = spotify_headers(apis)
        for key in list(catalog.spotify)[:5]:
            artist, title = key.split("|")
            items = search(apis, f"album:'{title}' artist:'{artist}'", headers).json()
            assert items["albums"]["items"], key


def test_env_ports_and_close():
    with FakeApis(SAMPLE) as one, FakeApis(SAMPLE) as two:
        assert one.port != two.port
        env = one.env()
        assert env["DISCOGS_API_URL"] == one.discogs_url
        assert env["EURIA_API_URL"].endswith("/euria/1/ai/demo-product/openai")
        assert set(env) == {
            "DISCOGS_API_URL", "DISCOGS_USERNAME", "DISCOGS_TOKEN", "SPOTIFY_API_URL",
            "SPOTIFY_ACCOUNTS_URL", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET",
            "EURIA_API_URL", "EURIA_API_KEY", "EURIA_PRODUCT_ID", "EURIA_MODEL"}
        port = one.port
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
