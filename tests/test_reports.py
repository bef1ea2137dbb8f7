"""Reports, read-only SQL, the text formats, Parquet export and schema migrations."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tasks import load, parquet, reports
from tasks.load import SQL_DIR, connect, load_run

T1 = datetime(2025, 1, 1, 10, 0, tzinfo=UTC)
T2 = datetime(2025, 2, 1, 10, 0, tzinfo=UTC)
T3 = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)

PF = "pink floyd|dark side of the moon"
MD = "miles davis|kind of blue"
SG = "simon garfunkel|bridge over troubled water"
VA = "various|nuggets"
DP = "daft punk|discovery"
ND = "nick drake|pink moon"


def album(release_id: int, artist: str, title: str, album_key: str, *, copy_no: int = 1,
          year: int | None, media: str, label: str, catno: str, genres: list[str],
          styles: list[str], added: str, rating: int | None = None) -> dict:
    """One album record in the CONTRACTS.md shape."""
    return {
        "release_id": release_id, "instance_id": release_id * 10 + copy_no, "copy_no": copy_no,
        "folder": "1", "master_id": None, "artist": artist, "artists": [artist], "title": title,
        "year": year, "labels": [label], "catnos": [catno],
        "formats": [f"{media}, Album"], "media": media, "genres": genres, "styles": styles,
        "cover_image": None, "thumb": None, "date_added": added, "rating": rating,
        "media_condition": None, "sleeve_condition": None, "notes": None,
        "custom_fields": {}, "discogs_url": f"https://www.discogs.com/release/{release_id}",
        "album_key": album_key,
    }


COLLECTION = [
    # The Dark Side of the Moon: one Vinyl release owned twice, and a CD pressing.
    album(1001, "Pink Floyd", "The Dark Side of the Moon", PF, year=1973, media="Vinyl",
          label="Harvest", catno="SHVL 804", genres=["Rock"],
          styles=["Prog Rock", "Psychedelic Rock"], added="2024-01-10T12:00:00+00:00",
          rating=5),
    album(1001, "Pink Floyd", "The Dark Side of the Moon", PF, copy_no=2, year=1973,
          media="Vinyl", label="Harvest", catno="SHVL 804", genres=["Rock"],
          styles=["Prog Rock", "Psychedelic Rock"], added="2024-05-01T12:00:00+00:00"),
    album(1002, "Pink Floyd", "The Dark Side of the Moon", PF, year=1984, media="CD",
          label="Harvest", catno="CDP 7 46001 2", genres=["Rock"], styles=["Prog Rock"],
          added="2024-03-01T12:00:00+00:00", rating=4),
    album(2001, "Miles Davis", "Kind of Blue", MD, year=1959, media="Vinyl", label="Columbia",
          catno="CL 1355", genres=["Jazz"], styles=["Modal"],
          added="2023-12-01T12:00:00+00:00", rating=5),
    album(3001, "Simon & Garfunkel", "Bridge over Troubled Water", SG, year=1970, media="CD",
          label="Columbia", catno="KCS 9914", genres=["Rock", "Folk, World, & Country"],
          styles=["Folk Rock"], added="2024-02-15T12:00:00+00:00", rating=3),
    album(4001, "Various", "Nuggets", VA, year=None, media="Cassette", label="Elektra",
          catno="7E-2006", genres=["Rock"], styles=[], added="2022-06-01T12:00:00+00:00"),
    album(5001, "Daft Punk", "Discovery", DP, year=2001, media="CD", label="Virgin",
          catno="V2940", genres=["Electronic"], styles=["House", "Disco"],
          added="2024-06-01T12:00:00+00:00"),
    album(6001, "Nick Drake", "Pink Moon", ND, year=1972, media="Vinyl", label="Island",
          catno="ILPS 9184", genres=["Folk, World, & Country"], styles=["Folk"],
          added="2023-06-01T12:00:00+00:00"),
]
# Sold before the second run: marked removed, so no report counts it.
GONE = album(9001, "Nirvana", "Bleach", "nirvana|bleach", year=1989, media="Vinyl",
             label="Sub Pop", catno="SP 34", genres=["Rock"], styles=["Grunge"],
             added="2024-12-24T12:00:00+00:00", rating=5)


def spotify(album_key: str, status: str, score: float | None, album_id: str | None = None,
            name: str | None = None, artists: list[str] | None = None,
            release_date: str | None = None, error: str | None = None) -> dict:
    url = f"https://open.spotify.com/album/{album_id}" if status == "matched" else None
    return {"album_key": album_key, "status": status, "score": score,
            "spotify_album_id": album_id, "spotify_url": url, "spotify_name": name,
            "spotify_artists": artists, "spotify_album_type": "album" if album_id else None,
            "spotify_release_date": release_date, "evidence": {}, "error": error,
            "checked_at": T1.isoformat()}


SPOTIFY_ROWS = [
    spotify(PF, "matched", 0.97, "4LH4d3cOWNNsVw41Gqt2kv", "The Dark Side of the Moon",
            ["Pink Floyd"], "1973-03-01"),
    spotify(MD, "matched", 0.95, "1weenld61qoidwYuZ1GESA", "Kind Of Blue", ["Miles Davis"],
            "1959-08-17"),
    spotify(SG, "uncertain", 0.6213, "0JwHz5SSvpYWuuCNbtYZoV",
            "Bridge Over Troubled Water (50th Anniversary Edition)", ["Simon & Garfunkel"],
            "2020-01-24"),
    spotify(VA, "not_found", None),
    spotify(DP, "error", None, error="Spotify 503: Service Unavailable"),
    # Nick Drake: never looked up.
]


def described(album_key: str, when: datetime, text: str | None = "A fine record.",
              error: str | None = None) -> dict:
    return {"album_key": album_key, "status": "error" if error else "generated",
            "description": text, "model": "qwen3" if text else None, "prompt_version": "3",
            "language": "en", "max_chars": 500, "prompt_tokens": 300, "completion_tokens": 90,
            "seconds": 2.5, "error": error, "generated_at": when.isoformat()}


def run(run_id: str, started: datetime, value: dict | None) -> dict:
    return {"run_id": run_id, "started_at": started.isoformat(),
            "finished_at": started.isoformat(), "source": "api", "username": "someone",
            "demo": False, "albums_fetched": 8, "requests": {"discogs": 2},
            "collection_value": value, "status": "completed", "duration_s": 12.5}


def build_collection(path: Path) -> None:
    """Three runs: the first loads everything, the second loses Bleach and fails a description,
    the third could not read the collection's value."""
    with connect(path) as con:
        load_run(con, COLLECTION + [GONE], SPOTIFY_ROWS,
                 [described(PF, T1), described(MD, T1), described(SG, T1), described(VA, T1),
                  described(ND, T1)],
                 run("run-1", T1, {"minimum": "€100.00", "median": "€1,234.56",
                                   "maximum": "€2,000.00"}), now=T1)
        load_run(con, COLLECTION, [],
                 [described(SG, T2, text=None, error="EurIA 500: upstream error")],
                 run("run-2", T2, {"minimum": "€110.50", "median": "€1,300.00",
                                   "maximum": "€2,100.25"}), now=T2)
        load_run(con, COLLECTION, [], [], run("run-3", T3, None), now=T3)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "collection.duckdb"
    build_collection(path)
    return path


