"""Build fresh.json: a held-out slice of the labeled matching set that nobody has tuned on.

Run: `.venv/bin/python tests/data/match_set/build_fresh.py`. The source is fresh_src.txt, one
record a line, fields separated by " | ":

    @ category | tag tag | note                         starts an album
    A artist; artist | title | year | master_year | tracks | formats; | labels; | catnos;
      | genres; | styles;                              (one line) the Discogs release
    * artist; artist | name | date | tracks | popularity | a/s/c
                                                       a Spotify album that is a correct link
    - (same fields)                                    a Spotify album that is a decoy
    * artist | name [| date]    - artist | name [| date]
                                                       a Spotify album defined earlier (here or
                                                       in another file of the set)
    = artist                                           decoys: every album of that Spotify artist
                                                       defined so far, up to the catalogue cap

The album's display artist is its artists joined with ", " (Discogs joins such as "&" are part
of a single name here). A Spotify album that another file of the set already holds (same id, or
the same first artist and name) is taken from that file unchanged, so the shared catalogue stays
consistent. The file carries `"holdout_only": true`: it is for reporting, never for tuning.
"""

from __future__ import annotations

import json
from pathlib import Path

from set_builder import MatchSet, release, sp

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "fresh_src.txt"
TARGET = HERE / "fresh.json"
KINDS = {"a": "album", "s": "single", "c": "compilation"}
CAP = 12
ABOUT = (
    "Fresh held-out slice of the labeled Spotify matching set (holdout_only: report on it, "
    "never tune on it). Albums are real Discogs releases chosen to be absent from the other "
    "files (no other pressing of the same album either): a collector's shelf of classical "
    "pressings (German, French, Italian, English, Czech and Russian; symphonies, concertos, "
    "chamber music, opera, baroque catalogue numbers), names in other scripts, renamed artists, "
    "retitled, self-titled, EPs and singles, punctuation, soundtracks, compilations, albums "
    "absent from Spotify with tempting decoys, and ordinary albums of many genres. Artists, "
    "titles, labels and years are from the author's knowledge of the releases; catalogue "
    "numbers are left out where unsure; track counts may be off in places. The Spotify side "
    "follows Spotify's naming; ids are synthetic (tasks.fake_apis.spotify_id); popularity, "
    "dates and track counts are plausible values; same-title items by other artists, karaoke "
    "and tribute items are partly stand-ins for the kind of item a real search returns. "
    "`acceptable` says what the records are (the same recording and its remastered, deluxe "
    "or expanded editions by the same performers; for classical, as in classical.json, a "
    "coupling or the performers' own cycle set that carries the same recording counts); [] "
    "means not on Spotify to the author's knowledge. Built by build_fresh.py from "
    "fresh_src.txt."
)


