"""The review's pure parts with literal data: candidates, the overrides file, links, display."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from tasks.overrides import parse_overrides
from tasks.review import (
    Candidate,
    Decision,
    ReviewItem,
    check_link,
    evidence_text,
    list_rows,
    override_names,
    parse_candidates,
    render_item,
    set_override,
    write_override,
)

ID1, ID2, ID3 = "1unzlh2EKcConuHSm7oOWC", "2guirTSEqLizK7j9i1MTTZ", "0ETFjACtuP2ADo6LFhL6HN"
EVIDENCE = {"artist": 1.0, "title": 0.7368, "year": 0.0, "tracks": None, "type": 1.0,
            "penalties": {"live": 0.55, "year_far": 0.85}}


def stored(album_id: str, score: float, **extra: object) -> dict:
    return {"spotify_album_id": album_id, "url": f"https://open.spotify.com/album/{album_id}",
            "name": f"Album {album_id[:3]}", "artists": ["Kraftwerk"],
            "release_date": "1978-05-19", "album_type": "album", "total_tracks": 6,
            "score": score, "evidence": EVIDENCE, **extra}


# --- candidates ------------------------------------------------------------------------------


def test_stored_candidates_become_distinct_and_best_first():
    raw = [stored(ID2, 0.41), stored(ID1, 0.78), stored(ID2, 0.99), {"name": "no id"}, "junk"]
    assert parse_candidates(raw) == (
        Candidate(ID1, "Album 1un", ("Kraftwerk",), "1978-05-19", "album", 6, 0.78, EVIDENCE),
        Candidate(ID2, "Album 2gu", ("Kraftwerk",), "1978-05-19", "album", 6, 0.41, EVIDENCE),
    )


def test_candidates_as_json_text_other_spellings_and_at_most_five():
    raw = json.dumps([
        {"id": ID1, "name": "Die Mensch-Maschine", "artists": [{"name": "Kraftwerk"}],
         "year": 1978, "score": 0.6, "evidence": json.dumps({"artist": 1.0})},
        {"spotify_url": f"https://open.spotify.com/intl-de/album/{ID2}?si=x", "score": 0.5}])
    first, second = parse_candidates(raw)
    assert first == Candidate(ID1, "Die Mensch-Maschine", ("Kraftwerk",), "1978", None, None,
                              0.6, {"artist": 1.0})
    assert (second.spotify_album_id, second.name, second.url) == (
        ID2, "(no name)", f"https://open.spotify.com/album/{ID2}")
    many = [stored(f"{n:022d}", n / 10) for n in range(8)]
    assert [c.score for c in parse_candidates(many)] == [0.7, 0.6, 0.5, 0.4, 0.3]


def test_a_lookup_stored_before_candidates_offers_its_best_one():
    best = {"spotify_album_id": ID3, "spotify_name": "Abbey Road (Remastered)",
            "spotify_artists": ["The Beatles"], "spotify_release_date": "1969-09-26",
            "spotify_album_type": "album", "spotify_total_tracks": 17, "score": 0.72,
            "evidence": '{"artist": 1.0, "title": 0.9, "penalties": {"edition": 0.98}}'}
    assert parse_candidates(None, best) == (Candidate(
        ID3, "Abbey Road (Remastered)", ("The Beatles",), "1969-09-26", "album", 17, 0.72,
        {"artist": 1.0, "title": 0.9, "penalties": {"edition": 0.98}}),)
    assert parse_candidates([], {"spotify_album_id": None}) == ()


def test_override_names_are_those_of_a_pressing_that_gives_the_album_key():
    # Pressings of one master share the key of most of them; this one's title gives another.
    pressings = [{"artist": "The Beatles", "title": "Abbey Road (Super Deluxe Edition) 50th"},
                 {"artist": "The Beatles", "title": "Abbey Road"}]
    assert override_names("beatles|abbey road", pressings) == ("The Beatles", "Abbey Road")
    assert override_names("tool|lateralus", [{"artist": "Tool (2)", "title": "Lateralus "}]) == (
        "Tool", "Lateralus")


# --- the overrides file ----------------------------------------------------------------------

KRAFTWERK = Decision(ID1, "review 2026-12-07: candidate 2 of 3, score 0.78")
NOT_THERE = Decision(None, "review 2026-12-07: not on Spotify")


def test_a_new_file_gets_a_header_and_the_line():
    assert set_override("", "Kraftwerk", "The Man•Machine", KRAFTWERK) == (
        "artist,title,spotify,note\n"
        f"Kraftwerk,The Man•Machine,https://open.spotify.com/album/{ID1},"
        '"review 2026-12-07: candidate 2 of 3, score 0.78"\n')


def test_a_line_is_added_at_the_end_and_every_other_line_kept_as_it_was():
    text = ("# My overrides, kept by hand\n"
            "artist,title,spotify,note\n"
            "Pink Floyd,The Dark Side Of The Moon,spotify:album:4LH4d3cOWNNsVw41Gqt2kv,  odd  \n"
            "\n"
            "# a bad line stays: the sync names it\n"
            "Pink Floyd,Animals,https://open.spotify.com/track/x")  # no final newline
    assert set_override(text, "Joanna Newsom", "Ys", NOT_THERE) == (
        text + "\nJoanna Newsom,Ys,none,review 2026-12-07: not on Spotify\n")


def test_a_second_decision_replaces_the_line_in_place():
    text = ("artist,title,spotify,note\r\n"
            "CAN,Tago Mago,none,first thought\r\n"
            "Kraftwerk,\"The Man•Machine\",none,\"multi\r\nline note\"\r\n"
            "Björk,Homogenic,none,\r\n")
    assert set_override(text, "Kraftwerk", "The Man-Machine", KRAFTWERK) == (
        "artist,title,spotify,note\r\n"
        "CAN,Tago Mago,none,first thought\r\n"
        f"Kraftwerk,The Man-Machine,https://open.spotify.com/album/{ID1},"
        '"review 2026-12-07: candidate 2 of 3, score 0.78"\r\n'
        "Björk,Homogenic,none,\r\n")


def test_the_file_columns_order_is_followed_and_without_a_note_column_a_comment_says_why():
    text = "title,artist,spotify\nTago Mago,Can,none\n"
    assert set_override(text, "Joanna Newsom", "Ys", NOT_THERE) == (
        text + "# review 2026-12-07: not on Spotify\nYs,Joanna Newsom,none\n")


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(ValueError, match="header"):
        set_override("name,link\nx,y\n", "Can", "Tago Mago", NOT_THERE)


def test_write_override_backs_up_the_file_as_it_was_and_the_sync_reads_the_result(tmp_path):
    path = tmp_path / "overrides.csv"
    original = "# mine\nartist,title,spotify\nCan,Tago Mago,none\n"
    path.write_text(original)
    parsed = write_override(path, "Kraftwerk", "The Man•Machine", KRAFTWERK, backup=True)
    write_override(path, "Joanna Newsom", "Ys", NOT_THERE, backup=False)
    assert (tmp_path / "overrides.csv.bak").read_text() == original
    assert [r["album_key"] for r in parsed.rows] == ["can|tago mago", "kraftwerk|the man machine"]
    final = parse_overrides(path.read_text())
    assert final.problems == []
    assert [(r["album_key"], r["spotify_album_id"]) for r in final.rows] == [
        ("can|tago mago", None), ("kraftwerk|the man machine", ID1), ("joanna newsom|ys", None)]
    # No temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["overrides.csv", "overrides.csv.bak"]


def test_a_new_overrides_file_and_its_folder_are_created(tmp_path):
    path = tmp_path / "data" / "overrides.csv"
    write_override(path, "Joanna Newsom", "Ys", NOT_THERE, backup=True)
    assert path.read_text() == ("artist,title,spotify,note\n"
                                "Joanna Newsom,Ys,none,review 2026-12-07: not on Spotify\n")
    assert not (tmp_path / "data" / "overrides.csv.bak").exists()


# --- pasted links ----------------------------------------------------------------------------


def test_pasted_links_are_validated():
    assert check_link(f"  https://open.spotify.com/intl-fr/album/{ID1}?si=abc  ") == (ID1, "")
    assert check_link(f"spotify:album:{ID1}") == (ID1, "")
    assert check_link(f"https://open.spotify.com/track/{ID1}") == (
        None, "that is a Spotify track link; paste the album's link (Share > Copy link to "
        "album) or spotify:album:ID")
    assert check_link(f"spotify:artist:{ID1}")[1].startswith("that is a Spotify artist link")
    assert check_link("Abbey Road") == (
        None, "not a Spotify album link: paste https://open.spotify.com/album/ID or "
        "spotify:album:ID")


# --- what the terminal shows -----------------------------------------------------------------

ITEM = ReviewItem(
    album_key="kraftwerk|the man machine", artist="Kraftwerk", title="The Man•Machine",
    status="uncertain", artists=("Kraftwerk",), year=1991, master_year=1978,
    labels=("Capitol Records", "EMI"), catnos=("SW-11728",), formats=("Vinyl, LP, Album",),
    discogs_url="https://www.discogs.com/release/1158702", score=0.78,
    candidates=(Candidate(ID1, "The Man-Machine (2009 Remaster)", ("Kraftwerk",), "1978-05-19",
                          "album", 6, 0.78, EVIDENCE),
                Candidate(ID2, "Die Mensch-Maschine", (), None, None, None, None, {})),
    override_artist="Kraftwerk", override_title="The Man•Machine")


def rendered(renderable, **console: object) -> str:
    out = io.StringIO()
    Console(file=out, width=120, **console).print(renderable)
    return out.getvalue()


def test_an_album_reads_with_its_facts_progress_candidates_and_keys():
    lines = [line.rstrip() for line in rendered(render_item(ITEM, 12, 41)).splitlines()]
    assert lines == [
        "12 of 41  ·  uncertain, best score 0.78",
        "",
        "Kraftwerk — The Man•Machine",
        "Year: 1991 (first released 1978)",
        "Label: Capitol Records (SW-11728); EMI",
        "Format: Vinyl, LP, Album",
        "Discogs: https://www.discogs.com/release/1158702",
        "",
        "Spotify candidates, best first:",
        " 1  0.78 The Man-Machine (2009 Remaster) — Kraftwerk",
        "         1978-05-19 · album · 6 tracks",
        "         artist 1.00 · title 0.74 · year 0.00 · type 1.00 · penalties: live ×0.55, "
        "year far ×0.85",
        f"         https://open.spotify.com/album/{ID1}",
        " 2     ? Die Mensch-Maschine",
        "         date unknown · type unknown · tracks unknown",
        f"         https://open.spotify.com/album/{ID2}",
        "",
        "[1-2] pick  [n] not on Spotify  [u] paste a link  [s] skip  [b] back  [q] quit",
    ]


def test_a_terminal_gets_each_candidate_as_a_hyperlink():
    text = rendered(render_item(ITEM, 1, 1), force_terminal=True, color_system="standard")
    assert "\x1b]8;id=" in text and f";https://open.spotify.com/album/{ID1}\x1b\\" in text
    plain = rendered(render_item(ITEM, 1, 1))
    assert "\x1b" not in plain  # not a terminal: no escape sequences at all


def test_a_decision_made_earlier_and_a_message_are_shown():
    text = rendered(render_item(ITEM, 2, 3, NOT_THERE, "There is no candidate 4."))
    assert "Decided this session: none" in text and "There is no candidate 4." in text


def test_evidence_leaves_out_unknown_fields_and_names_the_query():
    assert evidence_text({"artist": 0.9, "tracks": None, "penalties": {},
                          "query": "album:'Ys' artist:'Joanna Newsom'"}) == (
        "artist 0.90 · found by album:'Ys' artist:'Joanna Newsom'")


def test_list_rows():
    columns, rows = list_rows([ITEM])
    assert columns == ["n", "status", "score", "artist", "title", "year", "candidates",
                       "best candidate", "link"]
    assert rows == [(1, "uncertain", 0.78, "Kraftwerk", "The Man•Machine", 1991, 2,
                     "The Man-Machine (2009 Remaster) — Kraftwerk",
                     f"https://open.spotify.com/album/{ID1}")]