@pytest.fixture
def con(db_path: Path):
    with reports.open_read_only(db_path) as connection:
        yield connection


EXPECTED = {
    "overview": (["metric", "value"], [
        ("releases", 7), ("copies", 8), ("albums", 6), ("artists", 6), ("labels", 5),
        ("genres", 4), ("styles", 7), ("oldest_year", 1959), ("newest_year", 2001),
        ("rated_copies", 4), ("albums_on_spotify", 2), ("albums_described", 5),
    ]),
    "by_genre": (["genre", "releases", "copies", "pct"], [
        ("Rock", 4, 5, 57.1),
        ("Folk, World, & Country", 2, 2, 28.6),
        ("Electronic", 1, 1, 14.3),
        ("Jazz", 1, 1, 14.3),
    ]),
    "by_style": (["style", "releases", "copies", "pct"], [
        ("Prog Rock", 2, 3, 28.6),
        ("Psychedelic Rock", 1, 2, 14.3),
        ("(none)", 1, 1, 14.3),
        ("Disco", 1, 1, 14.3),
        ("Folk", 1, 1, 14.3),
        ("Folk Rock", 1, 1, 14.3),
        ("House", 1, 1, 14.3),
        ("Modal", 1, 1, 14.3),
    ]),
    "by_decade": (["decade", "releases", "copies", "pct"], [
        ("1950s", 1, 1, 14.3),
        ("1970s", 3, 4, 42.9),
        ("1980s", 1, 1, 14.3),
        ("2000s", 1, 1, 14.3),
        ("(unknown)", 1, 1, 14.3),
    ]),
    "by_format": (["media", "releases", "copies", "pct"], [
        ("Vinyl", 3, 4, 42.9),
        ("CD", 3, 3, 42.9),
        ("Cassette", 1, 1, 14.3),
    ]),
    "by_label": (["label", "releases", "copies", "pct"], [
        ("Harvest", 2, 3, 28.6),
        ("Columbia", 2, 2, 28.6),
        ("Elektra", 1, 1, 14.3),
        ("Island", 1, 1, 14.3),
        ("Virgin", 1, 1, 14.3),
    ]),
    "recently_added": (
        ["date_added", "artist", "title", "year", "media", "label", "catno", "discogs_url"], [
            (date(2024, 6, 1), "Daft Punk", "Discovery", 2001, "CD", "Virgin", "V2940",
             "https://www.discogs.com/release/5001"),
            (date(2024, 5, 1), "Pink Floyd", "The Dark Side of the Moon", 1973, "Vinyl",
             "Harvest", "SHVL 804", "https://www.discogs.com/release/1001"),
            (date(2024, 3, 1), "Pink Floyd", "The Dark Side of the Moon", 1984, "CD",
             "Harvest", "CDP 7 46001 2", "https://www.discogs.com/release/1002"),
            (date(2024, 2, 15), "Simon & Garfunkel", "Bridge over Troubled Water", 1970, "CD",
             "Columbia", "KCS 9914", "https://www.discogs.com/release/3001"),
            (date(2024, 1, 10), "Pink Floyd", "The Dark Side of the Moon", 1973, "Vinyl",
             "Harvest", "SHVL 804", "https://www.discogs.com/release/1001"),
            (date(2023, 12, 1), "Miles Davis", "Kind of Blue", 1959, "Vinyl", "Columbia",
             "CL 1355", "https://www.discogs.com/release/2001"),
            (date(2023, 6, 1), "Nick Drake", "Pink Moon", 1972, "Vinyl", "Island",
             "ILPS 9184", "https://www.discogs.com/release/6001"),
            (date(2022, 6, 1), "Various", "Nuggets", None, "Cassette", "Elektra", "7E-2006",
             "https://www.discogs.com/release/4001"),
        ]),
    "spotify_coverage": (["status", "albums", "pct"], [
        ("matched", 2, 33.3),
        ("uncertain", 1, 16.7),
        ("not_found", 1, 16.7),
        ("error", 1, 16.7),
        ("not_checked", 1, 16.7),
    ]),
    "spotify_review": (
        ["artist", "title", "year", "score", "spotify_name", "spotify_artists",
         "spotify_release_date", "candidate_url", "discogs_url"], [
            ("Simon & Garfunkel", "Bridge over Troubled Water", 1970, 0.62,
             "Bridge Over Troubled Water (50th Anniversary Edition)", "Simon & Garfunkel",
             "2020-01-24", "https://open.spotify.com/album/0JwHz5SSvpYWuuCNbtYZoV",
             "https://www.discogs.com/release/3001"),
        ]),
    "enrichment_todo": (["step", "albums", "done", "failed", "not_tried", "pct_done"], [
        ("spotify", 6, 4, 1, 1, 66.7),
        ("description", 6, 4, 1, 1, 66.7),
    ]),
    "enrichment_failures": (["step", "artist", "title", "error", "last_attempt", "album_key"], [
        ("spotify", "Daft Punk", "Discovery", "Spotify 503: Service Unavailable", T1, DP),
        ("description", "Simon & Garfunkel", "Bridge over Troubled Water",
         "EurIA 500: upstream error", T2, SG),
    ]),
    "pressings": (["artist", "title", "pressings", "copies", "details", "album_key"], [
        ("Pink Floyd", "The Dark Side of the Moon", 2, 3,
         "1973, Vinyl, Harvest, SHVL 804; 1973, Vinyl, Harvest, SHVL 804; "
         "1984, CD, Harvest, CDP 7 46001 2", PF),
    ]),
    "top_artists": (
        ["artist", "releases", "copies", "albums", "first_year", "last_year", "avg_rating"], [
            ("Pink Floyd", 2, 3, 1, 1973, 1984, 4.5),
            ("Daft Punk", 1, 1, 1, 2001, 2001, None),
            ("Miles Davis", 1, 1, 1, 1959, 1959, 5.0),
            ("Nick Drake", 1, 1, 1, 1972, 1972, None),
            ("Simon & Garfunkel", 1, 1, 1, 1970, 1970, 3.0),
        ]),
    "top_labels": (["label", "releases", "copies", "artists", "first_year", "last_year"], [
        ("Harvest", 2, 3, 1, 1973, 1984),
        ("Columbia", 2, 2, 2, 1959, 1970),
        ("Elektra", 1, 1, 1, None, None),
        ("Island", 1, 1, 1, 1972, 1972),
        ("Virgin", 1, 1, 1, 2001, 2001),
    ]),
    "ratings": (["rating", "stars", "copies", "pct"], [
        (5, "★★★★★", 2, 25.0),
        (4, "★★★★☆", 1, 12.5),
        (3, "★★★☆☆", 1, 12.5),
        (2, "★★☆☆☆", 0, 0.0),
        (1, "★☆☆☆☆", 0, 0.0),
        (None, "unrated", 4, 50.0),
    ]),
    "collection_value": (
        ["started_at", "currency", "minimum", "median", "maximum", "median_change", "run_id"], [
            (T1, "€", Decimal("100.00"), Decimal("1234.56"), Decimal("2000.00"), None,
             "run-1"),
            (T2, "€", Decimal("110.50"), Decimal("1300.00"), Decimal("2100.25"),
             Decimal("65.44"), "run-2"),
        ]),
}


