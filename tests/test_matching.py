import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.match_eval import DEFAULT_SET_DIR, evaluate, half_of, load_set, main
from tasks.matching import (
    DEFAULT_THRESHOLD,
    Match,
    MatchQuery,
    Search,
    Searched,
    best_spotify_match,
    decide,
    next_search,
    score_candidate,
    search_plan,
    search_queries,
    top_candidates,
)

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def album(**kw):
    """A Spotify simplified album with only the keys given."""
    return dict(kw)


NEVERMIND = MatchQuery(
    artist="Nirvana", artists=("Nirvana",), title="Nevermind", year=2011, master_year=1991,
    track_count=12,
)


def test_match_query_from_album_record():
    record = {
        "artist": "Vendetta (2) & Barber (3) & Bad Kid",
        "artists": ["Vendetta (2)", "Barber (3)", " Bad Kid "],
        "title": " Sci\u200b-\u200bFi Lullabies ",
        "year": 0,
        "master_id": None,
        "formats": ['7", 45 RPM'],
    }
    assert MatchQuery.from_album(record) == MatchQuery(
        artist="Vendetta & Barber & Bad Kid",
        artists=("Vendetta", "Barber", "Bad Kid"),
        title="Sci-Fi Lullabies",
        year=None,
        master_year=None,
        track_count=None,
        is_compilation=False,
        is_single=True,
        genres=(),
    )


def test_match_query_from_various_compilation():
    q = MatchQuery.from_album(
        {"artist": "Various", "artists": ["Various"], "title": "Trainspotting", "year": 1996,
         "master_year": 1996, "formats": ["CD, Compilation"]}
    )
    assert (q.is_various, q.is_compilation, q.is_single, q.master_year) == (True, True, False, 1996)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"artist": "Nirvana (2)", "title": "Nevermind"},
            [("album:'Nevermind' artist:'Nirvana'", "album_artist"),
             ("artist:'Nirvana'", "artist_list"), ("album:'Nevermind'", "title_year")],
        ),
        (
            # Spotify ends a quoted value at an apostrophe: none is ever sent inside one.
            {"artist": "Working Men's Club (2)", "title": "Don’t Stop", "master_year": 2020},
            [("album:'Dont Stop' artist:'Working Mens Club'", "album_artist"),
             ("artist:'Working Mens Club' year:2019-2021", "artist_year"),
             ("album:'Dont Stop' year:2019-2021", "title_year")],
        ),
        (
            {"artist": "Marvin Gaye", "title": "What's Going On", "year": 1971},
            [("album:'Whats Going On' artist:'Marvin Gaye'", "album_artist"),
             ("artist:'Marvin Gaye'", "artist_list"),
             ("album:'Whats Going On' year:1970-1972", "title_year")],
        ),
        (
            {"artist": "Simon & Garfunkel", "title": "Simon And Garfunkel's Greatest Hits",
             "master_year": 1972},
            [("album:'Simon Garfunkels Greatest Hits' artist:'Simon'", "album_artist"),
             ("artist:'Simon' year:1971-1973", "artist_year"),
             ("album:'Simon Garfunkels Greatest Hits' year:1971-1973", "title_year"),
             # A joint credit: Spotify may credit the second name alone.
             ("album:'Simon Garfunkels Greatest Hits' artist:'Garfunkel'", "partner_artist")],
        ),
        (
            # A title of digits and signs only is no other script: the credit's searches first.
            {"artist": "Steven Wilson", "title": "4½", "master_year": 2016},
            [("album:'4½' artist:'Steven Wilson'", "album_artist"),
             ("artist:'Steven Wilson' year:2015-2017", "artist_year"),
             ("album:'4½' year:2015-2017", "title_year")],
        ),
        (
            # Join words go: Spotify may credit "Prince & The Revolution".
            {"artist": "Prince And The Revolution", "title": "Purple Rain (Deluxe Edition)",
             "master_year": 1984},
            [("album:'Purple Rain (Deluxe Edition)' artist:'Prince'", "album_artist"),
             ("album:'Purple Rain' artist:'Prince'", "core_artist"),
             ("artist:'Prince' year:1983-1985", "artist_year"),
             ("album:'Purple Rain' year:1983-1985", "title_year"),
             ("album:'Purple Rain' artist:'Revolution'", "partner_artist")],
        ),
        (
            {"artist": "Kevin Rowland & Dexys Midnight Runners", "title": "Too-Rye-Ay",
             "year": 2014},
            [("album:'Too-Rye-Ay' artist:'Kevin Rowland'", "album_artist"),
             ("artist:'Kevin Rowland'", "artist_list"),
             ("album:'Too-Rye-Ay' year:2013-2015", "title_year"),
             ("album:'Too-Rye-Ay' artist:'Dexys Midnight Runners'", "partner_artist")],
        ),
        (
            {"artist": "Sensi-T & Mr. Zèbre", "artists": ["Sensi-T", "Mr. Zèbre"],
             "title": "Travelling On The Riddim "},
            # Join words go from a title too: Spotify may spell "and" "&", or drop "The".
            [("album:'Travelling On Riddim' artist:'Sensi-T'", "album_artist"),
             ("artist:'Sensi-T'", "artist_list"),
             ("album:'Travelling On Riddim'", "title_year")],
        ),
        (
            # A bilingual title: each side alone, the Latin one first.
            {"artist": "Кино", "title": "Группа Крови = Gruppa Krovi", "year": 1988},
            [("album:'Gruppa Krovi' artist:'Кино'", "side_artist"),
             ("album:'Группа Крови' artist:'Кино'", "side_artist"),
             ("artist:'kino'", "latin_artist"),
             ("artist:'Кино'", "artist_list"),
             ("album:'Группа Крови' year:1987-1989", "title_year"),
             ("album:'Gruppa Krovi' year:1987-1989", "latin_title_year")],
        ),
        (
            # A credit in a script with no Latin form here: the Latin side alone finds the
            # album Spotify files under "Amr Diab".
            {"artist": "عمرو دياب", "title": "تملي معاك = Tamally Maak", "year": 2000,
             "master_year": 2000},
            [("album:'Tamally Maak' artist:'عمرو دياب'", "side_artist"),
             ("album:'تملي معاك' artist:'عمرو دياب'", "side_artist"),
             ("artist:'عمرو دياب' year:1999-2001", "artist_year"),
             ("album:'تملي معاك' year:1999-2001", "title_year"),
             ("album:'Tamally Maak' year:1999-2001", "latin_title_year")],
        ),
        (
            {"artist": "Various", "title": "Saturday Night Fever (The Original Movie Sound Track)",
             "master_year": 1977},
            [("album:'Saturday Night Fever (The Original Movie Sound Track)'", "album"),
             ("album:'Saturday Night Fever'", "album"),
             ("album:'Saturday Night Fever' year:1976-1978", "album_year")],
        ),
        ({"artist": "Various", "title": "Pulp Fiction"}, [("album:'Pulp Fiction'", "album")]),
        ({"artist": "Sigur Rós", "title": "( )"}, [("artist:'Sigur Rós'", "artist_list")]),
        ({"artist": "Various", "title": "★"}, []),
        ({"artist": "", "title": ""}, []),
        (
            # Classical: composer and catalogue number, then the work's number, with
            # the performer's surname as a free word; then the performer's list; then the year.
            {"artist": "Beethoven, Wiener Philharmoniker, Carlos Kleiber",
             "artists": ["Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
             "title": "Symphonie Nr. 7 A-dur Op. 92", "year": 1995, "master_year": 1976,
             "genres": ["Classical"]},
            [("artist:'Beethoven' album:'92' Kleiber", "classical_catalogue"),
             # The number alone: Spotify may say "Symphonies Nos. 5 & 7" (no stemming).
             ("artist:'Beethoven' album:'7' Kleiber", "classical_work"),
             ("artist:'Kleiber' Beethoven", "classical_performer_list"),
             # Without the performer (Spotify may spell him otherwise), by the number.
             ("artist:'Beethoven' album:'7' year:1975-1977", "classical_work_year"),
             # The composer's albums of the year: for a title no work word survives.
             ("artist:'Beethoven' year:1975-1977", "classical_composer_year")],
        ),
        (
            {"artist": "Carl Orff, Eugen Jochum", "artists": ["Carl Orff", "Eugen Jochum"],
             "title": "Carmina Burana", "year": 1968, "genres": ["Classical"]},
            [("artist:'Orff' album:'Carmina Burana' Jochum", "classical_work"),
             ("artist:'Jochum' Orff", "classical_performer_list"),
             ("artist:'Orff' album:'Carmina Burana' year:1967-1969", "classical_work_year")],
        ),
    ],
)
def test_search_plan(record, expected):
    q = MatchQuery.from_album(record)
    assert [(s.query, s.form) for s in search_plan(q)] == expected
    assert search_queries(q) == [query for query, _ in expected]


@settings(max_examples=300)
@given(st.text(max_size=40), st.text(max_size=40))
def test_search_queries_never_send_an_empty_or_broken_filter(artist, title):
    queries = search_queries(MatchQuery.from_album({"artist": artist, "title": title}))
    assert len(queries) <= 6
    for query in queries:
        assert "album:''" not in query and "artist:''" not in query
        assert query.count("'") in (0, 2, 4)


def item(name, artist, date, tracks, album_type="album", id=None):
    """A catalogue item as the search returns it."""
    return {"id": id or f"{artist}|{name}|{date}", "name": name, "artists": [{"name": artist}],
            "release_date": date, "total_tracks": tracks, "album_type": album_type,
            "external_urls": {"spotify": f"https://open.spotify.com/album/{id or name}"}}


def test_a_joint_credit_searches_the_title_alone_though_one_member_is_known():
    # "Mos Def & Talib Kweli Are Black Star": Spotify files it under Black Star; Mos Def's
    # own albums say nothing of the pair's.
    q = MatchQuery.from_album({"artist": "Mos Def & Talib Kweli",
                               "title": "Mos Def & Talib Kweli Are Black Star", "year": 1998,
                               "master_year": 1998, "track_count": 13})
    solo = item("Black On Both Sides", "Mos Def", "1999-10-12", 17)
    done = [Searched(step, (solo,) if step.form == "artist_year" else ())
            for step in search_plan(q)[:2]]
    assert [s.search.form for s in done] == ["album_artist", "artist_year"]
    assert next_search(q, done) == Search(
        "album:'Mos Def Talib Kweli Are Black Star' year:1997-1999", "title_year")
    band = item("Mos Def & Talib Kweli Are Black Star", "Black Star", "1998-08-26", 13)
    assert best_spotify_match(q, [solo, band]).album is band
    # A single name known by its results of the master's years and later: the title alone
    # is not sent.
    alone = MatchQuery.from_album({"artist": "Mos Def", "title": "The New Danger",
                                   "year": 2004, "master_year": 2004})
    later = item("True Magic", "Mos Def", "2006-12-29", 13)
    done = [Searched(step, (solo, later)) for step in search_plan(alone)[:2]]
    assert next_search(alone, done) is None


def test_a_name_whose_albums_stop_before_the_master_year_searches_the_title_alone():
    # "Small Faces" - "First Step" (1970): the band was Faces by then; the old name's albums
    # are older, or a reissue's anniversary edition, which says nothing of the name in 1970.
    q = MatchQuery.from_album({"artist": "Small Faces", "title": "First Step", "year": 1970,
                               "master_year": 1970, "track_count": 10})
    old = (item("Ogdens' Nut Gone Flake", "Small Faces", "1968-05-24", 12),
           item("Small Faces (50th Anniversary Edition)", "Small Faces", "2016-11-04", 30))
    done = [Searched(step, old if step.form == "artist_year" else ())
            for step in search_plan(q)[:2]]
    assert [s.search.form for s in done] == ["album_artist", "artist_year"]
    assert next_search(q, done) == Search("album:'First Step' year:1969-1971", "title_year")
    faces = item("First Step", "Faces", "1970-03-01", 10)
    assert best_spotify_match(q, [*old, faces]).album is faces
    # One plain album of 1970 or later under the name: it is still the band's name.
    still = (*old, item("The Autumn Stone", "Small Faces", "1969-11-01", 20))
    done = [Searched(step, still if step.form == "artist_year" else ())
            for step in search_plan(q)[:2]]
    assert next_search(q, done) is None


def test_next_search_adapts_to_what_earlier_searches_returned():
    q = MatchQuery.from_album({"artist": "Wood", "title": "Meant To Collide", "year": 2023,
                               "track_count": 9})
    first = next_search(q, [])
    assert (first.query, first.form) == ("album:'Meant To Collide' artist:'Wood'", "album_artist")
    done = [Searched(first, ())]
    listing = next_search(q, done)
    assert listing.form == "artist_list"
    # The artist is unknown under the sleeve's name: the title alone comes next.
    done.append(Searched(listing, ()))
    assert next_search(q, done).query == "album:'Meant To Collide' year:2022-2024"
    # Once a result is credited to the sleeve's artist, the title alone is not worth a search.
    known = [Searched(first, ()), Searched(listing, (item("Other", "Wood", "2019", 10),))]
    assert next_search(q, known) is None


def test_decide_says_which_query_found_the_album_and_ranks_candidates():
    q = MatchQuery.from_album({"artist": "Wud", "title": "Meant To Collide", "year": 2023,
                               "track_count": 9, "formats": ["LP, Album"]})
    first = Search("album:'Meant To Collide' artist:'Wud'", "album_artist")
    listing = Search("artist:'Wud'", "artist_list")
    right = item("Meant To Collide", "Wud", "2023-01-01", 9, id="right")
    other = item("Earlier Things", "Wud", "2019-01-01", 10, id="other")
    match = decide(q, [Searched(first, ()), Searched(listing, (other, right))])
    assert (match.status, match.album, match.evidence["query"], match.evidence["query_form"]) == (
        "matched", right, "artist:'Wud'", "artist_list")
    top = top_candidates(q, [Searched(first, ()), Searched(listing, (other, right))])
    assert [c["spotify_album_id"] for c in top] == ["right", "other"]
    assert top[0] == {
        "spotify_album_id": "right", "url": "https://open.spotify.com/album/right",
        "name": "Meant To Collide", "artists": ["Wud"], "release_date": "2023-01-01",
        "album_type": "album", "total_tracks": 9, "score": 1.0,
        "evidence": {"artist": 1.0, "title": 1.0, "year": 1.0, "tracks": 1.0, "type": 1.0,
                     "penalties": {}, "query_form": "artist_list"}}
    assert decide(q, []) == Match("not_found", None, 0.0, {"candidates": 0})


def test_a_renamed_artist_needs_the_same_title_year_and_track_count():
    q = MatchQuery.from_album({"artist": "Wood", "title": "Meant To Collide", "year": 2023,
                               "track_count": 9, "formats": ["LP, Album"]})
    right = item("Meant To Collide", "Wud", "2023-01-01", 9)
    assert best_spotify_match(q, [right]).status == "matched"
    assert best_spotify_match(q, [right]).evidence["rule"] == "renamed_artist"
    for wrong in (item("Meant To Collide", "Wud", "2021-01-01", 9),
                  item("Meant To Collide", "Wud", "2023-01-01", 12)):
        assert best_spotify_match(q, [wrong]).status != "matched"
    # A one-word title is too common to stand for the artist.
    roots = MatchQuery.from_album({"artist": "Children Of The Sün", "title": "Roots",
                                   "year": 1996, "master_year": 1996, "track_count": 16})
    assert best_spotify_match(roots, [item("Roots", "Sepultura", "1996-02-20", 16)]).status != (
        "matched")


