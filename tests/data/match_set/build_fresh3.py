"""Build fresh3.json: a third held-out slice of the labeled matching set, nobody tuned on it.

Run: `.venv/bin/python tests/data/match_set/build_fresh3.py`. The source is fresh3_src.txt, in
the record syntax of fresh_src.txt (see build_fresh.py). Made after the people tuning the matcher
had read fresh.json and fresh2.json, to report on albums nobody has tuned on; shaped like the
outside collection of issue 16 (a quarter classical pressings titled in German, French, Italian
or Czech, names Spotify writes otherwise, renamed artists, other scripts, apostrophes, EPs,
self-titled albums, about one album in seven absent from Spotify, the rest ordinary albums).
The parser is a copy of fresh2's, with its own prefix, source and target. The file carries
`"holdout_only": true` and `"holdout_group": "unseen"`: reported apart from fresh.json and
fresh2.json, whose failures have been read.
"""

from __future__ import annotations

import json
from pathlib import Path

from build_fresh import KINDS, Source, fold, listing, number
from set_builder import MatchSet, sp

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


def other_catalogues() -> dict[str, dict]:
    items: dict[str, dict] = {}
    for path in sorted(HERE.glob("*.json")):
        if path != TARGET:
            for item in json.loads(path.read_text(encoding="utf-8"))["catalogue"]:
                items.setdefault(item["id"], item)
    return items


class FreshSource(Source):
    """fresh_src.txt's parser, writing albums f3-0001... and reading every file but fresh3.json."""

    def __init__(self) -> None:  # noqa: D107 - Source.__init__ would read the wrong target
        self.set = MatchSet("f3", "general", ABOUT)
        self.others = other_catalogues()
        self.mine: dict[str, dict] = {}
        self.reused: set[str] = set()
        self.pending: dict | None = None

    def define(self, fields: list[str], n: int) -> dict:
        """As Source.define, but an album of another file is taken for the same one only when
        its year agrees too: one conductor's recordings of a work share a name and differ by
        year, and must not fold into one catalogue item."""
        names, name, date, tracks, pop, kind = (f.strip() for f in fields)
        item = sp(name, names, date or None, number(tracks), int(pop), KINDS[kind])
        if item["id"] in self.mine:
            if self.mine[item["id"]] != item:
                raise SystemExit(f"line {n}: {name!r} defined twice, differently")
            return self.mine[item["id"]]
        known = self.others.get(item["id"])
        if known is None:
            same = [c for c in self.others.values()
                    if fold(c["name"]) == fold(name) and c["album_type"] == item["album_type"]
                    and [a["name"] for a in c["artists"]] == listing(names)
                    and (c.get("release_date") or "")[:4] == (date or "")[:4]]
            known = same[0] if len(same) == 1 else None
        elif [a["name"] for a in known["artists"]] != listing(names):
            raise SystemExit(f"line {n}: id of {name!r} ({date}) collides with another file's "
                             f"album by {'; '.join(a['name'] for a in known['artists'])}")
        if known is not None:
            item = known
            self.reused.add(item["id"])
        self.mine[item["id"]] = item
        return item


def main() -> None:
    src = FreshSource()
    src.parse(SOURCE.read_text(encoding="utf-8"))
    for a in src.set.albums:
        if a["category"] == "not_on_spotify":
            assert not a["acceptable"], f"{a['id']}: not_on_spotify with a link"
        assert a["album"] is not None, f"{a['id']}: no album record"
    src.set.write(TARGET, extra={"holdout_only": True, "holdout_group": "unseen"})
    counts: dict[str, int] = {}
    absent: dict[str, int] = {}
    for a in src.set.albums:
        counts[a["category"]] = counts.get(a["category"], 0) + 1
        absent[a["category"]] = absent.get(a["category"], 0) + (not a["acceptable"])
    print(src.set.summary().split("; tags")[0] + f"; {len(src.reused)} shared with other files")
    print({c: f"{n} ({absent[c]} absent)" for c, n in sorted(counts.items())})


if __name__ == "__main__":
    main()