def test_every_report_is_listed_with_what_it_answers():
    listed = reports.list_reports()
    assert [name for name, _ in listed] == sorted(EXPECTED)
    for name, description in listed:
        assert description, name
        assert description.endswith(("?", ")")), (name, description)
    # `discogs-sync report` pads the names: every line still fits in 100 columns.
    width = max(len(name) for name, _ in listed)
    assert all(width + 2 + len(description) <= 100 for _, description in listed)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_returns_the_expected_rows(con: duckdb.DuckDBPyConnection, name: str):
    assert reports.run_report(con, name) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_runs_on_an_empty_database(tmp_path: Path, name: str):
    with connect(tmp_path / "empty.duckdb") as con:
        columns, rows = reports.run_report(con, name)
    assert columns == EXPECTED[name][0]
    if name == "overview":
        assert rows[0] == ("releases", 0)
    elif name == "ratings":
        assert [r[2] for r in rows] == [0, 0, 0, 0, 0, 0]
    else:
        assert rows == []


def test_unknown_report_names_the_reports(con: duckdb.DuckDBPyConnection):
    with pytest.raises(reports.ReportError, match="no report named 'nope'.*by_genre"):
        reports.run_report(con, "nope")
    with pytest.raises(reports.ReportError):
        reports.run_report(con, "../schema")


