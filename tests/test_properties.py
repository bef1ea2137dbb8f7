"""Property tests (hypothesis): normalization takes any Unicode; the page carries any string."""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tasks.export import collection_document, render_page, write_site
from tasks.normalize import (
    ZERO_WIDTH_CHARS,
    album_key,
    clean_artist_name,
    clean_text,
    fold_words,
    normalize_artist,
    normalize_title,
    strip_edition,
)

# Characters that broke text code somewhere once: invisible, combining, bidi, ligatures,
# case-changing, line separators, controls, and both halves of a surrogate pair on their own
# (JSON's "\ud83c" escape decodes to one; hypothesis' default alphabet never draws them).
NASTY = list(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u0301\u0308\u20dd\u202e\u202d\u2066\u200f"
    "\u2028\u2029\u0085\x00\x1b\x7f\r\n\t\u00a0\u3000ßİıﬁǅΣς\u0345ﷺ™®©℗²½"
    "\ud83c\udfb8\ud800\udfff*()[]{}-–—:/&+'’`´…."
) + ["🎸", "が", "ق", "\U0001d400", "Frost*", " (2)", "The ", ", The", "Remaster", "EP"]
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.sampled_from(NASTY))
ANY_TEXT = st.lists(ANY_CHAR, max_size=40).map("".join)

NORMALIZERS = [clean_text, clean_artist_name, normalize_artist, normalize_title, strip_edition,
               fold_words]


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- normalization -----------------------------------------------------------------------------


@settings(max_examples=600)
@given(ANY_TEXT)
@example("\ud83c")
@example("Sci\u200b-\u200bFi Lullabies")
@example("Nirvana (2) (3)*")
def test_normalizers_never_raise_and_are_idempotent(text):
    for normalize in NORMALIZERS:
        once = normalize(text)
        assert isinstance(once, str)
        assert normalize(once) == once, normalize.__name__


@settings(max_examples=400)
@given(ANY_TEXT, ANY_TEXT)
@example("℠ (2)", "t")  # found by Hypothesis: the suffix hid behind a trade mark
def test_album_key_never_raises_and_is_stable_under_display_cleanup(artist, title):
    key = album_key(artist, title)
    assert isinstance(key, str) and "|" in key
    # The API and the CSV export clean names before keying them: the key must not care.
    assert album_key(clean_artist_name(artist), clean_text(title)) == key


@settings(max_examples=400)
@given(ANY_TEXT)
def test_clean_text_leaves_no_invisible_or_control_characters(text):
    cleaned = clean_text(text)
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not set(cleaned) & set(ZERO_WIDTH_CHARS)
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)
    if _utf8(cleaned):
        assert unicodedata.is_normalized("NFC", cleaned)


@settings(max_examples=300)
@given(ANY_TEXT)
@example("Broken \ud83c emoji")
def test_clean_text_output_is_always_utf8(text):
    assert _utf8(clean_text(text))
    assert _utf8(album_key(text, text))


# --- export ------------------------------------------------------------------------------------

SUMMARY = {"synced_at": "2025-01-15T03:00:00+00:00", "albums": 1, "artists": 1, "added": 1,
           "removed": 0, "spotify_matched": 0, "ai_described": 1, "source": "api"}


def album(text: str, field_name: str = "Cost") -> dict:
    """An album whose every free-text field is text."""
    return {
        "release_id": 249504, "copy_no": 1, "master_id": None, "artist": text,
        "artists": [text], "title": text, "year": 1968, "labels": [text], "catnos": [text],
        "formats": [text], "media": "Vinyl", "genres": [text], "styles": [text],
        "cover_image": None, "thumb": None, "date_added": "2024-11-10T16:03:17Z",
        "rating": 4, "media_condition": text, "sleeve_condition": text, "notes": text,
        "custom_fields": {field_name: text}, "folder": text,
        "discogs_url": "https://www.discogs.com/release/249504", "album_key": text,
        "copies": 1, "spotify_status": None, "spotify_url": None, "spotify_match_score": None,
        "spotify_name": text, "spotify_artists": [text], "spotify_release_date": None,
        "spotify_total_tracks": None, "spotify_image": None, "ai_description": text,
        "ai_model": "qwen3", "ai_language": "en",
    }


