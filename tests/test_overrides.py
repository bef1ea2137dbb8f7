"""The manual Spotify overrides file: parsed without mocks, applied by the load."""

from __future__ import annotations

import pytest

from tasks.overrides import OverridesError, parse_overrides, read_overrides


def test_pins_and_not_on_spotify_marks():
    result = parse_overrides(
        "\ufeffartist,title,spotify,note\r\n"
        "Pink Floyd,The Dark Side Of The Moon,"
        "https://open.spotify.com/intl-fr/album/4LH4d3cOWNNsVw41Gqt2kv?si=abc,remaster\r\n"
        "Nirvana (2),The Story Of Simon Simopath,none,\r\n"
        "Björk,Homogenic,spotify:album:3icnKmAS7z5bSDoB8Jgiha,\r\n")
    assert result.problems == []
    assert result.rows == [
        {"album_key": "pink floyd|the dark side of the moon", "artist": "Pink Floyd",
         "title": "The Dark Side Of The Moon", "spotify_album_id": "4LH4d3cOWNNsVw41Gqt2kv",
         "spotify_url": "https://open.spotify.com/album/4LH4d3cOWNNsVw41Gqt2kv",
         "note": "remaster"},
        {"album_key": "nirvana|the story of simon simopath", "artist": "Nirvana",
         "title": "The Story Of Simon Simopath", "spotify_album_id": None, "spotify_url": None,
         "note": None},
        {"album_key": "bjork|homogenic", "artist": "Björk", "title": "Homogenic",
         "spotify_album_id": "3icnKmAS7z5bSDoB8Jgiha",
         "spotify_url": "https://open.spotify.com/album/3icnKmAS7z5bSDoB8Jgiha", "note": None},
    ]


def test_bad_rows_are_named_and_skipped_and_the_last_duplicate_wins():
    result = parse_overrides(
        "artist,title,spotify\n"
        "Pink Floyd,Animals,https://open.spotify.com/track/4LH4d3cOWNNsVw41Gqt2kv\n"
        ",Untitled,none\n"
        "Can,Tago Mago,none\n"
        "CAN,Tago Mago,https://open.spotify.com/album/0ozXuGNEsKbGdyP5bkvGkL\n")
    assert result.problems == [
        "overrides.csv, line 2, column spotify: "
        "'https://open.spotify.com/track/4LH4d3cOWNNsVw41Gqt2kv' is neither a Spotify album "
        "link nor 'none'",
        "overrides.csv, line 3: artist and title are both needed",
        "overrides.csv, line 5: CAN - Tago Mago is already overridden on line 4; the later line "
        "wins",
    ]
    assert [(r["album_key"], r["spotify_album_id"]) for r in result.rows] == [
        ("can|tago mago", "0ozXuGNEsKbGdyP5bkvGkL")]


def test_missing_columns_is_an_error_naming_them():
    with pytest.raises(OverridesError, match="line 1: missing column.s. spotify"):
        parse_overrides("artist,title\nCan,Tago Mago\n")


def test_no_file_means_no_overrides(tmp_path):
    assert read_overrides(tmp_path / "overrides.csv").rows == []


def test_comment_lines_are_skipped_and_lines_still_named_by_their_number():
    result = parse_overrides(
        "# Settled by hand; `discogs-sync review` adds lines below.\n"
        "\n"
        "artist,title,spotify,note\n"
        "# Can, Tago Mago: two pressings\n"
        "Can,Tago Mago,none,\n"
        "Pink Floyd,Animals,spotify:track:4LH4d3cOWNNsVw41Gqt2kv\n")
    assert [r["album_key"] for r in result.rows] == ["can|tago mago"]
    assert result.problems == [
        "overrides.csv, line 6, column spotify: 'spotify:track:4LH4d3cOWNNsVw41Gqt2kv' is "
        "neither a Spotify album link nor 'none'"]


def test_spotify_album_id_of_links_and_uris():
    from tasks.overrides import spotify_album_id

    album = "4LH4d3cOWNNsVw41Gqt2kv"
    assert [spotify_album_id(t) for t in (
        f"https://open.spotify.com/album/{album}",
        f" https://open.spotify.com/intl-fr/album/{album}?si=Xy1 ",
        f"spotify:album:{album}",
        f"https://open.spotify.com/track/{album}",
        f"spotify:artist:{album}",
        album,
        f"https://open.spotify.com/album/{album}x",
        "none",
    )] == [album, album, album, None, None, None, None, None]