def test_collection_value_reads_other_currencies(tmp_path: Path):
    values = {"a": "$1,234", "b": "1.234,56 €", "c": "CA$12.00", "d": "¥12,345", "e": "n/a"}
    with connect(tmp_path / "value.duckdb") as con:
        for i, text in enumerate(values.values()):
            started = datetime(2025, 1, 1 + i, tzinfo=UTC)
            load_run(con, [], [], [], run(f"run-{i}", started,
                                          {"minimum": text, "median": text, "maximum": text}),
                     now=started, mark_removed=False)
        _, rows = reports.run_report(con, "collection_value")
    assert [(currency, median) for _, currency, _, median, *_ in rows] == [
        ("$", Decimal("1234.00")), ("€", Decimal("1234.56")), ("CA$", Decimal("12.00")),
        ("¥", Decimal("12345.00")), ("n/a", None),
    ]


def test_run_sql_reads(db_path: Path):
    assert reports.run_sql(db_path, "SELECT count(*) AS n FROM releases") == (["n"], [(9,)])
    assert reports.run_sql(db_path, "SELECT 1 AS a WHERE false") == (["a"], [])


@pytest.mark.parametrize("query", [
    "DELETE FROM releases",
    "INSERT INTO sync_runs (run_id, started_at) VALUES ('x', now())",
    "DROP VIEW albums",
    "CREATE TABLE scratch (x INTEGER)",
])
def test_run_sql_refuses_writes(db_path: Path, query: str):
    with pytest.raises(duckdb.Error, match="read-only"):
        reports.run_sql(db_path, query)
    assert reports.run_sql(db_path, "SELECT count(*) FROM releases")[1] == [(9,)]


