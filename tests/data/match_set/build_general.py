"""Build general.json (the non-classical part of the labeled matching set) from general_src.txt.

The source is terse, one record a line, fields separated by " | ":

    @ category | tag, tag | note                      starts an album
    A artist | title | year | master_year | tracks | formats; | labels; | catnos; | genres,
      | styles,                                       (one line) the album record
    + name; name                                      its individual artists (default: [artist])
    C artist | title | label, label | catno, catno | format | released | release_id | export
                                                      a real CSV export row, kept raw here; the
                                                      album record is what the pipeline makes of it
    * artist; artist | name | date | tracks | popularity | a/s/c
                                                      a Spotify album that is a correct link
    * artist | name [| date]                          a correct link defined elsewhere in the file
                                                      (without a date: the one album of that name)
    - artist; artist | name | date | tracks | popularity | a/s/c
                                                      a Spotify album (the shared catalogue)
    - artist | name [| date]                          a decoy defined elsewhere (only checked)

Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an empty date makes an old-style item without
release_date or total_tracks. "\\uXXXX" in a C line stands for that character (U+200B, U+FEFF).
Run: .venv/bin/python tests/data/match_set/build_general.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tasks.fake_apis import spotify_id  # noqa: E402
from tasks.normalize import clean_artist_name, clean_text  # noqa: E402

SOURCE = HERE / "general_src.txt"
TARGET = HERE / "general.json"
ALBUM_TYPES = {"a": "album", "s": "single", "c": "compilation"}
MINIMUM = {
    "renamed_artist": 25, "retitled": 25, "self_titled": 20, "ep_single": 25, "punctuation": 25,
    "soundtrack": 15, "compilation": 15, "not_on_spotify": 40, "general": 40,
}
ABOUT = (
    "Non-classical part of the labeled Spotify matching set (issue 16): renamed artists, "
    "retitled and self-titled albums, EPs and singles, punctuation, soundtracks, compilations, "
    "albums absent from Spotify, and ordinary albums taken from real collectors' CSV exports "
    "(../shared/real/csv; the raw row is quoted in the note, the album record is what the "
    "pipeline's CSV import makes of it). Albums are real Discogs releases (artists, titles, "
    "labels, catalogue numbers and years to the best of the author's knowledge; catalogue "
    "numbers left out where unsure). Catalogue: the right albums and the artists' catalogues "
    "are Spotify albums as Spotify names them, to the best of the author's knowledge; same-title "
    "items by other artists, karaoke and tribute items are partly plausible stand-ins for the "
    "kind of item a real search returns, not each a verified release. Ids are synthetic "
    "(tasks.fake_apis.spotify_id); popularity, dates and track counts are approximate; 46 "
    "low-popularity singles are old-style items without release_date/total_tracks. "
    "`acceptable` says what the records are: every edition of the same recording by the same "
    "performers (remasters, deluxe and anniversary editions; not re-recordings, other-language "
    "versions or other track lists); [] when the album is not on Spotify. Built by "
    "build_general.py from general_src.txt."
)


def unescape(s: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def listing(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def discogs_list(field: str) -> list[str]:
    """Genres or styles written as Discogs shows them, "Rock, Folk, World, & Country"."""
    field = field.replace("Folk, World, & Country", "Folk\x00 World\x00 & Country")
    return [x.strip().replace("\x00", ",") for x in re.split(r"[;,]", field) if x.strip()]


def number(field: str) -> int | None:
    field = field.strip()
    return int(field) if field and field != "0" else None


def artist_object(name: str) -> dict:
    artist_id = spotify_id("artist", name)
    return {"id": artist_id, "name": name, "type": "artist", "uri": f"spotify:artist:{artist_id}"}


def spotify_album(fields: list[str]) -> dict:
    names, name, date, tracks, popularity, kind = (f.strip() for f in fields)
    artists = listing(names)
    album_id = spotify_id(artists[0], name, date)
    item: dict = {"album_type": ALBUM_TYPES[kind], "artists": [artist_object(a) for a in artists],
                  "external_urls": {"spotify": f"https://open.spotify.com/album/{album_id}"},
                  "id": album_id, "name": name}
    if date:
        precision = {4: "year", 7: "month", 10: "day"}[len(date)]
        item |= {"release_date": date, "release_date_precision": precision,
                 "total_tracks": int(tracks)}
    item |= {"type": "album", "uri": f"spotify:album:{album_id}", "popularity": int(popularity)}
    return item


def album_record(fields: list[str]) -> dict:
    artist, title, year, master_year, tracks, formats, labels, catnos, genres, styles = (
        f.strip() for f in fields)
    return {"artist": artist, "artists": [artist], "title": title, "year": number(year),
            "master_year": number(master_year), "track_count": number(tracks),
            "formats": listing(formats), "labels": listing(labels), "catnos": listing(catnos),
            "genres": discogs_list(genres), "styles": discogs_list(styles)}


def csv_record(fields: list[str]) -> tuple[dict, str]:
    """The album record the CSV import builds from a raw export row, and the row for the note."""
    raw_artist, raw_title, labels, catnos, fmt, released, release_id, export = map(unescape, fields)
    artist = clean_artist_name(raw_artist)
    record = {"artist": artist, "artists": [artist], "title": clean_text(raw_title),
              "year": number(released), "master_year": None, "track_count": None,
              "formats": [clean_text(fmt).rstrip(", ")],
              "labels": [x.strip() for x in labels.split(",") if x.strip()],
              "catnos": [x.strip() for x in catnos.split(",") if x.strip() and x.strip() != "none"],
              "genres": [], "styles": []}
    raw = (f"CSV row ({export}, release {release_id}): Artist {raw_artist!r}, "
           f"Title {raw_title!r}")
    return record, raw


def parse(text: str) -> tuple[list[dict], dict[str, dict]]:
    albums: list[dict] = []
    catalogue: dict[str, dict] = {}
    refs: list[tuple[dict | None, tuple[str, ...], int]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, rest = line[0], line[2:]
        fields = rest.split(" | ")
        if kind == "@":
            category, tags, note = (f.strip() for f in fields)
            albums.append({"id": f"gen-{len(albums) + 1:04d}", "category": category,
                           "tags": [t.strip() for t in tags.split(",") if t.strip()],
                           "note": note, "album": None, "acceptable": []})
        elif kind == "A":
            albums[-1]["album"] = album_record(fields)
        elif kind == "+":
            albums[-1]["album"]["artists"] = listing(rest)
        elif kind == "C":
            record, raw = csv_record(fields)
            albums[-1]["album"] = record
            albums[-1]["note"] = f"{albums[-1]['note']} {raw}".strip()
        elif kind in "*-":
            if len(fields) in (2, 3):
                # A decoy already defined needs no second definition; check it exists.
                owner = albums[-1] if kind == "*" else None
                refs.append((owner, tuple(f.strip() for f in fields), n))
                continue
            try:
                item = spotify_album(fields)
            except (ValueError, KeyError) as e:
                raise SystemExit(f"line {n}: {e}") from e
            known = catalogue.setdefault(item["id"], item)
            if known != item:
                raise SystemExit(f"line {n}: {item['name']!r} defined twice, differently")
            if kind == "*":
                albums[-1]["acceptable"].append(item["id"])
        else:
            raise SystemExit(f"line {n}: unknown record {kind!r}")
    for album, ref, n in refs:
        album_id = resolve(catalogue, ref, n)
        if album is not None:
            album["acceptable"].append(album_id)
    return albums, catalogue


def resolve(catalogue: dict[str, dict], ref: tuple[str, ...], n: int) -> str:
    """The id a short reference names: by date if given, else the one album of that name."""
    first, name = listing(ref[0])[0], ref[1]
    if len(ref) == 3:
        album_id = spotify_id(first, name, ref[2])
        if album_id not in catalogue:
            raise SystemExit(f"line {n}: {name!r} ({ref[2]}) is not in the catalogue")
        return album_id
    found = [c for c in catalogue.values()
             if c["name"] == name and c["artists"][0]["name"] == first]
    if len(found) > 1:
        found = [c for c in found if c["album_type"] == "album"]
    if len(found) != 1:
        raise SystemExit(f"line {n}: {len(found)} albums match {first!r}, {name!r}")
    return found[0]["id"]


def check(albums: list[dict], catalogue: dict[str, dict]) -> Counter:
    ids = [a["id"] for a in albums]
    assert len(ids) == len(set(ids)), "album ids must be unique"
    for a in albums:
        assert a["album"] and a["album"]["title"], f"{a['id']}: no album record"
        assert a["category"] in MINIMUM, f"{a['id']}: unknown category {a['category']}"
        assert len(a["acceptable"]) == len(set(a["acceptable"])), f"{a['id']}: repeated link"
        assert all(x in catalogue for x in a["acceptable"]), f"{a['id']}: link not in catalogue"
        if a["category"] == "not_on_spotify":
            assert not a["acceptable"], f"{a['id']}: not_on_spotify with a link"
    undated = sum("release_date" not in item for item in catalogue.values())
    assert undated <= 0.05 * len(catalogue), f"{undated} old-style items: over 5%"
    return Counter(a["category"] for a in albums)


def main() -> None:
    albums, catalogue = parse(SOURCE.read_text(encoding="utf-8"))
    counts = check(albums, catalogue)
    lines = ['{', f'  "about": {json.dumps(ABOUT, ensure_ascii=False)},', '  "albums": [']
    lines += [",\n".join(f"    {json.dumps(a, ensure_ascii=False)}" for a in albums)]
    lines += ['  ],', '  "catalogue": [']
    lines += [",\n".join(f"    {json.dumps(c, ensure_ascii=False)}" for c in catalogue.values())]
    lines += ['  ]', '}']
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(TARGET.read_text(encoding="utf-8"))
    short = {c: f"{counts[c]}/{m}" for c, m in MINIMUM.items() if counts[c] < m}
    print(f"{len(albums)} albums, {sum(not a['acceptable'] for a in albums)} not on Spotify, "
          f"{len(catalogue)} catalogue items; {dict(counts)}")
    if short:
        print(f"below the minimum: {short}")


if __name__ == "__main__":
    main()
