"""tasks/discogs.py, CSV side: the website's collection export with the quirks real files have."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.discogs import CsvExportError, parse_csv_export, read_csv_export
from tasks.normalize import clean_text

REAL = Path(__file__).resolve().parents[2] / "shared" / "real" / "csv"

HEADER = ("Catalog#,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
          "Date Added,Collection Media Condition,Collection Sleeve Condition,Collection Notes")


def csv_text(*rows: str, header: str = HEADER, newline: str = "\n") -> str:
    return newline.join((header, *rows)) + newline


def only_album(text: str) -> dict:
    result = parse_csv_export(text, source="export.csv")
    assert (result.skipped, result.warnings) == ([], [])
    assert len(result.albums) == 1
    return result.albums[0]


def pick(album: dict, *keys: str) -> dict:
    return {k: album[k] for k in keys}


def test_a_standard_row_becomes_a_record():
    text = csv_text('VP4188,Augustus Pablo,This Is Augustus Pablo,17 North Parade,'
                    '"LP, Album, RE, RM",4,2011,3068785,Uncategorized,2020-11-18 19:17:05,'
                    'Near Mint (NM or M-),Very Good Plus (VG+),first pressing? no')
    assert only_album(text) == {
        "release_id": 3068785, "instance_id": None, "copy_no": 1, "folder": "Uncategorized",
        "master_id": None, "artist": "Augustus Pablo", "artists": ["Augustus Pablo"],
        "title": "This Is Augustus Pablo", "year": 2011, "labels": ["17 North Parade"],
        "catnos": ["VP4188"], "formats": ["LP, Album, RE, RM"], "media": "Vinyl",
        "genres": [], "styles": [], "cover_image": None, "thumb": None,
        "date_added": "2020-11-18T19:17:05+00:00", "rating": 4,
        "media_condition": "Near Mint (NM or M-)", "sleeve_condition": "Very Good Plus (VG+)",
        "notes": "first pressing? no", "custom_fields": {},
        "discogs_url": "https://www.discogs.com/release/3068785",
        "album_key": "augustus pablo|this is augustus pablo",
    }


def test_bom_crlf_empty_line_2_and_excel_dates():
    text = ("\ufeff" + HEADER + "\r\n\r\n"
            '"PIASB 060 DLP 941.0060.012",Soulwax,Any Minute Now,'
            '"[PIAS] Recordings, [PIAS] Recordings","2xLP, Album, RE, Cle",,2023,26815301,'
            "Uncategorized,23/04/2023 04:36,,,\r\n"
            "KRUNK77CLPY,Sigur Rós,Kveikur,Krúnk,\"2xLP, Album, RSD, RE, Yel\",,2023,26815136,"
            "Uncategorized,09/03/2025 05:48,,,\r\n")
    result = parse_csv_export(text)
    assert (result.skipped, result.warnings) == ([], [])
    assert [pick(a, "release_id", "artist", "title", "labels", "catnos", "date_added", "media")
            for a in result.albums] == [
        {"release_id": 26815301, "artist": "Soulwax", "title": "Any Minute Now",
         "labels": ["[PIAS] Recordings"], "catnos": ["PIASB 060 DLP 941.0060.012"],
         "date_added": "2023-04-23T04:36:00+00:00", "media": "Vinyl"},
        # dd/mm/yyyy, as a European spreadsheet re-saves it
        {"release_id": 26815136, "artist": "Sigur Rós", "title": "Kveikur",
         "labels": ["Krúnk"], "catnos": ["KRUNK77CLPY"],
         "date_added": "2025-03-09T05:48:00+00:00", "media": "Vinyl"},
    ]


def test_month_first_date_when_the_day_cannot_be_a_month():
    text = csv_text("X1,A,B,L,LP,,2020,1,Uncategorized,4/23/2023 16:05,,,")
    assert only_album(text)["date_added"] == "2023-04-23T16:05:00+00:00"


def test_unreadable_date_is_none():
    text = csv_text("X1,A,B,L,LP,,2020,1,Uncategorized,last tuesday,,,")
    assert only_album(text)["date_added"] is None


def test_headers_renamed_by_r_and_extra_price_columns():
    header = ("Catalog.,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
              "Date.Added,lowest,median,highest")
    text = csv_text('"E-ST 11728, 0C 062-85 444",Kraftwerk,The Man • Machine,'
                    '"Capitol Records, Capitol Records","LP, Album",NA,1978,1234,Uncategorized,'
                    "17/02/2025 12:32,8.14,23.26,45.42", header=header, newline="\r\n")
    album = only_album(text)
    assert pick(album, "artist", "title", "labels", "catnos", "rating", "date_added",
                "media_condition", "notes", "custom_fields") == {
        "artist": "Kraftwerk", "title": "The Man • Machine", "labels": ["Capitol Records"],
        "catnos": ["E-ST 11728", "0C 062-85 444"], "rating": None,
        "date_added": "2025-02-17T12:32:00+00:00", "media_condition": None, "notes": None,
        "custom_fields": {}}


def test_11_columns_without_conditions():
    header = ("Catalog#,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
              "Date Added,Collection Notes")
    text = csv_text('none,Tomb Mold,Manor Of Infinite Forms,20 Buck Spin,"Cass, Album, SR,",,'
                    "2021,18903883,Uncategorized,2022-02-12 19:20:35,41/77", header=header)
    album = only_album(text)
    assert pick(album, "catnos", "formats", "media", "media_condition", "sleeve_condition",
                "notes") == {
        "catnos": [], "formats": ["Cass, Album, SR"], "media": "Cassette",
        "media_condition": None, "sleeve_condition": None, "notes": "41/77"}


def test_15_columns_with_user_defined_fields():
    header = HEADER + ",Collection Cost,Collection Autographed"
    text = csv_text(
        "1859-23,Vukari,En To Pan,1859 Records,\"LP, EP\",,2015,6820328,Vinyl,"
        "2015-06-12 18:35:30,,,,15,",
        "SPIN048,Pallbearer,Sorrow And Extinction,20 Buck Spin,\"2xLP, Album, RP, Blu\",4,2015,"
        "6825240,Vinyl,2016-02-26 11:05:51,Mint (M),No Cover,Sell,20,Yes",
        header=header, newline="\r\n")
    result = parse_csv_export(text)
    assert [pick(a, "folder", "rating", "sleeve_condition", "notes", "custom_fields")
            for a in result.albums] == [
        {"folder": "Vinyl", "rating": None, "sleeve_condition": None, "notes": None,
         "custom_fields": {"Cost": "15"}},
        {"folder": "Vinyl", "rating": 4, "sleeve_condition": "No Cover", "notes": "Sell",
         "custom_fields": {"Cost": "20", "Autographed": "Yes"}},
    ]


def test_quoted_title_doubled_quotes_and_repeated_label():
    text = csv_text('"EPC 511054 2, 5110542000",Luca Carboni,"""Mondo""","Epic, Epic",'
                    '"12"", Mar",,1995,756511,Uncategorized,2026-06-30 11:17:22,,,')
    album = only_album(text)
    assert pick(album, "title", "labels", "catnos", "formats", "media", "album_key") == {
        "title": '"Mondo"', "labels": ["Epic"], "catnos": ["EPC 511054 2", "5110542000"],
        "formats": ['12", Mar'], "media": "Vinyl", "album_key": "luca carboni|mondo"}


def test_quoted_fields_with_commas_and_dashes():
    text = csv_text('SR-1,Misþyrming,"Fas – Ite, Maledicti, In Ignem Aeternum",Norma Evangelium '
                    'Diaboli,"LP, Album",5,2019,13500001,Vinyl,2019-05-20 10:00:00,,,')
    album = only_album(text)
    assert pick(album, "artist", "title", "rating") == {
        "artist": "Misþyrming", "title": "Fas – Ite, Maledicti, In Ignem Aeternum", "rating": 5}


def test_released_0_is_an_unknown_year():
    text = csv_text("X,Artist,Title,Label,CD,,0,42,Uncategorized,2020-01-01 00:00:00,,,")
    assert only_album(text)["year"] is None


def test_invisible_characters_and_stray_spaces_are_removed():
    text = csv_text(
        "A1,Lee Perry, Rasta Mission / Animal Rights ,L,LP,,2010,1,U,2020-01-01 00:00:00,,,",
        "A2,Bert (2),Sci\u200b-\u200bFi Lullabies,L,LP,,2010,2,U,2020-01-01 00:00:00,,,",
        "A3,Someone,Tralalalala /  \ufeffDirty Babylon,L,LP,,2010,3,U,2020-01-01 00:00:00,,,",
    )
    assert [a["title"] for a in parse_csv_export(text).albums] == [
        "Rasta Mission / Animal Rights", "Sci-Fi Lullabies", "Tralalalala / Dirty Babylon"]


def test_artist_suffixes_are_dropped_and_real_stars_kept():
    text = csv_text(
        "1,Vendetta (2) & Barber (3) & Bad Kid,T1,L,LP,,2010,11,U,2020-01-01 00:00:00,,,",
        "2,Frost*,Milliontown,InsideOut,CD,,2006,12,U,2020-01-01 00:00:00,,,",
        "3,Danny Red / Forward Fever,T3,L,LP,,2010,13,U,2020-01-01 00:00:00,,,",
    )
    assert [(a["artist"], a["artists"]) for a in parse_csv_export(text).albums] == [
        ("Vendetta & Barber & Bad Kid", ["Vendetta & Barber & Bad Kid"]),
        ("Frost*", ["Frost*"]),
        ("Danny Red / Forward Fever", ["Danny Red / Forward Fever"]),
    ]


def test_a_duplicated_release_id_is_two_copies():
    row = "KG-0980791,Kommando,Ghost,Self,\"Cass, Album\",,2020,2568011,Uncategorized,{},,,"
    text = csv_text(row.format("2021-06-01 10:00:00"), row.format("2020-01-01 09:00:00"))
    result = parse_csv_export(text)
    assert [(a["release_id"], a["date_added"], a["copy_no"]) for a in result.albums] == [
        (2568011, "2021-06-01T10:00:00+00:00", 2),
        (2568011, "2020-01-01T09:00:00+00:00", 1),
    ]


def test_catalog_number_cleanup():
    text = csv_text(
        '" SBH-009",A,T,L,Cass,,2010,1,U,2020-01-01 00:00:00,,,',
        "none,A,T,Not On Label (X Self-released),Cass,,2010,2,U,2020-01-01 00:00:00,,,",
        "120·07·057,A,T,L,Cass,,2010,3,U,2020-01-01 00:00:00,,,",
    )
    assert [(a["catnos"], a["labels"]) for a in parse_csv_export(text).albums] == [
        (["SBH-009"], ["L"]), ([], ["Not On Label (X Self-released)"]), (["120·07·057"], ["L"])]


def test_catalog_number_none_inside_a_list_is_dropped():
    text = csv_text('"PIASLL141LPC, none",Baxter Dury,The Night Chancers,"[PIAS] Le Label, '
                    '[pias]","LP, Album, Ltd, Cry",,2020,14946788,Uncategorized,'
                    "2020-09-15 17:31:59,,,")
    assert only_album(text)["catnos"] == ["PIASLL141LPC"]


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("Box, Comp + 3xCass, Album", "Cassette"),
        ("LP + LP, S/Sided, Etch + Album", "Vinyl"),
        ("Box, Dlx, Ltd + 4xLP, 180 + 3xCD, Dlx + Blu-ray, B", "Vinyl"),
    ],
)
def test_media_of_formats_joined_with_plus(fmt, media):
    text = csv_text(f'X,A,T,L,"{fmt}",,2010,1,U,2020-01-01 00:00:00,,,')
    assert only_album(text)["media"] == media


def test_a_multi_line_note_is_kept_on_one_line():
    text = csv_text('X,A,T,L,LP,,2010,7,U,2020-01-01 00:00:00,,,"bought in Leuven\nsigned"',
                    "Y,B,U,L,LP,,2010,8,U,2020-01-01 00:00:00,,,")
    result = parse_csv_export(text)
    assert [a["notes"] for a in result.albums] == ["bought in Leuven signed", None]


@settings(max_examples=200, deadline=None)
@given(title=st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                     max_size=60),
       notes=st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                     max_size=60))
def test_any_title_and_notes_written_by_a_csv_writer_read_back_cleaned(title, notes):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER.split(","))
    writer.writerow(["CAT 1", "Artist", title, "Label", "LP", "", "1999", "77", "Uncategorized",
                     "2020-01-01 00:00:00", "", "", notes])
    result = parse_csv_export(out.getvalue())
    assert (result.skipped, result.warnings) == ([], [])
    assert [(a["title"], a["notes"]) for a in result.albums] == [
        (clean_text(title), clean_text(notes) or None)]


# --- rows that cannot be used, and files that cannot be read ---------------------------------


def test_a_non_numeric_release_id_is_skipped_with_line_and_column():
    text = csv_text("A,Artist One,Title One,L,LP,,2010,101,U,2020-01-01 00:00:00,,,",
                    "B,Artist Two,Title Two,L,LP,,2010,abc,U,2020-01-01 00:00:00,,,",
                    "C,Artist Three,Title Three,L,LP,,2010,,U,2020-01-01 00:00:00,,,",
                    "D,Artist Four,Title Four,L,LP,,2010,103,U,2020-01-01 00:00:00,,,")
    result = parse_csv_export(text, source="export.csv")
    assert [a["release_id"] for a in result.albums] == [101, 103]
    assert result.skipped == ["line 3, column release_id: 'abc' is not a release id",
                              "line 4, column release_id: '' is not a release id"]


def test_a_row_with_neither_artist_nor_title_is_skipped():
    text = csv_text("A,,,L,LP,,2010,101,U,2020-01-01 00:00:00,,,")
    result = parse_csv_export(text)
    assert (result.albums, result.skipped) == ([], ["line 2, columns Artist/Title: both empty"])


def test_a_short_row_is_kept_with_a_warning():
    text = csv_text("A,Artist,Title,L,LP,,2010,101")
    result = parse_csv_export(text)
    assert [(a["release_id"], a["folder"], a["date_added"]) for a in result.albums] == [
        (101, None, None)]
    assert result.warnings == ["line 2: 8 fields where the header has 13"]


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("Catalog#,Artist,Title,Label,Format,Rating,Released,CollectionFolder", "release_id"),
        ("Catalog#,Title,Label,release_id", "Artist"),
        ("name,year,price", "Artist, Title, release_id"),
    ],
)
def test_a_missing_required_column_is_named(header, missing):
    with pytest.raises(CsvExportError, match=rf"^export\.csv, line 1: missing column\(s\) "
                                             rf"{missing}; found '"):
        parse_csv_export(header + "\nx,y,z\n", source="export.csv")


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(CsvExportError, match=r"^export\.csv is empty"):
        parse_csv_export("", source="export.csv")
    empty = tmp_path / "collection.csv"
    empty.write_bytes(b"")
    with pytest.raises(CsvExportError, match=r"^collection\.csv is empty"):
        read_csv_export(empty)


def test_a_header_only_file_has_no_albums():
    result = parse_csv_export(HEADER + "\r\n")
    assert (result.albums, result.skipped, result.warnings) == ([], [], [])


def test_a_missing_file_is_a_csv_export_error(tmp_path):
    with pytest.raises(CsvExportError, match="cannot read the CSV export .*nope.csv"):
        read_csv_export(tmp_path / "nope.csv")


def test_read_csv_export_with_a_bom(tmp_path):
    path = tmp_path / "djent_illini-collection-20200223-1647.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text(
        "X,Måsstaden,Album,L,LP,,2010,5,Vinyl,2020-01-01 00:00:00,,,",
        newline="\r\n").encode("utf-8"))
    result = read_csv_export(path)
    assert ([a["artist"] for a in result.albums], result.warnings) == (["Måsstaden"], [])


def test_read_csv_export_of_windows_1252_bytes(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(csv_text("KRUNK77CLPY,Sigur Rós,Kveikur,Krúnk,LP,,2023,26815136,U,"
                              "23/04/2023 04:36,,,",
                              "X,Mötley Crüe,Dr. Feelgood – Live,Elektra,LP,,1989,7,U,"
                              "23/04/2023 04:37,,,", newline="\r\n").encode("cp1252"))
    result = read_csv_export(path)
    assert [(a["artist"], a["title"], a["labels"]) for a in result.albums] == [
        ("Sigur Rós", "Kveikur", ["Krúnk"]), ("Mötley Crüe", "Dr. Feelgood – Live", ["Elektra"])]
    assert result.warnings == [
        "excel.csv: lines 2, 3 not UTF-8; read as Windows-1252"]


# --- the real exports (../shared/real, when present) -----------------------------------------

REAL_ROWS = {
    "Gustw__vinyl-collection__collection.csv": 316,
    "russmckendrick__discogs-scraper__discogs.csv": 2518,
    "russmckendrick__discogs-scraper__discogs_excel-resaved_d8a7a59.csv": 8,
    "conorparnell__TapeShelf__discogs-collection.csv": 217,
    "davide-bergamini__davide-piano-vue__discogs.csv": 5,
    "hneaz__discogs_analytics__djent_illini-collection-20200223-1647.csv": 406,
    "JP-Kelly__discogs-vinyl-collection-analysis__discogs_export_R-processed.csv": 10,
}


def real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.mark.parametrize("name", sorted(REAL_ROWS))
def test_every_real_export_reads_whole(name):
    result = read_csv_export(real(name))
    assert (len(result.albums), result.skipped, result.warnings) == (REAL_ROWS[name], [], [])
    for album in result.albums:
        assert album["artist"] and album["title"]
        assert album["title"] == album["title"].strip() and "\u200b" not in album["title"]
        assert album["date_added"] and album["date_added"].endswith("+00:00")
    keys = [(a["release_id"], a["copy_no"]) for a in result.albums]
    assert len(keys) == len(set(keys))


def test_real_gustw_export():
    albums = read_csv_export(real("Gustw__vinyl-collection__collection.csv")).albums
    assert sorted(a["copy_no"] for a in albums if a["release_id"] == 2568011) == [1, 2]
    assert {a["folder"] for a in albums} == {"Uncategorized"}
    assert all(a["rating"] is None for a in albums)
    titles = {a["title"] for a in albums}
    assert {"Sci-Fi Lullabies", "Tralalalala / Dirty Babylon"} <= titles
    assert sum(a["year"] is None for a in albums) == 7


def test_real_hneaz_export_with_folders_and_user_fields():
    albums = read_csv_export(
        real("hneaz__discogs_analytics__djent_illini-collection-20200223-1647.csv")).albums
    folders = {f: sum(a["folder"] == f for a in albums) for f in ("Vinyl", "CD", "Tape")}
    assert folders == {"Vinyl": 343, "CD": 62, "Tape": 1}
    assert sum(a["rating"] is not None for a in albums) == 129
    assert {k for a in albums for k in a["custom_fields"]} == {"Cost", "Autographed"}


def test_real_excel_resaved_export_dates():
    albums = read_csv_export(
        real("russmckendrick__discogs-scraper__discogs_excel-resaved_d8a7a59.csv")).albums
    assert albums[0]["date_added"] == "2023-04-23T04:36:00+00:00"
    assert "Sigur Rós" in {a["artist"] for a in albums}


def test_real_tapeshelf_export_with_11_columns():
    albums = read_csv_export(real("conorparnell__TapeShelf__discogs-collection.csv")).albums
    # Box sets joined with " + " are covered by test_media_of_formats_joined_with_plus.
    assert {a["media"] for a in albums if " + " not in a["formats"][0]} == {"Cassette"}
    assert "41/77" in {a["notes"] for a in albums}
    assert not any(a["formats"][0].endswith(",") for a in albums)


def test_real_davide_export_with_a_quoted_title():
    albums = read_csv_export(real("davide-bergamini__davide-piano-vue__discogs.csv")).albums
    assert pick(albums[0], "title", "labels") == {"title": '"Mondo"', "labels": ["BMG"]}
    assert albums[2]["labels"] == ["Epic"]
