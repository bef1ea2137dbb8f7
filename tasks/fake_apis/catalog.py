"""The catalogue the fakes serve: the collection, the Spotify results and the descriptions."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .search import FakeSearch

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "sample"

REAL_DISCOGS_URL = "https://api.discogs.com"
REAL_SPOTIFY_API_URL = "https://api.spotify.com/v1"

STANDARD_FIELDS: list[dict[str, Any]] = [
    {"id": 1, "name": "Media Condition", "position": 1, "public": True, "type": "dropdown",
     "options": ["Mint (M)", "Near Mint (NM or M-)", "Very Good Plus (VG+)", "Very Good (VG)",
                 "Good Plus (G+)", "Good (G)", "Fair (F)", "Poor (P)"]},
    {"id": 2, "name": "Sleeve Condition", "position": 2, "public": False, "type": "dropdown",
     "options": ["Generic", "No Cover", "Mint (M)", "Near Mint (NM or M-)",
                 "Very Good Plus (VG+)", "Very Good (VG)", "Good Plus (G+)", "Good (G)",
                 "Fair (F)", "Poor (P)"]},
    {"id": 3, "name": "Notes", "position": 3, "public": True, "type": "textarea", "lines": 3},
]


_NAME_SUFFIX = re.compile(r"\s+\(\d+\)$")
# Letters NFKD leaves alone but people type without: Ágætis -> agaetis, Þór -> thor.
_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th", "ł": "l",
                          "đ": "d", "ı": "i"})


def normalize_text(text: str) -> str:
    """Lowercase, accents and apostrophes dropped, other punctuation as spaces (the fake's own)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(_LETTERS)
    text = re.sub("['\u2018\u2019`\u00b4]", "", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def normalize_key(artist: str, title: str) -> str:
    """The fake's lookup key "artist|title", both sides normalized."""
    return f"{normalize_text(artist)}|{normalize_text(title)}"


def _split_key(key: str) -> tuple[str, str]:
    artist, _, title = key.partition("|")
    return artist, title


def discogs_display_artist(artists: list[dict[str, Any]]) -> str:
    """The credit as printed: ANV when set, "(n)" suffix dropped, joins kept."""
    out = ""
    for i, a in enumerate(artists):
        name = (a.get("anv") or a.get("name") or "").strip()
        out += _NAME_SUFFIX.sub("", name)
        join = (a.get("join") or "").strip()
        if i < len(artists) - 1:
            out += f" {join} " if join and join != "," else ", "
    return " ".join(out.split())


@dataclass
class Catalog:
    """What the fake APIs know: the collection, the Spotify results and the descriptions.

    spotify and descriptions are keyed "artist|title" (any spelling: keys are normalized); a
    spotify list holds the albums a search for that album would show, in Spotify's ranking.
    spotify_catalogue holds more albums, searchable but filed under no key (a labeled set's
    catalogue, ranked by `popularity`). Every album of both is searched by one strict engine
    (search.FakeSearch: development-mode rules), so a query finds what its words match, not
    what a key says. Treat a catalog as read-only once a FakeApis serves it.
    """

    releases: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(STANDARD_FIELDS))
    spotify: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    spotify_albums: dict[str, dict[str, Any]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    value: dict[str, str] = field(
        default_factory=lambda: {"minimum": "€0.00", "median": "€0.00", "maximum": "€0.00"})
    masters: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Release id -> the tracklist /releases/{id} shows (else one built from the album's
    # Spotify tracks); [] for an empty one, None for a release that answers 404.
    tracklists: dict[int, list[dict[str, Any]] | None] = field(default_factory=dict)
    spotify_catalogue: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spotify = {normalize_key(*_split_key(k)): v for k, v in self.spotify.items()}
        self.descriptions = {normalize_key(*_split_key(k)): v
                             for k, v in self.descriptions.items()}
        self.masters = {int(k): v for k, v in self.masters.items()}
        self.tracklists = {int(k): v for k, v in self.tracklists.items()}
        self._spotify_by_title: dict[str, list[str]] = {}
        for key in self.spotify:
            self._spotify_by_title.setdefault(_split_key(key)[1], []).append(key)
        self._desc_by_title: dict[str, list[str]] = {}
        for key in self.descriptions:
            self._desc_by_title.setdefault(_split_key(key)[1], []).append(key)
        self._simplified: dict[str, dict[str, Any]] = {}
        for items in [*self.spotify.values(), self.spotify_catalogue]:
            for item in items:
                self._simplified.setdefault(item["id"], item)
        # Catalogue order is the keyed lists' order (their ranking where nothing has popularity).
        self.spotify_search = FakeSearch(list(self._simplified.values()))
        self._release_by_id: dict[int, dict[str, Any]] = {}
        self._by_master: dict[int, list[dict[str, Any]]] = {}
        for item in self.releases:
            self._release_by_id.setdefault(int(item["id"]), item)
            master_id = item["basic_information"].get("master_id")
            if master_id:
                self._by_master.setdefault(int(master_id), []).append(item)

    # -- loading

    @classmethod
    def load_sample(cls, dir: str | Path = SAMPLE_DIR) -> Catalog:
        """The bundled demo collection (data/sample)."""
        base = Path(dir)

        def read(name: str) -> Any:
            return json.loads((base / name).read_text(encoding="utf-8"))

        masters = {}
        if (base / "discogs_masters.json").exists():
            masters = {m["id"]: m for m in read("discogs_masters.json")}
        return cls(
            releases=read("discogs_collection.json"),
            fields=read("discogs_fields.json")["fields"],
            spotify=read("spotify_search.json"),
            spotify_albums=read("spotify_albums.json"),
            descriptions=read("euria_descriptions.json"),
            value=read("discogs_value.json"),
            masters=masters,
        )

    @classmethod
    def synthetic(cls, n: int, seed: int = 0) -> Catalog:
        """n collection items with matching Spotify results; descriptions are made on the fly.

        Deterministic for a seed. About 4% are a second copy of a release already owned, 4% a
        second pressing (another release of the same master), 4% 'Various' compilations and 8%
        of the albums are not on Spotify.
        """
        from .synthetic import build_synthetic  # it builds Catalogs

        return build_synthetic(n, seed)

    # -- lookups (server side)

    def release(self, release_id: int) -> dict[str, Any] | None:
        return self._release_by_id.get(release_id)

    def master_releases(self, master_id: int) -> list[dict[str, Any]]:
        return self._by_master.get(master_id, [])

    def spotify_results(self, artist: str, title: str) -> list[dict[str, Any]]:
        """The albums filed under this album (by artist and title, else by title alone)."""
        ntitle = normalize_text(title)
        exact = self.spotify.get(f"{normalize_text(artist)}|{ntitle}")
        if exact is not None:
            return list(exact)
        return _merge(self.spotify[k] for k in self._spotify_by_title.get(ntitle, ()))

    def spotify_album(self, album_id: str) -> dict[str, Any] | None:
        """The full album: stored, else built from a search result with made-up tracks."""
        if album_id in self.spotify_albums:
            return self.spotify_albums[album_id]
        simple = self._simplified.get(album_id)
        return _full_album(simple) if simple else None

    def artist_albums(self, artist_id: str) -> list[dict[str, Any]] | None:
        """The albums crediting this Spotify artist, newest first; None for an unknown artist."""
        found = [a for a in self._simplified.values()
                 if any(isinstance(x, dict) and x.get("id") == artist_id
                        for x in a.get("artists") or ())]
        if not found:
            return None
        return sorted(found, key=lambda a: str(a.get("release_date") or ""), reverse=True)

    def spotify_album_name(self, album_id: str) -> str | None:
        album = self.spotify_albums.get(album_id) or self._simplified.get(album_id)
        return album.get("name") if album else None

    def description(self, artist: str, title: str) -> str | None:
        ntitle = normalize_text(title)
        text = self.descriptions.get(f"{normalize_text(artist)}|{ntitle}")
        if text is None:
            keys = self._desc_by_title.get(ntitle, [])
            if len(keys) == 1:  # a title shared by two artists must not borrow the other's text
                text = self.descriptions[keys[0]]
        return text


def _merge(lists: Any) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for items in lists:
        for item in items:
            if item["id"] not in seen:
                seen.add(item["id"])
                out.append(item)
    return out


def _stable_int(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def spotify_id(*parts: object) -> str:
    """A deterministic 22-character base62 id, shaped like Spotify's."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n = int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest(), "big")
    chars = []
    for _ in range(22):
        n, r = divmod(n, 62)
        chars.append(alphabet[r])
    return "".join(chars)


def _full_album(simple: dict[str, Any]) -> dict[str, Any]:
    album = copy.deepcopy(simple)
    album_id = album["id"]
    total = int(album.get("total_tracks") or 10)
    rng = random.Random(_stable_int("tracks", album_id))
    items = []
    for n in range(1, total + 1):
        track_id = spotify_id("track", album_id, n)
        items.append({
            "artists": copy.deepcopy(album.get("artists", [])),
            "disc_number": 1,
            "duration_ms": rng.randint(95_000, 420_000),
            "explicit": False,
            "external_urls": {"spotify": f"https://open.spotify.com/track/{track_id}"},
            "href": f"{REAL_SPOTIFY_API_URL}/tracks/{track_id}",
            "id": track_id,
            "name": f"Track {n}",
            "track_number": n,
            "type": "track",
            "uri": f"spotify:track:{track_id}",
        })
    album["tracks"] = {
        "href": f"{REAL_SPOTIFY_API_URL}/albums/{album_id}/tracks?offset=0&limit=50",
        "items": items[:50], "limit": 50, "next": None, "offset": 0, "previous": None,
        "total": total,
    }
    year = str(album.get("release_date", ""))[:4]
    album.setdefault("copyrights", [{"text": f"{year} {album['artists'][0]['name']}",
                                     "type": "C"}] if album.get("artists") else [])
    album.setdefault("genres", [])
    return album