def test_same_artist_same_year_and_tracks_stand_in_for_extra_title_words():
    gabriel = MatchQuery.from_album({"artist": "Peter Gabriel", "title": "Peter Gabriel",
                                     "year": 1977, "master_year": 1977, "track_count": 9})
    car = item("Peter Gabriel 1: Car (Remastered)", "Peter Gabriel", "1977-02-25", 9)
    scratch = item("Peter Gabriel 2: Scratch (Remastered)", "Peter Gabriel", "1978-06-02", 10)
    match = best_spotify_match(gabriel, [scratch, car])
    assert (match.status, match.album, match.evidence["rule"]) == ("matched", car, "same_words")
    # Led Zeppelin II is not Led Zeppelin, whatever the year and the track count say.
    zep = MatchQuery.from_album({"artist": "Led Zeppelin", "title": "Led Zeppelin II",
                                 "year": 1969, "master_year": 1969, "track_count": 9})
    assert best_spotify_match(zep, [item("Led Zeppelin", "Led Zeppelin", "1969-01-12", 9)]
                              ).status != "matched"


def test_artist_names_in_two_scripts_are_unknown_not_different():
    # Discogs romanizes the artist, Spotify writes it in Japanese: text cannot compare them, so
    # a one-word title with the year and the track count is enough.
    q = MatchQuery.from_album({"artist": "Taeko Ohnuki", "title": "Sunshower", "year": 1977,
                               "master_year": 1977, "track_count": 10})
    match = best_spotify_match(q, [item("SUNSHOWER", "大貫妙子", "1977-07-25", 10)])
    assert (match.status, match.evidence["rule"]) == ("matched", "renamed_artist")
    # Two Latin names that differ are two artists: a one-word title is then too common.
    assert best_spotify_match(q, [item("Sunshower", "Sun Shower Band", "1977-07-25", 10)]
                              ).status != "matched"
    # A 7" single: the same title and year, two sides, and the artist in the other script.
    single = MatchQuery.from_album({"artist": "Kyu Sakamoto", "title": "上を向いて歩こう",
                                    "year": 1961, "master_year": 1961, "track_count": 2,
                                    "formats": ['7", Single']})
    ue = item("上を向いて歩こう", "坂本九", "1961-10-15", 2, album_type="single")
    assert best_spotify_match(single, [ue]).status == "matched"
    cover = item("上を向いて歩こう", "坂本九", "1985-10-15", 2, album_type="single")
    assert best_spotify_match(single, [cover]).status != "matched"
    latin = MatchQuery.from_album({"artist": "Kyu Sakamoto", "title": "Sukiyaki", "year": 1963,
                                   "master_year": 1963, "track_count": 2,
                                   "formats": ['7", Single']})
    assert best_spotify_match(latin, [item("Sukiyaki", "A Taste Of Honey", "1963-01-01", 2,
                                            album_type="single")]).status != "matched"


def test_a_greek_credit_is_searched_and_compared_in_latin_letters():
    q = MatchQuery.from_album({"artist": "Μίκης Θεοδωράκης", "title": "Άξιον Εστί",
                               "year": 1964, "master_year": 1964, "track_count": 20})
    assert [s.query for s in search_plan(q)] == [
        "album:'Άξιον Εστί' artist:'Μίκης Θεοδωράκης'",
        "artist:'mikis theodorakis' year:1963-1965",
        "artist:'Μίκης Θεοδωράκης' year:1963-1965",
        "album:'Άξιον Εστί' year:1963-1965",
    ]
    axion = item("Axion Esti", "Mikis Theodorakis", "1964-01-01", 20)
    zorba = item("Zorba the Greek", "Mikis Theodorakis", "1964-12-17", 12)
    match = best_spotify_match(q, [zorba, axion])
    assert (match.status, match.album) == ("matched", axion)
    assert best_spotify_match(q, [zorba]).status != "matched"


def test_a_title_in_another_script_is_searched_alone_even_when_the_artist_is_known():
    q = MatchQuery.from_album({"artist": "כוורת", "title": "סיפורי פוגי", "year": 1973,
                               "master_year": 1973, "track_count": 12})
    english = item("Poogy Tales", "כוורת", "1974-01-01", 10)
    done = [Searched(s, [english] if s.form != "album_artist" else [])
            for s in search_plan(q)[:2]]
    assert next_search(q, done).query == "album:'סיפורי פוגי' year:1972-1974"


def test_a_title_in_its_own_script_under_a_romanized_credit_is_searched_alone_first():
    """Discogs romanizes the credit ("Yumi Arai") and keeps the title's script; Spotify names
    such an artist in that script too (荒井由実): the title alone is the first search, and it
    links the album by title, year and track count."""
    arai = MatchQuery.from_album({"artist": "Yumi Arai", "title": "ひこうき雲", "year": 1973,
                                  "master_year": 1973, "track_count": 10})
    assert [(s.query, s.form) for s in search_plan(arai)] == [
        ("album:'ひこうき雲' year:1972-1974", "title_year"),
        ("album:'ひこうき雲' artist:'Yumi Arai'", "album_artist"),
        ("artist:'Yumi Arai' year:1972-1974", "artist_year"),
        ("artist:'Yumi Arai'", "artist_list")]
    found = item("ひこうき雲", "荒井由実", "1973-11-20", 10)
    match = decide(arai, [Searched(search_plan(arai)[0], (found,))])
    assert (match.status, match.evidence["query_form"]) == ("matched", "title_year")
    # A credit in the title's script keeps its own searches first.
    kino = MatchQuery.from_album({"artist": "Кино", "title": "Группа Крови", "year": 1988})
    assert search_plan(kino)[0].form == "album_artist"


def test_a_title_in_another_script_needs_the_only_album_of_that_year():
    q = MatchQuery.from_album({"artist": "Ministry", "title": "ΚΕΦΑΛΗΞΘ", "year": 2011,
                               "master_year": 1992, "track_count": 9})
    psalm = item("Psalm 69", "Ministry", "1992-07-14", 9)
    assert best_spotify_match(q, [psalm]).evidence["rule"] == "year_and_tracks_only"
    assert best_spotify_match(q, [psalm]).status == "matched"
    other = item("Another 1992 Record", "Ministry", "1992-01-01", 11)
    assert best_spotify_match(q, [psalm, other]).status == "uncertain"


