"""The sync asks Discogs for a release's track count when its Spotify lookup needs one: end to
end through the fake HTTP APIs, asserting on the rows in DuckDB."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import duckdb
import pytest
from test_eval_http import MARKET, discogs_item

from tasks import load
from tasks.fake_apis import Catalog, FakeApis, FakeConfig, Fault
from tasks.match_eval import load_set

pytestmark = pytest.mark.usefixtures("prefect_harness")

# Tuning-half albums the searches leave without a link, which their track count links.
LINKED_BY_COUNT = "core-043"  # Standing On A Beach: uncertain between editions
FAILING = "core-205"  # Loaded: its release fetch fails
GONE = "ex-0069"  # Live In Japan: its release answers 404


def tracklist(count: int) -> list[dict]:
    half = (count + 1) // 2
    return [{"position": "", "type_": "heading", "title": "Side A", "duration": ""},
            *({"position": f"{'AB'[n >= half]}{n % half + 1}", "type_": "track",
               "title": f"Track {n + 1}", "duration": "3:00"} for n in range(count))]


def rows(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_track_count_from_discogs_links_an_album_and_is_asked_once(tmp_path, monkeypatch):
    from flows.discogs_sync import discogs_sync

    albums, engine = load_set()
    chosen = [next(a for a in albums if a.id == i) for i in (LINKED_BY_COUNT, FAILING, GONE)]
    items = [discogs_item(n, a.album) for n, a in enumerate(chosen)]
    ids = [item["id"] for item in items]
    db = tmp_path / "c.duckdb"
    with load.connect(db) as con:  # the master years known, as after an earlier run
        load.upsert_master_years(con, {700_000 + n: a.album.get("master_year")
                                       for n, a in enumerate(chosen)}, datetime.now(UTC))
    catalog = Catalog(releases=items, spotify_catalogue=engine.catalogue,
                      tracklists={ids[0]: tracklist(chosen[0].album["track_count"]),
                                  ids[1]: tracklist(chosen[1].album["track_count"]),
                                  ids[2]: None})
    # Every attempt of the first run's fetch of the second release fails (the client retries 4).
    fault = Fault("discogs", status=503, path=f"/releases/{ids[1]}", times=4)
    with FakeApis(catalog, FakeConfig(faults=[fault])) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("SPOTIFY_MARKET", MARKET)
        monkeypatch.setenv("DISCOGS_SYNC_TIME_SCALE", "0.01")  # short retry waits
        summary = discogs_sync(db_path=str(db), out_dir=str(tmp_path / "site"), ai=False)

        assert summary["added"] == 3
        assert rows(db, "SELECT status FROM sync_runs") == [("completed",)]
        stored = dict(rows(db, "SELECT r.release_id, m.status FROM spotify_matches AS m "
                               "JOIN releases AS r USING (album_key)"))
        assert stored == {ids[0]: "matched", ids[1]: "uncertain", ids[2]: "uncertain"}
        [(linked, evidence)] = rows(db, "SELECT m.spotify_album_id, m.evidence FROM "
                                        "spotify_matches AS m JOIN releases AS r USING "
                                        f"(album_key) WHERE r.release_id = {ids[0]}")
        assert linked in chosen[0].acceptable
        assert json.loads(evidence)["more_facts"] == {
            "track_count": chosen[0].album["track_count"],
            "source": f"discogs /releases/{ids[0]}"}
        # The count and the 404 are kept; the failed fetch is not (asked again next time).
        assert rows(db, "SELECT release_id, track_count FROM discogs_release_tracks "
                        "ORDER BY 1") == [(ids[0], chosen[0].album["track_count"]),
                                          (ids[2], None)]
        assert fake.stats.endpoints["discogs.release"] == 1 + 4 + 1
        # The run's own count of Discogs requests has the release fetches too.
        [(counted,)] = rows(db, "SELECT requests FROM sync_runs")
        sent = sum(n for name, n in fake.stats.endpoints.items() if name.startswith("discogs."))
        assert json.loads(counted)["discogs"] == sent

        # The next run rechecks the albums left without a link: it asks Discogs only for the
        # release whose fetch failed, which now links its album.
        fake.reset_stats()
        monkeypatch.setenv("SPOTIFY_RECHECK_DAYS", "0")
        discogs_sync(db_path=str(db), out_dir=str(tmp_path / "site"), ai=False)
        released = [target.rsplit("/releases/", 1)[1] for service, _, target
                    in fake.stats.calls if service == "discogs" and "/releases/" in target]
        assert released == [str(ids[1])]
    assert rows(db, "SELECT release_id, track_count FROM discogs_release_tracks ORDER BY 1") == [
        (ids[0], chosen[0].album["track_count"]), (ids[1], chosen[1].album["track_count"]),
        (ids[2], None)]
    [(status, linked)] = rows(db, "SELECT m.status, m.spotify_album_id FROM spotify_matches AS m "
                                  f"JOIN releases AS r USING (album_key) WHERE r.release_id = "
                                  f"{ids[1]}")
    assert status == "matched" and linked in chosen[1].acceptable
