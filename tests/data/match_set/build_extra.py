"""Build extra.json: more variety for the labeled matching set (tuning and held-out halves).

Run: `.venv/bin/python tests/data/match_set/build_extra.py`. The source is extra_src.txt, in
the record syntax of fresh_src.txt (see build_fresh.py): `@` starts an album, `A` is the Discogs
release, `*` a correct Spotify album, `-` a decoy, `=` the decoys of one Spotify artist. A
Spotify album that another file of the set already holds is taken from that file unchanged.
Unlike fresh.json, extra.json is split by album id like the other files (no "holdout_only").
"""

from __future__ import annotations

import json
from pathlib import Path

from build_fresh import Source
from set_builder import MatchSet

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "extra_src.txt"
TARGET = HERE / "extra.json"
ABOUT = (
    "Extra variety for the labeled Spotify matching set, split into tuning and held-out halves "
    "by album id like core, classical, non_latin and general. Albums are real Discogs releases "
    "absent from the other files (no other pressing of the same album either), weighted to "
    "where matching is hard: classical pressings titled in many ways (German, French, Italian "
    "and English titles, numbered and named works, recitals, highlights, box sets, composer "
    "credited alone or with the performers), retitled albums, compilations, soundtracks, "
    "self-titled albums and titles in Japanese, Korean, Chinese, Cyrillic, Greek, Arabic, "
    "Hebrew and Thai (romanized, bilingual or in the script). Artists, titles, labels and years "
    "are from the author's knowledge of the releases; catalogue numbers are left out where "
    "unsure; track counts may be off in places. The Spotify side follows Spotify's naming; ids "
    "are synthetic (tasks.fake_apis.spotify_id); popularity, dates and track counts are "
    "plausible values; same-title items by other artists, karaoke and tribute items are partly "
    "stand-ins for the kind of item a real search returns. `acceptable` says what the records "
    "are (the same recording and its remastered, deluxe or expanded editions by the same "
    "performers; for classical, a coupling or the performers' own set that carries the same "
    "recording counts); [] means not on Spotify to the author's knowledge. Built by "
    "build_extra.py from extra_src.txt."
)


def other_catalogues(target: Path) -> dict[str, dict]:
    """Every Spotify album the other files of the set hold, by id."""
    items: dict[str, dict] = {}
    for path in sorted(HERE.glob("*.json")):
        if path != target:
            for item in json.loads(path.read_text(encoding="utf-8"))["catalogue"]:
                items.setdefault(item["id"], item)
    return items


class SplitSource(Source):
    """fresh_src.txt's parser, numbering with a file's prefix and reusing every other file's
    albums (a file split by album id, not holdout_only)."""

    def __init__(self, prefix: str, about: str, target: Path) -> None:
        super().__init__()
        self.set = MatchSet(prefix, "general", about)
        self.others = other_catalogues(target)


def build(prefix: str, about: str, source: Path, target: Path) -> None:
    """Parse source, check it and write target; print what it holds."""
    src = SplitSource(prefix, about, target)
    src.parse(source.read_text(encoding="utf-8"))
    albums = src.set.albums
    for a in albums:
        if a["category"] == "not_on_spotify":
            assert not a["acceptable"], f"{a['id']}: not_on_spotify with a link"
        assert a["album"] is not None, f"{a['id']}: no album record"
    src.set.write(target)
    counts: dict[str, int] = {}
    for a in albums:
        counts[a["category"]] = counts.get(a["category"], 0) + 1
    print(src.set.summary().split("; tags")[0] + f"; {len(src.reused)} shared with other files")
    print(counts)


if __name__ == "__main__":
    build("ex", ABOUT, SOURCE, TARGET)
