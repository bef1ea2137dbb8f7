"""Build fresh3.json: a third held-out slice of the labeled matching set, nobody tuned on it.

Run: `.venv/bin/python tests/data/match_set/build_fresh3.py`. The source is fresh3_src.txt, in
the record syntax of fresh_src.txt (see build_fresh.py). Made after the people tuning the matcher
had read fresh.json and fresh2.json, to report on albums nobody has tuned on; shaped like the
outside collection of issue 16 (a quarter classical pressings titled in German, French, Italian
or Czech, names Spotify writes otherwise, renamed artists, other scripts, apostrophes, EPs,
self-titled albums, about one album in seven absent from Spotify, the rest ordinary albums).
It is built by build_fresh2.py's parser, with its own prefix, source and target. The file carries
`"holdout_only": true` and `"holdout_group": "unseen"`: reported apart from fresh.json and
fresh2.json, whose failures have been read.
"""

from __future__ import annotations

from pathlib import Path

from build_fresh2 import build

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "fresh3_src.txt"
TARGET = HERE / "fresh3.json"
ABOUT = (
    "Third fresh held-out slice of the labeled Spotify matching set (holdout_only: report on "
    "it, never tune on it), written after fresh.json and fresh2.json had been read by the people "
    "tuning the matcher, by an author who did not read the matcher or its results on these "
    "albums. Shaped like the outside collection of issue 16: about one album in seven absent "
    "from Spotify (early EPs and mixtapes, disowned or withheld albums, budget classical "
    "pressings, catalogues kept off streaming); a quarter classical (Deutsche Grammophon, "
    "Decca, Philips, EMI/Electrola, Columbia, Cetra, Telefunken, Archiv, Orfeo, Supraphon and "
    "French La Voix De Son Maître pressings titled in German, French, Italian, Czech or Dutch "
    "(the Dutch and two French titles as the author recalls them); operas with their casts; one "
    "conductor's or singer's several recordings of a work told apart by year; Spotify's English "
    "work names with the composer in front); albums Spotify names otherwise (Japanese katakana "
    "pressings, an Italian soundtrack title, sleeve words added or dropped, a European title "
    "against the US one); renamed or re-billed artists (Walter/Wendy Carlos, Eno, Nilsson, "
    "Wham! U.K., Bush X, U.K. Squeeze, Puff Daddy/Diddy, Cheryl Cole); titles in Cyrillic, "
    "Japanese, Korean, Chinese, Greek, Hebrew and Arabic script; apostrophes, umlauts, "
    "ligatures, periods in names; EPs and singles; self-titled albums; a few soundtracks and "
    "compilations; and ordinary albums of many genres and decades. Albums are real Discogs "
    "releases, none of them (nor another pressing of the same album) in the other files, "
    "checked by artist and title against every other file. Best knowledge, not looked up (the "
    "author had no network): every artist credit, title, label, year and track count; "
    "catalogue numbers are given only where the author is fairly sure and left empty "
    "otherwise; whether an album is absent from Spotify is the author's knowledge of the "
    "catalogue, not a lookup. The Spotify side follows Spotify's naming; ids are synthetic "
    "(tasks.fake_apis.spotify_id) and Spotify albums already in another file are reused "
    "unchanged; popularity, dates and track counts are plausible values; karaoke, tribute, "
    "same-title items by other artists, and some live albums and editions, stand in for the "
    "kind of item a real search returns. `acceptable` says what the records are (the same "
    "recording and its remastered, deluxe or expanded editions by the same performers; for "
    "classical, a coupling or the performers' own set carrying the same recording); [] means "
    "not on Spotify to the author's knowledge. Built by build_fresh3.py from fresh3_src.txt."
)


if __name__ == "__main__":
    build(SOURCE, TARGET, "f3", ABOUT, extra={"holdout_group": "unseen"})
