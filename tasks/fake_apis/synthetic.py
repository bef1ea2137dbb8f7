"""A synthetic catalogue of any size, deterministic for a seed (Catalog.synthetic)."""

from __future__ import annotations

import base64
import copy
import hashlib
import random
import time
from typing import Any

from .catalog import REAL_DISCOGS_URL, REAL_SPOTIFY_API_URL, Catalog, _stable_int, spotify_id

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


def build_synthetic(n: int, seed: int) -> Catalog:
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
