"""Pure tests of the export: the document, the page's embedded data, CSP hashes, site files."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.export import (
    ALBUM_KEYS,
    album_to_entry,
    collection_document,
    decade_counts,
    genre_counts,
    json_for_script,
    page_stats,
    render_page,
    safe_url,
    write_site,
)

GENERATED_AT = "2025-01-15T03:00:00+00:00"
SUMMARY = {
    "synced_at": "2025-01-15T03:00:00+00:00",
    "albums": 2,
    "artists": 2,
    "spotify_matched": 1,
    "ai_described": 1,
    "added": 2,
    "removed": 0,
    "source": "api",
    "demo": False,
}
XSS_VECTORS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "</SCRIPT ><script>alert(1)</script>",
    "<!-- <script>",
    "]]></script>",
    "\"quotes\" & 'apostrophes' `backticks`",
    "line\u2028separator\u2029paragraph",
    "emoji 🎸🔥 RTL فيروز CJK 坂本龍一",
    "nul\x00 and controls \x1b\x7f",
]


def make_album(**overrides: object) -> dict:
    """A full album record as the flow hands it over (CONTRACTS.md plus enrichment)."""
    album = {
        "release_id": 249504,
        "instance_id": 123456789,
        "copy_no": 1,
        "folder": "1",
        "master_id": 3232,
        "artist": "Simon & Garfunkel",
        "artists": ["Simon & Garfunkel"],
        "title": "Bookends",
        "year": 1968,
        "labels": ["Columbia"],
        "catnos": ["KCS 9529"],
        "formats": ["Vinyl, LP, Album, Stereo"],
        "media": "Vinyl",
        "genres": ["Rock", "Folk, World, & Country"],
        "styles": ["Folk Rock"],
        "cover_image": "https://i.discogs.com/cover/249504.jpg",
        "thumb": "https://i.discogs.com/thumb/249504.jpg",
        "date_added": "2024-11-10T16:03:17+00:00",
        "rating": 4,
        "media_condition": "Very Good Plus (VG+)",
        "sleeve_condition": "Very Good (VG)",
        "notes": "Gatefold",
        "custom_fields": {"Cost": "15"},
        "discogs_url": "https://www.discogs.com/release/249504",
        "album_key": "simon and garfunkel|bookends",
        "copies": 1,
        "spotify_status": "matched",
        "spotify_url": "https://open.spotify.com/album/5gxI8fMB8A8s4ZLcm3Ao6w",
        "spotify_match_score": 0.97,
        "spotify_name": "Bookends",
        "spotify_artists": ["Simon & Garfunkel"],
        "spotify_release_date": "1968-04-03",
        "spotify_total_tracks": 12,
        "spotify_image": "https://i.scdn.co/image/ab67616d0000b273",
        "spotify_candidate_url": None,
        "ai_description": "A concept side about ageing, then the singles.",
        "ai_model": "mistral24b",
        "ai_language": "en",
    }
    album.update(overrides)
    return album


class _ScriptBlocks(HTMLParser):
    """Collects <script>, <style> and the CSP meta the way a browser tokenizes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.csp: str | None = None
        self._open: tuple[str, dict] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.csp = attributes["content"]
        if tag in ("script", "style"):
            self._open, self._text = (tag, attributes), []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            content = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._open[1], content))
            else:
                self.styles.append(content)
            self._open = None


def parse_page(page: str) -> _ScriptBlocks:
    parser = _ScriptBlocks()
    parser.feed(page)
    parser.close()
    return parser


def embedded_document(page: str) -> dict:
    """The collection document read back from the page's JSON block."""
    blocks = [text for attrs, text in parse_page(page).scripts if attrs.get("type")]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_album_to_entry_keeps_display_keys_and_drops_copy_ids():
    album = make_album()
    expected = {key: album[key] for key in ALBUM_KEYS}
    assert album_to_entry(album) == expected
    assert "instance_id" not in album_to_entry(album)


