"""tasks/load.py + sql/*.sql: DuckDB in memory, loads run twice, what needs enriching, export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from tasks.load import (
    SQL_DIR,
    ai_todo,
    collection_counts,
    connect,
    export_albums,
    load_run,
    migrate,
    spotify_todo,
)

DAY1 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
DAY2 = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
DAY3 = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)


def release(release_id: int, copy_no: int = 1, **changes) -> dict:
    """An album record as tasks/discogs.py makes it (docs/CONTRACTS.md)."""
    record = {
        "release_id": release_id, "instance_id": release_id * 10 + copy_no, "copy_no": copy_no,
        "folder": "1", "master_id": None, "artist": "Mr. Zèbre & Nico",
        "artists": ["Mr. Zèbre", "Nico"], "title": "Sci-Fi Lullabies", "year": 2016,
        "labels": ["Ma Case Records"], "catnos": ["MCR 007"], "formats": ['Vinyl, 12"'],
        "media": "Vinyl", "genres": ["Electronic"], "styles": ["Dub"], "cover_image": None,
        "thumb": None, "date_added": "2025-01-02T11:19:53+00:00", "rating": None,
        "media_condition": "Mint (M)", "sleeve_condition": None, "notes": None,
        "custom_fields": {}, "discogs_url": f"https://www.discogs.com/release/{release_id}",
        "album_key": "mr zebre and nico|sci fi lullabies",
    }
    return {**record, **changes}


NIRVANA = release(1111111, artist="Nirvana", artists=["Nirvana"],
                  title="The Story Of Simon Simopath", year=1967, master_id=424242,
                  labels=["Island Records"], catnos=["ILP 959"],
                  formats=["2xVinyl, LP, Album, Reissue, Gatefold"], genres=["Rock"],
                  styles=["Psychedelic Rock"], rating=4,
                  date_added="2024-11-10T16:03:17+00:00",
                  custom_fields={"Cost": "25 EUR"}, album_key="nirvana|the story of simon simopath")
ZEBRE_1 = release(2222222, 1)
ZEBRE_2 = release(2222222, 2, date_added="2025-06-30T09:17:22+00:00", media_condition=None)
VARIOUS = release(3333333, artist="Various", artists=["Various"], title="12 Superéxitos",
                  year=None, labels=["Discos Belter"], catnos=[], formats=["CD, Compilation"],
                  media="CD", genres=[], styles=[], date_added=None, folder=None,
                  media_condition=None, album_key="various|12 superexitos")
COLLECTION = [NIRVANA, ZEBRE_1, ZEBRE_2, VARIOUS]


def spotify_row(album_key: str, status: str, checked_at: datetime, **changes) -> dict:
    matched = status == "matched"
    row = {
        "album_key": album_key, "status": status, "score": 0.97 if matched else None,
        "spotify_album_id": "5bU1XKYxHhEwukllT20xtk" if matched else None,
        "spotify_url": "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk"
        if matched else None,
        "spotify_name": "The Story of Simon Simopath" if matched else None,
        "spotify_artists": ["Nirvana"] if matched else [],
        "spotify_album_type": "album" if matched else None,
        "spotify_release_date": "1967" if matched else None,
        "spotify_total_tracks": 12 if matched else None, "spotify_duration_ms": None,
        "spotify_image": None, "spotify_popularity": None, "spotify_label": None,
        "evidence": {"queries": 1}, "error": None, "checked_at": checked_at.isoformat(),
    }
    return {**row, **changes}


def ai_row(album_key: str, when: datetime, description: str | None = "A fine record.",
           status: str = "generated", prompt_version: str = "v1", language: str = "en",
           max_chars: int = 500, error: str | None = None) -> dict:
    return {"album_key": album_key, "status": status, "description": description,
            "model": "qwen3" if description else None, "prompt_version": prompt_version,
            "language": language, "max_chars": max_chars,
            "prompt_tokens": 400 if description else None,
            "completion_tokens": 40 if description else None,
            "seconds": 1.5 if description else None, "error": error,
            "generated_at": when.isoformat()}


def run(run_id: str, when: datetime, albums: int = 4) -> dict:
    return {"run_id": run_id, "started_at": when.isoformat(), "finished_at": when.isoformat(),
            "source": "api", "username": "vinyl_fan", "demo": False, "albums_fetched": albums,
            "spotify_matched": 0, "spotify_uncertain": 0, "spotify_not_found": 0,
            "spotify_errors": 0, "ai_generated": 0, "ai_failed": 0,
            "requests": {"discogs": 2}, "collection_value": None, "status": "ok",
            "message": None, "duration_s": 3.25}


@pytest.fixture
def con():
    connection = connect(":memory:")
    connection.execute("SET TimeZone = 'UTC'")
    yield connection
    connection.close()


def counts(con) -> dict[str, int]:
    # fetchall, not fetchone: DuckDB 2 refuses register() while a result is left unfinished.
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in ("releases", "spotify_matches", "ai_descriptions", "sync_runs")}


def utc(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def copies(con) -> list[tuple]:
    rows = con.execute("SELECT release_id, copy_no, first_seen_at, last_seen_at, removed_at "
                       "FROM releases ORDER BY release_id, copy_no").fetchall()
    return [(rid, copy_no, utc(first), utc(last), utc(removed))
            for rid, copy_no, first, last, removed in rows]


# --- schema ----------------------------------------------------------------------------------


def test_connect_memory_creates_the_schema(con):
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"releases", "spotify_matches", "ai_descriptions", "sync_runs", "albums",
            "schema_migrations"} <= tables
    assert counts(con) == {"releases": 0, "spotify_matches": 0, "ai_descriptions": 0,
                           "sync_runs": 0}


def applied(con) -> list[tuple]:
    return con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()


def test_migrate_is_idempotent_and_keeps_the_data(con):
    versions = applied(con)
    assert versions[0] == (1, "schema")
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    assert migrate(con) == []
    assert migrate(con) == []
    assert applied(con) == versions
    assert counts(con)["releases"] == 4


def test_connect_a_file_twice_keeps_the_data(tmp_path):
    path = tmp_path / "sub" / "collection.duckdb"
    with connect(path) as first:
        load_run(first, COLLECTION, [], [], run("r1", DAY1), DAY1)
        versions = applied(first)
    with connect(path) as second:
        assert second.execute("SELECT count(*) FROM releases").fetchall() == [(4,)]
        assert applied(second) == versions


# --- load_run --------------------------------------------------------------------------------


def test_a_release_row_round_trips(con):
    load_run(con, [NIRVANA], [], [], run("r1", DAY1, 1), DAY1)
    cursor = con.execute("SELECT * FROM releases")
    names = [d[0] for d in cursor.description]
    row = dict(zip(names, cursor.fetchone(), strict=True))
    for key in ("date_added", "first_seen_at", "last_seen_at"):
        row[key] = utc(row[key])
    row["custom_fields"] = json.loads(row["custom_fields"])
    assert row == {
        "release_id": 1111111, "copy_no": 1, "instance_id": 11111111, "folder": "1",
        "master_id": 424242, "artist": "Nirvana", "artists": ["Nirvana"],
        "title": "The Story Of Simon Simopath", "year": 1967, "labels": ["Island Records"],
        "catnos": ["ILP 959"], "formats": ["2xVinyl, LP, Album, Reissue, Gatefold"],
        "media": "Vinyl", "genres": ["Rock"], "styles": ["Psychedelic Rock"],
        "cover_image": None, "thumb": None, "date_added": "2024-11-10T16:03:17+00:00",
        "rating": 4, "media_condition": "Mint (M)", "sleeve_condition": None, "notes": None,
        "custom_fields": {"Cost": "25 EUR"},
        "discogs_url": "https://www.discogs.com/release/1111111",
        "album_key": "nirvana|the story of simon simopath",
        "first_seen_at": DAY1.isoformat(), "last_seen_at": DAY1.isoformat(), "removed_at": None,
    }


def test_loading_the_same_input_twice_changes_no_counts(con):
    spotify = [spotify_row(NIRVANA["album_key"], "matched", DAY1)]
    ai = [ai_row(NIRVANA["album_key"], DAY1)]
    first = load_run(con, COLLECTION, spotify, ai, run("r1", DAY1), DAY1)
    after_first = counts(con)
    second = load_run(con, COLLECTION, spotify, ai, run("r2", DAY2), DAY2)
    assert (first, second) == ({"added": 4, "removed": 0, "removal_held_back": 0},
                               {"added": 0, "removed": 0, "removal_held_back": 0})
    assert after_first == {"releases": 4, "spotify_matches": 1, "ai_descriptions": 1,
                           "sync_runs": 1}
    assert counts(con) == {**after_first, "sync_runs": 2}
    # Seen again: first_seen_at kept, last_seen_at moved on.
    assert copies(con) == [
        (1111111, 1, DAY1.isoformat(), DAY2.isoformat(), None),
        (2222222, 1, DAY1.isoformat(), DAY2.isoformat(), None),
        (2222222, 2, DAY1.isoformat(), DAY2.isoformat(), None),
        (3333333, 1, DAY1.isoformat(), DAY2.isoformat(), None),
    ]


def test_the_run_is_recorded_with_added_and_removed(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    load_run(con, [NIRVANA, ZEBRE_1], [], [], run("r2", DAY2, 2), DAY2)
    rows = con.execute("SELECT run_id, started_at, source, albums_fetched, added, removed, "
                       "requests, status, duration_s FROM sync_runs ORDER BY run_id").fetchall()
    assert [(r[0], utc(r[1]), *r[2:6], json.loads(r[6]), *r[7:]) for r in rows] == [
        ("r1", DAY1.isoformat(), "api", 4, 4, 0, {"discogs": 2}, "ok", 3.25),
        ("r2", DAY2.isoformat(), "api", 2, 0, 2, {"discogs": 2}, "ok", 3.25),
    ]


def test_a_missing_copy_is_marked_removed_and_comes_back(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    gone = load_run(con, [NIRVANA, ZEBRE_1, VARIOUS], [], [], run("r2", DAY2, 3), DAY2)
    assert gone == {"added": 0, "removed": 1, "removal_held_back": 0}
    assert copies(con)[2] == (2222222, 2, DAY1.isoformat(), DAY1.isoformat(), DAY2.isoformat())
    assert counts(con)["releases"] == 4  # kept, never deleted
    assert [(a["release_id"], a["copies"]) for a in export_albums(con)] == [
        (2222222, 1), (1111111, 1), (3333333, 1)]

    back = load_run(con, COLLECTION, [], [], run("r3", DAY3), DAY3)
    assert back == {"added": 1, "removed": 0, "removal_held_back": 0}
    assert copies(con)[2] == (2222222, 2, DAY1.isoformat(), DAY3.isoformat(), None)
    assert [(a["release_id"], a["copies"]) for a in export_albums(con)] == [
        (2222222, 2), (1111111, 1), (3333333, 1)]


def test_the_export_shows_the_first_copy_still_owned(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    load_run(con, [NIRVANA, ZEBRE_2, VARIOUS], [], [], run("r2", DAY2, 3), DAY2)
    [entry] = [a for a in export_albums(con) if a["release_id"] == 2222222]
    assert (entry["copies"], entry["date_added"], entry["media_condition"]) == (
        1, "2025-06-30T09:17:22Z", None)


def test_a_partial_extraction_does_not_remove(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    result = load_run(con, [NIRVANA], [], [], run("r2", DAY2, 1), DAY2, mark_removed=False)
    assert result == {"added": 0, "removed": 0, "removal_held_back": 0}
    assert [c[4] for c in copies(con)] == [None, None, None, None]


def test_a_mass_removal_is_held_back_beyond_the_allowed_share(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    held = load_run(con, [NIRVANA, ZEBRE_1], [], [], run("r2", DAY2, 2), DAY2,
                    max_removed_share=0.1)
    assert held == {"added": 0, "removed": 0, "removal_held_back": 2}
    assert [c[4] for c in copies(con)] == [None, None, None, None]
    assert con.execute("SELECT message FROM sync_runs WHERE run_id = 'r2'").fetchall() == [(
        "2 of 4 copies are gone from Discogs: not marked removed (more than the allowed share); "
        "rerun with confirm_removals to apply",)]
    # Within the share (1 of 4 = 25 % <= 30 %), removal goes ahead.
    within = load_run(con, [NIRVANA, ZEBRE_1, VARIOUS], [], [], run("r3", DAY3, 3), DAY3,
                      max_removed_share=0.3)
    assert within == {"added": 0, "removed": 1, "removal_held_back": 0}


def test_an_empty_extraction_never_wipes_the_collection_when_a_share_is_set(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    result = load_run(con, [], [], [], run("r2", DAY2, 0), DAY2, max_removed_share=0.5)
    assert result == {"added": 0, "removed": 0, "removal_held_back": 4}
    assert len(export_albums(con)) == 3


def test_changed_fields_are_updated(con):
    load_run(con, [NIRVANA], [], [], run("r1", DAY1, 1), DAY1)
    changed = {**NIRVANA, "rating": 5, "folder": "8816", "notes": "Signed",
               "custom_fields": {"Cost": "30 EUR"}}
    load_run(con, [changed], [], [], run("r2", DAY2, 1), DAY2)
    [(rating, folder, notes, custom)] = con.execute(
        "SELECT rating, folder, notes, custom_fields FROM releases").fetchall()
    assert (rating, folder, notes, json.loads(custom)) == (5, "8816", "Signed", {"Cost": "30 EUR"})


def test_a_failed_description_keeps_the_previous_text(con):
    key = NIRVANA["album_key"]
    load_run(con, COLLECTION, [], [ai_row(key, DAY1, "Freakbeat and baroque pop.")],
             run("r1", DAY1), DAY1)
    failure = ai_row(key, DAY2, None, status="error", prompt_version="v2", language="fr",
                     max_chars=300, error="EurIA: timed out after 4 attempts")
    load_run(con, COLLECTION, [], [failure], run("r2", DAY2), DAY2)
    row = con.execute("SELECT status, description, model, prompt_version, language, max_chars, "
                      "error, generated_at FROM ai_descriptions").fetchone()
    assert (*row[:7], utc(row[7])) == (
        "error", "Freakbeat and baroque pop.", "qwen3", "v1", "en", 500,
        "EurIA: timed out after 4 attempts", DAY2.isoformat())
    [entry] = [a for a in export_albums(con) if a["release_id"] == 1111111]
    assert (entry["ai_description"], entry["ai_model"], entry["ai_language"]) == (
        "Freakbeat and baroque pop.", "qwen3", "en")


def test_a_new_description_replaces_the_old_one(con):
    key = NIRVANA["album_key"]
    load_run(con, COLLECTION, [], [ai_row(key, DAY1, "Old text.")], run("r1", DAY1), DAY1)
    load_run(con, COLLECTION, [], [ai_row(key, DAY2, "Nouveau texte.", language="fr")],
             run("r2", DAY2), DAY2)
    assert con.execute("SELECT status, description, language, error FROM ai_descriptions"
                       ).fetchall() == [("generated", "Nouveau texte.", "fr", None)]


def test_a_spotify_lookup_is_replaced_by_the_next_one(con):
    key = NIRVANA["album_key"]
    load_run(con, COLLECTION, [spotify_row(key, "not_found", DAY1)], [], run("r1", DAY1), DAY1)
    load_run(con, COLLECTION, [spotify_row(key, "matched", DAY2)], [], run("r2", DAY2), DAY2)
    rows = con.execute("SELECT status, spotify_url, spotify_artists, evidence, checked_at "
                       "FROM spotify_matches").fetchall()
    assert [(*r[:3], json.loads(r[3]), utc(r[4])) for r in rows] == [
        ("matched", "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk", ["Nirvana"],
         {"queries": 1}, DAY2.isoformat())]


CANDIDATE = {"spotify_album_id": "5bU1XKYxHhEwukllT20xtk", "name": "Simon Simopath",
             "url": "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk",
             "artists": ["Nirvana"], "release_date": "1967", "album_type": "album",
             "total_tracks": 12, "score": 0.71,
             "evidence": {"artist": 1.0, "title": 0.8, "penalties": {}}}


def test_a_lookup_keeps_its_candidates_and_the_next_one_replaces_them(con):
    key = NIRVANA["album_key"]
    load_run(con, COLLECTION, [spotify_row(key, "uncertain", DAY1, candidates=[CANDIDATE])], [],
             run("r1", DAY1), DAY1)
    stored = con.execute("SELECT candidates FROM spotify_matches").fetchall()[0][0]
    assert json.loads(stored) == [CANDIDATE]
    load_run(con, COLLECTION, [spotify_row(key, "not_found", DAY2)], [], run("r2", DAY2), DAY2)
    assert con.execute("SELECT candidates FROM spotify_matches").fetchall() == [(None,)]


def test_a_row_holding_its_evidence_and_candidates_as_text_stores_what_the_dicts_store(con):
    # The sync's batches hand rows over with these as JSON text (spotify.stored_row); a kept
    # run from before holds dicts: both store the same text, a broken emoji made whole.
    from tasks.spotify import stored_row

    key = NIRVANA["album_key"]
    odd = {**CANDIDATE, "name": "Simon \ud83c Simopath"}
    row = spotify_row(key, "uncertain", DAY1, candidates=[odd],
                      evidence={"queries": 2, "query": "Nirvana Simon — Simopath"})
    stored = []
    for given in (row, stored_row(row)):
        load_run(con, COLLECTION, [given], [], run(f"r{len(stored)}", DAY1), DAY1)
        stored.append(con.execute("SELECT evidence, candidates FROM spotify_matches")
                      .fetchall())
    assert stored[0] == stored[1]
    evidence, candidates = stored[1][0]
    assert json.loads(evidence) == {"queries": 2, "query": "Nirvana Simon — Simopath"}
    assert json.loads(candidates) == [{**CANDIDATE, "name": "Simon \ufffd Simopath"}]


def test_a_database_from_before_candidates_gains_the_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("CREATE TABLE schema_migrations "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)")
    for version, name in [(1, "schema"), (2, "0002_spotify_overrides"),
                          (3, "0003_discogs_masters")]:
        sql = "schema.sql" if version == 1 else f"migrations/{name}.sql"
        old.execute((SQL_DIR / sql).read_text())
        old.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    old.execute("INSERT INTO spotify_matches (album_key, status, checked_at) "
                "VALUES ('a|b', 'uncertain', now())")
    old.close()
    with connect(path) as con:
        assert con.execute("SELECT album_key, candidates FROM spotify_matches").fetchall() == [
            ("a|b", None)]
        assert (4, "0004_spotify_candidates") in applied(con)


def test_a_failure_mid_load_rolls_everything_back(con):
    load_run(con, COLLECTION, [spotify_row(NIRVANA["album_key"], "matched", DAY1)], [],
             run("r1", DAY1), DAY1)
    before = counts(con)
    before_copies = copies(con)
    newcomer = release(5555555, album_key="x|y")
    broken = release(6666666, artist=None)  # artist is NOT NULL
    with pytest.raises(duckdb.ConstraintException):
        load_run(con, [NIRVANA, newcomer, broken], [], [ai_row("x|y", DAY2)],
                 run("r2", DAY2, 3), DAY2)
    assert counts(con) == before
    assert copies(con) == before_copies  # nothing marked removed, nothing seen again


def test_a_failure_after_the_releases_rolls_them_back_too(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    bad_lookup = {**spotify_row(NIRVANA["album_key"], "matched", DAY2), "status": None}
    with pytest.raises(duckdb.ConstraintException):
        load_run(con, [NIRVANA, release(5555555)], [bad_lookup], [], run("r2", DAY2, 2), DAY2)
    assert counts(con) == {"releases": 4, "spotify_matches": 0, "ai_descriptions": 0,
                           "sync_runs": 1}
    assert [c[4] for c in copies(con)] == [None, None, None, None]
    # The connection is still usable: the next run loads.
    assert load_run(con, [NIRVANA, release(5555555)], [], [], run("r3", DAY3, 2), DAY3) == {
        "added": 1, "removed": 3, "removal_held_back": 0}


# --- what to enrich --------------------------------------------------------------------------


def test_spotify_todo_picks_new_failed_and_stale_albums(con):
    now = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
    old = now - timedelta(days=31)
    recent = now - timedelta(days=10)
    rows = [
        spotify_row("matched|long ago", "matched", now - timedelta(days=400)),
        spotify_row("error|recent", "error", recent, error="Spotify: timed out"),
        spotify_row("not_found|old", "not_found", old),
        spotify_row("not_found|recent", "not_found", recent),
        spotify_row("uncertain|old", "uncertain", old),
        spotify_row("uncertain|recent", "uncertain", recent),
    ]
    load_run(con, [], rows, [], run("r1", recent, 0), recent)
    keys = [r["album_key"] for r in rows] + ["new|album", "new|album"]
    assert spotify_todo(con, keys, now) == {
        "error|recent": recent.isoformat(),
        "new|album": None,
        "not_found|old": old.isoformat(),
        "uncertain|old": old.isoformat(),
    }
    assert spotify_todo(con, keys, now, recheck_days=5) == {
        "error|recent": recent.isoformat(), "new|album": None,
        "not_found|old": old.isoformat(), "not_found|recent": recent.isoformat(),
        "uncertain|old": old.isoformat(), "uncertain|recent": recent.isoformat(),
    }


def test_spotify_todo_only_considers_the_albums_asked_about(con):
    load_run(con, [], [spotify_row("a|b", "error", DAY1)], [], run("r1", DAY1, 0), DAY1)
    assert spotify_todo(con, ["c|d"], DAY2) == {"c|d": None}
    assert spotify_todo(con, [], DAY2) == {}


def test_ai_todo_picks_new_failed_and_changed_settings(con):
    rows = [ai_row(k, DAY1) for k in ("same|a", "version|b", "language|c", "length|d")]
    rows.append(ai_row("failed|e", DAY1, None, status="error", error="EurIA: 500"))
    load_run(con, [], [], rows, run("r1", DAY1, 0), DAY1)
    keys = ["same|a", "version|b", "language|c", "length|d", "failed|e", "new|f"]
    assert ai_todo(con, keys, "v1", "en", 500) == {
        "failed|e": {"previous": DAY1.isoformat(), "spotify_release_date": None,
                     "spotify_total_tracks": None},
        "new|f": {"previous": None, "spotify_release_date": None, "spotify_total_tracks": None},
    }
    assert set(ai_todo(con, ["same|a"], "v2", "en", 500)) == {"same|a"}
    assert set(ai_todo(con, ["same|a"], "v1", "fr", 500)) == {"same|a"}
    assert set(ai_todo(con, ["same|a"], "v1", "en", 300)) == {"same|a"}


def test_ai_todo_after_a_failed_retry_keeps_asking(con):
    key = NIRVANA["album_key"]
    load_run(con, [], [], [ai_row(key, DAY1)], run("r1", DAY1, 0), DAY1)
    failure = ai_row(key, DAY2, None, status="error", prompt_version="v2",
                     error="EurIA: timed out")
    load_run(con, [], [], [failure], run("r2", DAY2, 0), DAY2)
    assert ai_todo(con, [key], "v2", "en", 500) == {key: {
        "previous": DAY2.isoformat(), "spotify_release_date": None,
        "spotify_total_tracks": None}}


def test_ai_todo_brings_the_facts_of_a_spotify_match_only(con):
    lookups = [spotify_row("matched|a", "matched", DAY1),
               spotify_row("uncertain|b", "uncertain", DAY1, spotify_release_date="1999",
                           spotify_total_tracks=3)]
    load_run(con, [], lookups, [], run("r1", DAY1, 0), DAY1)
    assert ai_todo(con, ["matched|a", "uncertain|b"], "v1", "en", 500) == {
        "matched|a": {"previous": None, "spotify_release_date": "1967",
                      "spotify_total_tracks": 12},
        "uncertain|b": {"previous": None, "spotify_release_date": None,
                        "spotify_total_tracks": None},
    }


# --- export ----------------------------------------------------------------------------------


def test_export_albums_one_entry_per_release_with_its_copies(con):
    key = NIRVANA["album_key"]
    load_run(con, COLLECTION, [spotify_row(key, "matched", DAY1)],
             [ai_row(key, DAY1, "Freakbeat and baroque pop.")], run("r1", DAY1), DAY1)
    albums = export_albums(con)
    assert [(a["artist"], a["release_id"], a["copies"]) for a in albums] == [
        ("Mr. Zèbre & Nico", 2222222, 2), ("Nirvana", 1111111, 1), ("Various", 3333333, 1)]
    assert albums[1] == {
        "release_id": 1111111, "discogs_url": "https://www.discogs.com/release/1111111",
        "artist": "Nirvana", "artists": ["Nirvana"], "title": "The Story Of Simon Simopath",
        "year": 1967, "labels": ["Island Records"], "catnos": ["ILP 959"],
        "formats": ["2xVinyl, LP, Album, Reissue, Gatefold"], "media": "Vinyl",
        "genres": ["Rock"], "styles": ["Psychedelic Rock"], "cover_image": None, "thumb": None,
        "date_added": "2024-11-10T16:03:17Z", "rating": 4, "media_condition": "Mint (M)",
        "sleeve_condition": None, "notes": None, "custom_fields": {"Cost": "25 EUR"},
        "folder": "1", "master_id": 424242, "album_key": "nirvana|the story of simon simopath",
        "copies": 1, "spotify_status": "matched",
        "spotify_url": "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk",
        "spotify_match_score": 0.97, "spotify_name": "The Story of Simon Simopath",
        "spotify_artists": ["Nirvana"], "spotify_release_date": "1967",
        "spotify_total_tracks": 12, "spotify_image": None, "spotify_candidate_url": None,
        "ai_description": "Freakbeat and baroque pop.", "ai_model": "qwen3",
        "ai_language": "en",
    }
    # The entry of a release owned twice shows its first copy.
    assert (albums[0]["media_condition"], albums[0]["date_added"]) == (
        "Mint (M)", "2025-01-02T11:19:53Z")
    assert {k: albums[2][k] for k in ("year", "date_added", "catnos", "spotify_status",
                                      "ai_description")} == {
        "year": None, "date_added": None, "catnos": [], "spotify_status": None,
        "ai_description": None}


def test_an_uncertain_album_exports_its_candidate_link_until_it_is_overridden(con):
    key = NIRVANA["album_key"]
    uncertain = spotify_row(key, "uncertain", DAY1, score=0.7,
                            spotify_album_id="5bU1XKYxHhEwukllT20xtk", spotify_name="Simopath")
    load_run(con, COLLECTION, [uncertain], [], run("r1", DAY1), DAY1)
    [entry] = [a for a in export_albums(con) if a["album_key"] == key]
    assert (entry["spotify_status"], entry["spotify_url"], entry["spotify_name"],
            entry["spotify_candidate_url"]) == (
        "uncertain", None, "Simopath", "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk")
    override = {"album_key": key, "artist": "Nirvana", "title": "The Story Of Simon Simopath",
                "spotify_album_id": None, "spotify_url": None, "note": None}
    load_run(con, COLLECTION, [], [], run("r2", DAY2), DAY2, overrides=[override])
    [entry] = [a for a in export_albums(con) if a["album_key"] == key]
    assert (entry["spotify_status"], entry["spotify_candidate_url"]) == ("not_on_spotify", None)


def test_two_pressings_of_one_album_share_its_enrichment(con):
    key = NIRVANA["album_key"]
    pressing = {**NIRVANA, "release_id": 7777777, "instance_id": 77, "year": 1968,
                "discogs_url": "https://www.discogs.com/release/7777777"}
    load_run(con, [NIRVANA, pressing], [spotify_row(key, "matched", DAY1)], [],
             run("r1", DAY1, 2), DAY1)
    assert [(a["release_id"], a["year"], a["spotify_url"]) for a in export_albums(con)] == [
        (1111111, 1967, "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk"),
        (7777777, 1968, "https://open.spotify.com/album/5bU1XKYxHhEwukllT20xtk"),
    ]


def test_export_of_an_empty_collection(con):
    assert export_albums(con) == []


def test_load_after_collection_counts_on_the_same_connection(con):
    load_run(con, COLLECTION, [], [], run("r1", DAY1), DAY1)
    assert collection_counts(con) == {"albums": 3, "artists": 3, "spotify_matched": 0,
                                      "ai_described": 0}
    assert load_run(con, COLLECTION, [], [], run("r2", DAY2), DAY2)["added"] == 0


# --- the load's memory limit ------------------------------------------------------------------

def test_the_load_memory_limit_grows_with_what_is_staged():
    from tasks.load import load_memory_limit

    mb = 2**20
    assert [load_memory_limit(n) >> 20 for n in (0, 37 * mb, 110 * mb, 1000 * mb)] == [
        48, 103, 213, 1548]


def _whole_database(con) -> dict:
    return {table: con.execute(f"SELECT * EXCLUDE (first_seen_at, last_seen_at) FROM {table} "
                               "ORDER BY ALL").fetchall() if table == "releases" else
            con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("releases", "spotify_matches", "ai_descriptions", "sync_runs")}


def _big_run() -> tuple[list[dict], list[dict], list[dict]]:
    releases = [release(2_000_000 + n, artist=f"Artist {n}", title=f"Title {n}",
                        album_key=f"artist {n}|title {n}", notes="n" * 300) for n in range(3000)]
    spotify_rows = [spotify_row(r["album_key"], "uncertain", DAY1, candidates=[CANDIDATE] * 5)
                    for r in releases]
    return releases, spotify_rows, []


@pytest.mark.parametrize("limit, said", [
    (lambda staged: 512 * 2**20, None),
    (lambda staged: 6 * 2**20, "loading again without a limit"),  # too little for the load
    (lambda staged: 2**20, "loading without it"),  # less than DuckDB holds already
])
def test_a_load_under_a_memory_limit_stores_what_one_without_stores(tmp_path, caplog, limit,
                                                                     said):
    # A limit the load outgrows rolls it back and loads again without one: the run is never
    # lost to it; either way the limit is lifted for what follows (the export).
    caplog.set_level("INFO", logger="tasks.load")
    releases, spotify_rows, ai_rows = _big_run()
    with connect(tmp_path / "free.duckdb") as free:
        load_run(free, releases, spotify_rows, ai_rows, run("r1", DAY1, 3000), DAY1)
        expected = _whole_database(free)
        default = free.execute("SELECT current_setting('memory_limit')").fetchall()
    with connect(tmp_path / "bounded.duckdb") as con:
        changes = load_run(con, releases, spotify_rows, ai_rows, run("r1", DAY1, 3000), DAY1,
                           memory_limit=limit)
        assert changes == {"added": 3000, "removed": 0, "removal_held_back": 0}
        assert _whole_database(con) == expected
        assert con.execute("SELECT current_setting('memory_limit')").fetchall() == default
    assert ("without" in caplog.text) == (said is not None)
    assert said is None or said in caplog.text


def test_a_kept_run_holds_the_rows_text_and_loads_what_the_run_would_have(tmp_path, con):
    # A run that could not load keeps its rows as the batches made them (evidence and
    # candidates as JSON text): the next run loads from the file what this one would have.
    from tasks import pending
    from tasks.spotify import stored_row

    rows = [stored_row(spotify_row(NIRVANA["album_key"], "uncertain", DAY1,
                                   candidates=[CANDIDATE], evidence={"queries": 2}))]
    db = tmp_path / "c.duckdb"
    pending.save(db, now=DAY1, albums=COLLECTION, spotify_rows=rows, ai_rows=[],
                 run=run("r1", DAY1), mark_removed=True, max_removed_share=None, overrides=None,
                 masters={7: (1991, 12), 8: (1975, None), 9: 1980})  # 9: kept before version 6
    [kept] = pending.read_all(db)
    assert kept.spotify_rows == rows
    with connect(db) as restored:
        pending.apply(restored, [kept], memory_limit=lambda staged: 64 * 2**20)
        from_file = restored.execute("SELECT * FROM spotify_matches").fetchall()
        assert restored.execute("SELECT master_id, year, track_count FROM discogs_masters "
                                "ORDER BY 1").fetchall() == [(7, 1991, 12), (8, 1975, None),
                                                             (9, 1980, None)]
    load_run(con, COLLECTION, rows, [], run("r1", DAY1), DAY1)
    assert con.execute("SELECT * FROM spotify_matches").fetchall() == from_file
    assert json.loads(from_file[0][-1]) == [CANDIDATE]