def test_run_sql_without_a_database(tmp_path: Path):
    with pytest.raises(reports.ReportError, match="no database"):
        reports.run_sql(tmp_path / "missing.duckdb", "SELECT 1")
    assert not (tmp_path / "missing.duckdb").exists()


def test_find_database_falls_back_to_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(reports.ReportError, match="run `discogs-sync run` first"):
        reports.find_database()
    Path("data/demo").mkdir(parents=True)
    Path("data/demo/collection.duckdb").touch()
    assert reports.find_database() == Path("data/demo/collection.duckdb")
    Path("data/collection.duckdb").touch()
    assert reports.find_database() == Path("data/collection.duckdb")
    assert reports.find_database("data/demo/collection.duckdb") == \
        Path("data/demo/collection.duckdb")


COLUMNS = ["artist", "formats", "copies", "score", "added"]
ROWS = [
    ("Simon & Garfunkel", ["Vinyl, LP", "CD"], 2, Decimal("0.62"), date(2024, 2, 15)),
    ("A|B", [], 10, None, None),
]


def test_format_table():
    assert reports.format_rows(COLUMNS, ROWS, "table") == "\n".join([
        "artist             formats        copies  score  added",
        "-----------------  -------------  ------  -----  ----------",
        "Simon & Garfunkel  Vinyl, LP; CD       2   0.62  2024-02-15",
        "A|B                                   10",
        "(2 rows)",
    ])


def test_format_table_clips_long_cells():
    text = reports.format_rows(["d"], [("x" * 100,)], "table")
    assert text.splitlines()[2] == "x" * 59 + "…"


def test_format_csv():
    assert reports.format_rows(COLUMNS, ROWS, "csv") == "\n".join([
        "artist,formats,copies,score,added",
        'Simon & Garfunkel,"[""Vinyl, LP"", ""CD""]",2,0.62,2024-02-15',
        "A|B,[],10,,",
    ])


def test_format_json():
    assert json.loads(reports.format_rows(COLUMNS, ROWS, "json")) == [
        {"artist": "Simon & Garfunkel", "formats": ["Vinyl, LP", "CD"], "copies": 2,
         "score": 0.62, "added": "2024-02-15"},
        {"artist": "A|B", "formats": [], "copies": 10, "score": None, "added": None},
    ]


def test_format_markdown():
    assert reports.format_rows(COLUMNS, ROWS, "markdown") == "\n".join([
        "| artist | formats | copies | score | added |",
        "|---|---|---:|---:|---|",
        "| Simon & Garfunkel | Vinyl, LP; CD | 2 | 0.62 | 2024-02-15 |",
        "| A\\|B |  | 10 |  |  |",
    ])


def test_format_unknown():
    with pytest.raises(reports.ReportError, match="table, csv, json, markdown"):
        reports.format_rows(COLUMNS, ROWS, "xml")


def test_every_report_formats(con: duckdb.DuckDBPyConnection):
    for name, _ in reports.list_reports():
        columns, rows = reports.run_report(con, name)
        for fmt in reports.FORMATS:
            assert reports.format_rows(columns, rows, fmt)
        assert len(json.loads(reports.format_rows(columns, rows, "json"))) == len(rows)


