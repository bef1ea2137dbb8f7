"""The flow end to end, under the Prefect harness, against the local fake APIs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tasks.fake_apis import Catalog, FakeApis, FakeConfig, Fault

pytestmark = pytest.mark.usefixtures("prefect_harness")

SAMPLE = Catalog.load_sample()


def run_flow(tmp_path: Path, **params):
    from flows.discogs_sync import discogs_sync

    return discogs_sync(db_path=str(tmp_path / "c.duckdb"), out_dir=str(tmp_path / "site"),
                        **params)


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_demo_without_credentials_fills_database_and_page(tmp_path):
    summary = run_flow(tmp_path)

    assert summary["demo"] is True
    db = tmp_path / "c.duckdb"
    releases = rows(db, "SELECT release_id, copy_no, artist, title FROM releases")
    assert len(releases) == len(SAMPLE.releases)
    # Every album the sample has on Spotify got a link; the one that is not there got none.
    by_title = dict(rows(db, "SELECT title, spotify_url FROM albums"))
    assert sum(1 for url in by_title.values() if url) >= len(by_title) - 3
    assert all(url is None or url.startswith("https://open.spotify.com/album/")
               for url in by_title.values())
    described = rows(db, "SELECT count(*) FROM albums WHERE ai_description IS NOT NULL")[0][0]
    assert described == len(releases)
    run = rows(db, "SELECT albums_fetched, added, removed, status FROM sync_runs")
    assert run == [(len(releases), len(releases), 0, "completed")]

    document = json.loads((tmp_path / "site" / "collection.json").read_text())
    album = document["albums"][0]
    for key in ("release_id", "discogs_url", "artist", "title", "year", "labels", "formats",
                "genres", "styles", "cover_image", "date_added", "rating", "spotify_url",
                "spotify_match_score", "ai_description"):
        assert key in album
    page = (tmp_path / "site" / "index.html").read_text()
    assert "Listen on Spotify" in page and "Data provided by" in page

    # The run's summary is left as an artifact a user reads in the Prefect UI.
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        [latest] = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["discogs-sync-summary"])),
            sort=ArtifactSort.CREATED_DESC, limit=1)
    markdown = latest.data
    assert f"| Albums fetched | {len(releases)} (source: api) |" in markdown
    assert "| Descriptions generated / failed / left to do | 26 / 0 / 0 |" in markdown


@pytest.fixture
def fake(monkeypatch):
    with FakeApis(SAMPLE) as apis:
        for name, value in apis.env().items():
            monkeypatch.setenv(name, value)
        yield apis


def test_rerun_sends_no_spotify_or_euria_request(tmp_path, fake):
    first = run_flow(tmp_path)
    assert first["demo"] is False
    assert fake.stats.requests["spotify"] > 0 and fake.stats.requests["euria"] > 0
    # A master's original year is fetched once, by the lookup that asked Discogs for more
    # facts (the matcher prefers it to a reissue's), and kept.
    asked = [json.loads(e)["more_facts"] for (e,) in rows(
        tmp_path / "c.duckdb", "SELECT evidence FROM spotify_matches")
        if "master_year" in json.loads(e or "{}").get("more_facts", {})]
    stored = dict(rows(tmp_path / "c.duckdb", "SELECT master_id, year FROM discogs_masters"))
    assert asked and fake.stats.endpoints["discogs.master"] == len(stored) == len(asked)
    assert all(fake._master(m)["year"] == y for m, y in stored.items())
    fake.reset_stats()

    second = run_flow(tmp_path)

    stats = fake.stats
    assert stats.requests["spotify"] == 0 and stats.requests["spotify_token"] == 0
    assert stats.requests["euria"] == 0
    assert stats.requests["discogs"] > 0 and stats.endpoints["discogs.master"] == 0
    assert second["added"] == 0 and second["removed"] == 0
    db = tmp_path / "c.duckdb"
    assert rows(db, "SELECT count(*) FROM releases")[0][0] == len(SAMPLE.releases)
    assert rows(db, "SELECT count(*), sum(added) FROM sync_runs") == [(2, len(SAMPLE.releases))]


def test_failures_are_recorded_and_retried_next_run(tmp_path, monkeypatch):
    victim = SAMPLE.releases[0]["basic_information"]["title"].strip()
    config = FakeConfig(faults=[
        Fault(service="euria", status=500, title=victim),
        Fault(service="spotify", status=503, title=victim),
    ])
    with FakeApis(SAMPLE, config) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr("tasks.http.backoff_delay", lambda *a, **k: 0.0)
        run_flow(tmp_path)
        db = tmp_path / "c.duckdb"
        spotify_errors = rows(db, "SELECT error FROM spotify_matches WHERE status = 'error'")
        ai_errors = rows(db, "SELECT error FROM ai_descriptions WHERE status = 'error'")
        assert len(spotify_errors) == 1 and "503" in spotify_errors[0][0]
        assert len(ai_errors) == 1 and "500" in ai_errors[0][0]
        assert rows(db, "SELECT count(*) FROM ai_descriptions WHERE status = 'generated'")[0][0] \
            == len({r[0] for r in rows(db, "SELECT album_key FROM releases")}) - 1

    # The API is healthy again: the next run asks only for the two failures.
    with FakeApis(SAMPLE) as fake:
        for name, value in fake.env().items():
            monkeypatch.setenv(name, value)
        run_flow(tmp_path)
        assert fake.stats.endpoints["euria.chat"] == 1
        assert 1 <= fake.stats.endpoints["spotify.search"] <= 4
    assert rows(db, "SELECT count(*) FROM spotify_matches WHERE status = 'error'")[0][0] == 0
    assert rows(db, "SELECT count(*) FROM ai_descriptions WHERE status = 'error'")[0][0] == 0


def test_csv_export_source(tmp_path, fake):
    export = tmp_path / "export.csv"
    export.write_text(
        "\ufeffCatalog#,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
        "Date Added,Collection Media Condition,Collection Sleeve Condition,Collection Notes\r\n"
        'SHVL 804,Pink Floyd,The Dark Side Of The Moon,Harvest,"LP, Album",5,1973,1873013,'
        "Uncategorized,2021-02-03 10:11:12,Near Mint (NM or M-),Very Good Plus (VG+),\r\n"
        "X,Nobody,Broken,,,,,not-a-number,,,,,\r\n", encoding="utf-8")

    summary = run_flow(tmp_path, source=str(export), ai=False)

    assert summary["albums"] == 1
    db = tmp_path / "c.duckdb"
    assert rows(db, "SELECT artist, title, rating, media_condition, date_added::VARCHAR "
                    "FROM releases") == [("Pink Floyd", "The Dark Side Of The Moon", 5,
                                          "Near Mint (NM or M-)", "2021-02-03 10:11:12+00")]
    assert rows(db, "SELECT count(*) FROM ai_descriptions")[0][0] == 0


def test_manual_overrides_win_and_are_not_looked_up(tmp_path, fake, monkeypatch):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(
        "artist,title,spotify,note\n"
        "Pink Floyd,The Dark Side Of The Moon,"
        "https://open.spotify.com/album/0000000000000000000042,my favourite remaster\n"
        "The Beatles,Abbey Road,none,\n", encoding="utf-8")
    monkeypatch.setenv("DISCOGS_SYNC_OVERRIDES", str(overrides))

    run_flow(tmp_path, ai=False)

    searches = [q for service, _, q in fake.stats.calls if service == "spotify"]
    assert searches and not any("Dark" in q or "Abbey" in q for q in searches)
    db = tmp_path / "c.duckdb"
    assert rows(db, "SELECT title, spotify_status, spotify_url FROM albums "
                    "WHERE title IN ('The Dark Side Of The Moon', 'Abbey Road') ORDER BY title") \
        == [("Abbey Road", "not_on_spotify", None),
            ("The Dark Side Of The Moon", "manual",
             "https://open.spotify.com/album/0000000000000000000042")]
    page = json.loads((tmp_path / "site" / "collection.json").read_text())
    abbey = next(a for a in page["albums"] if a["title"] == "Abbey Road")
    assert abbey["spotify_url"] is None


def test_new_prompt_version_or_language_regenerates_descriptions_once(tmp_path, fake,
                                                                     monkeypatch):
    run_flow(tmp_path, spotify=False)
    albums = fake.stats.endpoints["euria.chat"]
    assert albums == len({r[0] for r in rows(tmp_path / "c.duckdb",
                                            "SELECT album_key FROM releases")})

    fake.reset_stats()
    run_flow(tmp_path, spotify=False, language="French")
    assert fake.stats.endpoints["euria.chat"] == albums
    assert rows(tmp_path / "c.duckdb", "SELECT DISTINCT language FROM ai_descriptions") == [
        ("fr",)]

    fake.reset_stats()
    monkeypatch.setattr("tasks.prompt.PROMPT_VERSION", "test-next-version")
    run_flow(tmp_path, spotify=False, language="fr")
    assert fake.stats.endpoints["euria.chat"] == albums

    fake.reset_stats()
    run_flow(tmp_path, spotify=False, language="fr")
    assert fake.stats.endpoints["euria.chat"] == 0
    assert rows(tmp_path / "c.duckdb", "SELECT DISTINCT prompt_version FROM ai_descriptions") \
        == [("test-next-version",)]


