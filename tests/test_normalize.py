import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.normalize import (
    album_key,
    clean_artist_name,
    clean_text,
    fold_words,
    normalize_artist,
    normalize_title,
    strip_edition,
)

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"

ALL_FUNCTIONS = (
    clean_text,
    clean_artist_name,
    normalize_artist,
    normalize_title,
    strip_edition,
    fold_words,
)

# Any Unicode, plus text made of the characters the functions treat specially.
TEXTS = st.text(max_size=60) | st.from_regex(
    r"[A-Za-zÀ-ÿ ()\[\]&+*,.'’\-/=•0-9²½™…\u200b\ufeff]{0,50}", fullmatch=True
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  Mr. Isaacs ", "Mr. Isaacs"),
        ("Sci\u200b-\u200bFi Lullabies", "Sci-Fi Lullabies"),
        ("Tralalalala /  \ufeffDirty Babylon", "Tralalalala / Dirty Babylon"),
        ("Tančete Na  Hrobech !", "Tančete Na Hrobech !"),
        ("Travelling On The Riddim ", "Travelling On The Riddim"),
        ("Zoe\u0301 \u2060\u200c\u200d", "Zoé"),  # decomposed accent composed (NFC)
        ("Line\r\nbreak\tand\x1bescape", "Line break andescape"),
        ('"Mondo"', '"Mondo"'),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nirvana (2)", "Nirvana"),
        ("Mr Zebre*", "Mr Zebre"),
        ("Frost*", "Frost*"),
        ("K*Ners", "K*Ners"),
        ("Vendetta (2) & Barber (3) & Bad Kid", "Vendetta & Barber & Bad Kid"),
        ("The Velvet Underground & Nico (3)", "The Velvet Underground & Nico"),
        ("Waldgeflüster / Panopticon (6)", "Waldgeflüster / Panopticon"),
        ("Kyle Dixon (2) & Michael Stein (9)", "Kyle Dixon & Michael Stein"),
        (" Mr. Isaacs ", "Mr. Isaacs"),
        ("Persuader, The", "Persuader, The"),
        ("Sunn O)))", "Sunn O)))"),
        ("(2)", "(2)"),
        (None, ""),
    ],
)
def test_clean_artist_name(raw, expected):
    assert clean_artist_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nirvana (2)", "nirvana"),
        ("Mr Zebre*", "mr zebre"),
        ("Mr. Zèbre", "mr zebre"),
        ("Frost*", "frost"),
        ("The Beatles", "beatles"),
        ("Beatles, The", "beatles"),
        ("Persuader, The", "persuader"),
        ("The The", "the"),
        ("Simon & Garfunkel", "simon and garfunkel"),
        ("Simon and Garfunkel", "simon and garfunkel"),
        ("New Order + Liam Gillick", "new order and liam gillick"),
        ("Mötley Crüe", "motley crue"),
        ("Queensrÿche", "queensryche"),
        ("Sigur Rós", "sigur ros"),
        ("Måsstaden", "masstaden"),
        ("Misþyrming", "misthyrming"),
        ("Mgła", "mgla"),
        ("Crippled Black Phoenix", "crippled black phoenix"),
        ("Guns N’ Roses", "guns n roses"),
        ("AC/DC", "ac dc"),
        ("Sensi-T", "sensi t"),
        ("Full Of Hell · Merzbow", "full of hell merzbow"),
        ("ΚΕΦΑΛΗΞΘ", "κεφαληξθ"),
        ("Кино", "кино"),
        ("坂本龍一", "坂本龍一"),
        ("きゃりーぱみゅぱみゅ", "きゃりーぱみゅぱみゅ"),
        ("!!!", "!!!"),
        ("", ""),
    ],
)
def test_normalize_artist(raw, expected):
    assert normalize_artist(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nevermind", "nevermind"),
        ("Nevermind (Remastered)", "nevermind"),
        ("Nevermind (Deluxe Edition)", "nevermind"),
        ("Nevermind (30th Anniversary Super Deluxe)", "nevermind"),
        ("Nevermind [Bonus Tracks]", "nevermind"),
        ("The Wall (Expanded)", "the wall"),
        ("Rumours (2004 Remaster)", "rumours"),
        ("Aja 2011 Remaster", "aja"),
        ("The Dark Side of the Moon - 50th Anniversary", "the dark side of the moon"),
        ("Informer EP", "informer"),
        ("Kiba E.P.", "kiba"),
        ("Remastered", "remastered"),  # never stripped to nothing
        ("Deluxe Edition", "deluxe edition"),
        ("Alive (Live)", "alive live"),
        ("Abbey Road - 2019 Remix", "abbey road 2019 remix"),
        ("Fearless (Taylor's Version)", "fearless taylors version"),
        ("1999", "1999"),
        ("Sci\u200b-\u200bFi Lullabies", "sci fi lullabies"),
        ("Déjà Vu", "deja vu"),
        ("Tea For The Tillerman²", "tea for the tillerman 2"),
        ("4½", "4 1 2"),
        ("4 1/2", "4 1 2"),
        ("The K&D Sessions™", "the k and d sessions"),
        ("Here…Thank You 4 Your Service", "here thank you 4 your service"),
        ("The Man•Machine", "the man machine"),
        ("*** Leader Of The Starry Skies ***", "leader of the starry skies"),
        ("Labyrinthine 如迷宮", "labyrinthine 如迷宮"),
        ('"Mondo"', "mondo"),
        ("( )", "( )"),
        ("★", "★"),
    ],
)
def test_normalize_title(raw, expected):
    assert normalize_title(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nevermind (Deluxe Edition)", "Nevermind"),
        ("The Dark Side of the Moon - 50th Anniversary", "The Dark Side of the Moon"),
        ("Alive (Live)", "Alive (Live)"),
        ("(Remastered)", "(Remastered)"),
        ("Sci\u200b-\u200bFi Lullabies", "Sci-Fi Lullabies"),
    ],
)
def test_strip_edition(raw, expected):
    assert strip_edition(raw) == expected


