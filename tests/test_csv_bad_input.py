"""Bad CSV exports that tests/test_discogs_csv.py does not cover, in the parser and end to end.

Each file either reads with every usable row kept and the others named by line (and column),
or is refused with a message naming the line; a row that could not be read never costs a copy
loaded before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tasks.discogs import CsvExportError, decode_export, parse_csv_export, read_csv_export

HEADER = ("Catalog#,Artist,Title,Label,Format,Rating,Released,release_id,CollectionFolder,"
          "Date Added,Collection Media Condition,Collection Sleeve Condition,Collection Notes")


def row(release_id: object, artist: str = "Artist", title: str = "Title") -> str:
    return f"CAT {release_id},{artist},{title} {release_id},Label,LP,,2010,{release_id},U,,,,"


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\r\n".join((header, *rows)) + "\r\n"


def ids(text: str) -> list[int]:
    return [a["release_id"] for a in parse_csv_export(text, source="export.csv").albums]


# --- the parser --------------------------------------------------------------------------------


def test_extra_fields_are_kept_with_a_warning_naming_the_line():
    result = parse_csv_export(csv_text(row(1), row(2) + ",stray,fields", row(3)),
                              source="export.csv")
    assert [a["release_id"] for a in result.albums] == [1, 2, 3]
    assert result.warnings == ["line 3: 15 fields where the header has 13"]


def test_a_field_too_big_for_the_csv_module_skips_its_row_only():
    huge = f'CAT,"{"x" * 200_000}",Title,Label,LP,,2010,2,U,,,,'
    result = parse_csv_export(csv_text(row(1), huge, row(3)), source="export.csv")
    assert [a["release_id"] for a in result.albums] == [1, 3]
    assert result.skipped == ["line 3: unreadable row (field larger than field limit (131072))"]


def test_nul_and_control_characters_are_dropped_from_the_values():
    result = parse_csv_export(csv_text(row(1, artist="Art\x00ist\x1b"), row(2)))
    assert [a["artist"] for a in result.albums] == ["Artist", "Artist"]
    assert result.skipped == []


def test_a_header_repeated_mid_file_is_a_skipped_row():
    # Two exports pasted into one file.
    result = parse_csv_export(csv_text(row(1), HEADER, row(2)), source="export.csv")
    assert [a["release_id"] for a in result.albums] == [1, 2]
    assert result.skipped == ["line 3, column release_id: 'release_id' is not a release id"]


@pytest.mark.parametrize("separator", [";", "\t"], ids=["semicolon", "tab"])
def test_a_file_resaved_with_another_separator_is_refused_naming_line_1(separator):
    text = csv_text(row(1)).replace(",", separator)
    with pytest.raises(CsvExportError, match=r"^export\.csv, line 1: missing column\(s\) "
                                             r"Artist, Title, release_id; found 'Catalog#"):
        parse_csv_export(text, source="export.csv")


@pytest.mark.parametrize("release_id", ["-5", "0", "1.5", "1e3", "12345x", "0x1F"])
def test_a_release_id_that_is_not_a_positive_integer_is_skipped_and_named(release_id):
    result = parse_csv_export(csv_text(row(1), row(release_id), row(3)), source="export.csv")
    assert [a["release_id"] for a in result.albums] == [1, 3]
    assert result.skipped == [f"line 3, column release_id: {release_id!r} is not a release id"]


def test_a_file_of_only_a_bom_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(CsvExportError, match=r"^export\.csv is empty"):
        read_csv_export(path)


def test_an_unclosed_quote_is_named_at_its_line():
    text = csv_text(row(1), 'CAT 2,"Artist,Title 2,Label,LP,,2010,2,U,,,,', row(3), row(4))
    result = parse_csv_export(text, source="export.csv")
    assert [a["release_id"] for a in result.albums] == [1]
    [message] = result.skipped
    assert message.startswith("line 3") and "quote" in message


def test_one_stray_windows_1252_line_does_not_garble_the_utf8_lines():
    data = csv_text(row(1, artist="Sigur Rós"), row(2, artist="Mötley Crüe")).encode("utf-8")
    data = data.replace("Mötley Crüe".encode(), "Mötley Crüe".encode("cp1252"))
    text, warnings = decode_export(data, "export.csv")
    result = parse_csv_export(text, source="export.csv")
    assert [a["artist"] for a in result.albums] == ["Sigur Rós", "Mötley Crüe"]
    assert warnings and "line 3" in warnings[0]


def test_a_utf16_export_is_read_as_utf16():
    data = csv_text(row(1, artist="坂本龍一"), row(2, artist="Sigur Rós")).encode("utf-16")
    text, _ = decode_export(data, "export.csv")
    result = parse_csv_export(text, source="export.csv")
    assert [(a["release_id"], a["artist"]) for a in result.albums] == [
        (1, "坂本龍一"), (2, "Sigur Rós")]
    assert result.skipped == []


# --- end to end: the flow on a bad export ------------------------------------------------------


def run_flow(tmp_path: Path, export: Path, **params) -> dict:
    from flows.discogs_sync import discogs_sync

    return discogs_sync(source=str(export), spotify=False, ai=False,
                        db_path=str(tmp_path / "c.duckdb"), out_dir=str(tmp_path / "site"),
                        **params)


def releases(tmp_path: Path) -> list[tuple]:
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        return con.execute("SELECT release_id, removed_at IS NOT NULL FROM releases "
                           "ORDER BY release_id").fetchall()


@pytest.mark.usefixtures("prefect_harness")
def test_an_export_without_its_required_columns_stops_the_run_and_touches_nothing(tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(csv_text(*(row(i) for i in range(1, 21))), encoding="utf-8")
    bad.write_text(csv_text(row(1), header=HEADER.replace(",release_id", ",id")),
                   encoding="utf-8")
    run_flow(tmp_path, good)
    before = releases(tmp_path)

    with pytest.raises(CsvExportError, match=r"^bad\.csv, line 1: missing column\(s\) "
                                             r"release_id"):
        run_flow(tmp_path, bad)
    assert releases(tmp_path) == before


@pytest.mark.usefixtures("prefect_harness")
def test_an_export_with_only_its_header_gives_an_empty_page(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(csv_text(), encoding="utf-8-sig")
    summary = run_flow(tmp_path, export)
    assert summary["albums"] == 0
    assert (tmp_path / "site" / "index.html").exists()


@pytest.mark.usefixtures("prefect_harness")
def test_a_row_that_breaks_never_marks_its_copy_removed(tmp_path, caplog):
    export = tmp_path / "export.csv"
    export.write_text(csv_text(*(row(i) for i in range(1, 21))), encoding="utf-8")
    run_flow(tmp_path, export)
    # Next night, the file has one broken row (a spreadsheet turned its id into text).
    export.write_text(csv_text(*(row(i) for i in range(1, 20)), row(20).replace(",20,", ",20x,")),
                      encoding="utf-8")

    summary = run_flow(tmp_path, export)

    assert any("line 21, column release_id: '20x'" in r.getMessage() for r in caplog.records)
    assert releases(tmp_path) == [(i, False) for i in range(1, 21)]
    assert summary["removed"] == 0
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        [(message,)] = con.execute("SELECT message FROM sync_runs ORDER BY started_at DESC "
                                   "LIMIT 1").fetchall()
    assert message and "skipped" in message