def test_album_to_entry_fills_missing_values():
    entry = album_to_entry({"release_id": 7, "artist": None, "title": None})
    assert entry == {
        **dict.fromkeys(ALBUM_KEYS),
        "release_id": 7,
        "artists": [], "labels": [], "catnos": [], "formats": [], "genres": [], "styles": [],
        "spotify_artists": [],
        "custom_fields": {},
        "copies": 1,
        "discogs_url": "https://www.discogs.com/release/7",
    }


def test_album_to_entry_makes_values_json_ready():
    entry = album_to_entry(
        make_album(spotify_match_score=float("nan"), labels=("A", "B"), year=1968.0, rating=None)
    )
    assert entry["spotify_match_score"] is None
    assert entry["labels"] == ["A", "B"]
    assert entry["rating"] is None
    json.dumps(entry, allow_nan=False)


def test_collection_document_whole_value():
    albums = [make_album(), make_album(release_id=2, title="Other", spotify_url=None)]
    document = collection_document(albums, SUMMARY, GENERATED_AT)
    assert document == {
        "generated_at": GENERATED_AT,
        "summary": SUMMARY,
        "albums": [album_to_entry(a) for a in albums],
    }
    assert list(document["albums"][0]) == list(ALBUM_KEYS)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x.jpg",
        "/relative/path.jpg",
        "https://",
        "https://exa mple.com/",
        "",
        42,
        None,
    ],
)
def test_unsafe_urls_are_dropped(url):
    assert safe_url(url) is None
    entry = album_to_entry(
        make_album(
            spotify_url=url, cover_image=url, thumb=url, discogs_url=url, spotify_image=url
        )
    )
    assert [entry[k] for k in ("spotify_url", "cover_image", "thumb", "spotify_image")] == [
        None, None, None, None
    ]
    assert entry["discogs_url"] == "https://www.discogs.com/release/249504"


@pytest.mark.parametrize(
    "url",
    ["https://open.spotify.com/album/abc", "http://img.example/a.jpg?x=1&y=2", "HTTPS://A.B/c"],
)
def test_http_urls_are_kept(url):
    assert safe_url(url) == url


def test_javascript_urls_never_reach_the_page():
    albums = [make_album(spotify_url="javascript:alert(1)", discogs_url="javascript:alert(2)")]
    page = render_page(collection_document(albums, SUMMARY, GENERATED_AT))
    assert "javascript:" not in page.lower()
    assert embedded_document(page)["albums"][0]["spotify_url"] is None


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_script_breakout_vectors_round_trip(vector):
    albums = [
        make_album(
            title=vector, artist=vector, artists=[vector], notes=vector, ai_description=vector,
            labels=[vector], genres=[vector], custom_fields={vector: vector},
        )
    ]
    document = collection_document(albums, {**SUMMARY, "source": vector}, GENERATED_AT)
    page = render_page(document)
    assert embedded_document(page) == document
    blocks = parse_page(page)
    assert len(blocks.scripts) == 2  # the data block and the app: nothing broke out
    assert page.count("</script>") == 2
    data = [text for attrs, text in blocks.scripts if attrs.get("type")][0]
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}


@given(st.text())
def test_json_for_script_is_inert_and_lossless(value):
    document = {"generated_at": value, "summary": {value: value}, "albums": [{"title": value}]}
    text = json_for_script(document)
    assert text.isascii()
    assert not set(text) & {"<", ">", "&"}
    assert json.loads(text) == document


