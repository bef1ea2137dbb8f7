"""A local fake of the Discogs, Spotify and EurIA HTTP APIs, stdlib only.

It serves the offline demo (`make run` with no credentials), the end-to-end tests and the
benchmarks. It answers with the real APIs' shapes, status codes, headers and quirks (see
docs in ../shared/api/README.md), from a `Catalog` held in memory:

    with FakeApis(Catalog.load_sample()) as fake:
        os.environ.update(fake.env())
        ...  # run the pipeline; then look at fake.stats

Everything runs on 127.0.0.1 on a free port, in a daemon thread; nothing is global, so several
fakes can run side by side. The module must not import the project's own code: the fake would
then agree with the client's bugs instead of catching them.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import math
import random
import re
import secrets
import socket
import struct
import threading
import time
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote_plus, urlencode, urlsplit

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"

REAL_DISCOGS_URL = "https://api.discogs.com"
REAL_SPOTIFY_API_URL = "https://api.spotify.com/v1"
DISCOGS_WINDOW_S = 60.0
DISCOGS_DEFAULT_LIMIT = 60  # what the headers announce when the fake itself is unlimited
DISCOGS_MAX_PER_PAGE = 100
DISCOGS_DEFAULT_PER_PAGE = 50
SPOTIFY_DEFAULT_LIMIT = 5  # development-mode apps since February 2026
SPOTIFY_MAX_LIMIT = 10
SPOTIFY_MAX_OFFSET = 1000
EURIA_MODELS = ("qwen3", "mistral3", "mistral24b", "llama3", "swiss-ai/Apertus-70B-Instruct-2509",
                "Qwen/Qwen3-Coder-480B-A35B-Instruct")
SERVICES = ("discogs", "spotify", "spotify_token", "euria")
FAULT_ACTIONS = ("status", "timeout", "reset", "malformed")
MAX_LOGGED_CALLS = 10_000

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

_SEARCH_FIELDS = ("album", "artist", "year", "upc", "isrc", "track", "genre", "tag")
_FILTER_START = re.compile(r"(?:^|\s)(" + "|".join(_SEARCH_FIELDS) + r"):")
_BASE62 = re.compile(r"^[0-9A-Za-z]{22}$")
_NAME_SUFFIX = re.compile(r"\s+\(\d+\)$")
# Letters NFKD leaves alone but people type without: Ágætis -> agaetis, Þór -> thor.
_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th", "ł": "l",
                          "đ": "d", "ı": "i"})
_FACT_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


# --------------------------------------------------------------------------- configuration


@dataclass
class Fault:
    """A failure to inject into the matching requests.

    service: "discogs" | "spotify" | "euria" | "spotify_token".
    path / query / title: optional case-insensitive substrings of the request path, of its
    decoded query string, and of the album title the request is about (the search's album
    filter, the prompt's Title line, the looked-up release or album name).
    action: "status" answers `status` with `body` (default: the service's own error shape) and
    `headers`; "timeout" sleeps `seconds` (wall clock, never scaled) then answers normally;
    "reset" closes the connection without answering; "malformed" answers 200 with broken JSON.
    times: how many matching requests it affects; None = all of them.
    """

    service: str
    action: str = "status"
    status: int = 500
    body: str | dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    path: str | None = None
    query: str | None = None
    title: str | None = None
    times: int | None = None

    def __post_init__(self) -> None:
        if self.service not in SERVICES:
            raise ValueError(f"Fault.service must be one of {SERVICES}, not {self.service!r}")
        if self.action not in FAULT_ACTIONS:
            raise ValueError(f"Fault.action must be one of {FAULT_ACTIONS}, not {self.action!r}")


@dataclass
class FakeConfig:
    """Credentials the fake accepts and the knobs that make it slow, strict or broken."""

    discogs_token: str = "demo-discogs-token"  # noqa: S105 - the fake's demo credential
    spotify_client_id: str = "demo-client"
    spotify_client_secret: str = "demo-secret"  # noqa: S105 - the fake's demo credential
    euria_api_key: str = "demo-euria-key"
    euria_product_id: str = "demo-product"
    euria_model: str = "qwen3"
    username: str = "demo"
    # Below 1 every real-world duration shrinks by this factor: rate windows, Retry-After,
    # latencies and token lifetimes, so a benchmark can replay an hour of pacing in seconds.
    time_scale: float = 1.0
    discogs_rate_per_min: int | None = None
    spotify_window_s: float = 30.0
    spotify_max_per_window: int | None = None
    euria_latency_s: float = 0.0
    # With it, each answer takes a random time between euria_latency_s and this (real seconds).
    euria_latency_max_s: float | None = None
    spotify_latency_s: float = 0.0
    discogs_latency_s: float = 0.0
    euria_max_concurrency: int | None = None
    token_expires_in: int = 3600
    faults: list[Fault] = field(default_factory=list)


@dataclass
class FakeStats:
    """A snapshot of what the fake has seen; Counters answer 0 for what never happened.

    endpoints keys: "discogs.collection", "discogs.fields", "discogs.value", "discogs.release",
    "discogs.master", "spotify_token.token", "spotify.search", "spotify.album", "euria.chat",
    "euria.models", and "<service>.unknown" for paths the fake does not serve.
    calls: (service, method, path?query) of the first 10,000 requests, in arrival order.
    """

    requests: Counter[str] = field(default_factory=Counter)
    endpoints: Counter[str] = field(default_factory=Counter)
    rate_limited: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    euria_max_concurrency: int = 0
    euria_latency_s: float = 0.0  # the answers' latencies added up (wall seconds, scaled)
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.requests.values())


# --------------------------------------------------------------------------- catalog


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

    spotify and descriptions are keyed "artist|title" (any spelling: keys are normalized).
    Treat a catalog as read-only once a FakeApis serves it.
    """

    releases: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(STANDARD_FIELDS))
    spotify: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    spotify_albums: dict[str, dict[str, Any]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    value: dict[str, str] = field(
        default_factory=lambda: {"minimum": "€0.00", "median": "€0.00", "maximum": "€0.00"})
    masters: dict[int, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.spotify = {normalize_key(*_split_key(k)): v for k, v in self.spotify.items()}
        self.descriptions = {normalize_key(*_split_key(k)): v
                             for k, v in self.descriptions.items()}
        self.masters = {int(k): v for k, v in self.masters.items()}
        self._spotify_by_title: dict[str, list[str]] = {}
        for key in self.spotify:
            self._spotify_by_title.setdefault(_split_key(key)[1], []).append(key)
        self._spotify_words = {k: frozenset(k.replace("|", " ").split()) for k in self.spotify}
        self._desc_by_title: dict[str, list[str]] = {}
        for key in self.descriptions:
            self._desc_by_title.setdefault(_split_key(key)[1], []).append(key)
        self._simplified: dict[str, dict[str, Any]] = {}
        for items in self.spotify.values():
            for item in items:
                self._simplified.setdefault(item["id"], item)
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
        return _build_synthetic(n, seed)

    # -- lookups (server side)

    def release(self, release_id: int) -> dict[str, Any] | None:
        return self._release_by_id.get(release_id)

    def master_releases(self, master_id: int) -> list[dict[str, Any]]:
        return self._by_master.get(master_id, [])

    def search_spotify(self, artist: str | None, title: str | None,
                       free: str | None) -> list[dict[str, Any]]:
        """Candidates for a search: artist+title, else the title alone, else free-text words."""
        if title is not None:
            ntitle = normalize_text(title)
            if artist is not None:
                exact = self.spotify.get(f"{normalize_text(artist)}|{ntitle}")
                if exact is not None:
                    return list(exact)
            return _merge(self.spotify[k] for k in self._spotify_by_title.get(ntitle, ()))
        words = normalize_text(" ".join(x for x in (artist, free) if x)).split()
        if not words:
            return []
        if artist is not None and not free:
            nartist = normalize_text(artist)
            return _merge(v for k, v in self.spotify.items() if _split_key(k)[0] == nartist)
        wanted = set(words)
        return _merge(self.spotify[k] for k, have in self._spotify_words.items()
                      if wanted <= have)

    def spotify_album(self, album_id: str) -> dict[str, Any] | None:
        """The full album: stored, else built from a search result with made-up tracks."""
        if album_id in self.spotify_albums:
            return self.spotify_albums[album_id]
        simple = self._simplified.get(album_id)
        return _full_album(simple) if simple else None

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


# --------------------------------------------------------------------------- synthetic catalog

_ADJ = ["Silver", "Hollow", "Electric", "Quiet", "Golden", "Broken", "Velvet", "Distant",
        "Crimson", "Paper", "Midnight", "Northern", "Burning", "Glass", "Wild", "Lonely",
        "Tender", "Static", "Neon", "Blue", "Secret", "Frozen", "Restless", "Open", "Sleeping",
        "Bright", "Lost", "Young", "Pale", "Heavy", "Slow", "Hidden", "Sunken", "Early"]
_NOUN = ["River", "Garden", "Machine", "Mirror", "Harbour", "Season", "Signal", "Forest",
         "Motel", "Canyon", "Echo", "Lantern", "Parade", "Orbit", "Island", "Letter", "Engine",
         "Fever", "Meadow", "Tide", "Circus", "Highway", "Window", "Comet", "Kingdom", "Ritual",
         "Harvest", "Satellite", "Shelter", "Horizon", "Temple", "Carousel", "Archive", "Delta"]
_FIRST = ["Ada", "Bruno", "Chloé", "Dario", "Elif", "Finn", "Greta", "Hugo", "Inès", "Jonas",
          "Kira", "Luka", "Maëlle", "Nils", "Olga", "Pau", "Rosa", "Søren", "Tomás", "Uma",
          "Vera", "Wim", "Yara", "Zoë", "Björn", "Émile", "Noor", "Ilse", "Marta", "Oskar"]
_LAST = ["Lindqvist", "Moreau", "Okafor", "Brandt", "Castillo", "Nakamura", "Ferreira", "Kovač",
         "Dubois", "Hale", "Novak", "Reyes", "Sauer", "Thorne", "Varga", "Weiss", "Yilmaz",
         "Zanetti", "Abara", "Bellamy", "Costa", "Duarte", "Eriksen", "Fontaine", "Grieg"]
_GENRES = [("Rock", ["Indie Rock", "Alternative Rock"]), ("Electronic", ["Techno", "Ambient"]),
           ("Jazz", ["Hard Bop", "Modal"]), ("Hip Hop", ["Boom Bap", "Conscious"]),
           ("Folk, World, & Country", ["Folk", "Afrobeat"]), ("Pop", ["Synth-pop", "Dream Pop"]),
           ("Funk / Soul", ["Soul", "Disco"]), ("Classical", ["Baroque", "Modern"])]
_LABELS = ["Rough Trade", "Warp Records", "Blue Note", "Sub Pop", "Domino", "4AD", "Ninja Tune",
           "Matador", "XL Recordings", "Stax", "Ghostly International", "Not On Label"]
_CONDITIONS = ["Mint (M)", "Near Mint (NM or M-)", "Very Good Plus (VG+)", "Very Good (VG)"]
_VARIOUS = {"name": "Various", "anv": "", "join": "", "role": "", "tracks": "", "id": 194,
            "resource_url": ""}  # Discogs leaves it empty for Various


def discogs_image_urls(release_id: int, seed: object = "") -> tuple[str, str]:
    """(thumb, cover_image) shaped like i.discogs.com's signed image-proxy URLs."""
    stamp = 1_300_000_000 + _stable_int("stamp", release_id, seed) % 400_000_000
    number = _stable_int(release_id) % 9000 + 1000
    source = f"s3://discogs-database-images/R-{release_id}-{stamp}-{number}.jpeg"
    encoded = base64.urlsafe_b64encode(source.encode()).decode().rstrip("=")
    path = "/".join(encoded[i:i + 16] for i in range(0, len(encoded), 16))

    def url(quality: int, size: int) -> str:
        signature = base64.urlsafe_b64encode(hashlib.sha256(
            f"{source}{quality}{size}".encode()).digest()).decode().rstrip("=")[:43]
        return (f"https://i.discogs.com/{signature}/rs:fit/g:sm/q:{quality}/h:{size}/w:{size}/"
                f"{path}.jpeg")

    return url(40, 150), url(90, 600)


def _discogs_artist(name: str, artist_id: int, anv: str = "", join: str = "") -> dict[str, Any]:
    return {"name": name, "anv": anv, "join": join, "role": "", "tracks": "", "id": artist_id,
            "resource_url": f"{REAL_DISCOGS_URL}/artists/{artist_id}"}


def _simplified_album(name: str, artist: str, release_date: str, total_tracks: int,
                      album_type: str = "album", *id_parts: object) -> dict[str, Any]:
    album_id = spotify_id("album", name, artist, release_date, *id_parts)
    artist_id = spotify_id("artist", artist)
    image = hashlib.sha1(album_id.encode()).hexdigest()  # noqa: S324 - an id, not security
    return {
        "album_type": album_type,
        "total_tracks": total_tracks,
        "external_urls": {"spotify": f"https://open.spotify.com/album/{album_id}"},
        "href": f"{REAL_SPOTIFY_API_URL}/albums/{album_id}",
        "id": album_id,
        "images": [
            {"url": f"https://i.scdn.co/image/ab67616d0000b273{image[:24]}", "height": 640,
             "width": 640},
            {"url": f"https://i.scdn.co/image/ab67616d00001e02{image[:24]}", "height": 300,
             "width": 300},
            {"url": f"https://i.scdn.co/image/ab67616d00004851{image[:24]}", "height": 64,
             "width": 64},
        ],
        "name": name,
        "release_date": release_date,
        "release_date_precision": "day" if len(release_date) == 10 else "year",
        "type": "album",
        "uri": f"spotify:album:{album_id}",
        "artists": [{
            "external_urls": {"spotify": f"https://open.spotify.com/artist/{artist_id}"},
            "href": f"{REAL_SPOTIFY_API_URL}/artists/{artist_id}",
            "id": artist_id,
            "name": artist,
            "type": "artist",
            "uri": f"spotify:artist:{artist_id}",
        }],
    }


def _unique(rng: random.Random, make: Any, taken: set[str]) -> str:
    for _ in range(50):
        candidate = make()
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    candidate = f"{make()} {len(taken)}"  # word lists exhausted: a number keeps it distinct
    taken.add(candidate)
    return candidate


def _build_synthetic(n: int, seed: int) -> Catalog:
    rng = random.Random(seed)
    artists_taken: set[str] = set()
    titles_taken: set[str] = set()
    release_ids: set[int] = set()
    releases: list[dict[str, Any]] = []
    spotify: dict[str, list[dict[str, Any]]] = {}
    masters: dict[int, dict[str, Any]] = {}
    albums: list[dict[str, Any]] = []  # the distinct albums: artist, title, master, ...
    next_instance = 1_500_000_000 + seed * 1_000_000
    next_master = 100_000 + seed * 100_000

    def new_release_id() -> int:
        while True:
            rid = rng.randint(1_000_000, 30_000_000)
            if rid not in release_ids:
                release_ids.add(rid)
                return rid

    def make_artist() -> str:
        if rng.random() < 0.5:
            return f"The {rng.choice(_ADJ)} {rng.choice(_NOUN)}s"
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    def make_title() -> str:
        if rng.random() < 0.3:
            return f"{rng.choice(_NOUN)}s Of The {rng.choice(_ADJ)} {rng.choice(_NOUN)}"
        return f"{rng.choice(_ADJ)} {rng.choice(_NOUN)}"

    for i in range(n):
        roll = rng.random()
        if albums and roll < 0.04:
            item = copy.deepcopy(rng.choice(releases))  # the same release owned twice
        elif albums and roll < 0.08:
            base = rng.choice(albums)  # another pressing of an album already owned
            item = _synthetic_item(rng, base, new_release_id(), reissue=True)
        else:
            various = roll < 0.12
            genre, styles = rng.choice(_GENRES)
            year = rng.randint(1958, 2024) if rng.random() > 0.02 else 0
            if various:
                artist = "Various"
                title = _unique(rng, lambda g=genre: (
                    f"{rng.choice(_ADJ)} {rng.choice(_NOUN)}: {g.split(',')[0]} Sounds "
                    f"{rng.randint(1960, 1990)}-{rng.randint(1991, 2020)}"), titles_taken)
                credits = [copy.deepcopy(_VARIOUS)]
            else:
                artist = _unique(rng, make_artist, artists_taken)
                title = _unique(rng, make_title, titles_taken)
                name = artist
                if rng.random() < 0.05:
                    name = f"{artist} ({rng.randint(2, 9)})"  # Discogs' homonym suffix
                credits = [_discogs_artist(name, 10_000 + _stable_int(artist) % 9_000_000)]
            master_id = 0
            if rng.random() > 0.15:
                next_master += rng.randint(1, 50)
                master_id = next_master
            album = {"artist": artist, "title": title, "credits": credits, "year": year,
                     "genre": genre, "styles": rng.sample(styles, k=rng.randint(1, 2)),
                     "label": rng.choice(_LABELS), "master_id": master_id,
                     "tracks": rng.randint(6, 14), "various": various}
            albums.append(album)
            item = _synthetic_item(rng, album, new_release_id(), reissue=False)
            if master_id:
                masters[master_id] = {"id": master_id, "title": title,
                                      "year": year or rng.randint(1960, 2020),
                                      "main_release": item["id"]}
            if rng.random() > 0.08:
                spotify[f"{artist}|{title}"] = _synthetic_candidates(rng, album)
        item["instance_id"] = next_instance + i * 7 + rng.randint(0, 6)
        item["date_added"] = _pacific_iso(1_420_000_000 + i * 86_400 + rng.randint(0, 80_000))
        releases.append(item)

    owned = sum(1 for _ in releases)
    value = {"minimum": _euros(owned * 6.35), "median": _euros(owned * 11.8),
             "maximum": _euros(owned * 24.1)}
    return Catalog(releases=releases, spotify=spotify, value=value, masters=masters)


def _synthetic_item(rng: random.Random, album: dict[str, Any], release_id: int,
                    reissue: bool) -> dict[str, Any]:
    medium = "CD" if reissue and rng.random() < 0.6 else rng.choice(["Vinyl", "Vinyl", "CD",
                                                                      "Cassette"])
    descriptions = {"Vinyl": ["LP", "Album"], "CD": ["Album"], "Cassette": ["Album"]}[medium]
    if reissue:
        descriptions = [*descriptions, "Reissue", "Remastered"]
    year = album["year"]
    if reissue:
        year = min(2024, (year or 1990) + rng.randint(5, 30))
    thumb, cover = discogs_image_urls(release_id)
    label_id = 1_000 + _stable_int(album["label"]) % 900_000
    item: dict[str, Any] = {
        "id": release_id,
        "instance_id": 0,
        "folder_id": 1,
        "rating": rng.choice([0, 0, 0, 3, 4, 5]),
        "basic_information": {
            "id": release_id,
            "master_id": album["master_id"],
            "master_url": (f"{REAL_DISCOGS_URL}/masters/{album['master_id']}"
                           if album["master_id"] else None),
            "resource_url": f"{REAL_DISCOGS_URL}/releases/{release_id}",
            "thumb": thumb,
            "cover_image": cover,
            "title": album["title"],
            "year": year,
            "formats": [{"name": medium, "qty": "1", "descriptions": descriptions}],
            "labels": [{"name": album["label"],
                        "catno": f"{album['label'][:3].upper()} {rng.randint(1, 999):03d}",
                        "entity_type": "1", "entity_type_name": "Label", "id": label_id,
                        "resource_url": f"{REAL_DISCOGS_URL}/labels/{label_id}"}],
            "artists": copy.deepcopy(album["credits"]),
            "genres": [album["genre"]],
            "styles": list(album["styles"]),
        },
    }
    if rng.random() < 0.7:
        item["notes"] = [{"field_id": 1, "value": rng.choice(_CONDITIONS)},
                         {"field_id": 2, "value": rng.choice(_CONDITIONS)}]
    return item


def _synthetic_candidates(rng: random.Random, album: dict[str, Any]) -> list[dict[str, Any]]:
    artist = "Various Artists" if album["various"] else album["artist"]
    year = album["year"] or rng.randint(1960, 2020)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    kind = "compilation" if album["various"] else "album"
    right = _simplified_album(album["title"], artist, date, album["tracks"], kind)
    out = [right]
    if rng.random() < 0.4:
        deluxe = _simplified_album(f"{album['title']} (Deluxe Edition)", artist,
                                   f"{min(2024, year + rng.randint(10, 40))}-03-01",
                                   album["tracks"] + rng.randint(3, 12), kind)
        out.insert(rng.randint(0, 1), deluxe)  # Spotify sometimes ranks the deluxe first
    if rng.random() < 0.3:
        other = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        out.append(_simplified_album(album["title"], other, f"{rng.randint(1970, 2024)}",
                                     rng.randint(4, 12)))
    if rng.random() < 0.3:
        out.append(_simplified_album(f"{album['title']} (Live)", artist,
                                     f"{min(2024, year + 2)}-06-12", album["tracks"]))
    return out


def _pacific_iso(epoch: int) -> str:
    # Discogs stamps date_added in US Pacific time: -07:00 in summer, -08:00 in winter.
    month = time.gmtime(epoch).tm_mon
    offset = -7 if 4 <= month <= 10 else -8
    t = time.gmtime(epoch + offset * 3600)
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) + f"{offset:+03d}:00"


def _euros(amount: float) -> str:
    return f"€{amount:,.2f}"


# --------------------------------------------------------------------------- HTTP plumbing


@dataclass
class _Request:
    method: str
    path: str
    query_string: str
    query: dict[str, list[str]]
    headers: Message
    body: bytes

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class _Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"
    reset: bool = False


def _json(status: int, payload: Any, headers: dict[str, str] | None = None,
          rewrite: tuple[str, str] | None = None) -> _Response:
    text = json.dumps(payload, ensure_ascii=False)
    if rewrite:  # links in the body point at the server that answered, as they do for real
        text = text.replace(f'"{rewrite[0]}', f'"{rewrite[1]}')
    return _Response(status, text.encode("utf-8"), dict(headers or {}))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, fake: FakeApis) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as requests.Session expects
    server_version = "FakeApis/1.0"
    timeout = 60  # an idle keep-alive connection frees its thread eventually
    wbufsize = -1  # headers and body leave in one write...
    server: _Server

    def setup(self) -> None:
        super().setup()
        # ...and without Nagle's delay, which otherwise adds ~40 ms to every keep-alive answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # requests are counted in stats; stderr noise would drown test output

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        request = _Request(method, parts.path, parts.query,
                           parse_qs(parts.query, keep_blank_values=True), self.headers, body)
        response = self.server.fake._dispatch(request)
        if response.reset:
            # Linger 0 makes close() send RST: the client sees a reset, not a clean answer.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (its timeout fired first)


# --------------------------------------------------------------------------- the fake


class FakeApis:
    """The three fake APIs on one local port; a context manager (close() frees the port)."""

    def __init__(self, catalog: Catalog | None = None, config: FakeConfig | None = None) -> None:
        self.catalog = catalog if catalog is not None else Catalog.load_sample()
        self.config = config or FakeConfig()
        if self.config.time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self._lock = threading.Lock()
        self._stats = FakeStats()
        self._fault_left: list[int | None] = [f.times for f in self.config.faults]
        self._discogs_hits: deque[float] = deque()
        self._spotify_hits: deque[float] = deque()
        self._tokens: dict[str, float] = {}  # access token -> monotonic expiry
        self._euria_in_flight = 0
        self._server = _Server(self)
        self.port: int = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.discogs_url = f"{self.base_url}/discogs"
        self.spotify_api_url = f"{self.base_url}/spotify/v1"
        self.spotify_accounts_url = f"{self.base_url}/spotify-accounts"
        self.euria_url = f"{self.base_url}/euria/1/ai/{self.config.euria_product_id}/openai"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name=f"fake-apis-{self.port}", daemon=True)
        self._thread.start()
        self._closed = False

    # -- lifecycle

    def __enter__(self) -> FakeApis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and free the port (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- public helpers

    def env(self) -> dict[str, str]:
        """Environment variables that point the pipeline at this fake."""
        c = self.config
        return {
            "DISCOGS_API_URL": self.discogs_url,
            "DISCOGS_USERNAME": c.username,
            "DISCOGS_TOKEN": c.discogs_token,
            "SPOTIFY_API_URL": self.spotify_api_url,
            "SPOTIFY_ACCOUNTS_URL": self.spotify_accounts_url,
            "SPOTIFY_CLIENT_ID": c.spotify_client_id,
            "SPOTIFY_CLIENT_SECRET": c.spotify_client_secret,
            "EURIA_API_URL": self.euria_url,
            "EURIA_API_KEY": c.euria_api_key,
            "EURIA_PRODUCT_ID": c.euria_product_id,
            "EURIA_MODEL": c.euria_model,
        }

    @property
    def stats(self) -> FakeStats:
        """A consistent copy of the counters."""
        with self._lock:
            return copy.deepcopy(self._stats)

    def reset_stats(self) -> None:
        with self._lock:
            self._stats = FakeStats()

    def expire_spotify_tokens(self) -> None:
        """Every token issued so far now answers 401 "The access token expired"."""
        with self._lock:
            for token in self._tokens:
                self._tokens[token] = 0.0

    # -- dispatch

    def _scaled(self, seconds: float) -> float:
        return seconds * self.config.time_scale

    def _retry_after(self, wait_s: float) -> str:
        # Real servers send whole seconds (at least 1). Scaled down, whole seconds would be
        # far too long, so the header then holds the wall-clock wait as a decimal string.
        if self.config.time_scale == 1:
            return str(max(1, math.ceil(wait_s)))
        return f"{max(wait_s, 0.001):.3f}"

    def _route(self, path: str) -> tuple[str, str, list[str]]:
        """(service, endpoint, path parts after the service prefix)."""
        parts = [p for p in path.split("/") if p]
        if not parts:
            return "unknown", "unknown", []
        head, rest = parts[0], parts[1:]
        if head == "discogs":
            if len(rest) == 6 and rest[0] == "users" and rest[2:4] == ["collection", "folders"] \
                    and rest[5] == "releases":
                return "discogs", "collection", rest
            if len(rest) == 4 and rest[0] == "users" and rest[2] == "collection" \
                    and rest[3] in ("fields", "value"):
                return "discogs", rest[3], rest
            if len(rest) == 2 and rest[0] in ("releases", "masters"):
                return "discogs", rest[0][:-1], rest
            return "discogs", "unknown", rest
        if head == "spotify-accounts":
            return "spotify_token", "token" if rest == ["api", "token"] else "unknown", rest
        if head == "spotify":
            if rest[:1] != ["v1"]:
                return "spotify", "unknown", rest
            rest = rest[1:]
            if rest == ["search"]:
                return "spotify", "search", rest
            if rest[:1] == ["albums"] and len(rest) <= 2:
                return "spotify", "album", rest
            return "spotify", "unknown", rest
        if head == "euria":
            # /euria/1/ai/{product}/openai/...
            if len(rest) >= 4 and rest[0] == "1" and rest[1] == "ai" and rest[3] == "openai":
                tail = rest[4:]
                if tail == ["chat", "completions"]:
                    return "euria", "chat", rest
                if tail == ["models"]:
                    return "euria", "models", rest
            return "euria", "unknown", rest
        return "unknown", "unknown", parts

    def _dispatch(self, req: _Request) -> _Response:
        service, endpoint, parts = self._route(req.path)
        target = req.path + (f"?{req.query_string}" if req.query_string else "")
        with self._lock:
            s = self._stats
            s.requests[service] += 1
            s.endpoints[f"{service}.{endpoint}"] += 1
            if len(s.calls) < MAX_LOGGED_CALLS:
                s.calls.append((service, req.method, target))
        fault = self._take_fault(service, req, endpoint, parts)
        if fault is not None:
            with self._lock:
                self._stats.faults[service] += 1
            if fault.action == "timeout":
                time.sleep(fault.seconds)
            else:
                return self._fault_response(service, fault)
        handler = {
            "discogs": self._discogs, "spotify": self._spotify,
            "spotify_token": self._spotify_token, "euria": self._euria,
        }.get(service)
        if handler is None:
            return _json(404, {"message": "Not found"})
        return handler(req, endpoint, parts)

    # -- faults

    def _take_fault(self, service: str, req: _Request, endpoint: str,
                    parts: list[str]) -> Fault | None:
        if not self.config.faults:
            return None
        title: str | None = None
        title_known = False
        for i, fault in enumerate(self.config.faults):
            if fault.service != service:
                continue
            if fault.path and fault.path.casefold() not in req.path.casefold():
                continue
            if fault.query and fault.query.casefold() not in \
                    unquote_plus(req.query_string).casefold():
                continue
            if fault.title:
                if not title_known:
                    title, title_known = self._request_title(service, req, endpoint, parts), True
                if not title or fault.title.casefold() not in title.casefold():
                    continue
            with self._lock:
                left = self._fault_left[i]
                if left is not None:
                    if left <= 0:
                        continue
                    self._fault_left[i] = left - 1
            return fault
        return None

    def _request_title(self, service: str, req: _Request, endpoint: str,
                       parts: list[str]) -> str | None:
        """The album title a request is about, for Fault.title."""
        try:
            if service == "discogs" and endpoint in ("release", "master"):
                if endpoint == "release":
                    item = self.catalog.release(int(parts[1]))
                    return item["basic_information"]["title"] if item else None
                master = self._master(int(parts[1]))
                return master["title"] if master else None
            if service == "spotify" and endpoint == "search":
                filters, free, _ = parse_search_query(req.param("q") or "")
                return filters.get("album") or free or None
            if service == "spotify" and endpoint == "album" and len(parts) == 2:
                return self.catalog.spotify_album_name(parts[1])
            if service == "euria" and endpoint == "chat":
                facts = prompt_facts(_user_text(json.loads(req.body or b"{}")))
                return facts.get("title")
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        return None

    def _fault_response(self, service: str, fault: Fault) -> _Response:
        if fault.action == "reset":
            return _Response(0, reset=True)
        if fault.action == "malformed":
            broken = b'{"pagination": {"page": 1, "items": 3, "urls": {}}, "releases": [{"id": 1'
            if service != "discogs":
                broken = b'{"id": "x", "choices": [{"message": {"content": "trunc'
            return _Response(200, broken, dict(fault.headers))
        if isinstance(fault.body, str):
            return _Response(fault.status, fault.body.encode("utf-8"), dict(fault.headers))
        body = fault.body if fault.body is not None else _default_error(service, fault.status)
        return _json(fault.status, body, fault.headers)

    # -- Discogs

    def _discogs_headers(self, used: int) -> dict[str, str]:
        limit = self.config.discogs_rate_per_min
        if limit is None:
            # Unlimited: announce a fresh window every time so header-driven pacing never waits.
            return {"X-Discogs-Ratelimit": str(DISCOGS_DEFAULT_LIMIT),
                    "X-Discogs-Ratelimit-Used": "1",
                    "X-Discogs-Ratelimit-Remaining": str(DISCOGS_DEFAULT_LIMIT - 1)}
        return {"X-Discogs-Ratelimit": str(limit), "X-Discogs-Ratelimit-Used": str(used),
                "X-Discogs-Ratelimit-Remaining": str(max(0, limit - used))}

    def _discogs(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config
        window = self._scaled(DISCOGS_WINDOW_S)
        now = time.monotonic()
        with self._lock:
            hits = self._discogs_hits
            while hits and hits[0] <= now - window:
                hits.popleft()
            used = len(hits)

        def reply(status: int, payload: Any) -> _Response:
            return _json(status, payload, self._discogs_headers(used),
                         rewrite=(REAL_DISCOGS_URL, self.discogs_url))

        if not (req.headers.get("User-Agent") or "").strip():
            return reply(403, {"message": "Please identify your application with a User-Agent."})
        auth = req.headers.get("Authorization") or ""
        token = auth[len("Discogs token="):] if auth.startswith("Discogs token=") else \
            req.param("token")
        if token != cfg.discogs_token:
            return reply(401, {"message": "You must authenticate to access this resource."})
        limit = cfg.discogs_rate_per_min
        with self._lock:
            while hits and hits[0] <= now - window:
                hits.popleft()
            if limit is not None and len(hits) >= limit:
                used = len(hits)
                self._stats.rate_limited["discogs"] += 1
                limited = True
            else:
                hits.append(now)
                used = len(hits)
                limited = False
        if limited:
            return reply(429, {"message": "You are making requests too quickly."})
        if cfg.discogs_latency_s:
            time.sleep(self._scaled(cfg.discogs_latency_s))
        if req.method != "GET":
            return reply(405, {"message": "Method not allowed."})

        if endpoint in ("collection", "fields", "value"):
            if parts[1].casefold() != cfg.username.casefold():
                return reply(404, {"message": "User does not exist or may have been deleted."})
            if endpoint == "fields":
                return reply(200, {"fields": self.catalog.fields})
            if endpoint == "value":
                return reply(200, self.catalog.value)
            return self._discogs_collection(req, parts, reply)
        if endpoint in ("release", "master"):
            try:
                ident = int(parts[1])
            except ValueError:
                return reply(404, {"message": "The requested resource was not found."})
            if endpoint == "release":
                item = self.catalog.release(ident)
                if item is None:
                    return reply(404, {"message": "Release not found."})
                return reply(200, self._release_detail(item))
            master = self._master(ident)
            if master is None:
                return reply(404, {"message": "Master Release not found."})
            return reply(200, master)
        return reply(404, {"message": "The requested resource was not found."})

    def _discogs_collection(self, req: _Request, parts: list[str], reply: Any) -> _Response:
        username, folder = parts[1], parts[4]
        items = self.catalog.releases
        if folder != "0":
            try:
                folder_id = int(folder)
            except ValueError:
                return reply(404, {"message": "Folder not found."})
            items = [r for r in items if r.get("folder_id") == folder_id]
            if not items and folder_id != 1:
                return reply(404, {"message": "Folder not found."})
        items = _sort_collection(items, req.param("sort"), req.param("sort_order"))
        per_page = _int_param(req.param("per_page"), DISCOGS_DEFAULT_PER_PAGE)
        per_page = min(DISCOGS_MAX_PER_PAGE, max(1, per_page))  # Discogs clamps silently
        page = max(1, _int_param(req.param("page"), 1))
        pages = max(1, math.ceil(len(items) / per_page))
        if page > pages:
            return reply(404, {"message": f"Page {page} is outside of valid range."})
        base = f"{REAL_DISCOGS_URL}/users/{username}/collection/folders/{folder}/releases"
        extra = {k: v[0] for k, v in req.query.items()
                 if k not in ("page", "per_page", "token") and v}

        def link(p: int) -> str:
            return f"{base}?{urlencode({'page': p, 'per_page': per_page, **extra})}"

        urls: dict[str, str] = {}
        if page > 1:
            urls["first"], urls["prev"] = link(1), link(page - 1)
        if page < pages:
            urls["last"], urls["next"] = link(pages), link(page + 1)
        start = (page - 1) * per_page
        return reply(200, {
            "pagination": {"page": page, "pages": pages, "per_page": per_page,
                           "items": len(items), "urls": urls},
            "releases": items[start:start + per_page],
        })

    def _release_detail(self, item: dict[str, Any]) -> dict[str, Any]:
        bi = item["basic_information"]
        rid = int(item["id"])
        artists = bi.get("artists") or []
        display = discogs_display_artist(artists)
        tracklist = self._tracklist(display, bi)
        year = bi.get("year") or 0
        detail = {
            "id": rid, "status": "Accepted", "year": year,
            "resource_url": f"{REAL_DISCOGS_URL}/releases/{rid}",
            "uri": f"https://www.discogs.com/release/{rid}-"
                   + re.sub(r"[^A-Za-z0-9]+", "-", f"{display} {bi['title']}").strip("-"),
            "artists": artists,
            "artists_sort": " ".join(_NAME_SUFFIX.sub("", a.get("name", "")) for a in artists),
            "labels": bi.get("labels") or [], "series": [], "companies": [],
            "formats": bi.get("formats") or [],
            "data_quality": "Needs Vote",
            "community": {"have": 100 + _stable_int("have", rid) % 20_000,
                          "want": 10 + _stable_int("want", rid) % 9_000},
            "format_quantity": sum(int(f.get("qty") or 1) for f in bi.get("formats") or []),
            "master_id": bi.get("master_id") or 0,
            "master_url": bi.get("master_url"),
            "title": bi["title"],
            "country": "Europe",
            "released": str(year) if year else "",
            "notes": "",
            "identifiers": [],
            "genres": bi.get("genres") or [],
            "styles": bi.get("styles") or [],
            "tracklist": tracklist,
            "extraartists": [],
            "thumb": bi.get("thumb") or "",
        }
        if not bi.get("master_id"):
            del detail["master_id"], detail["master_url"]  # absent, not 0, on /releases
        return detail

    def _tracklist(self, display_artist: str, bi: dict[str, Any]) -> list[dict[str, Any]]:
        medium = ((bi.get("formats") or [{}])[0].get("name") or "").lower()
        candidates = self.catalog.search_spotify(display_artist, bi["title"], None)
        wanted = normalize_text(bi["title"])
        # A stored full album is the right answer; else a result with exactly this name.
        album = next((self.catalog.spotify_albums[c["id"]] for c in candidates
                      if c["id"] in self.catalog.spotify_albums), None) or \
            next((self.catalog.spotify_album(c["id"]) for c in candidates
                  if normalize_text(c.get("name", "")) == wanted), None)
        tracks = (album or {}).get("tracks", {}).get("items") or [
            {"name": f"Track {n}", "duration_ms": 150_000 + 17_000 * n} for n in range(1, 9)]
        out = []
        for n, t in enumerate(tracks):
            if medium == "vinyl":
                half = math.ceil(len(tracks) / 2)
                position = f"{'AB'[n >= half]}{n % half + 1}"
            else:
                position = str(n + 1)
            seconds = round((t.get("duration_ms") or 0) / 1000)
            out.append({"position": position, "type_": "track", "title": t.get("name", ""),
                        "duration": f"{seconds // 60}:{seconds % 60:02d}"})
        return out

    def _master(self, master_id: int) -> dict[str, Any] | None:
        items = self.catalog.master_releases(master_id)
        override = self.catalog.masters.get(master_id, {})
        if not items and not override:
            return None
        bi = items[0]["basic_information"] if items else {}
        years = [r["basic_information"].get("year") for r in items]
        main = override.get("main_release") or (items[0]["id"] if items else 0)
        master = {
            "id": master_id,
            "main_release": main,
            "most_recent_release": max([r["id"] for r in items] or [main]),
            "resource_url": f"{REAL_DISCOGS_URL}/masters/{master_id}",
            "uri": f"https://www.discogs.com/master/{master_id}",
            "versions_url": f"{REAL_DISCOGS_URL}/masters/{master_id}/versions",
            "main_release_url": f"{REAL_DISCOGS_URL}/releases/{main}",
            "title": bi.get("title", ""),
            "artists": bi.get("artists", []),
            "genres": bi.get("genres", []),
            "styles": bi.get("styles", []),
            "year": min([y for y in years if y] or [0]),
            "tracklist": [],
            "data_quality": "Correct",
        }
        master.update({k: v for k, v in override.items() if k != "id"})
        return master

    # -- Spotify accounts

    def _spotify_token(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        def oauth_error(status: int, error: str, description: str) -> _Response:
            return _json(status, {"error": error, "error_description": description})

        if endpoint != "token":
            return _json(404, {"error": {"status": 404, "message": "Not found"}})
        if req.method != "POST":
            return _json(405, {"error": {"status": 405, "message": "Method not allowed"}})
        form = parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True)
        client_id = (form.get("client_id") or [None])[0]
        client_secret = (form.get("client_secret") or [None])[0]
        auth = req.headers.get("Authorization") or ""
        if auth.startswith("Basic "):
            try:
                decoded = base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8")
                client_id, _, client_secret = decoded.partition(":")
            except (ValueError, UnicodeDecodeError):
                return oauth_error(400, "invalid_client", "Invalid client")
        grant = (form.get("grant_type") or [None])[0]
        if grant is None:
            return oauth_error(400, "unsupported_grant_type", "grant_type parameter is missing")
        if grant != "client_credentials":
            return oauth_error(400, "unsupported_grant_type",
                               "grant_type must be client_credentials, authorization_code or "
                               "refresh_token")
        if client_id != self.config.spotify_client_id or \
                client_secret != self.config.spotify_client_secret:
            return oauth_error(400, "invalid_client", "Invalid client")
        token = "BQ" + secrets.token_urlsafe(84)
        with self._lock:
            self._tokens[token] = time.monotonic() + self._scaled(self.config.token_expires_in)
        return _json(200, {"access_token": token, "token_type": "Bearer",
                           "expires_in": self.config.token_expires_in})

    # -- Spotify Web API

    def _spotify(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config

        def error(status: int, message: str, headers: dict[str, str] | None = None) -> _Response:
            return _json(status, {"error": {"status": status, "message": message}}, headers)

        auth = req.headers.get("Authorization") or ""
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            return error(401, "No token provided")
        with self._lock:
            expiry = self._tokens.get(auth[7:].strip())
        if expiry is None:
            return error(401, "Invalid access token")
        now = time.monotonic()
        if now >= expiry:
            return error(401, "The access token expired")
        window = self._scaled(cfg.spotify_window_s)
        with self._lock:
            hits = self._spotify_hits
            while hits and hits[0] <= now - window:
                hits.popleft()
            wait = None
            if cfg.spotify_max_per_window is not None and len(hits) >= cfg.spotify_max_per_window:
                wait = hits[0] + window - now
                self._stats.rate_limited["spotify"] += 1
            else:
                hits.append(now)
        if wait is not None:
            return error(429, "API rate limit exceeded", {"Retry-After": self._retry_after(wait)})
        if cfg.spotify_latency_s:
            time.sleep(self._scaled(cfg.spotify_latency_s))
        if req.method != "GET":
            return error(405, "Method not allowed")
        if endpoint == "search":
            return self._spotify_search(req, error)
        if endpoint == "album":
            if len(parts) == 1:
                # The batch endpoint GET /albums?ids= is gone for development-mode apps.
                return error(403, "Forbidden")
            album_id = parts[1]
            if not _BASE62.match(album_id):
                return error(400, "Invalid base62 id")
            album = self.catalog.spotify_album(album_id)
            if album is None:
                return error(404, "Resource not found")
            return _json(200, album, rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))
        return error(404, "Service not found")

    def _spotify_search(self, req: _Request, error: Any) -> _Response:
        q = req.param("q")
        if q is None or not q.strip():
            return error(400, "No search query")
        types = req.param("type")
        if not types:
            return error(400, "Missing parameter type")
        type_list = [t.strip() for t in types.split(",")]
        allowed = {"album", "artist", "playlist", "track", "show", "episode", "audiobook"}
        if not set(type_list) <= allowed:
            return error(400, "Bad search type field")
        limit = _int_param(req.param("limit"), SPOTIFY_DEFAULT_LIMIT, invalid=-1)
        if not 0 < limit <= SPOTIFY_MAX_LIMIT:
            return error(400, "Invalid limit")
        offset = _int_param(req.param("offset"), 0, invalid=-1)
        if not 0 <= offset <= SPOTIFY_MAX_OFFSET:
            return error(400, "Invalid offset")
        filters, free, double_quoted = parse_search_query(q)
        if any(not v.strip() for v in filters.values()):
            return error(400, "Bad search query: empty field filter")
        found: list[dict[str, Any]] = []
        if not double_quoted:  # peers report "..." filters match nothing; so does the fake
            found = self.catalog.search_spotify(filters.get("artist"), filters.get("album"),
                                                free or None)
            if "year" in filters:
                found = [a for a in found if _year_matches(a.get("release_date"),
                                                            filters["year"])]
        page = found[offset:offset + limit]
        href_base = f"{REAL_SPOTIFY_API_URL}/search"

        def href(off: int) -> str:
            params = {"offset": off, "limit": limit, "query": q, "type": types}
            if req.param("market"):
                params["market"] = req.param("market")
            return f"{href_base}?{urlencode(params, quote_via=quote)}"

        payload: dict[str, Any] = {}
        for t in type_list:
            items = page if t == "album" else []
            total = len(found) if t == "album" else 0
            payload[f"{t}s"] = {
                "href": href(offset), "items": items, "limit": limit,
                "next": href(offset + limit) if offset + limit < total else None,
                "offset": offset,
                "previous": href(max(0, offset - limit)) if offset > 0 and total else None,
                "total": total,
            }
        return _json(200, payload, rewrite=(REAL_SPOTIFY_API_URL, self.spotify_api_url))

    # -- EurIA

    def _euria(self, req: _Request, endpoint: str, parts: list[str]) -> _Response:
        cfg = self.config

        def error(status: int, message: str, type_: str, code: str | None,
                  headers: dict[str, str] | None = None) -> _Response:
            return _json(status, {"error": {"message": message, "type": type_, "param": None,
                                            "code": code}}, headers)

        if endpoint == "unknown" or parts[2] != cfg.euria_product_id:
            return _json(404, {"result": "error",
                               "error": {"code": "not_found",
                                         "description": "The requested resource was not found"}})
        auth = req.headers.get("Authorization") or ""
        if auth != f"Bearer {cfg.euria_api_key}":
            return error(401, "Incorrect API key provided.", "invalid_request_error",
                         "invalid_api_key")
        if endpoint == "models":
            if req.method != "GET":
                return error(405, "Method not allowed", "invalid_request_error", None)
            return _json(200, {"object": "list", "data": [
                {"id": m, "object": "model", "created": 1_735_689_600, "owned_by": "infomaniak"}
                for m in EURIA_MODELS]})
        if req.method != "POST":
            return error(405, "Method not allowed", "invalid_request_error", None)
        try:
            body = json.loads(req.body or b"")
        except ValueError:
            return error(400, "We could not parse the JSON body of your request.",
                         "invalid_request_error", None)
        if not isinstance(body, dict):
            return error(400, "The request body must be a JSON object.",
                         "invalid_request_error", None)
        model = body.get("model")
        if not model:
            return error(400, "you must provide a model parameter", "invalid_request_error", None)
        if model not in EURIA_MODELS:
            return error(404, f"The model `{model}` does not exist or you do not have access to "
                              "it.", "invalid_request_error", "model_not_found")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            return error(400, "'messages' must be a non-empty array", "invalid_request_error",
                         None)
        if body.get("stream"):
            return error(400, "stream is not supported by this fake", "invalid_request_error",
                         None)
        max_tokens = body.get("max_tokens")
        if max_tokens is not None and (not isinstance(max_tokens, int) or max_tokens < 1):
            return error(400, "max_tokens must be a positive integer", "invalid_request_error",
                         None)

        with self._lock:
            self._euria_in_flight += 1
            self._stats.euria_max_concurrency = max(self._stats.euria_max_concurrency,
                                                    self._euria_in_flight)
            over = cfg.euria_max_concurrency is not None and \
                self._euria_in_flight > cfg.euria_max_concurrency
            if over:
                self._euria_in_flight -= 1
                self._stats.rate_limited["euria"] += 1
        if over:
            return error(429, "Too many concurrent requests, please retry later.",
                         "rate_limit_error", "rate_limit_exceeded",
                         {"Retry-After": self._retry_after(1.0 * cfg.time_scale)})
        try:
            latency = self._scaled(random.uniform(cfg.euria_latency_s, cfg.euria_latency_max_s)
                                   if cfg.euria_latency_max_s else cfg.euria_latency_s)
            if latency:
                with self._lock:
                    self._stats.euria_latency_s += latency
                time.sleep(latency)
            return _json(200, self._completion(body, model, messages, max_tokens))
        finally:
            with self._lock:
                self._euria_in_flight -= 1

    def _completion(self, body: dict[str, Any], model: str, messages: list[Any],
                    max_tokens: int | None) -> dict[str, Any]:
        facts = prompt_facts(_user_text(body))
        artist, title = facts.get("artist"), facts.get("title")
        text = self.catalog.description(artist, title) if artist and title else None
        if text is None:
            text = grounded_description(facts)
        finish = "stop"
        if max_tokens is not None and len(text) > max_tokens * 4:
            text, finish = text[:max_tokens * 4], "length"  # ~4 characters per token
        prompt_chars = sum(len(_content_text(m.get("content"))) for m in messages
                           if isinstance(m, dict))
        prompt_tokens = math.ceil(prompt_chars / 4) + 4 * len(messages)
        completion_tokens = math.ceil(len(text) / 4)
        return {
            "id": f"chatcmpl-{secrets.token_hex(12)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "logprobs": None, "finish_reason": finish}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        }


# --------------------------------------------------------------------------- pure helpers


def parse_search_query(q: str) -> tuple[dict[str, str], str, bool]:
    """Split a Spotify q into field filters, free text, and whether a filter was double-quoted.

    A single-quoted value runs to the last quote before the next filter, so an apostrophe
    inside a title (album:'What's Going On') does not end it.
    """
    filters: dict[str, str] = {}
    free: list[str] = []
    double_quoted = False
    starts = list(_FILTER_START.finditer(q))
    free.append(q[:starts[0].start()] if starts else q)
    for i, m in enumerate(starts):
        name = m.group(1)
        end = starts[i + 1].start() if i + 1 < len(starts) else len(q)
        segment = q[m.end():end].rstrip()
        rest = ""
        if segment.startswith("'"):
            close = segment.rfind("'")
            if close > 0:
                value, rest = segment[1:close], segment[close + 1:]
            else:
                value = segment[1:]
        elif segment.startswith('"'):
            double_quoted = True
            close = segment.find('"', 1)
            value, rest = (segment[1:close], segment[close + 1:]) if close > 0 else \
                (segment[1:], "")
        else:
            value, _, rest = segment.partition(" ")
        filters[name] = value
        free.append(rest)
    return filters, " ".join(" ".join(free).split()), double_quoted


def _year_matches(release_date: Any, wanted: str) -> bool:
    year = str(release_date or "")[:4]
    if not year.isdigit():
        return False
    low, _, high = wanted.partition("-")
    try:
        return int(low) <= int(year) <= int(high or low)
    except ValueError:
        return False


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # OpenAI content parts
        return "\n".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def _user_text(body: dict[str, Any]) -> str:
    messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
    users = [m for m in messages if m.get("role") == "user"] or messages
    return _content_text(users[-1].get("content")) if users else ""


def prompt_facts(text: str) -> dict[str, str]:
    """The "Name: value" lines of a prompt, keyed by lowercased name (first one wins)."""
    facts: dict[str, str] = {}
    for m in _FACT_LINE.finditer(text):
        key = m.group(1).strip().lower()
        if m.group(2) and key not in facts:
            facts[key] = m.group(2)
    return facts


def grounded_description(facts: dict[str, str]) -> str:
    """A plain description built only from the facts the prompt gave (for unknown albums)."""
    artist = facts.get("artist") or "an unnamed artist"
    title = facts.get("title") or "This record"
    year = facts.get("year") or facts.get("released") or ""
    year = year if year[:4].isdigit() and year[:4] != "0000" and year != "0" else ""
    label = facts.get("label") or facts.get("labels") or ""
    genres = facts.get("genres") or facts.get("genre") or ""
    styles = facts.get("styles") or facts.get("style") or ""
    fmt = facts.get("format") or facts.get("formats") or ""
    various = artist.casefold() in ("various", "various artists")
    text = f"{title} is a {year + ' ' if year else ''}"
    text += "compilation gathering several artists" if various else f"record by {artist}"
    text += f", issued on {label}." if label else "."
    if genres or styles:
        text += " It is catalogued under " + ", ".join(x for x in (genres, styles) if x) + "."
    if fmt:
        text += f" The copy in this collection is a {fmt} edition."
    text += (" The catalogue gives no further detail about its recording, its musicians or its "
             "reception, so this note keeps to the facts listed for the collection rather than "
             "guessing at them.")
    return text


def _int_param(value: str | None, default: int, invalid: int | None = None) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        return default if invalid is None else invalid


def _sort_collection(items: list[dict[str, Any]], sort: str | None,
                     order: str | None) -> list[dict[str, Any]]:
    def first(bi: dict[str, Any], key: str, sub: str) -> str:
        values = bi.get(key) or [{}]
        return str(values[0].get(sub) or "").casefold()

    keys = {
        "added": lambda r: r.get("date_added") or "",
        "artist": lambda r: discogs_display_artist(r["basic_information"].get("artists") or [])
        .casefold(),
        "title": lambda r: r["basic_information"].get("title", "").casefold(),
        "year": lambda r: r["basic_information"].get("year") or 0,
        "rating": lambda r: r.get("rating") or 0,
        "label": lambda r: first(r["basic_information"], "labels", "name"),
        "catno": lambda r: first(r["basic_information"], "labels", "catno"),
        "format": lambda r: first(r["basic_information"], "formats", "name"),
    }
    if sort not in keys:
        return list(items)
    return sorted(items, key=keys[sort], reverse=(order == "desc"))


def _default_error(service: str, status: int) -> dict[str, Any]:
    messages = {429: "Too many requests", 500: "Internal server error", 502: "Bad gateway",
                503: "Service unavailable", 504: "Gateway timeout", 401: "Unauthorized",
                404: "Not found", 400: "Bad request", 403: "Forbidden"}
    message = messages.get(status, f"HTTP {status}")
    if service == "discogs":
        return {"message": message}
    if service == "spotify":
        return {"error": {"status": status, "message": message}}
    if service == "spotify_token":
        return {"error": "server_error", "error_description": message}
    return {"error": {"message": message, "type": "server_error", "param": None, "code": None}}


def main() -> None:
    """Serve the fake APIs in the foreground and print the variables that point at them."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--synthetic", type=int, metavar="N",
                        help="serve N synthetic albums instead of data/sample")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    catalog = Catalog.synthetic(args.synthetic, args.seed) if args.synthetic else \
        Catalog.load_sample()
    with FakeApis(catalog) as fake:
        for name, value in fake.env().items():
            print(f"export {name}={value}")
        print("# serving; Ctrl-C to stop", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
