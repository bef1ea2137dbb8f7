"""A labeled-set slice as a Discogs collection: the benchmark's first sync on real albums.

The synthetic collections match at once (one search an album, no Discogs release fetch). A
collection of real albums does not: some lookups search twice or more and ask Discogs for a
release's track count, on the same window as the master years. This serves the holdout
groups of the labeled match set (tests/data/match_set) as the collection, its catalogues as
Spotify, its master years and track counts as Discogs, so a first sync meets what a user's
collection asks of the three APIs.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

MASTER_IDS = 700_000
RELEASE_IDS = 9_000_000
ADDED = datetime(2024, 1, 1, 10)  # the first album's date_added; one an hour after


def collection_item(n: int, album: dict) -> dict:
    """A collection item (the API's shape) from which the sync rebuilds this labeled album."""
    names, shown = album["artists"], album["artist"]
    credits, at = [], 0
    for i, name in enumerate(names):
        start = shown.find(name, at)
        at = start + len(name) if start >= 0 else at
        after = shown.find(names[i + 1], at) if i + 1 < len(names) else -1
        join = shown[at:after].strip() if after > at else ""
        credits.append({"name": name, "anv": "", "join": join if join != "," else ",",
                        "role": "", "id": 10_000 + 10 * n + i, "resource_url": ""})
    formats = [{"name": head, "qty": "1", "descriptions": rest}
               for head, *rest in (f.split(", ") for f in album.get("formats") or ())]
    labels = [{"name": label, "catno": catno, "id": 500 + n}
              for label, catno in zip(album.get("labels") or (), album.get("catnos") or (),
                                      strict=False)]
    master = MASTER_IDS + n if album.get("master_year") else 0  # 0: a release of no master
    return {
        "id": RELEASE_IDS + n, "instance_id": 1_600_000_000 + n, "folder_id": 1, "rating": 0,
        "date_added": (ADDED + timedelta(hours=n)).strftime("%Y-%m-%dT%H:%M:%S-08:00"),
        "basic_information": {
            "id": RELEASE_IDS + n, "master_id": master,
            "master_url": f"https://api.discogs.com/masters/{master}" if master else None,
            "resource_url": f"https://api.discogs.com/releases/{RELEASE_IDS + n}",
            "title": album["title"], "year": album.get("year") or 0, "thumb": "",
            "cover_image": "", "formats": formats, "labels": labels, "artists": credits,
            "genres": list(album.get("genres") or ()), "styles": list(album.get("styles") or ()),
        },
    }


def labeled_catalog(count: int) -> Any:
    """A Catalog of the first count albums of the labeled set's holdout groups (by id), then of
    its halves if more are wanted: collection, masters' years, tracklists, Spotify catalogue."""
    from tasks.fake_apis import Catalog
    from tasks.match_eval import load_set

    albums, engine = load_set()
    ordered = sorted(albums, key=lambda a: (not a.holdout_only, a.id))[:count]
    items = [collection_item(n, a.album) for n, a in enumerate(ordered)]
    masters = {MASTER_IDS + n: {"year": a.album["master_year"]}
               for n, a in enumerate(ordered) if a.album.get("master_year")}
    tracklists = {RELEASE_IDS + n: [{"position": str(t + 1), "type_": "track",
                                     "title": f"Track {t + 1}", "duration": "3:00"}
                                    for t in range(a.album.get("track_count") or 0)]
                  for n, a in enumerate(ordered)}
    return Catalog(releases=items, spotify_catalogue=engine.catalogue, masters=masters,
                   tracklists=tracklists)


def run_links(db: Any, count: int) -> dict[str, int]:
    """What a labeled first sync linked, as the page shows it ("Listen on Spotify": a match),
    against the labels: links, those right, and the albums that are on Spotify."""
    import duckdb

    from tasks.match_eval import load_set

    albums, _ = load_set()
    ordered = sorted(albums, key=lambda a: (not a.holdout_only, a.id))[:count]
    with duckdb.connect(str(db), read_only=True) as con:
        linked = dict(con.execute(
            "SELECT r.release_id, m.spotify_album_id FROM releases r JOIN spotify_matches m "
            "USING (album_key) WHERE m.status = 'matched'").fetchall())
    links = right = 0
    for n, album in enumerate(ordered):
        spotify_id = linked.get(RELEASE_IDS + n)
        links += spotify_id is not None
        right += spotify_id in album.acceptable
    return {"links": links, "right": right,
            "on_spotify": sum(1 for a in ordered if a.acceptable)}