def test_export_parquet_writes_every_table_and_view(db_path: Path, tmp_path: Path):
    out = tmp_path / "parquet"
    written = parquet.export_parquet(db_path, out)
    assert [(f.name, f.path, f.rows) for f in written] == [
        ("ai_descriptions", out / "ai_descriptions.parquet", 5),
        ("discogs_masters", out / "discogs_masters.parquet", 0),
        ("discogs_release_tracks", out / "discogs_release_tracks.parquet", 0),
        ("releases", out / "releases.parquet", 9),
        ("schema_migrations", out / "schema_migrations.parquet", len(migration_versions())),
        ("spotify_matches", out / "spotify_matches.parquet", 5),
        ("spotify_overrides", out / "spotify_overrides.parquet", 0),
        ("sync_runs", out / "sync_runs.parquet", 3),
        ("albums", out / "albums.parquet", 8),
    ]
    # Read back by another engine's path: a fresh DuckDB, and pandas through it.
    other = duckdb.connect()
    # (TIMESTAMPTZ columns make duckdb 2.0's .df() warn under pandas 3.1: left out here.)
    frame = other.execute("SELECT release_id, copy_no, genres FROM read_parquet(?)",
                          [str(out / "releases.parquet")]).df()
    assert len(frame) == 9
    assert sorted(frame.loc[frame["release_id"] == 1001, "copy_no"]) == [1, 2]
    assert list(frame.loc[frame["release_id"] == 3001, "genres"].iloc[0]) == \
        ["Rock", "Folk, World, & Country"]
    albums = other.execute("SELECT artist, title, spotify_status FROM read_parquet(?) "
                           "WHERE release_id = 2001", [str(out / "albums.parquet")]).fetchall()
    assert albums == [("Miles Davis", "Kind of Blue", "matched")]
    # A second export replaces the files.
    assert [f.rows for f in parquet.export_parquet(db_path, out)] == [f.rows for f in written]


def migration_versions() -> list[int]:
    files = sorted((SQL_DIR / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql"))
    return [1] + [int(p.name[:4]) for p in files]


def test_a_version_1_database_upgrades_in_place(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    # A database as version 1 made it: sql/schema.sql and its row in schema_migrations.
    with duckdb.connect(str(path)) as old:
        old.execute("CREATE TABLE schema_migrations "
                    "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)")
        old.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
        old.execute("INSERT INTO schema_migrations VALUES (1, 'schema', now())")
        load_run(old, COLLECTION, [], [described(PF, T1)],
                 run("run-1", T1, {"minimum": "€1.00", "median": "€2.00", "maximum": "€3.00"}),
                 now=T1)
        # Today's load writes columns version 1 had not: its lookups go in as it stored them.
        old.register("lookups", load.frame(SPOTIFY_ROWS, {"album_key": "str", "status": "str",
                                                          "checked_at": "str"}))
        old.execute("INSERT INTO spotify_matches (album_key, status, checked_at) "
                    "SELECT album_key, status, CAST(checked_at AS TIMESTAMPTZ) FROM lookups")
    with connect(path) as con:
        versions = [v for (v,) in con.execute(
            "SELECT version FROM schema_migrations ORDER BY version").fetchall()]
        assert versions == migration_versions()
        assert con.execute("SELECT count(*) FROM releases").fetchone() == (8,)
        assert con.execute("SELECT count(*) FROM spotify_matches").fetchone() == (5,)
        assert con.execute("SELECT description FROM ai_descriptions").fetchall() == \
            [("A fine record.",)]
        assert con.execute("SELECT run_id FROM sync_runs").fetchall() == [("run-1",)]
        assert reports.run_report(con, "pressings")[1][0][:4] == \
            ("Pink Floyd", "The Dark Side of the Moon", 2, 3)
    # Opening it again applies nothing more.
    with connect(path) as con:
        assert load.migrate(con) == []


def test_a_new_migration_upgrades_an_old_database(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    """The mechanism a future sql/migrations/NNNN_*.sql goes through, rows kept."""
    path = tmp_path / "old.duckdb"
    with connect(path) as con:
        load_run(con, COLLECTION, [], [], run("run-1", T1, None), now=T1)
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    for name in sorted((SQL_DIR / "migrations").glob("*.sql")):
        (migrations / name.name).write_text(name.read_text(encoding="utf-8"), encoding="utf-8")
    (migrations / "9001_releases_play_count.sql").write_text(
        "ALTER TABLE releases ADD COLUMN play_count INTEGER DEFAULT 0;\n", encoding="utf-8")
    monkeypatch.setattr(load, "MIGRATIONS_DIR", migrations)
    with connect(path) as con:
        assert con.execute("SELECT max(version), count(*) FROM schema_migrations").fetchone() \
            == (9001, len(migration_versions()) + 1)
        assert con.execute("SELECT count(*), sum(play_count) FROM releases").fetchone() == (8, 0)
        # The albums view picks the new column up, and the reports still run.
        assert con.execute("SELECT count(play_count) FROM albums").fetchone() == (8,)
        assert reports.run_report(con, "overview")[1][0] == ("releases", 7)
