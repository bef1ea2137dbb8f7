"""Timings of the collection page in headless Chromium, and synthetic collections to time it on.

Importable helper for the benchmark (`measure_page(path, query)`), and a command:
`.venv/bin/python tests/page_timing.py --albums 10000 --query "miles davis"` prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from support import CHROMIUM, CHROMIUM_ARGS

_WORDS = [
    "blue", "night", "river", "gold", "silent", "electric", "dream", "city", "love", "fire",
    "velvet", "echo", "sun", "moon", "glass", "paper", "ghost", "wild", "northern", "southern",
    "summer", "winter", "motion", "stone", "machine", "garden", "ocean", "highway", "honey",
    "shadow", "crystal", "thunder", "sugar", "midnight", "morning", "radio", "heart",
]
_GENRES = {
    "Rock": ["Indie Rock", "Prog Rock", "Punk", "Psychedelic Rock", "Hard Rock"],
    "Electronic": ["Techno", "House", "Ambient", "Synth-pop", "IDM"],
    "Jazz": ["Hard Bop", "Modal", "Free Jazz", "Cool Jazz"],
    "Funk / Soul": ["Soul", "Funk", "Disco"],
    "Hip Hop": ["Boom Bap", "Trip Hop"],
    "Folk, World, & Country": ["Folk", "Country", "Afrobeat"],
    "Classical": ["Baroque", "Romantic", "Modern"],
    "Pop": ["Ballad", "Europop", "Chanson"],
    "Reggae": ["Dub", "Roots Reggae"],
}
_MEDIA = ["Vinyl"] * 6 + ["CD"] * 3 + ["Cassette", "File"]
_FORMATS = {
    "Vinyl": [
        "Vinyl, LP, Album", "2xVinyl, LP, Album, Gatefold", 'Vinyl, 12", EP', 'Vinyl, 7", Single'
    ],
    "CD": ["CD, Album", "2xCD, Compilation", "CD, Album, Reissue, Remastered"],
    "Cassette": ["Cassette, Album"],
    "File": ["File, FLAC, Album"],
}
_LANGUAGE_SAMPLES = ["Björk", "Sigur Rós", "Mötley Crüe", "坂本龍一", "فيروز", "Queensrÿche"]


def synthetic_albums(n: int, seed: int = 7) -> list[dict]:
    """n albums in the collection.json album shape, deterministic for a seed."""
    rng = random.Random(seed)
    artists = [
        " ".join(rng.choice(_WORDS).title() for _ in range(rng.randint(1, 3)))
        for _ in range(max(1, n // 4))
    ]
    artists[: len(_LANGUAGE_SAMPLES)] = _LANGUAGE_SAMPLES
    albums = []
    for i in range(n):
        release_id = 100_000 + i * 7
        artist = rng.choice(artists)
        title = " ".join(rng.choice(_WORDS).title() for _ in range(rng.randint(1, 4)))
        genre = rng.choice(list(_GENRES))
        media = rng.choice(_MEDIA)
        year = rng.choice([None] + list(range(1955, 2025)) * 3)
        on_spotify = rng.random() < 0.8
        described = rng.random() < 0.6
        has_cover = rng.random() < 0.9
        albums.append(
            {
                "release_id": release_id,
                "master_id": rng.choice([None, 5_000 + i]),
                "artist": artist,
                "artists": [artist],
                "title": title,
                "year": year,
                "labels": [f"{rng.choice(_WORDS).title()} Records"],
                "catnos": [f"{rng.choice(['LP', 'CD', 'REC', 'XL'])}-{rng.randint(1, 9999):04d}"],
                "formats": [rng.choice(_FORMATS[media])],
                "media": media,
                "genres": [genre],
                "styles": rng.sample(_GENRES[genre], k=min(2, len(_GENRES[genre]))),
                "cover_image": (
                    f"https://i.discogs.test/covers/{release_id}.jpg" if has_cover else None
                ),
                "thumb": f"https://i.discogs.test/thumbs/{release_id}.jpg" if has_cover else None,
                "date_added": f"20{rng.randint(10, 24):02d}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+00:00",
                "rating": rng.choice([None, None, 1, 2, 3, 4, 5]),
                "media_condition": rng.choice(
                    [None, "Near Mint (NM or M-)", "Very Good Plus (VG+)"]
                ),
                "sleeve_condition": rng.choice([None, "Very Good (VG)", "Generic"]),
                "notes": rng.choice([None, "", "Bought at a fair.", "Signed copy"]),
                "custom_fields": {},
                "folder": "Uncategorized",
                "discogs_url": f"https://www.discogs.com/release/{release_id}",
                "album_key": f"{artist.lower()}|{title.lower()}",
                "copies": rng.choice([1] * 9 + [2]),
                "spotify_status": "matched" if on_spotify else "not_found",
                "spotify_url": f"https://open.spotify.com/album/{i:022d}" if on_spotify else None,
                "spotify_match_score": round(rng.uniform(0.8, 1), 3) if on_spotify else None,
                "spotify_name": title if on_spotify else None,
                "spotify_artists": [artist] if on_spotify else [],
                "spotify_release_date": str(year) if on_spotify and year else None,
                "spotify_total_tracks": rng.randint(4, 18) if on_spotify else None,
                "ai_description": (
                    " ".join(rng.choice(_WORDS) for _ in range(80)).capitalize() + "."
                    if described else None
                ),
                "ai_model": "mistral24b" if described else None,
                "ai_language": "en" if described else None,
            }
        )
    return albums


def synthetic_summary(albums: list[dict], demo: bool = True) -> dict:
    """A run summary matching the albums."""
    artists = {a["artist"] for a in albums}
    return {
        "synced_at": "2025-01-15T03:00:00+00:00",
        "albums": len(albums),
        "artists": len(artists),
        "spotify_matched": sum(1 for a in albums if a.get("spotify_url")),
        "ai_described": sum(1 for a in albums if a.get("ai_description")),
        "added": len(albums),
        "removed": 0,
        "source": "demo",
        "demo": demo,
    }


_KEYSTROKES_JS = """
async (query) => {
  const input = document.getElementById("q");
  input.focus();
  input.value = "";
  const times = [];
  for (const ch of query) {
    const t0 = performance.now();
    input.value += ch;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    document.body.getBoundingClientRect();  // include the style and layout work
    times.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));  // let the frame render
  }
  return { times, count: document.getElementById("count").textContent };
}
"""


def _launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def measure_page(path: Path, query: str, browser: Any = None) -> dict:
    """First render and per-keystroke search times (ms) of a page opened from disk."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            owned = _launch(playwright)
            try:
                return measure_page(path, query, owned)
            finally:
                owned.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        # Offline: covers are not fetched, so image decoding does not blur the figures.
        page.route(re.compile(r"^https?://"), lambda route: route.abort())
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_selector("html[data-ready='true']")
        render = page.evaluate(
            """() => {
              const at = (name) => performance.getEntriesByName(name)[0].startTime;
              const fcp = performance.getEntriesByName("first-contentful-paint")[0];
              return {
                first_render_ms: at("app:rendered"),
                script_ms: at("app:rendered") - at("app:start"),
                first_contentful_paint_ms: fcp ? fcp.startTime : null,
                albums: document.querySelectorAll("#grid .card").length,
              };
            }"""
        )
        keys = page.evaluate(_KEYSTROKES_JS, query)
    finally:
        context.close()
    times = sorted(keys["times"])
    return {
        "html_bytes": Path(path).stat().st_size,
        "first_render_ms": round(render["first_render_ms"], 1),
        "script_ms": round(render["script_ms"], 1),
        "first_contentful_paint_ms": (
            round(render["first_contentful_paint_ms"], 1)
            if render["first_contentful_paint_ms"] is not None else None
        ),
        "cards_rendered": render["albums"],
        "keystroke_ms": round(max(times), 2) if times else None,
        "keystroke_median_ms": round(times[len(times) // 2], 2) if times else None,
        "keystrokes": len(times),
        "result_count": keys["count"],
    }


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic collection page and print its timings as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--albums", type=int, default=10_000)
    parser.add_argument("--query", default="blue night")
    parser.add_argument("--out", type=Path, default=None, help="site folder (default: a temp dir)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tasks.export import write_site

    albums = synthetic_albums(args.albums)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        paths = write_site(albums, synthetic_summary(albums), out, "2025-01-15T03:00:00+00:00")
        print(json.dumps(measure_page(paths["html"], args.query), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
