"""The streamed export and the pandas-free load: the same files and rows as the whole-document
functions, on a real sync's output, on awkward data, and when the export fails half-way."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from tasks import export, load
from tasks.fake_apis import Catalog, FakeApis

GENERATED_AT = "2025-01-15T03:00:00+00:00"
SUMMARY = {"synced_at": GENERATED_AT, "albums": 3, "artists": 2, "added": 3, "removed": 0,
           "source": "api", "demo": False, "odd": math.nan}


def reference_files(albums: list[dict], summary: dict, generated_at: str) -> tuple[str, str]:
    """collection.json and index.html as the export wrote them before it streamed: the whole
    document in memory, dumped at once, and render_page over it."""
    document = export.collection_document(albums, summary, generated_at)
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n",
            export.render_page(document))


def written(paths: dict[str, Path]) -> tuple[str, str]:
    return (paths["json"].read_text(encoding="utf-8"),
            paths["html"].read_text(encoding="utf-8"))


def album(release_id: int, **changes: object) -> dict:
    record = {
        "release_id": release_id, "discogs_url": None, "artist": "Fela Kuti",
        "artists": ["Fela Kuti"], "title": "Zombie", "year": 1976, "labels": ["Coconut"],
        "catnos": ["PMLP 1001"], "formats": ["Vinyl, LP"], "media": "Vinyl",
        "genres": ["Funk / Soul", "Jazz"], "styles": ["Afrobeat"],
        "cover_image": "https://i.discogs.com/c.jpg", "thumb": None,
        "date_added": "2024-11-10T16:03:17Z", "rating": 5, "media_condition": None,
        "sleeve_condition": None, "notes": "line one\nline two", "custom_fields": {"Cost": "9"},
        "folder": "1", "master_id": 3232, "album_key": "fela kuti|zombie", "copies": 1,
        "spotify_status": "matched", "spotify_url": "https://open.spotify.com/album/x",
        "spotify_match_score": 0.93, "spotify_name": "Zombie",
        "spotify_artists": ["Fela Kuti"], "spotify_release_date": "1976",
        "spotify_total_tracks": 4, "spotify_image": None, "spotify_candidate_url": None,
        "ai_description": "A record.", "ai_model": "m", "ai_language": "en",
    }
    return {**record, **changes}


AWKWARD = [
    album(1),
    album(2, artist="</script><script>alert(1)</script>", artists=[], title="<!-- & -->",
          notes="emoji 🎸 RTL فيروز CJK 坂本龍一 \u2028 nul\x00", year=None, genres=[],
          spotify_url="javascript:alert(1)", ai_description="  ", custom_fields="not a dict",
          spotify_match_score=math.inf, copies=None),
    album(3, year=1959, artist="", artists=None, genres=None, labels=[], formats=["A", "B"],
          custom_fields={"nested": {"list": [1, 2.5, None, "x"]}}),
]


@pytest.mark.parametrize("albums", [AWKWARD, AWKWARD[:1], []], ids=["three", "one", "none"])
def test_the_streamed_files_are_byte_for_byte_the_whole_document_ones(tmp_path, albums):
    paths = export.write_site(iter(albums), SUMMARY, tmp_path, generated_at=GENERATED_AT)
    assert written(paths) == reference_files(albums, SUMMARY, GENERATED_AT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.json", "index.html"]


def test_an_export_failing_half_way_leaves_the_published_site_as_it_was(tmp_path):
    before = written(export.write_site([album(1)], SUMMARY, tmp_path,
                                       generated_at=GENERATED_AT))

    def albums_then_a_failure():
        yield album(2)
        raise duckdb.IOException("the disk went away")

    with pytest.raises(duckdb.IOException):
        export.stage_site(albums_then_a_failure(), SUMMARY, tmp_path)
    assert written({"json": tmp_path / "collection.json", "html": tmp_path / "index.html"}) \
        == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.json", "index.html"]

    staged = export.stage_site([album(3)], SUMMARY, tmp_path)
    staged.discard()  # the load that came with it failed: nothing published, nothing left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.json", "index.html"]


def test_staged_rows_keep_types_nulls_and_text():
    con = duckdb.connect(":memory:")
    columns = {"k": "str", "n": "int", "x": "float", "b": "bool", "j": "json"}
    with load.staged_rows(con, "incoming", [
        {"k": "half a pair \ud83c", "n": 7, "x": 0.5, "b": True, "j": {"a": ["é", None]}},
        {"k": None, "n": None, "x": math.nan, "b": None, "j": None},
        {"extra": "ignored"},
    ], columns):
        assert con.execute("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_name = 'incoming' ORDER BY ordinal_position"
                           ).fetchall() == [("k", "VARCHAR"), ("n", "BIGINT"), ("x", "DOUBLE"),
                                            ("b", "BOOLEAN"), ("j", "VARCHAR")]
        assert con.execute("SELECT * FROM incoming").fetchall() == [
            ("half a pair \ufffd", 7, 0.5, True, '{"a": ["é", null]}'),
            (None, None, None, None, None),
            (None, None, None, None, None),
        ]
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'incoming'"
                       ).fetchall() == [(0,)]
    with load.staged_rows(con, "incoming", [], columns):
        assert con.execute("SELECT count(*) FROM incoming").fetchall() == [(0,)]


def test_a_real_syncs_page_and_collection_json_are_the_whole_document_ones(tmp_path,
                                                                           monkeypatch):
    """A sync of 300 synthetic albums through the fake APIs (Spotify matches, uncertain ones
    with candidates, descriptions, several copies of a release), then its files against the
    whole-document functions over the database it loaded."""
    from flows.extract import Extraction
    from flows.load_export import load_and_export
    from tasks import discogs, enrich
    from tasks.config import Settings

    catalog = Catalog.synthetic(300)
    with FakeApis(catalog) as apis:
        for name, value in apis.env().items():
            monkeypatch.setenv(name, value)
        settings = Settings.from_env().with_overrides(db_path=str(tmp_path / "c.duckdb"),
                                                      out_dir=str(tmp_path / "site"))
        client = enrich.discogs_client(settings)
        fields = discogs.fetch_field_names(client, settings.discogs_username)
        albums = discogs.unify_pressings(discogs.number_copies([
            discogs.collection_item_to_album(item, fields)
            for item in discogs.iter_collection(client, settings.discogs_username)]))
        chosen = enrich.representatives(albums)
        items = enrich.work_items(chosen, {key: None for key in chosen})
        spotify_rows, ai_rows = [], []
        for i, batch in enumerate(enrich.batches(items)):
            # Half the lookups under a bar none reaches: uncertain, with their candidates.
            spotify_rows += _rows(enrich.spotify_batch, batch, settings,
                                  threshold=1.01 if i % 2 else None)
            ai_rows += _rows(enrich.describe_batch, batch, settings, language="en",
                             max_chars=300)
    now = datetime.now(UTC).isoformat()
    run = {"run_id": "r1", "started_at": now, "finished_at": now, "source": "api",
           "albums_fetched": len(albums), "status": "completed", "ai_generated": len(ai_rows)}
    summary = load_and_export(settings, Extraction(albums=albums, origin="Discogs",
                                                   source="api", username="u"),
                              spotify_rows, ai_rows, run)

    site = tmp_path / "site"
    document = json.loads((site / "collection.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        exported = load.export_albums(con)
        statuses = dict(con.execute("SELECT status, count(*) FROM spotify_matches "
                                    "GROUP BY ALL").fetchall())
    assert len(exported) == summary["albums"] > 250
    assert statuses.get("matched") and statuses.get("uncertain"), statuses
    assert any(a["copies"] > 1 for a in exported)
    assert written({"json": site / "collection.json", "html": site / "index.html"}) == \
        reference_files(exported, document["summary"], document["generated_at"])
    assert sorted(p.name for p in site.iterdir()) == ["collection.json", "index.html"]


def _rows(batch_fn, batch: list[dict], settings, **params) -> list[dict]:
    from prefect.logging import disable_run_logger

    with disable_run_logger():
        try:
            return batch_fn(batch, settings=settings, namespace="test", **params)
        except Exception as exc:  # noqa: BLE001 - a batch with failed albums keeps its rows
            return exc.rows