def test_classical_scoring_compares_composer_work_and_performers():
    q = MatchQuery.from_album({
        "artist": "Beethoven, Wiener Philharmoniker, Carlos Kleiber",
        "artists": ["Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
        "title": "Symphonie Nr. 7 A-dur Op. 92", "year": 1995, "master_year": 1976,
        "track_count": 4, "genres": ["Classical"]})
    assert q.is_classical

    def spotify(name, *artists, date="1976-01-01", tracks=4):
        return {"id": f"{name}{artists}{date}", "name": name, "album_type": "album",
                "artists": [{"name": a} for a in artists], "release_date": date,
                "total_tracks": tracks}

    right = spotify("Beethoven: Symphony No. 7 in A Major, Op. 92", "Ludwig van Beethoven",
                    "Wiener Philharmoniker", "Carlos Kleiber")
    other_conductor = spotify("Beethoven: Symphony No. 7 in A Major, Op. 92",
                              "Ludwig van Beethoven", "Berliner Philharmoniker",
                              "Herbert von Karajan", date="1977-01-01")
    other_work = spotify("Beethoven: Symphony No. 5 in C Minor, Op. 67", "Ludwig van Beethoven",
                         "Wiener Philharmoniker", "Carlos Kleiber", date="1975-01-01")
    score, evidence = score_candidate(q, right)
    assert score >= DEFAULT_THRESHOLD
    assert evidence["classical"] == {"work": 1.0, "composer": True, "performer": 1.0}
    for wrong in (other_conductor, other_work):
        assert score_candidate(q, wrong)[0] < DEFAULT_THRESHOLD
    match = best_spotify_match(q, [other_conductor, other_work, right])
    assert (match.status, match.album) == ("matched", right)


def test_score_candidate_evidence():
    candidate = album(
        album_type="album", name="Nevermind (Remastered)", artists=[{"name": "Nirvana"}],
        release_date="1991-09-26", total_tracks=13, id="x",
    )
    assert score_candidate(NEVERMIND, candidate) == (
        0.9762,
        {"artist": 1.0, "title": 1.0, "year": 1.0, "tracks": 0.9231, "type": 1.0,
         "base": 0.9962, "penalties": {"edition": 0.98}},
    )


def test_score_candidate_penalises_karaoke_live_and_other_artists():
    karaoke = album(album_type="compilation", name="Nevermind (Made Famous by Nirvana)",
                    artists=[{"name": "Ameritz Karaoke Band"}])
    live = album(album_type="album", name="Nevermind (Live At The Paramount)",
                 artists=[{"name": "Nirvana"}], release_date="2011-09-27")
    assert sorted(score_candidate(NEVERMIND, karaoke)[1]["penalties"]) == [
        "karaoke", "made_famous_by", "other_artist"
    ]
    assert score_candidate(NEVERMIND, live)[1]["penalties"] == {"live": 0.55, "year_far": 0.85}


@pytest.mark.parametrize(
    "candidate",
    [{}, {"name": None, "artists": None}, {"artists": [None, {"id": 1}], "release_date": "0000"},
     {"name": "Nevermind", "total_tracks": "n/a", "release_date": 1991, "album_type": None}],
)
def test_score_candidate_survives_missing_and_odd_keys(candidate):
    score, evidence = score_candidate(NEVERMIND, candidate)
    assert 0.0 <= score <= 1.0
    assert evidence["year"] is None and evidence["tracks"] is None


def test_best_spotify_match_links_above_threshold_with_runner_up():
    right = album(album_type="album", name="Nevermind", artists=[{"name": "Nirvana"}],
                  release_date="1991-09-24", total_tracks=12, id="right")
    single = album(album_type="single", name="Nevermind", artists=[{"name": "Nirvana"}],
                   release_date="1991-09-10", total_tracks=2, id="single")
    assert best_spotify_match(NEVERMIND, [single, right]) == Match(
        status="matched",
        album=right,
        score=1.0,
        evidence={"artist": 1.0, "title": 1.0, "year": 1.0, "tracks": 1.0, "type": 1.0,
                  "base": 1.0, "penalties": {}, "candidates": 2, "spotify_id": "right",
                  "runner_up_score": 0.554, "runner_up_id": "single",
                  "threshold": DEFAULT_THRESHOLD},
    )


def test_best_spotify_match_keeps_a_weak_best_as_uncertain():
    live = album(album_type="album", name="Nevermind (Live)", artists=[{"name": "Nirvana"}],
                 id="live")
    match = best_spotify_match(NEVERMIND, [live])
    assert (match.status, match.album, match.score) == ("uncertain", live, 0.5209)
    assert best_spotify_match(NEVERMIND, [live], threshold=0.5).status == "matched"


def test_best_spotify_match_not_found():
    other = album(album_type="album", name="Rumours", artists=[{"name": "Fleetwood Mac"}],
                  id="other")
    assert best_spotify_match(NEVERMIND, []) == Match("not_found", None, 0.0, {"candidates": 0})
    assert best_spotify_match(NEVERMIND, [other]).status == "not_found"
    assert best_spotify_match(NEVERMIND, [other]).evidence["spotify_id"] == "other"


@settings(max_examples=200)
@given(
    st.text(max_size=30),
    st.text(max_size=30),
    st.dictionaries(
        st.sampled_from(["name", "album_type", "release_date", "total_tracks", "artists"]),
        st.none() | st.text(max_size=20) | st.integers() | st.lists(
            st.dictionaries(st.just("name"), st.text(max_size=20)), max_size=3
        ),
    ),
)
def test_best_spotify_match_never_raises(artist, title, candidate):
    q = MatchQuery.from_album({"artist": artist, "title": title, "year": 1990})
    match = best_spotify_match(q, [candidate])
    assert match.status in ("matched", "uncertain", "not_found")
    assert 0.0 <= match.score <= 1.0


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not there")
def test_real_search_response_without_dates_or_track_counts():
    body = json.loads(
        (REAL / "spotify" / "guilhermesad__rspotify__album_search_AM.json").read_text("utf-8")
    )
    items = body["albums"]["items"]
    arctic = next(i for i in items if i["name"] == "AM")
    q = MatchQuery.from_album(
        {"artist": "Arctic Monkeys", "title": "AM", "year": 2013, "formats": ["LP, Album"]}
    )
    match = best_spotify_match(q, items)
    assert (match.status, match.album, match.score) == ("matched", arctic, 1.0)
    chris_young = MatchQuery.from_album({"artist": "Chris Young", "title": "A.M.", "year": 2013})
    assert best_spotify_match(chris_young, items).album["artists"][0]["name"] == "Chris Young"


CATEGORIES = {"classical", "non_latin", "renamed_artist", "retitled", "self_titled",
              "ep_single", "punctuation", "soundtrack", "compilation", "not_on_spotify",
              "general"}


def test_labeled_set_shape():
    albums, engine = load_set(DEFAULT_SET_DIR)
    assert len(albums) >= 231
    catalogue = {a["id"] for a in engine.catalogue}
    for a in albums:
        assert a.category in CATEGORIES, a.id
        assert a.acceptable <= catalogue, a.id
        assert a.album["title"] is not None and a.album["artist"] is not None, a.id
    assert sum(1 for a in albums if not a.acceptable) >= 20
    halves = [half_of(a.id) for a in albums]
    assert 0.4 < halves.count("held_out") / len(halves) < 0.6
    assert half_of("core-001") == half_of("core-001")


def _write_set(path, albums, catalogue, **extra):
    path.write_text(json.dumps({"about": "test", **extra, "albums": albums,
                                "catalogue": catalogue}, ensure_ascii=False), encoding="utf-8")


def test_a_holdout_only_file_is_its_own_group_printed_and_checked(tmp_path):
    nevermind = item("Nevermind", "Nirvana", "1991-09-24", 12, id="nevermind")
    bleach = item("Bleach", "Nirvana", "1989-06-15", 13, id="bleach")
    record = {"artist": "Nirvana", "artists": ["Nirvana"], "year": 1991, "master_year": 1991,
              "track_count": 12}
    # Ids chosen so that the two halves are both there.
    ids = {half_of(f"t-{i}"): f"t-{i}" for i in range(20)}
    _write_set(tmp_path / "a.json", [
        {"id": ids["tuning"], "category": "general", "album": {**record, "title": "Nevermind"},
         "acceptable": ["nevermind"]},
        {"id": ids["held_out"], "category": "general", "album": {**record, "title": "Bleach",
         "year": 1989, "master_year": 1989, "track_count": 13}, "acceptable": ["bleach"]},
    ], [nevermind, bleach])
    # Hashed into either half, a fresh album still counts in the fresh group only.
    _write_set(tmp_path / "fresh.json", [
        {"id": "fr-0001", "category": "general", "album": {**record, "title": "Nevermind",
         "year": 1992}, "acceptable": ["nevermind"]},  # another pressing: another release
        {"id": "fr-0002", "category": "not_on_spotify", "album": {
            **record, "title": "Incesticide", "year": 1992, "master_year": 1992,
            "track_count": 15}, "acceptable": []},
    ], [], holdout_only=True)
    result = evaluate(tmp_path)
    assert {g: result[g]["overall"]["albums"] for g in ("tuning", "held_out", "fresh")} == {
        "tuning": 1, "held_out": 1, "fresh": 2}
    assert result["fresh"]["overall"]["correct"] == 1
    assert set(result["fresh"]["categories"]) == {"general", "not_on_spotify"}
    assert main([str(tmp_path)]) == 0
    from tasks.match_eval import report

    out = report(result, failures="fresh")
    assert "fresh (never tuned on):" in out
    assert "targets on the held-out half:" in out and "targets on the fresh (never tuned on):" \
        in out
    assert "wrong and missed, fresh (never tuned on): 0" in out
    # Without a holdout_only file there is no fresh group.
    (tmp_path / "fresh.json").unlink()
    assert "fresh" not in evaluate(tmp_path)


def test_failures_lists_only_the_chosen_groups_misses(tmp_path, capsys):
    """`--failures` picks whose wrong and missed albums are printed (held-out by default), so
    a helper tuning on one half never reads the other groups' failures."""
    record = {"artist": "Nirvana", "artists": ["Nirvana"], "year": 1991, "master_year": 1991,
              "track_count": 12}
    ids = {half_of(f"t-{i}"): f"t-{i}" for i in range(20)}
    # Every album is missed: its acceptable id is in the catalogue but named otherwise.
    odd = item("Something Else Entirely", "Someone Else", "2001-01-01", 3, id="odd")
    missed = {"category": "general", "album": {**record, "title": "Nevermind"},
              "acceptable": ["odd"]}
    _write_set(tmp_path / "a.json", [{**missed, "id": ids["tuning"]},
                                     {**missed, "id": ids["held_out"]}], [odd])
    _write_set(tmp_path / "fresh.json", [{**missed, "id": "fr-0001",
                                          "album": {**record, "title": "Nevermind", "year": 1992}}],
               [], holdout_only=True)

    def listed(argv):
        main([str(tmp_path), *argv])
        out = capsys.readouterr().out
        return {line.split(":")[0].removeprefix("wrong and missed, ") for line in out.splitlines()
                if line.startswith("wrong and missed, ")}, out

    groups, out = listed([])
    assert groups == {"held-out half"}
    assert f"MISSED {ids['held_out']} [general]" in out and ids["tuning"] + " [" not in out
    assert "fr-0001 [" not in out
    assert "tuning half:" in out and "fresh (never tuned on):" in out  # figures stay
    groups, out = listed(["--failures", "tuning"])
    assert groups == {"tuning half"}
    assert f"MISSED {ids['tuning']} [general]" in out and ids["held_out"] + " [" not in out
    assert listed(["--tuning-failures"]) == (groups, out)
    assert listed(["--failures", "fresh"])[0] == {"fresh (never tuned on)"}
    assert listed(["--failures", "all"])[0] == {"tuning half", "held-out half",
                                                "fresh (never tuned on)"}
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--failures", "everything"])


def test_held_out_precision_and_recall():
    """The issue's floor on the held-out half (through the strict fake search). Rules were
    added after its failures were read (swapped performers; year and track count both
    differing), so it is optimistic now; the fresh set's test is the honest one."""
    result = evaluate(DEFAULT_SET_DIR)
    held = result["held_out"]["overall"]
    failures = [(r["item"].id, r["outcome"], r["linked"]) for r in result["results"]
                if r["item"].half == "held_out" and r["outcome"] in ("wrong", "missed")]
    assert held["precision"] >= 0.99, failures
    assert held["recall"] >= 0.93, failures


def test_fresh_precision_and_recall():
    """The same floor on the fresh albums, which no change was fitted on: the honest figure, as
    a sync gets it (the track count only from a Discogs release fetch)."""
    result = evaluate(DEFAULT_SET_DIR)
    fresh = result["fresh"]["overall"]
    failures = [(r["item"].id, r["outcome"], r["linked"]) for r in result["results"]
                if r["item"].half == "fresh" and r["outcome"] in ("wrong", "missed")]
    assert fresh["albums"] >= 200
    assert fresh["precision"] >= 0.99, failures
    assert fresh["recall"] >= 0.93, failures


def test_no_group_falls_below_what_was_measured():
    """What was measured may not get worse, as a first sync gets it (held-out 0.9977 /
    0.9530, fresh 0.9943 / 0.9943, tuning 0.9950 / 0.9639, unseen 1.0 / 0.9679; a wrong
    link's margin), nor the searches an album (the issue's 1.6)."""
    result = evaluate(DEFAULT_SET_DIR)
    floors = {"tuning": (0.994, 0.96), "held_out": (0.995, 0.95), "fresh": (0.99, 0.99),
              "unseen": (0.995, 0.965)}
    measured = {g: (result[g]["overall"]["precision"], result[g]["overall"]["recall"])
                for g in floors}
    assert all(p >= floors[g][0] and r >= floors[g][1] for g, (p, r) in measured.items()), \
        measured
    searches = {g: result[g]["overall"]["searches_per_album"] for g in floors}
    assert all(n <= 1.6 for n in searches.values()), searches


def test_a_matcher_that_links_the_first_result_fails_the_floor():
    """The evaluation catches a broken matcher: linking whatever the search returns first."""
    from tasks.matching import MatchQuery, search_queries

    def first_result(client, album, more_facts=None):
        for q in search_queries(MatchQuery.from_album(album)):
            items = client.search_albums(q)
            if items:
                return {"status": "matched", "spotify_album_id": items[0]["id"]}
        return {"status": "not_found", "spotify_album_id": None}

    held = evaluate(DEFAULT_SET_DIR, lookup=first_result)["held_out"]["overall"]
    assert held["precision"] < 0.99


def test_match_eval_main_prints_figures(capsys):
    main([str(DEFAULT_SET_DIR)])
    out = capsys.readouterr().out
    assert "tuning half:" in out and "held-out half:" in out
    assert "precision" in out and "recall" in out and "searches" in out
    assert "targets on the held-out half:" in out


def test_a_renamed_band_by_its_initials():
    unicorn = MatchQuery.from_album({"artist": "Tyrannosaurus Rex", "title": "Unicorn",
                                     "year": 1969, "master_year": 1969, "track_count": 16})
    right = item("Unicorn", "T. Rex", "1969-05-16", 16)
    assert best_spotify_match(unicorn, [right]).status == "matched"
    other = item("Unicorn", "The Trews", "1969-05-16", 16)
    assert best_spotify_match(unicorn, [other]).status != "matched"


def test_an_untitled_album_by_year_and_track_count():
    q = MatchQuery.from_album({"artist": "Led Zeppelin", "title": "Untitled", "year": 1971,
                               "master_year": 1971, "track_count": 8})
    four = item("Led Zeppelin IV (Remaster)", "Led Zeppelin", "1971-11-08", 8)
    deluxe = item("Led Zeppelin IV (Deluxe Edition; Remaster)", "Led Zeppelin", "1971-11-08", 16)
    third = item("Led Zeppelin III (Remaster)", "Led Zeppelin", "1970-10-05", 10)
    match = best_spotify_match(q, [third, deluxe, four])
    assert (match.status, match.album, match.evidence["rule"]) == (
        "matched", four, "year_and_tracks_only")


def test_self_titled_namesakes_need_the_year():
    teal = MatchQuery.from_album({"artist": "Weezer", "title": "Weezer", "year": 2019})
    blue = item("Weezer", "Weezer", "1994-05-10", 10)
    teal_album = item("Weezer (Teal Album)", "Weezer", "2019-01-24", 10)
    black_album = item("Weezer (Black Album)", "Weezer", "2019-03-01", 10)
    # Two self-titled albums of 2019 and nothing else to tell them apart: no link, not Blue.
    match = best_spotify_match(teal, [blue, teal_album, black_album])
    assert match.status == "uncertain" and match.album is not blue
    green = MatchQuery.from_album({"artist": "Weezer", "title": "Weezer", "year": 2001,
                                   "master_year": 2001, "track_count": 10})
    green_album = item("Weezer (Green Album)", "Weezer", "2001-05-15", 10)
    assert best_spotify_match(green, [blue, green_album, teal_album]).album is green_album


def test_an_ep_filed_as_a_single_and_the_album_against_its_single():
    ep = MatchQuery.from_album({"artist": "Prana", "title": "Kiba E.P.", "year": 1996,
                                "track_count": 4, "formats": ['12", EP']})
    assert best_spotify_match(ep, [item("Kiba - EP", "Prana", "1996-01-01", 4, "single")]
                              ).status == "matched"
    six = MatchQuery.from_album({"artist": "Thou", "title": "Inconsolable", "year": 2018,
                                 "track_count": 6, "formats": ["LP, Ltd"]})
    assert best_spotify_match(six, [item("Inconsolable - EP", "Thou", "2018-01-01", 6,
                                         "single")]).status == "matched"
    thriller = MatchQuery.from_album({"artist": "Michael Jackson", "title": "Thriller",
                                      "year": 1982, "master_year": 1982, "track_count": 9})
    album_item = item("Thriller", "Michael Jackson", "1982-11-30", 9, id="album")
    single = item("Thriller", "Michael Jackson", "1983-11-11", 2, "single", id="single")
    assert best_spotify_match(thriller, [single, album_item]).album is album_item


def test_soundtrack_sleeve_words_are_dropped_from_the_core_query():
    q = MatchQuery.from_album({"artist": "Various", "title":
                               "The Original Soundtrack Of Trainspotting", "year": 1996})
    assert search_queries(q) == ["album:'Original Soundtrack Of Trainspotting'",
                                 "album:'Trainspotting'", "album:'Trainspotting' year:1995-1997"]


def classical_item(name, artists, date, tracks, id=None):
    return {"id": id or f"{artists}|{name}|{date}", "name": name,
            "artists": [{"name": a} for a in artists], "release_date": date,
            "total_tracks": tracks, "album_type": "album"}


# Rules (a) and (b) below were motivated by failures of the held-out half (issue 16): the
# held-out figure after them is optimistic; the fresh set's is the honest one.
def test_a_filler_spotifys_name_leaves_out_is_the_recording_when_all_facts_agree():
    performers = ["Wolfgang Amadeus Mozart", "Anna Tomowa-Sintow", "Wiener Singverein",
                  "Berliner Philharmoniker", "Herbert von Karajan"]
    karajan = MatchQuery.from_album({
        "artist": ", ".join(performers), "artists": performers,
        "title": "Krönungsmesse KV 317 · Ave Verum Corpus KV 618", "year": 1976,
        "master_year": 1976, "track_count": 8, "genres": ["Classical"]})
    coupling = classical_item("Mozart: Coronation Mass, K. 317; Ave verum corpus", performers,
                              "1976-01-01", 8)
    match = best_spotify_match(karajan, [coupling])
    assert match.status == "matched"
    assert match.evidence["classical"]["same_recording_facts"] is True
    # Another track count, or another year: not enough.
    assert best_spotify_match(karajan, [{**coupling, "total_tracks": 10}]).status != "matched"
    assert best_spotify_match(karajan, [{**coupling, "release_date": "1985-01-01"}]
                              ).status != "matched"
    # Another album of theirs with that year and length: which one is unknown.
    requiem = classical_item("Mozart: Vesperae solennes, K. 339", performers, "1976-01-01", 8)
    assert best_spotify_match(karajan, [coupling, requiem]).status != "matched"


def test_a_swapped_orchestra_or_narrator_is_another_recording():
    munch = MatchQuery.from_album({
        "artist": "Hector Berlioz, Orchestre De Paris, Charles Munch",
        "artists": ["Hector Berlioz", "Orchestre De Paris", "Charles Munch"],
        "title": "Symphonie Fantastique Op. 14", "year": 1968, "master_year": 1968,
        "track_count": 5, "genres": ["Classical"]})
    boston = classical_item("Berlioz: Symphonie fantastique, Op. 14 (Remastered)",
                            ["Hector Berlioz", "Boston Symphony Orchestra", "Charles Munch"],
                            "1962-01-01", 5)
    match = best_spotify_match(munch, [boston])
    assert match.status != "matched"
    assert match.evidence["penalties"]["other_performer"] == 0.6
    paris = classical_item("Berlioz: Symphonie fantastique, Op. 14",
                           ["Hector Berlioz", "Orchestre de Paris", "Charles Munch"],
                           "1968-01-01", 5)
    assert best_spotify_match(munch, [boston, paris]).album is paris

    # Karl Böhm conducts, Karlheinz Böhm narrates in German: the English narration with the
    # same orchestra and conductor is another album.
    peter = MatchQuery.from_album({
        "artist": "Sergei Prokofiev, Camille Saint-Saëns, Karlheinz Böhm, Wiener "
                  "Philharmoniker, Karl Böhm",
        "artists": ["Sergei Prokofiev", "Camille Saint-Saëns", "Karlheinz Böhm",
                    "Wiener Philharmoniker", "Karl Böhm"],
        "title": "Peter Und Der Wolf · Karneval Der Tiere", "year": 1975, "master_year": 1975,
        "track_count": 16, "genres": ["Classical"]})
    name = "Prokofiev: Peter and the Wolf / Saint-Saëns: Carnival of the Animals"
    english = classical_item(name, ["Sergei Prokofiev", "Hermione Gingold",
                                    "Wiener Philharmoniker", "Karl Böhm"], "1975-01-01", 16)
    german = classical_item(name + " (German Version)",
                            ["Sergei Prokofiev", "Karlheinz Böhm", "Wiener Philharmoniker",
                             "Karl Böhm"], "1975-01-01", 16)
    assert best_spotify_match(peter, [english]).status != "matched"
    assert best_spotify_match(peter, [english, german]).album is german


def test_the_same_performers_reissued_or_with_more_credits_still_link():
    kleiber = MatchQuery.from_album({
        "artist": "Ludwig van Beethoven, Wiener Philharmoniker, Carlos Kleiber",
        "artists": ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
        "title": "Symphonie Nr. 7 A-dur Op. 92", "year": 1976, "master_year": 1976,
        "track_count": 4, "genres": ["Classical"]})
    # The conductor's same recording reissued: another date, the orchestra's English name.
    reissue = classical_item("Beethoven: Symphony No. 7 in A Major, Op. 92 (Remastered)",
                             ["Ludwig van Beethoven", "Vienna Philharmonic", "Carlos Kleiber"],
                             "2003-01-01", 4)
    match = best_spotify_match(kleiber, [reissue])
    assert match.status == "matched" and "other_performer" not in match.evidence["penalties"]
    # Spotify leaves the orchestra out: nothing is swapped.
    bare = classical_item("Beethoven: Symphony No. 7 in A Major, Op. 92",
                          ["Ludwig van Beethoven", "Carlos Kleiber"], "1976-01-01", 4)
    assert best_spotify_match(kleiber, [bare]).status == "matched"
    # Spotify adds the soloists and the choir the sleeve leaves out: nothing is swapped.
    ode = MatchQuery.from_album({
        "artist": "Leonard Bernstein, Ludwig van Beethoven",
        "artists": ["Leonard Bernstein", "Ludwig van Beethoven"],
        "title": "Ode To Freedom - Beethoven: Symphony No. 9", "year": 1990,
        "master_year": 1990, "track_count": 4, "genres": ["Classical"]})
    live = classical_item("Ode to Freedom - Beethoven: Symphony No. 9 (Live)",
                          ["Ludwig van Beethoven", "June Anderson", "Sarah Walker",
                           "Bavarian Radio Chorus", "Symphonieorchester des Bayerischen "
                           "Rundfunks", "Leonard Bernstein"], "1990-01-01", 4)
    assert "other_performer" not in score_candidate(ode, live)[1]["penalties"]


def test_another_year_and_another_track_list_is_another_album():
    hardy = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                   "year": 1968, "master_year": 1968, "track_count": 12})
    other = item("Françoise Hardy", "Françoise Hardy", "1970-01-01", 10)
    match = best_spotify_match(hardy, [other])
    assert match.status == "uncertain"
    assert match.evidence["penalties"] == {"year_and_tracks_differ": 0.78}
    same_year = item("Françoise Hardy", "Françoise Hardy", "1968-01-01", 10)
    assert best_spotify_match(hardy, [same_year]).status == "matched"  # tracks alone differ
    # A compilation title is reused: not distinctive.
    anthems = MatchQuery.from_album({"artist": "Various", "title": "Classic Rock Anthems",
                                     "year": 2016, "track_count": 40})
    later = item("Classic Rock Anthems", "Various Artists", "2018-01-01", 42, "compilation")
    assert best_spotify_match(anthems, [later]).status != "matched"


