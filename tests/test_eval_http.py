"""The matcher's evaluation and the real client over HTTP agree, album by album.

`discogs-sync eval` runs `lookup_album` in-process against the strict engine; a user's sync runs
it through `SpotifyClient` over HTTP. Here a fixed sample of the labeled set goes both ways, the
HTTP way against the fake Spotify serving the labeled catalogue, and the outcomes must match:
what was linked, the row, and the searches as the server received them. A few of them also go
through the whole sync, so the rows that land in DuckDB are checked too.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

from bench.labeled import MASTER_IDS, RELEASE_IDS
from bench.labeled import collection_item as discogs_item
from tasks.fake_apis import Catalog, FakeApis
from tasks.match_eval import LabeledAlbum, load_set, run_album, synced_facts
from tasks.spotify import SpotifyClient, lookup_album

PER_GROUP = 2  # albums per (file, category): 111 albums over the 56 groups
MARKET = "SE"
# Fields of a row that may differ: when it was checked, and the duration the HTTP fake makes up
# for tracks the labeled catalogue does not list.
UNCOMPARED = ("checked_at", "spotify_duration_ms")


def sample(albums: list[LabeledAlbum], per_group: int = PER_GROUP) -> list[LabeledAlbum]:
    """A fixed sample, blind to outcomes: in each (file, category), the lowest id hashes."""
    groups: dict[tuple[str, str], list[LabeledAlbum]] = defaultdict(list)
    for album in albums:
        groups[(album.source, album.category)].append(album)

    def digest(album: LabeledAlbum) -> str:
        return hashlib.sha256(album.id.encode("utf-8")).hexdigest()

    return [a for key in sorted(groups) for a in sorted(groups[key], key=digest)[:per_group]]


@pytest.fixture(scope="module")
def labeled():
    albums, engine = load_set()
    return sample(albums), engine


@pytest.fixture(scope="module")
def fake_spotify(labeled):
    _, engine = labeled
    with FakeApis(Catalog(spotify_catalogue=engine.catalogue)) as fake:
        yield fake


def searches_received(fake: FakeApis) -> tuple[list[str], list[str]]:
    """The q of each search the fake received, and the album ids asked of /albums/{id}."""
    queries, albums = [], []
    for service, method, target in fake.stats.calls:
        if service != "spotify" or method != "GET":
            continue
        url = urlsplit(target)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path.endswith("/search"):
            assert params["type"] == ["album"] and params["limit"] == ["10"], target
            assert params["market"] == [MARKET], target
            queries.extend(params["q"])
        elif "/albums/" in url.path:
            albums.append(url.path.rsplit("/", 1)[1])
    return queries, albums


def comparable(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in UNCOMPARED}


def test_the_sample_covers_every_file_and_category(labeled):
    albums, _ = labeled
    every, _ = load_set()
    assert 60 <= len(albums) <= 150
    assert {(a.source, a.category) for a in albums} == {(a.source, a.category) for a in every}
    assert any(a.acceptable for a in albums) and any(not a.acceptable for a in albums)


def test_http_lookup_gives_what_the_eval_gives(labeled, fake_spotify):
    albums, engine = labeled
    client = SpotifyClient("demo-client", "demo-secret", api_url=fake_spotify.spotify_api_url,
                           accounts_url=fake_spotify.spotify_accounts_url, market=MARKET,
                           sleep=lambda _: None)
    client.token()
    differences = []
    for item in albums:
        expected = run_album(item, engine)
        fake_spotify.reset_stats()
        row = lookup_album(client, {**item.album, "album_key": item.id})
        queries, album_calls = searches_received(fake_spotify)
        got = {"linked": row["spotify_album_id"] if row["status"] == "matched" else None,
               "queries": queries, "album_calls": album_calls, "row": comparable(row)}
        want = {"linked": expected["linked"], "queries": expected["queries"],
                "album_calls": expected["album_calls"], "row": comparable(expected["row"])}
        if got != want:
            differences.append((item.id, {k: (got[k], want[k]) for k in got
                                          if got[k] != want[k]}))
    assert differences == []
    assert client.album_endpoint_refused is False  # development mode still answers it


# -- the whole sync, for one album of each labeled-set file

@pytest.mark.parametrize("first_sync", [False, True], ids=["master-years-known", "first-sync"])
def test_the_sync_stores_what_the_eval_gives(labeled, tmp_path, monkeypatch, prefect_harness,
                                             first_sync):
    """The whole sync stores, for one album of each file, the row the eval gives it: with the
    master years known from an earlier run, or as a first sync, which gets a master's year
    with the track count when the lookup asks Discogs for more facts."""
    from flows.discogs_sync import discogs_sync
    from tasks import load

    albums, engine = labeled
    chosen = [next(a for a in albums if a.source == source)  # each file's first in the sample
              for source in sorted({a.source for a in albums})]
    assert len(chosen) == len({a.source for a in albums}) >= 6
    items = [discogs_item(n, a.album) for n, a in enumerate(chosen)]
    db = tmp_path / "c.duckdb"
    # The masters' years and track counts are known beforehand, as after an earlier run; or
    # none is, and a lookup that asks Discogs for more facts fetches its master (both).
    masters = {MASTER_IDS + n: {"year": a.album["master_year"]}
               for n, a in enumerate(chosen) if a.album.get("master_year")}
    if not first_sync:
        with load.connect(db) as con:
            load.upsert_master_years(con, {
                MASTER_IDS + n: (a.album["master_year"], a.album.get("track_count"))
                for n, a in enumerate(chosen) if a.album.get("master_year")}, datetime.now(UTC))
    # Each release's tracklist on Discogs holds the labeled number of tracks (none: empty).
    tracklists = {RELEASE_IDS + n: [{"position": str(t + 1), "type_": "track",
                                   "title": f"Track {t + 1}", "duration": "3:00"}
                                  for t in range(a.album.get("track_count") or 0)]
                  for n, a in enumerate(chosen)}
    with FakeApis(Catalog(releases=items, spotify_catalogue=engine.catalogue,
                          tracklists=tracklists, masters=masters)) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("SPOTIFY_MARKET", MARKET)
        discogs_sync(db_path=str(db), out_dir=str(tmp_path / "site"))
        queries, _ = searches_received(fake)
        master_requests = fake.stats.endpoints["discogs.master"]

    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(
            "SELECT r.release_id, m.* FROM spotify_matches AS m "
            "JOIN releases AS r USING (album_key) ORDER BY r.release_id")
        columns = [d[0] for d in cursor.description]
        stored = {row[0]: dict(zip(columns[1:], row[1:], strict=True))
                  for row in cursor.fetchall()}
    assert len(stored) == len(chosen)
    expected_queries = []
    for n, item in enumerate(chosen):
        # The sync hands the matcher only ALBUM_FACTS of a record: no track count, which the
        # collection API does not give, except from the release fetch a lookup asks for. The
        # eval is run on the same facts (as synced), its fetches answered from the labels.
        expected = run_album(item, engine, facts=synced_facts(first_sync))
        expected_queries += expected["queries"]
        want = comparable(expected["row"])
        if "more_facts" in want["evidence"]:
            # The master answers both facts (its tracklist is the release's here); an album
            # of no master has its release fetched for the count.
            more = want["evidence"]["more_facts"]
            more["source"] = "discogs " + (f"/masters/{MASTER_IDS + n}"
                                           if MASTER_IDS + n in masters
                                           else f"/releases/{RELEASE_IDS + n}")
        got = stored[RELEASE_IDS + n]
        got = {k: json.loads(got[k]) if k in ("evidence", "candidates") and got[k] else got[k]
               for k in want}
        want["album_key"] = got["album_key"]  # the sync's own key (artist|title)
        assert got == want, item.id
    assert sorted(queries) == sorted(expected_queries)
    # The masters fetched are kept (year and track count), one request each, and only a
    # lookup asking for facts asks.
    with duckdb.connect(str(db), read_only=True) as con:
        kept = {m: (y, c) for m, y, c in con.execute(
            "SELECT master_id, year, track_count FROM discogs_masters").fetchall()}
    assert all(masters[m]["year"] == y and c == (chosen[m - MASTER_IDS].album.get(
        "track_count") or None) for m, (y, c) in kept.items())
    asked = sum(MASTER_IDS + n in masters and "more_facts" in json.loads(
        stored[RELEASE_IDS + n]["evidence"] or "{}") for n in range(len(chosen)))
    assert asked > 0
    # Known from the earlier run, the masters' counts are not asked again.
    assert master_requests == (asked if first_sync else 0)
    assert len(kept) == (asked if first_sync else len(masters))


def test_eval_as_synced_gives_the_matcher_only_what_the_sync_has(tmp_path, capsys):
    from tasks.match_eval import evaluate as run_eval
    from tasks.match_eval import main, report

    record = {"artist": "Nirvana", "artists": ["Nirvana"], "title": "Bleach", "year": 1989,
              "master_year": 1989, "track_count": 13, "formats": ["LP, Album"],
              "labels": ["Sub Pop"], "catnos": ["SP34"], "genres": ["Rock"], "styles": []}
    (tmp_path / "a.json").write_text(json.dumps({"about": "test", "catalogue": [], "albums": [
        {"id": "t-1", "category": "general", "album": record, "acceptable": []}]}),
        encoding="utf-8")
    seen: list[dict] = []

    given: list[dict] = []

    def recording(client, album, more_facts=None):
        seen.append(album)
        if more_facts is not None:  # as a lookup left without a link asks for it
            given.append(more_facts())
        return {"status": "not_found", "spotify_album_id": None}

    full = run_eval(tmp_path, lookup=recording, as_synced=False)
    known = run_eval(tmp_path, lookup=recording, first_sync=False)
    first = run_eval(tmp_path, lookup=recording)  # as a first sync: the default
    without = {k: v for k, v in record.items() if k != "track_count"}
    assert seen == [{**record, "album_key": "t-1"}, {**without, "album_key": "t-1"},
                    {**{k: v for k, v in without.items() if k != "master_year"},
                     "album_key": "t-1", "master_id": 1}]  # a master, its year not known
    # The track count comes only through a Discogs fetch, counted per album; in a first sync
    # the master's year with it, in the same request (the master answers both).
    assert given == [{"track_count": 13, "source": "discogs"},
                     {"track_count": 13, "master_year": 1989, "source": "discogs"}]
    assert [r["discogs"] for r in full["results"]] == [0]
    assert [r["discogs"] for r in known["results"]] == [1]
    assert [r["discogs"] for r in first["results"]] == [1]
    half = "tuning" if full["results"][0]["item"].half == "tuning" else "held_out"
    assert known[half]["overall"]["discogs_per_album"] == 1.0
    assert "as synced" not in report(full) and "master years known:" in report(known)
    assert "first sync:" in report(first)
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "first sync: the matcher gets only the facts a first sync has" in out
    main([str(tmp_path), "--master-years-known"])
    assert "as synced, master years known: the matcher gets" in capsys.readouterr().out
    main([str(tmp_path), "--all-facts"])
    assert "all facts: the matcher gets every fact" in capsys.readouterr().out