def listing(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def fold(name: str) -> str:
    """A name compared without case, spaces or punctuation ("I AM...SASHA FIERCE")."""
    return "".join(c for c in name.casefold() if c.isalnum())


def number(field: str) -> int | None:
    field = field.strip()
    return int(field) if field and field != "0" else None


def other_catalogues() -> dict[str, dict]:
    items: dict[str, dict] = {}
    for path in sorted(HERE.glob("*.json")):
        if path != TARGET:
            for item in json.loads(path.read_text(encoding="utf-8"))["catalogue"]:
                items.setdefault(item["id"], item)
    return items


class Source:
    """Parses fresh_src.txt into a MatchSet, reusing the other files' Spotify albums."""

    def __init__(self) -> None:
        self.set = MatchSet("fr", "general", ABOUT)
        self.others = other_catalogues()
        self.mine: dict[str, dict] = {}
        self.reused: set[str] = set()
        self.pending: dict | None = None

    def known(self) -> list[dict]:
        return [*self.mine.values(), *self.others.values()]

    def define(self, fields: list[str], n: int) -> dict:
        names, name, date, tracks, pop, kind = (f.strip() for f in fields)
        item = sp(name, names, date or None, number(tracks), int(pop), KINDS[kind])
        if item["id"] in self.mine:
            if self.mine[item["id"]] != item:
                raise SystemExit(f"line {n}: {name!r} defined twice, differently")
            return self.mine[item["id"]]
        known = self.others.get(item["id"])
        if known is None:
            # The same album in another file under another date or spelling of its name.
            same = [c for c in self.others.values()
                    if fold(c["name"]) == fold(name) and c["album_type"] == item["album_type"]
                    and [a["name"] for a in c["artists"]] == listing(names)]
            known = same[0] if len(same) == 1 else None
        elif [a["name"] for a in known["artists"]] != listing(names):
            raise SystemExit(f"line {n}: id of {name!r} ({date}) collides with another file's "
                             f"album by {'; '.join(a['name'] for a in known['artists'])}")
        if known is not None:
            item = known
            self.reused.add(item["id"])
        self.mine[item["id"]] = item
        return item

    def refer(self, fields: list[str], n: int) -> dict:
        first, name = listing(fields[0])[0], fields[1].strip()
        found = [c for c in self.known() if c["name"] == name and c["artists"][0]["name"] == first
                 and (len(fields) < 3 or c.get("release_date") == fields[2].strip())]
        found = list({c["id"]: c for c in found}.values())
        if len(found) > 1:
            found = [c for c in found if c["album_type"] == "album"] or found
        if len(found) != 1:
            raise SystemExit(f"line {n}: {len(found)} albums match {first!r}, {name!r}")
        self.mine.setdefault(found[0]["id"], found[0])
        if found[0]["id"] in self.others:
            self.reused.add(found[0]["id"])
        return found[0]

    def flush(self) -> None:
        if self.pending is None:
            return
        p = self.pending
        ok_ids = {o["id"] for o in p["ok"]}
        decoys = list({d["id"]: d for d in p["decoys"] if d["id"] not in ok_ids}.values())
        self.set.add(p["tags"], p["note"], p["album"], p["ok"], decoys, p["category"])
        self.pending = None

    def parse(self, text: str) -> None:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, fields = line[0], line[2:].split(" | ")
            if kind == "@":
                self.flush()
                category, tags, note = (f.strip() for f in fields)
                self.pending = {"category": category, "tags": tags, "note": note,
                                "album": None, "ok": [], "decoys": []}
            elif kind == "A":
                artists, title, year, master, tracks, formats, labels, catnos, genres, styles = (
                    f.strip() for f in fields)
                assert self.pending is not None, f"line {n}: A before @"
                self.pending["album"] = release(
                    listing(artists), title, number(year), number(master), number(tracks),
                    listing(formats), listing(labels), listing(catnos), listing(styles),
                    listing(genres))
            elif kind in "*-":
                item = self.define(fields, n) if len(fields) == 6 else self.refer(fields, n)
                assert self.pending is not None, f"line {n}: {kind} before @"
                self.pending["ok" if kind == "*" else "decoys"].append(item)
            elif kind == "=":
                assert self.pending is not None, f"line {n}: = before @"
                artist = fields[0].strip()
                have = {i["id"] for i in self.pending["ok"] + self.pending["decoys"]}
                for c in self.mine.values():
                    if len(have) >= CAP:
                        break
                    if c["artists"][0]["name"] == artist and c["id"] not in have:
                        self.pending["decoys"].append(c)
                        have.add(c["id"])
            else:
                raise SystemExit(f"line {n}: unknown record {kind!r}")
        self.flush()


def main() -> None:
    src = Source()
    src.parse(SOURCE.read_text(encoding="utf-8"))
    albums = src.set.albums
    for a in albums:
        if a["category"] == "not_on_spotify":
            assert not a["acceptable"], f"{a['id']}: not_on_spotify with a link"
        assert a["album"] is not None, f"{a['id']}: no album record"
    src.set.write(TARGET, extra={"holdout_only": True})
    counts: dict[str, int] = {}
    for a in albums:
        counts[a["category"]] = counts.get(a["category"], 0) + 1
    print(src.set.summary().split("; tags")[0] + f"; {len(src.reused)} shared with other files")
    print(counts)


if __name__ == "__main__":
    main()