def test_a_distinctive_title_reissued_with_a_bonus_track_links_when_the_name_says_so():
    rumours = MatchQuery.from_album({"artist": "Fleetwood Mac", "title": "Rumours",
                                     "year": 1977, "master_year": 1977, "track_count": 11})
    # A plain name dated the year after the first release with another track list is another
    # country's version (see the AC/DC test below): not linked since 7 Dec.
    reissue = item("Rumours", "Fleetwood Mac", "1978-02-04", 12)
    assert best_spotify_match(rumours, [reissue]).status == "uncertain"
    named = item("Rumours (Super Deluxe)", "Fleetwood Mac", "2013-01-29", 12)
    assert best_spotify_match(rumours, [named]).status == "matched"
    # The year unknown: only the track count differs.
    undated = MatchQuery.from_album({"artist": "Fleetwood Mac", "title": "Rumours",
                                     "track_count": 11})
    assert best_spotify_match(undated, [reissue]).status == "matched"
    # A pressing whose year is known but not the master's: an earlier Spotify date is the
    # original's.
    pressing = MatchQuery.from_album({"artist": "Fleetwood Mac", "title": "Rumours",
                                      "year": 2011, "track_count": 10})
    assert "year_and_tracks_differ" not in score_candidate(pressing, reissue)[1]["penalties"]



SANTANA_III = {"artist": "Santana", "title": "Santana", "year": 1971, "master_year": 1971}


def test_an_album_dated_years_before_the_first_release_is_another_one():
    # Discogs titles Santana's untitled third album (1971) "Santana"; the 1969 debut is too old.
    third = MatchQuery.from_album(SANTANA_III)
    debut = item("Santana", "Santana", "1969-08-30", 9)
    match = best_spotify_match(third, [debut])
    assert match.status == "uncertain"
    assert match.evidence["penalties"] == {"before_first_release": 0.75}
    # A year apart is a December release or another country's date.
    assert best_spotify_match(third, [item("Santana", "Santana", "1970-12-01", 9)]
                              ).status == "matched"
    # A classical album may be dated by its recording.
    karajan = MatchQuery.from_album({
        "artist": "Anton Bruckner, Wiener Philharmoniker, Herbert von Karajan",
        "artists": ["Anton Bruckner", "Wiener Philharmoniker", "Herbert von Karajan"],
        "title": "Symphonie Nr. 7 E-dur", "year": 1990, "master_year": 1990,
        "genres": ["Classical"]})
    recorded = classical_item("Bruckner: Symphony No. 7 in E Major, WAB 107",
                              ["Anton Bruckner", "Wiener Philharmoniker", "Herbert von Karajan"],
                              "1988-01-01", 4)
    assert "before_first_release" not in score_candidate(karajan, recorded)[1]["penalties"]


def test_an_edition_is_dated_by_its_plain_namesake_on_offer():
    from tasks.match_score import dated_by_original

    third = MatchQuery.from_album(SANTANA_III)
    legacy = item("Santana (Legacy Edition)", "Santana", "2004-06-01", 25)
    debut = item("Santana", "Santana", "1969-08-30", 9)
    other = item("Abraxas", "Santana", "1970-09-23", 9)
    assert dated_by_original([legacy, debut, other]) == [
        {**legacy, "release_date": "1969-08-30", "dated_by_original": True}, debut, other]
    # The Legacy Edition reissues the 1969 album: it is judged by that year.
    match = best_spotify_match(third, [legacy, debut])
    assert match.status == "uncertain" and match.evidence["runner_up_id"] == legacy["id"]
    assert match.evidence["runner_up_score"] < DEFAULT_THRESHOLD
    # Alone, an edition's later date says nothing against it.
    assert best_spotify_match(third, [legacy]).status == "matched"
    # Plain namesakes of two years: which one the edition reissues is unknown.
    again = item("Santana", "Santana", "1971-09-22", 9)
    assert dated_by_original([legacy, debut, again])[0] is legacy


def test_an_edition_dated_by_a_later_original_is_another_album():
    # Fleetwood Mac's 1968 debut (Spotify: "Peter Green's Fleetwood Mac") against the band's
    # 1975 "Fleetwood Mac" and its 2018 deluxe edition: the deluxe reissues the 1975 album, so
    # its date is 1975's, not a reissue's that says nothing.
    debut = MatchQuery.from_album({"artist": "Fleetwood Mac", "title": "Fleetwood Mac",
                                   "year": 1968, "master_year": 1968, "track_count": 12})
    deluxe = item("Fleetwood Mac (Deluxe)", "Fleetwood Mac", "2018-01-19", 43)
    later = item("Fleetwood Mac", "Fleetwood Mac", "1975-07-11", 11)
    green = item("Peter Green's Fleetwood Mac", "Fleetwood Mac", "1968-02-24", 12)
    match = best_spotify_match(debut, [deluxe, later, green])
    assert match.status == "matched" and match.album["id"] == green["id"]
    judged = score_candidate(debut, {**deluxe, "release_date": "1975-07-11",
                                     "dated_by_original": True})[1]
    assert judged["year"] == 0.3 and {"year_far", "year_and_tracks_differ"} <= set(
        judged["penalties"])
    # Alone (no plain namesake on offer) the deluxe's own date still says nothing.
    assert score_candidate(debut, deluxe)[1]["year"] is None


def test_a_link_dated_in_neither_the_master_year_nor_the_pressings_asks_for_the_track_count():
    from tasks.matching import track_count_would_tell

    hardy = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                   "year": 1968, "master_year": 1968})
    other = best_spotify_match(hardy, [item("Françoise Hardy", "Françoise Hardy",
                                            "1970-01-01", 10)])
    assert other.status == "matched" and track_count_would_tell(hardy, other)
    # Given the track count, the other track list undoes the link.
    counted = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                     "year": 1968, "master_year": 1968, "track_count": 12})
    assert not track_count_would_tell(counted, other)
    assert best_spotify_match(counted, [other.album]).status == "uncertain"
    # Dated in the master year or the pressing's: nothing to ask.
    same = best_spotify_match(hardy, [item("Françoise Hardy", "Françoise Hardy",
                                           "1968-01-01", 10)])
    assert not track_count_would_tell(hardy, same)
    reissue = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                     "year": 1970, "master_year": 1968})
    assert not track_count_would_tell(reissue, other)
    # No master year: an earlier date may be the original's, and a lone pressing's year says
    # too little to pay a request.
    pressing = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                      "year": 1975})
    assert not track_count_would_tell(pressing, other)
    assert not track_count_would_tell(hardy, Match("uncertain", other.album, 0.7, {}))
    # A master whose year is not known yet (a first sync): its year may be the link's, or not;
    # the fetch that brings the track count brings it too.
    first_sync = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                        "year": 1968, "master_id": 123})
    assert first_sync.master_unknown and not hardy.master_unknown
    assert track_count_would_tell(first_sync, other)
    assert not track_count_would_tell(first_sync, same)


def test_a_title_several_compilations_share_needs_the_pressings_year():
    anthems = MatchQuery.from_album({"artist": "Various", "title": "Classic Rock Anthems",
                                     "year": 2016})
    earlier = item("Classic Rock Anthems", "Various Artists", "2013-01-01", 40, "compilation")
    later = item("Classic Rock Anthems", "Various Artists", "2019-03-01", 50, "compilation")
    match = best_spotify_match(anthems, [earlier, later])
    assert match.status == "uncertain" and match.evidence["ambiguous_namesake"] is True
    # One of them of the pressing's year is the one.
    pressed = item("Classic Rock Anthems", "Various Artists", "2016-05-01", 36, "compilation")
    match = best_spotify_match(anthems, [earlier, later, pressed])
    assert match.status == "matched" and match.album["id"] == pressed["id"]
    # Alone, an earlier compilation of that name may be the one the pressing reissues.
    assert best_spotify_match(anthems, [earlier]).status == "matched"
    # An artist's reissue pressing (no master year) against the album and its deluxe edition:
    # one album, not a reused title.
    purple = MatchQuery.from_album({"artist": "Stone Temple Pilots", "title": "Purple",
                                    "year": 2013})
    original = item("Purple", "Stone Temple Pilots", "1994-06-07", 12)
    deluxe = item("Purple (Super Deluxe Edition)", "Stone Temple Pilots", "2019-10-18", 48)
    assert best_spotify_match(purple, [original, deluxe]).album["id"] == original["id"]
    assert best_spotify_match(purple, [original, deluxe]).status == "matched"

KLEIBER_FIFTH = {
    "artist": "Ludwig van Beethoven, Wiener Philharmoniker, Carlos Kleiber",
    "artists": ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
    "title": "Symphonie Nr. 5 C-moll Op. 67", "year": 1975, "master_year": 1975,
    "track_count": 4, "genres": ["Classical"]}
KLEIBER_COUPLING = classical_item(
    "Beethoven: Symphonies Nos. 5 & 7",
    ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"], "1995-01-01", 8,
    id="coupling")


