"""Shared helpers for the match-set builders (build_classical.py, build_non_latin.py).

The builders keep each labeled album as one terse call; these helpers expand it into the
format of MATCH_SET_FORMAT.md: Spotify simplified album objects with ids from
tasks.fake_apis.spotify_id (so the same album in two files gets the same id), the album record
as the pipeline holds it, and one catalogue per file (the union of every album's candidates).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tasks.fake_apis import spotify_id  # noqa: E402

CATEGORIES = {"classical", "non_latin", "renamed_artist", "retitled", "self_titled", "ep_single",
              "punctuation", "soundtrack", "compilation", "not_on_spotify", "general"}


def sp(name: str, artists: str, date: str | None, tracks: int | None, popularity: int,
       kind: str = "album") -> dict[str, Any]:
    """A Spotify simplified album; `artists` is "A; B; C" as Spotify credits them."""
    names = [a.strip() for a in artists.split(";") if a.strip()]
    album_id = spotify_id(names[0], name, date or "")
    item: dict[str, Any] = {
        "album_type": kind,
        "artists": [{"id": spotify_id("artist", n), "name": n, "type": "artist",
                     "uri": f"spotify:artist:{spotify_id('artist', n)}"} for n in names],
        "external_urls": {"spotify": f"https://open.spotify.com/album/{album_id}"},
        "id": album_id,
        "name": name,
    }
    if date is not None:
        item["release_date"] = date
        item["release_date_precision"] = {4: "year", 7: "month"}.get(len(date), "day")
    if tracks is not None:
        item["total_tracks"] = tracks
    item.update({"type": "album", "uri": f"spotify:album:{album_id}", "popularity": popularity})
    return item


def _listing(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def release(artists: list[str], title: str, year: int | None, master_year: int | None,
            track_count: int | None, formats: str | list[str], labels: str | list[str],
            catnos: str | list[str], styles: str | list[str] = (), genres: str | list[str] =
            "Classical", display: str | None = None) -> dict[str, Any]:
    """The pipeline's album record for a Discogs release (names already cleaned of "(n)", "*").

    `display` overrides the ", "-joined artist string where Discogs joins with "&", "/" etc.
    """
    return {
        "artist": display or ", ".join(artists), "artists": list(artists), "title": title,
        "year": year, "master_year": master_year, "track_count": track_count,
        "formats": _listing(formats), "labels": _listing(labels), "catnos": _listing(catnos),
        "genres": _listing(genres), "styles": _listing(styles),
    }


class MatchSet:
    """Collects albums and their candidates; writes one file of the match set."""

    def __init__(self, prefix: str, category: str, about: str) -> None:
        self.prefix, self.category, self.about = prefix, category, about
        self.albums: list[dict[str, Any]] = []
        self.catalogue: dict[str, dict[str, Any]] = {}

    def add(self, tags: str, note: str, album: dict[str, Any], ok: list[dict[str, Any]],
            decoys: list[dict[str, Any]], category: str | None = None) -> None:
        for item in [*ok, *decoys]:
            known = self.catalogue.setdefault(item["id"], item)
            assert known == item, f"two different albums share id {item['id']}: {item['name']}"
        ok_ids = [item["id"] for item in ok]
        assert not set(ok_ids) & {d["id"] for d in decoys}, f"{album['title']}: ok and decoy"
        assert 3 <= len(ok) + len(decoys) <= 12, f"{album['title']}: {len(ok) + len(decoys)}"
        self.albums.append({
            "id": f"{self.prefix}-{len(self.albums) + 1:04d}",
            "category": category or self.category,
            "tags": tags.split(),
            "note": note,
            "album": album,
            "acceptable": ok_ids,
        })

    def check(self) -> None:
        ids = [a["id"] for a in self.albums]
        assert len(ids) == len(set(ids))
        keys = Counter((a["album"]["artist"], a["album"]["title"], a["album"]["year"],
                        tuple(a["album"]["catnos"])) for a in self.albums)
        assert not [k for k, n in keys.items() if n > 1], keys.most_common(3)
        for a in self.albums:
            assert a["category"] in CATEGORIES
            assert all(i in self.catalogue for i in a["acceptable"])
        dateless = sum("release_date" not in c for c in self.catalogue.values())
        assert dateless <= 0.05 * len(self.catalogue)

    def write(self, path: Path, extra: dict[str, Any] | None = None) -> None:
        """Write the file; `extra` adds top-level keys (e.g. "holdout_only") after "about"."""
        self.check()
        lines = ['{', f'  "about": {json.dumps(self.about, ensure_ascii=False)},']
        lines += [f'  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},'
                  for k, v in (extra or {}).items()]
        lines += ['  "albums": [']
        lines += [f"    {json.dumps(a, ensure_ascii=False)}," for a in self.albums]
        lines[-1] = lines[-1].rstrip(",")
        lines += ["  ],", '  "catalogue": [']
        lines += [f"    {json.dumps(c, ensure_ascii=False)}," for c in self.catalogue.values()]
        lines[-1] = lines[-1].rstrip(",")
        lines += ["  ]", "}", ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        json.loads(path.read_text(encoding="utf-8"))

    def summary(self) -> str:
        tags = Counter(t for a in self.albums for t in a["tags"])
        absent = sum(not a["acceptable"] for a in self.albums)
        return (f"{len(self.albums)} albums ({absent} not on Spotify), "
                f"{len(self.catalogue)} catalogue items; tags: "
                + ", ".join(f"{t} {n}" for t, n in sorted(tags.items())))