def test_csp_hashes_match_inline_blocks():
    page = render_page(collection_document([make_album()], SUMMARY, GENERATED_AT))
    blocks = parse_page(page)
    directives = dict(part.strip().split(" ", 1) for part in blocks.csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "https: http: data:"

    def source(text: str) -> str:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        return f"'sha256-{digest}'"

    (style,) = blocks.styles
    (script,) = [text for attrs, text in blocks.scripts if not attrs]
    assert directives["style-src"] == source(style)
    assert directives["script-src"] == source(script)
    assert "unsafe-inline" not in blocks.csp


def test_page_has_no_inline_handlers_or_style_attributes():
    page = render_page(collection_document([make_album()], SUMMARY, GENERATED_AT))
    assert not re.search(r"\son[a-z]+\s*=", page.split('<script type="application/json"')[0])
    assert " style=" not in page
    assert "innerHTML" not in page
    assert not re.search(r"<(script|link|iframe|object|embed)\b[^>]*\s(src|href)=\"(?!data:)", page)


def test_header_counts_charts_and_footer():
    albums = [
        make_album(),
        make_album(release_id=2, artists=["Björk"], artist="Björk", genres=["Electronic"],
                   year=1997, spotify_url=None, ai_description="  "),
        make_album(release_id=3, year=None, genres=[]),
    ]
    page = render_page(collection_document(albums, SUMMARY, GENERATED_AT))
    assert "<dt>Albums</dt><dd>3</dd>" in page
    assert "<dt>Artists</dt><dd>2</dd>" in page
    assert "<dt>On Spotify</dt><dd>67%</dd>" in page
    assert "<dt>AI described</dt><dd>67%</dd>" in page
    assert 'href="#genre=Folk%2C%20World%2C%20%26%20Country"' in page
    assert 'href="#decade=1990"' in page and 'href="#decade=unknown"' in page
    assert 'Data provided by <a href="https://www.discogs.com/">Discogs</a>' in page
    assert '<time datetime="2025-01-15T03:00:00+00:00">15 Jan 2025, 03:00 UTC</time>' in page
    assert "DEMO" not in page


def test_demo_banner_shows_when_summary_says_demo():
    page = render_page(collection_document([], {**SUMMARY, "demo": True}, GENERATED_AT))
    assert '<p class="demo-banner" role="note"><strong>DEMO</strong>' in page
    assert "No genre data." in page


def test_page_stats_and_chart_counts():
    albums = [
        make_album(artists=["A", "B"], genres=["Rock", "Rock"], year=1968),
        make_album(artists=[], artist="a", genres=["Jazz"], year=1961, spotify_url="ftp://x"),
        make_album(
            artists=None, artist=None, genres=None, year=0, ai_description=None, spotify_url=None
        ),
    ]
    assert page_stats(albums) == {"albums": 3, "artists": 2, "spotify": 1, "described": 2}
    assert genre_counts(albums) == [("Jazz", 1), ("Rock", 1)]
    assert decade_counts(albums) == [(1960, 2), (None, 1)]


def test_write_site_writes_both_files(tmp_path):
    out = tmp_path / "site"
    albums = [make_album(title=XSS_VECTORS[1])]
    paths = write_site(albums, SUMMARY, out, generated_at=GENERATED_AT)
    assert paths == {"html": out / "index.html", "json": out / "collection.json"}
    document = collection_document(albums, SUMMARY, GENERATED_AT)
    assert json.loads(paths["json"].read_text(encoding="utf-8")) == document
    assert paths["html"].read_text(encoding="utf-8") == render_page(document)
    assert sorted(p.name for p in out.iterdir()) == ["collection.json", "index.html"]


def test_write_site_replaces_previous_files_and_stamps_utc(tmp_path):
    write_site([make_album()], SUMMARY, tmp_path, generated_at=GENERATED_AT)
    paths = write_site([], SUMMARY, tmp_path)
    document = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert document["albums"] == []
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", document["generated_at"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.json", "index.html"]


def test_page_assets_are_static_files():
    page_dir = Path(__file__).resolve().parents[1] / "tasks" / "page"
    assert {p.name for p in page_dir.iterdir()} >= {"template.html", "style.css", "app.js"}


def test_numbers_from_pandas_like_values_are_plain():
    class FakeNumpyScalar:
        def tolist(self) -> int:
            return 5

    entry = album_to_entry(make_album(rating=FakeNumpyScalar(), spotify_match_score=math.inf))
    assert (entry["rating"], entry["spotify_match_score"]) == (5, None)
    entry = album_to_entry(make_album(spotify_match_score=Decimal("0.875")))
    assert entry["spotify_match_score"] == 0.875
