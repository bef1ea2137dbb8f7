"""Build weak.json: labeled albums weighted to where Spotify matching is weakest.

Run: `.venv/bin/python tests/data/match_set/build_weak.py`. The source is weak_src.txt, in the
record syntax of fresh_src.txt (see build_fresh.py): `@` starts an album, `A` is the Discogs
release, `*` a correct Spotify album, `-` a decoy, `=` the decoys of one Spotify artist. A
Spotify album that another file of the set already holds is taken from that file unchanged.
Like extra.json, weak.json is split by album id into tuning and held-out halves.
"""

from __future__ import annotations

from pathlib import Path

from build_extra import build

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "weak_src.txt"
TARGET = HERE / "weak.json"
ABOUT = (
    "Albums weighted to where Spotify matching is weakest, split into tuning and held-out "
    "halves by album id like core, classical, non_latin, general and extra. Albums are real "
    "Discogs releases absent from the other files (no other pressing of the same album "
    "either): retitled albums (untitled albums filed under a nickname or number, titles in two "
    "scripts, one word against two, words on the sleeve that Spotify drops, subtitles added or "
    "dropped, Vol./Volume, roman/arabic numbers, &/and), titles in Japanese, Korean, Chinese, "
    "Cyrillic, Greek, Arabic, Hebrew and Thai (Spotify using the script, a romanization or an "
    "English name), classical pressings in German, French, Italian, Czech, Russian and English "
    "with the same conductor's other recordings and other performers as decoys, "
    "compilations, renamed artists, self-titled albums with the band's other self-titled "
    "album as a decoy, and albums absent from Spotify whose search results are only traps. "
    "Best knowledge, not looked up: artists, titles, labels, years and formats are from the "
    "author's knowledge of the releases (no Discogs or Spotify access while writing); "
    "catalogue numbers are left out where unsure and may be off in places; track counts may "
    "be off by one or two; whether an album is on Spotify, and under which name, is the "
    "author's knowledge of the catalogue. The Spotify side follows Spotify's naming; ids are "
    "synthetic (tasks.fake_apis.spotify_id); popularity, release dates and track counts of "
    "Spotify items are plausible values; same-title items by other artists, karaoke, tribute "
    "and lullaby items are partly stand-ins for the kind of item a real search returns. "
    "`acceptable` says what the records are (the same recording and its remastered, deluxe or "
    "expanded editions by the same performers; for classical, a coupling or the performers' "
    "own set that carries the same recording counts); [] means not on Spotify to the author's "
    "knowledge. Built by build_weak.py from weak_src.txt."
)


if __name__ == "__main__":
    build("wk", ABOUT, SOURCE, TARGET)