def test_a_later_coupling_by_the_same_performers_links_once_every_search_is_sent():
    q = MatchQuery.from_album(KLEIBER_FIFTH)
    plan = search_plan(q)
    first = [Searched(plan[0], (KLEIBER_COUPLING,))]
    # The CD coupling (dated 1995) holds the 1975 recording, unless the performers recorded
    # the work again: while searches are left, it stays a candidate.
    pending = decide(q, first)
    assert (pending.status, pending.album) == ("uncertain", KLEIBER_COUPLING)
    everything = first + [Searched(step, ()) for step in plan[1:]]
    assert next_search(q, everything) is None
    linked = decide(q, everything)
    assert (linked.status, linked.album) == ("matched", KLEIBER_COUPLING)
    assert linked.evidence["classical"]["reissued_coupling"] is True
    # Another recording of the 5th by the same performers is on offer: no link.
    again = classical_item("Beethoven: Symphony No. 5 in C Minor, Op. 67 (Live)",
                           ["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
                           "1982-01-01", 4, id="again")
    assert best_spotify_match(q, [KLEIBER_COUPLING, again]).status == "uncertain"
    # Other performers' coupling is no reissue of this one.
    other = classical_item("Beethoven: Symphonies Nos. 5 & 7",
                           ["Ludwig van Beethoven", "Berliner Philharmoniker",
                            "Herbert von Karajan"], "1995-01-01", 8)
    assert best_spotify_match(q, [other]).status != "matched"


def test_a_kana_title_against_its_romanized_reissue_found_in_the_whole_listing():
    boris = MatchQuery.from_album({"artist": "Boris", "title": "あくまのうた", "year": 2003,
                                   "master_year": 2003, "track_count": 6})
    forms = [s.form for s in search_plan(boris)]
    # The title alone first (see test_a_title_in_its_own_script_under_a_romanized_credit),
    # then the credit's searches, then the whole listing: a romanized reissue may carry a
    # later date.
    assert forms == ["title_year", "album_artist", "artist_year", "artist_list"]
    reissue = item("Akuma No Uta", "Boris", "2005-01-25", 6)
    pink = item("Pink", "Boris", "2005-11-15", 10)
    match = best_spotify_match(boris, [pink, reissue])
    assert (match.status, match.album) == ("matched", reissue)
    # Another romanized title is not it.
    other = item("Amplifier Worship", "Boris", "2005-01-25", 6)
    assert best_spotify_match(boris, [other]).status != "matched"


def test_a_traditional_chinese_title_is_searched_and_compared_in_simplified_characters():
    cui = MatchQuery.from_album({
        "artist": "Cui Jian", "title": "新長征路上的搖滾 = Rock 'N' Roll On The New Long March",
        "year": 1989, "master_year": 1989, "track_count": 9})
    plan = search_plan(cui)
    assert ("album:'新长征路上的摇滚' year:1988-1990", "title_simplified") in [
        (s.query, s.form) for s in plan]
    # Five searches for a title in another script: the simplified one is the fifth.
    done = []
    while (step := next_search(cui, done)) is not None:
        done.append(Searched(step, ()))
    assert [s.search.form for s in done][-1] == "title_simplified" and len(done) == 5
    simplified = item("新长征路上的摇滚", "崔健", "1989-02-01", 9)
    match = best_spotify_match(cui, [simplified])
    assert (match.status, match.evidence["rule"]) == ("matched", "renamed_artist")
    # Another album of the year by a name in Chinese letters: no.
    other = item("一无所有", "崔健", "1989-02-01", 9)
    assert best_spotify_match(cui, [other]).status != "matched"


def test_a_title_spotify_puts_in_brackets_after_the_album_number():
    cho = MatchQuery.from_album({"artist": "Cho Yong Pil", "title": "창밖의 여자", "year": 1980,
                                 "master_year": 1980, "track_count": 12})
    first = item("조용필 1집 (창밖의 여자)", "조용필", "1980-03-20", 12)
    assert best_spotify_match(cho, [first]).status == "matched"
    # Year or track count differing: the bracket alone is not enough.
    assert best_spotify_match(cho, [item("조용필 1집 (창밖의 여자)", "조용필", "1980-03-20",
                                         10)]).status != "matched"
    second = item("조용필 2집 (촛불)", "조용필", "1980-12-01", 12)
    assert best_spotify_match(cho, [second]).status != "matched"


@pytest.mark.parametrize(
    ("sleeve", "spotify", "same"),
    [
        ("The Original Soundtrack Of Trainspotting",
         "Trainspotting (Music From The Motion Picture)", True),
        ("Music From The Motion Picture Pulp Fiction",
         "Pulp Fiction (Original Motion Picture Soundtrack)", True),
        ("Saturday Night Fever - The Original Movie Sound Track",
         "Saturday Night Fever (The Original Movie Soundtrack)", True),
        ("Grease Original Soundtrack", "Grease (The Original Soundtrack)", True),
        ("The Lion King (Original Broadway Cast Recording)", "The Lion King", True),
        # Another film of the series, and a title that only looks like a soundtrack's.
        ("Star Wars", "Star Wars: The Empire Strikes Back (Original Motion Picture Soundtrack)",
         False),
        ("Music From Big Pink", "Big Pink (Original Soundtrack)", False),
    ],
)
def test_soundtrack_titles_compare_by_the_film(sleeve, spotify, same):
    from tasks.match_text import title_score

    assert (title_score(sleeve, spotify)[0] >= 0.9) is same


def test_a_career_span_the_sleeve_adds_to_a_compilation_title_is_not_another_number():
    q = MatchQuery.from_album({"artist": "Pixies", "title": "Death To The Pixies 1987-1991",
                               "year": 1997, "master_year": 1997, "track_count": 17,
                               "formats": ["CD, Comp"]})
    death = item("Death To The Pixies", "Pixies", "1997-10-06", 17, "compilation")
    match = best_spotify_match(q, [death])
    assert (match.status, match.album, match.evidence["rule"]) == ("matched", death, "same_words")
    heads = MatchQuery.from_album({
        "artist": "Talking Heads", "title": "Sand In The Vaseline (Popular Favorites 1976-1992)",
        "year": 1992, "master_year": 1992, "track_count": 33, "formats": ["2xCD, Comp"]})
    sand = item("Sand In The Vaseline: Popular Favorites", "Talking Heads", "1992-10-13", 33,
                "compilation")
    assert best_spotify_match(heads, [sand]).status == "matched"


def test_a_span_of_other_years_or_a_later_year_still_differs():
    q = MatchQuery.from_album({"artist": "Chicago", "title": "Greatest Hits 1970-1980",
                               "year": 1981, "master_year": 1981, "track_count": 12,
                               "formats": ["LP, Comp"]})
    # Spotify's name carries a number the sleeve lacks: another compilation.
    other = item("Greatest Hits 1980-1990", "Chicago", "1981-01-01", 12, "compilation")
    assert best_spotify_match(q, [other]).status != "matched"
    # A "year" after the record's own is no career span of it.
    later = MatchQuery.from_album({"artist": "Moby", "title": "Songs 1993-2000",
                                   "year": 1998, "master_year": 1998, "track_count": 14})
    assert best_spotify_match(later, [item("Songs", "Moby", "1998-03-01", 14)]).status \
        != "matched"
    # Without year and track count agreeing, the span is not enough.
    q2 = MatchQuery.from_album({"artist": "Pixies", "title": "Death To The Pixies 1987-1991",
                                "year": 1997, "master_year": 1997, "track_count": 17})
    assert best_spotify_match(q2, [item("Death To The Pixies", "Pixies", "1997-10-06", 20,
                                        "compilation")]).status != "matched"


def test_a_title_the_pressing_translated_links_by_year_and_track_count():
    queen = MatchQuery.from_album({"artist": "Queen", "title": "Una Noche En La Ópera",
                                   "year": 1975, "master_year": 1975, "track_count": 12})
    opera = item("A Night At The Opera (2011 Remaster)", "Queen", "1975-11-21", 12)
    deluxe = item("A Night At The Opera (Deluxe Remastered Version)", "Queen", "1975-11-21", 18)
    races = item("A Day At The Races (2011 Remaster)", "Queen", "1976-12-10", 10)
    match = best_spotify_match(queen, [deluxe, opera, races])
    assert (match.status, match.album, match.evidence["rule"]) == (
        "matched", opera, "translated_title")


def test_a_translated_title_does_not_link_without_the_evidence_or_with_a_rival():
    stones = MatchQuery.from_album({
        "artist": "The Rolling Stones", "title": "Sus Satánicas Majestades Piden",
        "year": 1968, "master_year": 1967, "track_count": 10})
    request = item("Their Satanic Majesties Request", "The Rolling Stones", "1967-12-08", 10)
    assert best_spotify_match(stones, [request]).status == "matched"
    # Another album of that year on offer: the cognates ("Satánicas" / "Satanic") choose.
    buttons = item("Between The Buttons", "The Rolling Stones", "1967-01-20", 12)
    match = best_spotify_match(stones, [request, buttons])
    assert (match.status, match.album, match.evidence["rule"]) == (
        "matched", request, "translated_title")
    # A translation that kept no word of the original: the track count alone cannot choose.
    stones_fr = MatchQuery.from_album({
        "artist": "The Rolling Stones", "title": "Le Rendez-vous De Leurs Altesses",
        "year": 1968, "master_year": 1967, "track_count": 10})
    assert best_spotify_match(stones_fr, [request]).evidence["rule"] == "year_and_tracks_only"
    assert best_spotify_match(stones_fr, [request, buttons]).status == "uncertain"
    # Another track count, or another year: not the record.
    assert best_spotify_match(stones, [item("Their Satanic Majesties Request",
                                            "The Rolling Stones", "1967-12-08", 12)]
                              ).status != "matched"
    assert best_spotify_match(stones, [item("Beggars Banquet", "The Rolling Stones",
                                            "1968-12-06", 10)]).status != "matched"
    # Both names English, no translation: only as the artist's one album of that year and
    # length (see test_the_only_album_of_the_year_stands_in_for_a_changed_title), never with
    # another album of the year on offer.
    q = MatchQuery.from_album({"artist": "The Rolling Stones", "title": "Out Of Time",
                               "year": 1967, "master_year": 1967, "track_count": 10})
    assert best_spotify_match(q, [request]).evidence["rule"] == "only_album_of_year"
    assert best_spotify_match(q, [request, buttons]).status == "uncertain"


def test_the_only_album_of_the_year_stands_in_for_a_changed_title():
    """Spotify has Electric Café only as the remaster renamed Techno Pop: the artist exactly,
    the master year and the track count agree, and no other album of that year is on offer."""
    record = {"artist": "Kraftwerk", "artists": ["Kraftwerk"], "title": "Electric Café",
              "year": 1986, "master_year": 1986, "track_count": 6, "formats": ["LP, Album"]}
    q = MatchQuery.from_album(record)
    techno = item("Techno Pop (2009 Remaster)", "Kraftwerk", "1986-11-10", 6)
    title_song = item("Electric Cafe", "Kraftwerk", "", None, album_type="single")
    tour = item("Tour De France Soundtracks", "Kraftwerk", "2003-08-04", 12)
    match = best_spotify_match(q, [title_song, tour, techno])
    assert (match.status, match.album, match.evidence["rule"]) == (
        "matched", techno, "only_album_of_year")
    # Two albums of the year: the track count alone does not choose, whichever it fits.
    other = item("The Mix", "Kraftwerk", "1986-06-01", 11)
    assert best_spotify_match(q, [techno, other]).status == "uncertain"
    # The artist's album under the sleeve's own title (another year): that one is the record.
    namesake = item("Electric Café", "Kraftwerk", "1999-01-01", 9)
    assert best_spotify_match(q, [techno, namesake]).status == "uncertain"
    # Not for a compilation, a live or remix record, a single, nor without the master year.
    for changed in ({"formats": ["LP, Comp"]}, {"title": "Electric Café Live"},
                    {"title": "Electric Café (The Remixes)"}, {"formats": ['12", Single']},
                    {"master_year": None}):
        assert best_spotify_match(MatchQuery.from_album({**record, **changed}), [techno]
                                  ).status != "matched", changed
    # Nor for a live album, a compilation or a single on Spotify's side, another artist's
    # album, another length or another year.
    for wrong in (item("Techno Pop (Live)", "Kraftwerk", "1986-11-10", 6),
                  item("Techno Pop", "Kraftwerk", "1986-11-10", 6, album_type="compilation"),
                  item("Techno Pop", "Kraftwerk", "1986-11-10", 6, album_type="single"),
                  item("Techno Pop", "Karl Bartos", "1986-11-10", 6),
                  item("Techno Pop", "Kraftwerk", "1986-11-10", 7),
                  item("Techno Pop", "Kraftwerk", "1987-11-10", 6)):
        assert best_spotify_match(q, [wrong]).status != "matched", wrong["name"]
    # A numbered sleeve title does not stand for an album with another number.
    four = MatchQuery.from_album({**record, "artist": "Chicago", "artists": ["Chicago"],
                                  "title": "Chicago IV", "year": 1971, "master_year": 1971,
                                  "track_count": 16})
    assert best_spotify_match(four, [item("Chicago III", "Chicago", "1971-01-11", 16)]
                              ).status != "matched"


def test_translated_title_reads_small_words_of_two_languages():
    from tasks.languages import translated_title

    assert translated_title("Una Noche En La Ópera", "A Night At The Opera")
    assert translated_title("Sus Satánicas Majestades Piden", "Their Satanic Majesties Request")
    assert translated_title("Le Chant Des Baleines", "Songs Of The Humpback Whale")
    assert not translated_title("A Night At The Opera", "Una Noche En La Ópera")
    assert not translated_title("Live And Let Die", "Live And Let Die")
    assert not translated_title("La Bamba", "La Bamba (Original Motion Picture Soundtrack)")
    assert not translated_title("Blonde", "Blond")  # no small words: nothing to tell
    # Both sides mixed: "Los Lobos" in Spotify's name is not English alone.
    assert not translated_title("La Bamba", "The Best Of Los Lobos")


def test_shared_stems_counts_the_cognates_a_translation_keeps():
    from tasks.languages import shared_stems

    assert shared_stems("Sus Satánicas Majestades Piden", "Their Satanic Majesties Request") == 2
    assert shared_stems("Una Noche En La Ópera", "A Night At The Opera") == 1
    assert shared_stems("Le Chant Des Baleines", "Songs Of The Humpback Whale") == 0
    assert shared_stems("Sus Satánicas Majestades Piden", "Between The Buttons") == 0
    assert shared_stems("El Sol", "The Sun") == 0  # words too short to tell


def test_a_latin_sleeve_title_for_an_album_spotify_names_in_its_own_script():
    q = MatchQuery.from_album({"artist": "Sadistic Mika Band", "title": "Black Ship",
                               "year": 1975, "master_year": 1974, "track_count": 11})
    kurofune = item("黒船", "Sadistic Mika Band", "1974-11-05", 11)
    match = best_spotify_match(q, [kurofune])
    assert (match.status, match.evidence["rule"]) == ("matched", "year_and_tracks_only")
    # Another track count, or another album of the artist from that year: no link.
    assert best_spotify_match(q, [item("黒船", "Sadistic Mika Band", "1974-11-05", 13)]
                              ).status != "matched"
    hot = item("HOT! MENU", "Sadistic Mika Band", "1974-06-01", 10)
    assert best_spotify_match(q, [kurofune, hot]).status == "uncertain"


def test_spotifys_live_tag_on_the_sleeves_own_title_is_the_record_itself():
    """Spotify tags a live album "[Live]" where the sleeve says nothing of a concert: the same
    title and the original year make it the record, not a live version of it."""
    dead = MatchQuery.from_album({"artist": "Grateful Dead", "title": "Grateful Dead",
                                  "year": 1971, "master_year": 1971, "track_count": 9,
                                  "formats": ["2xLP, Album"]})
    skull = item("Grateful Dead (Skull & Roses) [Live] [2001 Remaster]", "Grateful Dead",
                 "1971-09-24", 15)
    debut = item("The Grateful Dead", "Grateful Dead", "1967-03-17", 9)
    match = best_spotify_match(dead, [debut, skull])
    assert (match.status, match.album) == ("matched", skull)
    assert "live" not in match.evidence["penalties"]
    # Another year is another concert of the same songs; a concert named in the brackets, or a
    # title that is not the sleeve's, is a live version.
    for other in (item("Grateful Dead (Live)", "Grateful Dead", "1972-01-01", 9),
                  item("Grateful Dead (Live At The Fillmore)", "Grateful Dead", "1971-01-01", 9),
                  item("Dead Set (Live)", "Grateful Dead", "1971-01-01", 9)):
        assert "live" in score_candidate(dead, other)[1]["penalties"], other["name"]


def test_a_number_spelled_out_counts_only_where_it_numbers_a_sequel():
    from tasks.match_text import title_numbers

    assert title_numbers("two wheels good") == set()
    assert title_numbers("three imaginary boys") == set()
    assert title_numbers("past masters volume one") == {"1"}
    assert title_numbers("chicago two") == {"2"}
    assert title_numbers("one") == {"1"}
    assert title_numbers("led zeppelin ii") == {"2"}
    assert title_numbers("4 way street") == {"4"}
    assert title_numbers("two wheels good", spelled_anywhere=True) == {"2"}
    from tasks.match_text import numbers_differ

    assert not numbers_differ("two wheels good", "steve mcqueen")
    assert numbers_differ("one of these nights", "two of these nights")
    assert numbers_differ("led zeppelin ii", "led zeppelin")


def test_a_title_with_a_number_word_is_no_sequel_for_the_only_album_of_its_year():
    """The US edition of "Steve McQueen" was titled "Two Wheels Good": "Two" is a word of
    the title, not a second volume, so the artist's one album of 1985 with 11 tracks stands
    in for it."""
    q = MatchQuery.from_album({"artist": "Prefab Sprout", "title": "Two Wheels Good",
                               "year": 1985, "master_year": 1985, "track_count": 11,
                               "formats": ["LP, Album"]})
    mcqueen = item("Steve McQueen", "Prefab Sprout", "1985-06-10", 11)
    swoon = item("Swoon", "Prefab Sprout", "1984-03-01", 11)
    match = best_spotify_match(q, [swoon, mcqueen])
    assert (match.status, match.album, match.evidence["rule"]) == (
        "matched", mcqueen, "only_album_of_year")
    # A sequel's number still tells albums apart.
    two = MatchQuery.from_album({"artist": "Chicago", "title": "Chicago Two", "year": 1970,
                                 "master_year": 1970, "track_count": 12})
    assert best_spotify_match(two, [item("Chicago III", "Chicago", "1970-01-01", 12)]
                              ).status != "matched"


def test_a_title_naming_the_artist_matches_spotifys_initials_and_digits():
    from tasks.match_text import roman_as_digits, title_score

    assert roman_as_digits("elo ii") == "elo 2" and roman_as_digits("malcolm x") == "malcolm x"
    assert title_score("Led Zeppelin II", "Led Zeppelin 2") == (1.0, False)
    assert title_score("Chicago II", "Chicago III")[1] is True  # another number still differs
    elo = MatchQuery.from_album({"artist": "Electric Light Orchestra",
                                 "title": "Electric Light Orchestra II", "year": 1973,
                                 "master_year": 1973, "track_count": 5})
    two = item("ELO 2", "Electric Light Orchestra", "1973-01-01", 5)
    third_day = item("On the Third Day", "Electric Light Orchestra", "1973-11-01", 9)
    match = best_spotify_match(elo, [two, third_day])
    assert match.status == "matched" and match.album is two and match.evidence["title"] == 1.0
    # Initials of another artist's name, or another number: not this album.
    assert score_candidate(elo, item("ELO 3", "Electric Light Orchestra", "1973-01-01", 5)
                           )[1]["penalties"].get("number_mismatch")
    assert score_candidate(MatchQuery.from_album({
        "artist": "Emerson, Lake & Palmer", "title": "Trilogy", "year": 1972}), two
    )[1]["title"] < 0.5


def test_a_chinese_self_titled_album_is_named_after_the_artist_plus_self_titled():
    from tasks.match_text import title_score

    assert title_score("孫燕姿", "孫燕姿同名專輯") == (0.95, False)
    assert title_score("陳綺貞", "陳綺貞 (同名專輯)")[0] == 0.95
    assert title_score("孫燕姿", "我要的幸福")[0] < 0.5
    sun = MatchQuery.from_album({"artist": "Stefanie Sun", "title": "孫燕姿", "year": 2000,
                                 "master_year": 2000, "track_count": 10})
    debut = item("孫燕姿同名專輯", "Stefanie Sun", "2000-06-09", 10)
    second = item("我要的幸福", "Stefanie Sun", "2000-12-08", 10)
    match = best_spotify_match(sun, [second, debut])
    assert match.status == "matched" and match.album is debut


def test_another_track_list_dated_the_next_year_is_another_countrys_version():
    # The 1975 Australian "High Voltage" (8 tracks) is not the 1976 international album (9).
    australian = MatchQuery.from_album({"artist": "AC/DC", "title": "High Voltage",
                                        "year": 1975, "master_year": 1975, "track_count": 8})
    international = item("High Voltage", "AC/DC", "1976-04-30", 9)
    assert best_spotify_match(australian, [international]).status == "uncertain"
    # The same track list the next year (a December release), or a remaster that says so:
    # still the album.
    assert best_spotify_match(australian, [{**international, "total_tracks": 8}]
                              ).status == "matched"
    remaster = item("High Voltage (Remastered)", "AC/DC", "1976-04-30", 9)
    assert "year_and_tracks_differ" not in score_candidate(australian, remaster)[1]["penalties"]


def test_an_artist_credited_by_initials_counts_an_os_apostrophe_as_a_word():
    from tasks.match_score import artist_score

    eob = MatchQuery.from_album({"artist": "Ed O'Brien", "title": "Earth", "year": 2020})
    assert artist_score(eob, ["EOB"]) == 0.9
    assert artist_score(eob, ["EO"]) < 0.75  # not his initials
    match = best_spotify_match(eob, [item("Earth", "Lil Dicky", "2019-04-18", 1, "single"),
                                     item("Earth", "EOB", "2020-04-17", 9)])
    assert match.status == "matched" and match.album["artists"] == [{"name": "EOB"}]


def test_a_british_and_an_american_version_of_one_year_leave_the_link_uncertain():
    heads = MatchQuery.from_album({"artist": "The Rolling Stones", "title": "Out Of Our Heads",
                                   "year": 1965, "master_year": 1965})
    us = item("Out Of Our Heads", "The Rolling Stones", "1965-07-30", 12)
    uk = item("Out Of Our Heads (UK)", "The Rolling Stones", "1965-09-24", 12)
    match = best_spotify_match(heads, [us, uk])
    assert match.status == "uncertain" and match.evidence["ambiguous_version"] is True
    # Alone, or with a version of another year, the plain one is the record.
    assert best_spotify_match(heads, [us]).status == "matched"
    later = {**uk, "release_date": "1967-01-01"}
    assert best_spotify_match(heads, [us, later]).status == "matched"
    # A sleeve that names its version chooses it.
    named = MatchQuery.from_album({"artist": "The Rolling Stones",
                                   "title": "Out Of Our Heads (UK)", "year": 1965,
                                   "master_year": 1965})
    assert best_spotify_match(named, [us, uk]).album is uk


def test_a_korean_album_number_is_the_sleeves_number():
    from tasks.match_text import numbers_differ

    assert not numbers_differ("kim gun mo 3", "3집 잘못된 만남")
    assert numbers_differ("kim gun mo 3", "4집 exchange")
    assert not numbers_differ("창밖의 여자", "조용필 1집 창밖의 여자")  # no number on the sleeve
    kim = MatchQuery.from_album({"artist": "Kim Gun Mo", "title": "Kim Gun Mo 3 = 김건모 3",
                                 "year": 1995, "master_year": 1995, "track_count": 10})
    third = item("3집 잘못된 만남", "Kim Gun Mo", "1995-01-20", 10)
    fourth = item("4집 exchange", "Kim Gun Mo", "1996-01-01", 10)
    match = best_spotify_match(kim, [fourth, third])
    assert match.status == "matched" and match.album is third
    assert best_spotify_match(kim, [fourth]).status != "matched"


def test_a_mix_series_filed_under_various_artists_names_its_curator():
    from tasks.match_score import _curated_by_artist

    air = MatchQuery.from_album({"artist": "Air", "title": "Late Night Tales", "year": 2006,
                                 "master_year": 2006, "track_count": 23,
                                 "formats": ["2xLP, Comp, Mixed"]})
    theirs = item("Late Night Tales: Air", "Various Artists", "2006-05-08", 23, "compilation")
    other = item("Late Night Tales: Belle & Sebastian", "Various Artists", "2006-01-01", 23,
                 "compilation")
    assert _curated_by_artist(air, theirs["name"], ["Various Artists"]) == "Late Night Tales"
    assert _curated_by_artist(air, other["name"], ["Various Artists"]) == ""
    # Only for a Various Artists credit: the artist's own album keeps its name.
    assert _curated_by_artist(air, theirs["name"], ["Air"]) == ""
    match = best_spotify_match(air, [other, theirs])
    assert match.status == "matched" and match.album is theirs
    assert score_candidate(air, other)[0] < DEFAULT_THRESHOLD


def test_an_eps_trailing_format_word_is_left_out_of_the_fallback_search():
    from tasks.match_text import main_title

    assert [main_title(t) for t in ("No Plan EP", "Lazarus E.P.", "No Plan - EP")] == [
        "No Plan", "Lazarus", "No Plan"]
    # Nothing of a name would remain, or "EP" is inside the title: kept.
    assert [main_title(t) for t in ("The EP", "EP", "My EP Is Here", "STEP")] == [
        "The EP", "EP", "My EP Is Here", "STEP"]
    bowie = MatchQuery.from_album({"artist": "David Bowie", "title": "No Plan EP",
                                   "year": 2017, "formats": ['12", S/Sided, EP']})
    assert search_queries(bowie)[:2] == ["album:'No Plan EP' artist:'David Bowie'",
                                         "album:'No Plan' artist:'David Bowie'"]


def test_the_film_named_inside_a_soundtrack_title_is_searched_and_compared():
    from tasks.match_text import film_title, main_title

    title = "41 Original Hits From The Soundtrack Of American Graffiti"
    assert (film_title(title), main_title(title)) == ("American Graffiti", "American Graffiti")
    assert film_title("Music From Big Pink") == ""  # not a film's music
    q = MatchQuery.from_album({"artist": "Various", "title": title, "year": 1973,
                               "master_year": 1973, "track_count": 41,
                               "formats": ["2xLP, Comp"]})
    assert "album:'American Graffiti'" in search_queries(q)
    graffiti = item("American Graffiti (Original Motion Picture Soundtrack)", "Various Artists",
                    "1973-08-11", 41, album_type="compilation")
    assert best_spotify_match(q, [graffiti]).status == "matched"
    # The sleeve's "41" is blurb; a number of the film's own name still counts.
    rocky = MatchQuery.from_album({"artist": "Bill Conti", "title": "Rocky II (Original Motion "
                                   "Picture Score)", "year": 1979, "master_year": 1979,
                                   "track_count": 9})
    first = item("Rocky (Original Motion Picture Score)", "Bill Conti", "1979-01-01", 9)
    assert score_candidate(rocky, first)[1]["penalties"].get("number_mismatch") == 0.6


def test_a_date_spotify_puts_in_brackets_is_not_a_number_of_the_title():
    from tasks.match_text import title_score

    assert title_score("Live At The Apollo", "Live At The Apollo (1962)")[1] is False
    assert title_score("Goldberg Variations", "Goldberg Variations (1955 Recording)")[1] is False
    assert title_score("Live At The Apollo", "Live At The Apollo, Volume II")[1] is True
    assert title_score("Greatest Hits", "Greatest Hits (1970-1980)")[1] is True  # a span
    apollo = MatchQuery.from_album({"artist": "James Brown And The Famous Flames",
                                    "title": "Live At The Apollo", "year": 1963,
                                    "master_year": 1963, "track_count": 6})
    expanded = item("Live At The Apollo (1962)", "James Brown", "1963-05-01", 11)
    volume_two = item("Live At The Apollo, Volume II", "James Brown", "1968-06-01", 16)
    match = best_spotify_match(apollo, [volume_two, expanded])
    assert (match.status, match.album) == ("matched", expanded)


def test_a_bands_soundtrack_lp_is_not_its_album_of_the_films_name():
    """The US "A Hard Day's Night" soundtrack LP (with the score's instrumentals) is not the
    band's album Spotify names plainly: another track list says so."""
    q = MatchQuery.from_album({"artist": "The Beatles", "title": "A Hard Day's Night (Original "
                               "Motion Picture Sound Track)", "year": 1964, "master_year": 1964,
                               "track_count": 12})
    album_ = item("A Hard Day's Night (Remastered)", "The Beatles", "1964-07-10", 13)
    assert best_spotify_match(q, [album_]).status != "matched"
    assert "soundtrack_for_album" in score_candidate(q, album_)[1]["penalties"]
    # The same track list, or Spotify's own soundtrack name: the record.
    same = item("A Hard Day's Night", "The Beatles", "1964-06-26", 12)
    soundtrack = item("A Hard Day's Night (Original Motion Picture Soundtrack)", "The Beatles",
                      "1964-06-26", 14)
    assert best_spotify_match(q, [same]).status == "matched"
    assert "soundtrack_for_album" not in score_candidate(q, soundtrack)[1]["penalties"]


def test_a_search_narrower_than_one_that_returned_everything_is_not_sent():
    from tasks.match_plan import within

    assert within("album:'Pulp Fiction' year:1993-1995", "album:'Pulp Fiction'")
    assert within("album:'Raw Power' artist:'Stooges'", "album:'Raw' artist:'Stooges'")
    assert within("artist:'Kleiber' Beethoven", "artist:'Kleiber'")
    assert not within("album:'Pulp Fiction'", "album:'Pulp Fiction' year:1993-1995")
    assert not within("album:'Pulp Fiction' year:1990-1996", "album:'Pulp Fiction' year:1993-1995")
    assert not within("artist:'Stooges' year:1972-1974", "album:'Raw Power' artist:'Stooges'")
    assert not within("artist:'Beethoven' album:'7' Kleiber", "artist:'Kleiber' Beethoven")
    q = MatchQuery.from_album({"artist": "Various", "title": "Pulp Fiction", "year": 1994,
                               "master_year": 1994, "track_count": 16})
    first = next_search(q, [])
    soundtrack = item("Pulp Fiction (Music From The Motion Picture)", "Various Artists",
                      "1994-01-01", 41, album_type="compilation")
    # Three albums were all there is: the same title within a year span can add nothing.
    assert next_search(q, [Searched(first, (soundtrack,) * 3)]) is None
    # Ten may be a page of more: the year narrows it.
    assert next_search(q, [Searched(first, (soundtrack,) * 10)]).form == "album_year"


def test_a_chinese_title_in_simplified_characters_is_searched_in_traditional_ones():
    from tasks.scripts import traditional_chinese

    assert traditional_chinese("万能青年旅店") == "萬能青年旅店"
    assert traditional_chinese("萬能青年旅店") is None  # nothing to change
    assert traditional_chinese("あくまのうた") is None and traditional_chinese("Pink") is None
    q = MatchQuery.from_album({"artist": "万能青年旅店", "title": "万能青年旅店", "year": 2010,
                               "master_year": 2010, "track_count": 9})
    assert ("album:'萬能青年旅店' year:2009-2011", "title_traditional") in [
        (s.query, s.form) for s in search_plan(q)]
    found = item("萬能青年旅店", "Omnipotent Youth Society", "2010-11-01", 9)
    assert best_spotify_match(q, [found]).status == "matched"


def test_a_chinese_band_name_with_or_without_its_band_word_is_one_name():
    from tasks.scripts import chinese_name_core

    assert chinese_name_core("黑豹樂隊") == "黑豹"
    assert chinese_name_core("張學友") == "张学友"
    assert chinese_name_core("黑豹") is None and chinese_name_core("Black Panther") is None
    q = MatchQuery.from_album({"artist": "黑豹", "title": "黑豹", "year": 1992,
                               "master_year": 1992, "track_count": 10})
    band = item("黑豹", "黑豹樂隊", "1992-01-01", 10)
    assert best_spotify_match(q, [band]).status == "matched"
    # Another name that merely starts alike is another band.
    assert score_candidate(q, item("黑豹", "黑鸭子", "1992-01-01", 10))[1]["artist"] < 0.75


def test_the_only_album_of_the_year_filed_twice_under_one_name_still_links():
    """Spotify may carry one album twice (two credits of the band: "КИНО", "Кино"): the other
    copy is no album under the sleeve's own title, only the same stand-in again."""
    q = MatchQuery.from_album({"artist": "Кино", "title": "Кино", "year": 1990,
                               "master_year": 1990, "track_count": 8, "formats": ["LP, Album"]})
    upper = item("Чёрный альбом", "КИНО", "1990-01-12", 8)
    lower = item("Чёрный альбом", "Кино", "1990-12-01", 8)
    match = best_spotify_match(q, [upper, lower])
    assert (match.status, match.evidence["rule"]) == ("matched", "only_album_of_year")
    # An album under the sleeve's own title makes the stand-in uncertain, unless its year and
    # its length both show it is the band's other self-titled album (see
    # test_a_self_titled_album_of_another_year_does_not_stand_against_the_years_album).
    older = item("Кино", "Кино", "1988-01-01", 10)
    match = best_spotify_match(q, [upper, older])
    assert (match.status, match.album["id"]) == ("matched", upper["id"])


def test_a_volumes_designation_leaves_the_album_filter_and_the_numbers_decide():
    q = MatchQuery.from_album({"artist": "Black Sabbath", "title": "Black Sabbath Vol 4",
                               "year": 1972, "master_year": 1972, "track_count": 10})
    first = search_plan(q)[0]
    assert first.query == "album:'Black Sabbath' artist:'Black Sabbath'"
    debut = item("Black Sabbath (2009 Remaster)", "Black Sabbath", "1970-02-13", 8)
    vol4 = item("Vol. 4 (2009 Remaster)", "Black Sabbath", "1972-09-25", 10)
    match = decide(q, [Searched(first, (debut, vol4))])
    assert (match.status, match.album, match.evidence["query_form"]) == (
        "matched", vol4, "album_artist")
    for title, value in (("Past Masters • Volume One", "Past Masters"),
                         ("Greatest Hits Vol. 1 & 2", "Greatest Hits"),
                         ("Part Of The Process", "Part Of Process"), ("Vol. 4", "Vol. 4")):
        q = MatchQuery.from_album({"artist": "X", "title": title})
        assert search_plan(q)[0].query == f"album:'{value}' artist:'X'", title


def test_a_volume_numbered_in_another_language_is_that_number():
    from tasks.match_text import title_numbers

    assert title_numbers("cafe del mar volumen uno") == {"1"}
    assert title_numbers("bravo hits teil zwei") == {"2"}
    assert title_numbers("un homme et une femme") == set()  # words, not numbers
    q = MatchQuery.from_album({"artist": "Various", "title": "Café Del Mar - Volumen Uno",
                               "year": 1994, "master_year": 1994, "track_count": 12,
                               "formats": ["CD, Comp"]})
    assert search_queries(q) == ["album:'Café Del Mar'", "album:'Café Del Mar' year:1993-1995"]
    one = item("Café del Mar, Vol. 1", "Various Artists", "1994-06-01", 12,
               album_type="compilation")
    two = item("Café del Mar, Vol. 2", "Various Artists", "1995-06-01", 12,
               album_type="compilation")
    assert best_spotify_match(q, [two, one]).album == one
    assert best_spotify_match(q, [two]).status != "matched"


def test_a_compilations_later_expanded_edition_holds_the_original():
    q = MatchQuery.from_album({"artist": "Various", "title": "C86", "year": 1986,
                               "master_year": 1986, "track_count": 22, "formats": ["Cass, Comp"]})
    deluxe = item("C86 (Deluxe Edition)", "Various Artists", "2014-06-09", 72,
                  album_type="compilation")
    assert best_spotify_match(q, [deluxe]).status == "matched"
    # Without the edition's words, or with fewer tracks, another compilation of that name.
    for other in (item("C86", "Various Artists", "2014-06-09", 72, album_type="compilation"),
                  item("C86 (Deluxe Edition)", "Various Artists", "2014-06-09", 10,
                       album_type="compilation")):
        assert "compilation_tracks" in score_candidate(q, other)[1]["penalties"], other


def test_a_long_compilation_title_that_finds_nothing_is_searched_by_its_first_words():
    q = MatchQuery.from_album({"artist": "Various", "title": "A Christmas Gift For You From "
                               "Philles Records", "year": 1963, "master_year": 1963,
                               "track_count": 13, "formats": ["LP, Album, Comp"]})
    first = next_search(q, [])
    step = next_search(q, [Searched(first, ())])
    assert (step.query, step.form) == ("album:'A Christmas Gift For' year:1962-1964",
                                       "album_head")
    spector = item("A Christmas Gift For You From Phil Spector", "Various Artists",
                   "1963-11-22", 13, album_type="compilation")
    match = decide(q, [Searched(first, ()), Searched(step, (spector,))])
    assert (match.status, match.evidence["query_form"]) == ("matched", "album_head")
    # A short title has no head of its own: its whole is searched.
    short = MatchQuery.from_album({"artist": "Various", "title": "Indie Anthems", "year": 2017})
    assert [s.form for s in search_plan(short)] == ["album", "album_year"]


def test_a_chamber_group_credited_in_its_own_language_is_the_same_group():
    q = MatchQuery.from_album({
        "artist": "Bedřich Smetana, Smetanovo Kvarteto",
        "artists": ["Bedřich Smetana", "Smetanovo Kvarteto"],
        "title": "Smyčcové Kvartety Č. 1 E Moll »Z Mého Života« · Č. 2 D Moll", "year": 1977,
        "master_year": 1977, "track_count": 8, "genres": ["Classical"]})
    theirs = classical_item('Smetana: String Quartets Nos. 1 "From My Life" & 2',
                            ["Bedřich Smetana", "Smetana Quartet"], "1977-01-01", 8)
    haas = classical_item('Smetana: String Quartets Nos. 1 "From My Life" & 2',
                          ["Bedřich Smetana", "Pavel Haas Quartet"], "1977-01-01", 8)
    match = best_spotify_match(q, [haas, theirs])
    assert (match.status, match.album) == ("matched", theirs)
    assert best_spotify_match(q, [haas]).status != "matched"
    # An orchestra is not recognised by its city alone.
    from tasks.match_score import _same_named_group

    assert not _same_named_group("Berliner Philharmoniker", "Berlin Radio Symphony Orchestra")
    assert _same_named_group("Quartetto Italiano", "Italian Quartet")


FRICSAY_NINTH = {
    "artist": "Ludwig van Beethoven, Berliner Philharmoniker, Ferenc Fricsay",
    "artists": ["Ludwig van Beethoven", "Berliner Philharmoniker", "Ferenc Fricsay"],
    "title": "Sinfonie Nr. 9 D-moll Op. 125", "year": 1958, "master_year": 1958,
    "track_count": 4, "genres": ["Classical"]}


def test_a_recording_spotify_dates_by_its_reissue_links_once_the_performer_is_listed():
    """Spotify dates many classical albums by their CD or digital reissue: the work, the
    performers and the movements agree, the date is decades later."""
    q = MatchQuery.from_album(FRICSAY_NINTH)
    digital = classical_item("Beethoven: Symphony No. 9 in D Minor, Op. 125 \"Choral\"",
                             ["Ludwig van Beethoven", "Berliner Philharmoniker",
                              "Ferenc Fricsay"], "2015-05-04", 4)
    first = [Searched(search_plan(q)[0], (digital,))]
    # The conductor may have recorded it again: not before his albums have all been listed.
    pending = decide(q, first)
    assert (pending.status, pending.evidence["pending"]) == ("uncertain", "reissued")
    listing = next(s for s in search_plan(q) if s.form == "classical_performer_list")
    linked = decide(q, first + [Searched(listing, (digital,))])
    assert (linked.status, linked.album) == ("matched", digital)
    assert linked.evidence["classical"]["reissued_recording"] is True
    # Another recording by the same performers on offer: which one is unknown.
    again = classical_item("Beethoven: Symphony No. 9", ["Ludwig van Beethoven",
                           "Berliner Philharmoniker", "Ferenc Fricsay"], "1961-01-01", 4)
    assert best_spotify_match(q, [digital, again]).status != "matched"
    # Another track list is another album.
    filled = classical_item("Beethoven: Symphony No. 9; Egmont Overture", [
        "Ludwig van Beethoven", "Berliner Philharmoniker", "Ferenc Fricsay"], "2015-05-04", 5)
    assert "reissued_recording" not in score_candidate(q, filled)[1]["classical"]


def test_a_recording_of_the_very_year_beats_a_later_one_by_the_same_performers():
    q = MatchQuery.from_album({
        "artist": "Schubert, Dietrich Fischer-Dieskau, Gerald Moore",
        "artists": ["Schubert", "Dietrich Fischer-Dieskau", "Gerald Moore"],
        "title": "Winterreise", "year": 1963, "master_year": 1962, "track_count": 24,
        "genres": ["Classical"]})
    performers = ["Franz Schubert", "Dietrich Fischer-Dieskau", "Gerald Moore"]
    hmv = classical_item("Schubert: Winterreise, D. 911 (Remastered)", performers,
                         "1962-01-01", 24)
    dg = classical_item("Schubert: Winterreise, D. 911", performers, "1972-01-01", 24)
    match = best_spotify_match(q, [dg, hmv])
    assert (match.status, match.album) == ("matched", hmv)
    assert best_spotify_match(q, [dg]).evidence["penalties"] == {"reissue_date": 0.97}


def test_without_a_track_count_names_in_two_scripts_link_by_the_very_title_and_year():
    """A sync gets no track count from the collection: the sleeve's own title in the master
    year, by a credit in another script (unknown, not different), stands for the album."""
    arai = MatchQuery.from_album({"artist": "Yumi Arai", "title": "ひこうき雲", "year": 1973,
                                  "master_year": 1973})
    found = item("ひこうき雲", "荒井由実", "1973-11-20", 10)
    match = best_spotify_match(arai, [found])
    assert (match.status, match.evidence["rule"]) == ("matched", "renamed_artist_by_year")
    # Not another year, not another title, not a single, not a credit in the same script.
    for other in (item("ひこうき雲", "荒井由実", "1975-11-20", 10),
                  item("ミスリム", "荒井由実", "1973-11-20", 10),
                  item("ひこうき雲", "荒井由実", "1973-11-20", 2, album_type="single"),
                  item("ひこうき雲", "Yuming", "1973-11-20", 10)):
        assert best_spotify_match(arai, [other]).status != "matched", other
    # Nor without the master year: a pressing's year may be a reissue's.
    pressing = MatchQuery.from_album({"artist": "Yumi Arai", "title": "ひこうき雲",
                                      "year": 1973})
    assert best_spotify_match(pressing, [found]).status != "matched"


def test_the_artists_name_in_front_of_the_title_is_dropped_when_spotify_drops_it():
    cash = MatchQuery.from_album({"artist": "Johnny Cash", "title": "Johnny Cash At Folsom "
                                  "Prison", "year": 1968, "master_year": 1968})
    folsom = item("At Folsom Prison", "Johnny Cash", "1968-05-01", 16)
    assert best_spotify_match(cash, [folsom]).status == "matched"
    # Not a title that is the artist's name alone, nor against a name that keeps it.
    from tasks.match_score import _without_artist_name

    assert _without_artist_name(cash, "Johnny Cash At San Quentin") == ""
    weezer = MatchQuery.from_album({"artist": "Weezer", "title": "Weezer", "year": 1994})
    assert _without_artist_name(weezer, "Blue Album") == ""
    # Another concert stays another title.
    quentin = item("At San Quentin", "Johnny Cash", "1968-05-01", 16)
    assert best_spotify_match(cash, [quentin]).status != "matched"


def test_a_career_span_the_sleeve_adds_is_no_other_number_without_a_track_count():
    pixies = MatchQuery.from_album({"artist": "Pixies", "title": "Death To The Pixies "
                                    "1987-1991", "year": 1997, "master_year": 1997})
    death = item("Death To The Pixies", "Pixies", "1997-10-06", 20, album_type="compilation")
    assert "number_mismatch" not in score_candidate(pixies, death)[1]["penalties"]
    later = item("Death To The Pixies 1987-1998", "Pixies", "1997-10-06", 20)
    assert "number_mismatch" in score_candidate(pixies, later)[1]["penalties"]


def test_an_identical_copy_of_the_right_album_in_another_file_counts_as_right(tmp_path):
    """Two files may hold one Spotify album under two ids; nothing tells the copies apart, so
    linking either is right. A same-named album of another year stays a decoy."""
    first = item("Sign O' The Times", "Prince", "1987-03-30", 16, id="sotm-a")
    copy = item("Sign O' The Times", "Prince", "1987-03-30", 16, id="sotm-b")
    remaster = item("Sign O' The Times", "Prince", "2020-09-25", 16, id="sotm-2020")
    record = {"artist": "Prince", "artists": ["Prince"], "title": 'Sign "O" The Times',
              "year": 1987, "master_year": 1987}
    _write_set(tmp_path / "a.json", [{"id": "a-1", "category": "general", "album": record,
                                      "acceptable": ["sotm-a"]}], [first, remaster])
    _write_set(tmp_path / "b.json", [{"id": "b-1", "category": "general", "album": record,
                                      "acceptable": ["sotm-b"]}], [copy])
    albums, _ = load_set(tmp_path)
    assert {a.id: a.acceptable for a in albums} == {"a-1": {"sotm-a", "sotm-b"},
                                                    "b-1": {"sotm-a", "sotm-b"}}



def test_editions_of_one_album_across_files_are_one_label():
    """Another file may hold the plain album, or another edition, under an id of its own: an
    edition by the same artists is acceptable, but not a same-named album of another year
    when two plain ones exist (a conductor's two recordings), nor a live album."""
    from tasks.match_labels import base_name, editions_by_base_name

    assert base_name("Paranoid (2009 Remaster)") == "paranoid"
    assert base_name("Blue Lines (2012 Mix/Master)") == base_name("Blue Lines") == "blue lines"
    assert base_name("Unknown Pleasures - 2007 Remaster") == "unknown pleasures"
    assert base_name("Nevermind (30th Anniversary Super Deluxe)") == "nevermind"
    assert base_name("Weezer (Blue Album)") == "weezer (blue album)"
    assert base_name("Live At Leeds (Live)") == "live at leeds (live)"
    assert base_name("Remastered") == "remastered"
    sabbath = [item("Paranoid", "Black Sabbath", "1970-09-18", 8, id="plain"),
               item("Paranoid (2009 Remaster)", "Black Sabbath", "1970-09-18", 8, id="rm"),
               item("Paranoid (Live)", "Black Sabbath", "1970-09-18", 8, id="live"),
               item("Paranoid", "Various Artists", "2001-01-01", 8, id="tribute")]
    karajan = [item("Beethoven: Symphony No. 5", "Herbert von Karajan", "1962-01-01", 4,
                    id="k62"),
               item("Beethoven: Symphony No. 5", "Herbert von Karajan", "1977-01-01", 4,
                    id="k77"),
               item("Beethoven: Symphony No. 5 (Remastered)", "Herbert von Karajan",
                    "2015-01-01", 4, id="krm")]
    editions = editions_by_base_name([*sabbath, *karajan])
    assert editions["plain"] == editions["rm"] == {"plain", "rm"}
    assert editions["live"] == {"live"} and editions["tribute"] == {"tribute"}
    assert "k62" not in editions and "krm" not in editions

def test_copies_are_one_album_under_two_spellings_not_two_recordings_of_a_work():
    from tasks.match_labels import identical_copies

    kino = [item("Группа крови", "КИНО", "1988-01-05", 11, id="k1"),
            item("Группа крови", "Кино", "1988-06-01", 11, id="k2"),
            item("Группа крови", "Кино", "1988-06-01", 14, id="k3"),  # another track list
            item("Группа крови", "Кино", "1988-09-01", 12, id="k4")]  # one more, another day
    # One file counting a bonus track: one track more on the very same day is a copy; a
    # joint credit is its names ("Art Blakey & The Jazz Messengers").
    beat = [item("I Just Can't Stop It", "The Beat", "1980-05-01", 12, id="b1"),
            item("I Just Can't Stop It", "The English Beat", "1980-05-01", 13, id="b2")]
    blakey = [item("Moanin'", "Art Blakey & The Jazz Messengers", "1959-01-01", 6, id="m1"),
              {**item("Moanin'", "Art Blakey", "1959-01-01", 7, id="m2"),
               "artists": [{"name": "Art Blakey"}, {"name": "The Jazz Messengers"}]},
              {**item("Moanin'", "Art Blakey", "1959-01-01", 6, id="m3"),
               "artists": [{"name": "Art Blakey"}, {"name": "Lee Morgan"}]}]
    assert identical_copies([*beat, *blakey]) == {"b1": {"b1", "b2"}, "b2": {"b1", "b2"},
                                                  "m1": {"m1", "m2"}, "m2": {"m1", "m2"},
                                                  "m3": {"m3"}}
    levine = {**item("Mascagni: Cavalleria rusticana", "Pietro Mascagni", "1979", 20, id="lev"),
              "artists": [{"name": "Pietro Mascagni"}, {"name": "James Levine"}]}
    muti = {**levine, "id": "muti",
            "artists": [{"name": "Pietro Mascagni"}, {"name": "Riccardo Muti"}]}
    singles = [item("Golden", "Zara Larsson", "2014-05-01", 1, "single", id="g1"),
               item("Golden", "Travie McCoy", "2014-02-01", 1, "single", id="g2")]
    copies = identical_copies([*kino, levine, muti, *singles])
    assert copies["k1"] == copies["k2"] == {"k1", "k2"}
    assert copies["k3"] == {"k3"} and copies["k4"] == {"k4"}
    assert copies["lev"] == {"lev"} and copies["muti"] == {"muti"}
    assert "g1" not in copies and "g2" not in copies


def test_one_recording_credited_at_two_lengths_is_one_album():
    """One file lists the soloists and the choir, another the composer, orchestra and
    conductor only: the same type, year and track count, one credit list inside the other
    (three names shared at least), one name the other's start."""
    from tasks.match_labels import identical_copies

    def credited(name, names, date, tracks, id):
        return {**item(name, names[0], date, tracks, id=id),
                "artists": [{"name": n} for n in names]}

    core = ["Wolfgang Amadeus Mozart", "Wiener Philharmoniker", "Karl Böhm"]
    full = credited("Mozart: Requiem", [*core[:1], "Edith Mathis", "Julia Hamari", *core[1:]],
                    "1971-01-01", 14, "full")
    short = credited("Mozart: Requiem, K. 626", core, "1971-01-01", 14, "short")
    karajan = credited("Mozart: Requiem, K. 626", [core[0], core[1], "Herbert von Karajan"],
                       "1971-01-01", 14, "karajan")  # another conductor: not inside
    two = credited("Mozart: Requiem, K. 626", core[:2], "1971-01-01", 14, "two")  # two names
    later = credited("Mozart: Requiem, K. 626", core, "1972-01-01", 14, "later")
    copies = identical_copies([full, short, karajan, two, later])
    assert copies["full"] == copies["short"] == {"full", "short"}
    assert all(copies.get(i, {i}) == {i} for i in ("karajan", "two", "later"))


def test_a_release_in_two_files_gets_both_labels_and_leaves_the_fresh_group(tmp_path):
    """Two files written apart each gave the same release its own copy of the right album:
    either copy is right. Held in a tuning file too, it is no longer fresh."""
    native = item("千のナイフ", "坂本龍一", "1978-10-25", 6, id="native")
    english = item("Thousand Knives Of", "Ryuichi Sakamoto", "1978-10-25", 6, id="english")
    record = {"artist": "Ryuichi Sakamoto", "artists": ["Ryuichi Sakamoto"],
              "title": "千のナイフ = Thousand Knives", "year": 1978, "master_year": 1978}
    _write_set(tmp_path / "a.json", [{"id": "a-1", "category": "non_latin", "album": record,
                                      "acceptable": ["english"]}], [english])
    _write_set(tmp_path / "f.json", [
        {"id": "f-1", "category": "non_latin", "album": record, "acceptable": ["native"]},
        {"id": "f-2", "category": "general", "album": {**record, "title": "B-2 Unit",
         "year": 1980}, "acceptable": []}], [native], holdout_only=True)
    albums, _ = load_set(tmp_path)
    assert {a.id: a.acceptable for a in albums} == {"a-1": {"english", "native"},
                                                    "f-2": frozenset()}


def test_an_anonymous_recording_is_not_told_from_others_scored_alike():
    # A budget LP credits only the composer: the 1812 by Doráti and by Karajan look the same.
    budget = MatchQuery.from_album({"artist": "Tchaikovsky", "artists": ["Tchaikovsky"],
                                    "title": "1812 Overture · Capriccio Italien", "year": 1972,
                                    "track_count": 2, "genres": ["Classical"]})
    dorati = classical_item("Tchaikovsky: 1812 Overture; Capriccio Italien",
                            ["Pyotr Ilyich Tchaikovsky", "Minneapolis Symphony Orchestra",
                             "Antal Doráti"], "1958-01-01", 4)
    karajan = classical_item("Tchaikovsky: 1812 Overture; Marche slave",
                             ["Pyotr Ilyich Tchaikovsky", "Berliner Philharmoniker",
                              "Herbert von Karajan"], "1967-01-01", 5)
    assert best_spotify_match(budget, [dorati]).status == "matched"
    assert best_spotify_match(budget, [dorati, karajan]).status == "uncertain"
    # A sleeve that names its conductor tells them apart.
    credited = MatchQuery.from_album({
        "artist": "Tchaikovsky, Minneapolis Symphony Orchestra, Antal Doráti",
        "artists": ["Tchaikovsky", "Minneapolis Symphony Orchestra", "Antal Doráti"],
        "title": "1812 Overture · Capriccio Italien", "year": 1958, "track_count": 4,
        "genres": ["Classical"]})
    match = best_spotify_match(credited, [dorati, karajan])
    assert match.status == "matched" and match.album["id"] == dorati["id"]


def test_a_film_soundtrack_linked_to_the_bands_album_asks_for_the_track_count():
    from tasks.matching import track_count_would_tell

    sleeve = {"artist": "The Beatles", "title": "A Hard Day's Night (Original Motion Picture "
              "Sound Track)", "year": 1964, "master_year": 1964}
    album_of_film = item("A Hard Day's Night (Remastered)", "The Beatles", "1964-07-10", 13)
    match = best_spotify_match(MatchQuery.from_album(sleeve), [album_of_film])
    assert match.status == "matched"
    assert track_count_would_tell(MatchQuery.from_album(sleeve), match)
    # The count (twelve: eight songs and four instrumentals) undoes it.
    counted = MatchQuery.from_album({**sleeve, "track_count": 12})
    assert best_spotify_match(counted, [album_of_film]).status == "uncertain"
    # Spotify's own soundtrack of the film: nothing to ask.
    soundtrack = item("A Hard Day's Night (Original Motion Picture Soundtrack)", "The Beatles",
                      "1964-06-26", 12)
    match = best_spotify_match(MatchQuery.from_album(sleeve), [soundtrack])
    assert match.status == "matched"
    assert not track_count_would_tell(MatchQuery.from_album(sleeve), match)


SVETLANOV = {
    "artist": "Н. Римский-Корсаков, Государственный Симфонический Оркестр СССР, "
              "Евгений Светланов",
    "artists": ["Н. Римский-Корсаков", "Государственный Симфонический Оркестр СССР",
                "Евгений Светланов"],
    # (A work the parser does not read in Russian; "Шехеразада" it now reads.)
    "title": "Садко", "year": 1970, "master_year": 1969, "genres": ["Classical"]}
SVETLANOV_ARTISTS = ["Nikolai Rimsky-Korsakov", "USSR State Symphony Orchestra",
                     "Evgeny Svetlanov"]


def test_a_work_unreadable_on_the_sleeve_links_by_performers_year_and_track_count():
    scheherazade = classical_item("Rimsky-Korsakov: Sadko, Op. 5", SVETLANOV_ARTISTS,
                                  "1969-01-01", 4)
    counted = MatchQuery.from_album({**SVETLANOV, "track_count": 4})
    match = best_spotify_match(counted, [scheherazade])
    assert match.status == "matched"
    assert match.evidence["classical"]["same_recording_facts"] is True
    # Without the track count, or with another one, or another year: not enough.
    assert best_spotify_match(MatchQuery.from_album(SVETLANOV), [scheherazade]).status != \
        "matched"
    assert best_spotify_match(MatchQuery.from_album({**SVETLANOV, "track_count": 5}),
                              [scheherazade]).status != "matched"
    later = classical_item("Rimsky-Korsakov: Sadko, Op. 5", SVETLANOV_ARTISTS,
                           "1978-01-01", 4)
    assert best_spotify_match(counted, [later]).status != "matched"
    # Another conductor: not the recording.
    reiner = classical_item("Rimsky-Korsakov: Sadko, Op. 5",
                            ["Nikolai Rimsky-Korsakov", "Chicago Symphony Orchestra",
                             "Fritz Reiner"], "1969-01-01", 4)
    assert best_spotify_match(counted, [reiner]).status != "matched"
    # Another album of theirs of that year and length: which work the sleeve names is unknown.
    antar = classical_item("Rimsky-Korsakov: Symphony No. 2 \"Antar\"", SVETLANOV_ARTISTS,
                           "1969-01-01", 4)
    assert best_spotify_match(counted, [scheherazade, antar]).status == "uncertain"


def test_a_self_titled_album_of_another_year_does_not_stand_against_the_years_album():
    # Françoise Hardy's 1962 "Françoise Hardy" is "Tous les garçons et les filles" on Spotify;
    # her 1970 "Françoise Hardy" (10 tracks) is another record, year and length say so.
    sleeve = MatchQuery.from_album({"artist": "Françoise Hardy", "title": "Françoise Hardy",
                                    "year": 1962, "master_year": 1962, "track_count": 12})
    tous = item("Tous les garçons et les filles", "Françoise Hardy", "1962-11-01", 12)
    other = item("Françoise Hardy", "Françoise Hardy", "1970-01-01", 10)
    match = best_spotify_match(sleeve, [other, tous])
    assert (match.status, match.album["id"]) == ("matched", tous["id"])
    # Of that length, the namesake may be the record reissued: nothing is linked.
    same_length = item("Françoise Hardy", "Françoise Hardy", "1970-01-01", 12)
    assert best_spotify_match(sleeve, [same_length, tous]).status == "uncertain"


def test_a_bracket_opening_with_live_on_the_sleeves_own_title_is_no_other_concert():
    sands = MatchQuery.from_album({"artist": "Frank Sinatra, Count Basie Orchestra",
                                   "artists": ["Frank Sinatra", "Count Basie Orchestra"],
                                   "title": "Sinatra At The Sands", "year": 1966,
                                   "master_year": 1966, "track_count": 22})
    spotify = item("Sinatra At The Sands (Live At The Sands Hotel And Casino/1966)",
                   "Frank Sinatra", "1966-07-01", 22)
    assert "live" not in score_candidate(sands, spotify)[1]["penalties"]
    # Dated later, it is another concert's record.
    later = {**spotify, "release_date": "1974-01-01"}
    assert "live" in score_candidate(sands, later)[1]["penalties"]
    # "Volume 1" / "Vol. 1": the same title written another way; not another volume.
    birdland = MatchQuery.from_album({"artist": "Art Blakey Quintet",
                                      "title": "A Night At Birdland Volume 1", "year": 1954,
                                      "master_year": 1954, "track_count": 5})
    one = item("A Night At Birdland, Vol. 1 (Live)", "Art Blakey Quintet", "1954-02-21", 7)
    two = item("A Night At Birdland, Vol. 2 (Live)", "Art Blakey Quintet", "1954-02-21", 7)
    assert "live" not in score_candidate(birdland, one)[1]["penalties"]
    assert "live" in score_candidate(birdland, two)[1]["penalties"]
    # Live words outside the brackets stay a concert.
    assert "live" in score_candidate(sands, item("Sinatra Live At The Sands", "Frank Sinatra",
                                                 "1966-07-01", 22))[1]["penalties"]


def test_a_concert_bracket_of_the_sleeves_year_and_length_is_the_record():
    from tasks.match_text import title_score

    # The bracket's year is the concert's date, not a number of the title.
    assert title_score("Sinatra At The Sands",
                       "Sinatra At The Sands (Live At The Sands Hotel And Casino/1966)")[1] is False
    genius = MatchQuery.from_album({"artist": "Little Stevie Wonder",
                                    "title": "The 12 Year Old Genius", "year": 1963,
                                    "master_year": 1963, "track_count": 6})
    regal = item("The 12 Year Old Genius (Live At The Regal Theater, Chicago / 1962)",
                 "Stevie Wonder", "1963-05-21", 6)
    evidence = score_candidate(genius, regal)[1]
    assert "live" not in evidence["penalties"] and "number_mismatch" not in evidence["penalties"]
    # Another length: a concert of the album's songs, not the record.
    assert "live" in score_candidate(genius, {**regal, "total_tracks": 9})[1]["penalties"]
    # Another number outside the bracket still differs.
    assert title_score("The 12 Year Old Genius", "The 13 Year Old Genius (Live At The Regal)"
                       )[1] is True


def test_each_side_of_a_bilingual_title_is_compared_as_a_title_of_its_own():
    from tasks.match_text import title_score

    # Spotify adds its soundtrack words to the Latin side of "Pakeezah = पाकीज़ा".
    assert title_score("Pakeezah = पाकीज़ा",
                       "Pakeezah (Original Motion Picture Soundtrack)")[0] >= 0.9
    assert title_score("Deseo = Desire", "Desire (Remastered)")[0] >= 0.85
    assert title_score("Pakeezah = पाकीज़ा",
                       "Mughal-E-Azam (Original Motion Picture Soundtrack)")[0] < 0.5
    pakeezah = MatchQuery.from_album({
        "artist": "Ghulam Mohammed, Lata Mangeshkar",
        "artists": ["Ghulam Mohammed", "Lata Mangeshkar"], "title": "Pakeezah = पाकीज़ा",
        "year": 1972, "master_year": 1972, "track_count": 9})
    spotify = item("Pakeezah (Original Motion Picture Soundtrack)", "Ghulam Mohammed",
                   "1972-01-01", 10)
    assert best_spotify_match(pakeezah, [spotify]).status == "matched"


def test_spotifys_name_with_both_titles_of_a_record_matches_the_first():
    from tasks.match_text import title_score

    assert title_score("Immigrés", "Immigrés / Bitim Rew") == (0.9, False)
    assert title_score("Bitim Rew", "Immigrés / Bitim Rew")[0] < 0.8  # the first title only
    immigres = MatchQuery.from_album({
        "artist": "Youssou N'Dour & Le Super Étoile De Dakar",
        "artists": ["Youssou N'Dour & Le Super Étoile De Dakar"], "title": "Immigrés",
        "year": 1984, "master_year": 1984, "track_count": 4})
    spotify = item("Immigrés / Bitim Rew", "Youssou N'Dour", "1984-01-01", 4)
    assert best_spotify_match(immigres, [spotify]).status == "matched"
