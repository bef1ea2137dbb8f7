"""Build fresh2.json: a second held-out slice of the labeled matching set, nobody tuned on it.

Run: `.venv/bin/python tests/data/match_set/build_fresh2.py`. The source is fresh2_src.txt, in
the record syntax of fresh_src.txt (see build_fresh.py). Made after the matcher had been tuned
against fresh.json's failures, to judge it on albums it has never met; shaped like the outside
collection of issue 16 (a large classical shelf of German, French and Italian pressings, names
Spotify writes otherwise, renamed bands, apostrophes, EPs, and the decoys that tempt a wrong
link), with a third of ordinary albums. The file carries `"holdout_only": true`.
"""

from __future__ import annotations

import json
from pathlib import Path

from build_fresh import KINDS, Source, fold, listing, number
from set_builder import MatchSet, sp

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "fresh2_src.txt"
TARGET = HERE / "fresh2.json"
ABOUT = (
    "Second fresh held-out slice of the labeled Spotify matching set (holdout_only: report on "
    "it, never tune on it), written after the matcher had been tuned on the other files, "
    "fresh.json included, by an author who had not read the matcher. Shaped like the outside "
    "collection of issue 16: about one album in seven absent from Spotify; a large classical "
    "shelf (Deutsche Grammophon, Philips, Decca, EMI/Electrola, Erato, Telefunken, Archiv "
    "pressings titled in German, French or Italian; the same conductor's recordings of one work "
    "told apart by year; soloists and choirs credited on Spotify); untitled albums Spotify files "
    "under a nickname or number, titles in two scripts, sleeve words Spotify drops, self-titled "
    "albums Spotify numbers or subtitles, renamed bands, apostrophes, EPs filed as singles with "
    "\"- EP\", the album against the single of the same title, and the traps (karaoke 'made "
    "famous by' singles, a band's other self-titled album, another artist's album of the same "
    "one-word title); a third ordinary albums of many genres and decades. Albums are real "
    "Discogs releases, none of them (nor another pressing of the same album) in the other files. "
    "Best knowledge, not looked up (the author had no network): every artist credit, title, "
    "label, year and track count; catalogue numbers are given only where the author is fairly "
    "sure; whether an album is absent from Spotify (demos, early EPs, withdrawn or never "
    "reissued records, the two budget classical pressings) is the author's knowledge of the "
    "catalogue, not a lookup. The Spotify side follows Spotify's naming; ids are synthetic "
    "(tasks.fake_apis.spotify_id) and Spotify albums already in another file are reused "
    "unchanged; popularity, dates and track counts are plausible values; karaoke, tribute and "
    "same-title items by other artists, and some live albums and editions, stand in for the "
    "kind of item a real search returns. `acceptable` says what the records are (the same "
    "recording and its remastered, deluxe or expanded editions by the same performers; for "
    "classical, a coupling or the performers' own set carrying the same recording); [] means "
    "not on Spotify to the author's knowledge. Built by build_fresh2.py from fresh2_src.txt."
)


# Written after fresh2.json, and not read when it is rebuilt (they reuse its items, and weak.json
# lists the artists of one of them in another order under the same id).
LATER = {"weak.json", "fresh3.json"}


def other_catalogues(target: Path = TARGET) -> dict[str, dict]:
    """The catalogue items of the files written before target."""
    later = LATER if target == TARGET else set()
    items: dict[str, dict] = {}
    for path in sorted(HERE.glob("*.json")):
        if path != target and path.name not in later:
            for item in json.loads(path.read_text(encoding="utf-8"))["catalogue"]:
                items.setdefault(item["id"], item)
    return items


class FreshSource(Source):
    """fresh_src.txt's parser, writing albums <prefix>-0001... and reading every file but the
    target (fresh2.json by default)."""

    def __init__(self, prefix: str = "f2", about: str = ABOUT,  # noqa: D107 - Source.__init__
                 target: Path = TARGET) -> None:  # would read the wrong target
        self.set = MatchSet(prefix, "general", about)
        self.others = other_catalogues(target)
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


def build(source: Path = SOURCE, target: Path = TARGET, prefix: str = "f2", about: str = ABOUT,
          extra: dict | None = None) -> None:
    """Parse source into target, a holdout_only file (extra: more top-level keys)."""
    src = FreshSource(prefix, about, target)
    src.parse(source.read_text(encoding="utf-8"))
    for a in src.set.albums:
        if a["category"] == "not_on_spotify":
            assert not a["acceptable"], f"{a['id']}: not_on_spotify with a link"
        assert a["album"] is not None, f"{a['id']}: no album record"
    src.set.write(target, extra={"holdout_only": True, **(extra or {})})
    counts: dict[str, int] = {}
    absent: dict[str, int] = {}
    for a in src.set.albums:
        counts[a["category"]] = counts.get(a["category"], 0) + 1
        absent[a["category"]] = absent.get(a["category"], 0) + (not a["acceptable"])
    print(src.set.summary().split("; tags")[0] + f"; {len(src.reused)} shared with other files")
    print({c: f"{n} ({absent[c]} absent)" for c, n in sorted(counts.items())})


if __name__ == "__main__":
    build()