def test_album_key_is_shared_by_pressings_of_one_album():
    keys = {
        album_key("Nirvana", "Nevermind"),
        album_key("Nirvana (2)", "Nevermind (Remastered)"),
        album_key("NIRVANA ", "Nevermind [Deluxe Edition]"),
    }
    assert keys == {"nirvana|nevermind"}


def test_album_key_examples():
    assert [
        album_key("Beatles, The", "Abbey Road"),
        album_key("Crosby, Stills, Nash & Young", "Déjà Vu"),
        album_key("Sensi-T & Mr. Zèbre", "Travelling On The Riddim "),
        album_key("Various", "Pulp Fiction (Music From The Motion Picture)"),
    ] == [
        "beatles|abbey road",
        "crosby stills nash and young|deja vu",
        "sensi t and mr zebre|travelling on the riddim",
        "various|pulp fiction music from the motion picture",
    ]


# Property tests (never raises, idempotent, on any Unicode) are in tests/test_properties.py.


@settings(max_examples=300)
@given(TEXTS)
def test_normalize_title_is_empty_only_for_empty_text(s):
    assert (normalize_title(s) == "") == (clean_text(s) == "")


def _real_csv_rows():
    if not REAL.is_dir():
        return []
    rows = []
    for path in sorted((REAL / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows += [r for r in csv.DictReader(f) if r.get("Artist") is not None]
    return rows


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not there")
def test_real_csv_artists_and_titles_normalize():
    rows = _real_csv_rows()
    assert len(rows) > 3000
    for r in rows:
        for f in ALL_FUNCTIONS:
            for value in (r["Artist"], r["Title"]):
                assert f(f(value)) == f(value)
        assert normalize_title(r["Title"]) != ""
        assert "(" not in clean_artist_name(r["Artist"]) or not clean_artist_name(
            r["Artist"]
        ).rstrip(")").rsplit("(", 1)[-1].isdigit()