class Page(HTMLParser):
    """The tags of a page as a browser's tokenizer sees them, and the text of each script."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.titles: list[str] = []
        self._in: str | None = None
        self._attrs: dict = {}
        self._text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag in ("script", "title"):
            self._in, self._attrs, self._text = tag, dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        self.tags.append((f"/{tag}", ()))
        if tag == self._in:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._attrs, text))
            else:
                self.titles.append(text)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def _as_written(text: str) -> str:
    """What the export keeps of a string: itself, lone surrogates replaced (not UTF-8)."""
    return text if _utf8(text) else text.encode("utf-8", "replace").decode("utf-8")


def _baseline(text: str) -> str:
    # The same emptiness: blank genres are left out of the chart, an empty source unsaid.
    return "x" if text.strip() else text


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
@example("</script><script>alert(1)</script>")
@example("<!--<script>")
@example("\u2028\u2029")
@example("\ud800\udc00")  # a pair split in two code points: json.loads would join it
def test_any_string_round_trips_through_the_page_and_never_breaks_out(text):
    summary = {**SUMMARY, "source": text}
    # A field name with lone surrogates is the xfail test at the end of this file.
    document = collection_document([album(text, field_name=_as_written(text))], summary,
                                   "2025-01-15T03:00:00+00:00")
    page = render_page(document)

    parsed = Page(page)
    [data] = [body for attrs, body in parsed.scripts if attrs.get("type") == "application/json"]
    assert len(parsed.scripts) == 2
    assert data.isascii() and not set(data) & set("<>&")
    embedded = json.loads(data)
    assert embedded == document
    entry = embedded["albums"][0]
    for key in ("artist", "title", "ai_description", "notes", "spotify_name"):
        assert entry[key] == _as_written(text), key
    assert entry["genres"] == [_as_written(text)]
    assert embedded["summary"]["source"] == _as_written(text)
    assert len(re.findall(r"</script", page, flags=re.IGNORECASE)) == 2

    # Escaped everywhere else too: the page has the same elements as with a plain string.
    other = _baseline(text)
    plain = render_page(collection_document([album(other)], {**SUMMARY, "source": other},
                                            "2025-01-15T03:00:00+00:00"))
    assert parsed.tags == Page(plain).tags
    if text.strip() and "\r" not in text and "\x00" not in text:
        # The genre chart's tooltip shows the genre itself, unescaped by the parser.
        genre = _as_written(text).strip()
        assert f"{genre}: 1 album" in parsed.titles


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_TEXT)
def test_any_string_survives_the_written_files(text):
    with tempfile.TemporaryDirectory() as folder:
        paths = write_site([album(text)], {**SUMMARY, "source": text}, Path(folder),
                           generated_at="2025-01-15T03:00:00+00:00")
        document = json.loads(paths["json"].read_text(encoding="utf-8"))
        page = paths["html"].read_text(encoding="utf-8")
    assert document["albums"][0]["title"] == _as_written(text)
    [data] = [body for attrs, body in Page(page).scripts if attrs.get("type")]
    assert json.loads(data) == document


def test_a_custom_field_name_with_half_a_surrogate_pair_is_written(tmp_path):
    name = json.loads('"Cost \\ud83c"')
    paths = write_site([album("x", field_name=name)], SUMMARY, tmp_path)
    document = json.loads(paths["json"].read_text(encoding="utf-8"))
    [(key, value)] = document["albums"][0]["custom_fields"].items()
    assert (key[:5], len(key), value) == ("Cost ", 6, "x")
