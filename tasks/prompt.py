"""The EurIA prompt for one album, from its Discogs facts and the templates in prompts/ (pure)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

# Bump whenever a file in prompts/ changes: tests pin prompt_fingerprint() to this version, and
# the enrichment cache should key on it so that new prompts re-describe the collection.
PROMPT_VERSION = "2026-11-v1"
PROMPTS_DIR = Path(__file__).parent / "prompts"

DEFAULT_LANGUAGE = "en"
DEFAULT_MAX_CHARS = 500
ELLIPSIS = "…"
MAX_TRACKS = 40  # tracklist lines sent to the model; box sets would otherwise flood the prompt
MAX_FIELD_CHARS = 300  # one fact value (a title, a label) in the prompt

LANGUAGES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "es": "Spanish",
    "nl": "Dutch",
    "pt": "Portuguese",
}
_NATIVE_NAMES = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "it": "Italiano",
    "es": "Español",
    "nl": "Nederlands",
    "pt": "Português",
}

# Highest priority first: a record tagged "Electronic, Stage & Screen" is described as a
# soundtrack, "Hip Hop, Jazz" as hip hop, "Classical, Electronic" as classical. Genres decide;
# styles are consulted only when no genre maps to a family (Pop, Funk / Soul, CSV rows...).
GENRE_FAMILIES = (
    "soundtrack",
    "classical",
    "hiphop",
    "electronic",
    "jazz",
    "folk_world",
    "rock",
    "general",
)
_GENRE_FAMILY = {
    "stageandscreen": "soundtrack",
    "soundtrack": "soundtrack",
    "classical": "classical",
    "hiphop": "hiphop",
    "rap": "hiphop",
    "electronic": "electronic",
    "jazz": "jazz",
    "folkworldandcountry": "folk_world",
    "folk": "folk_world",
    "world": "folk_world",
    "country": "folk_world",
    "latin": "folk_world",
    "rock": "rock",
    "blues": "rock",
}
_STYLE_FAMILY = {
    **dict.fromkeys(["soundtrack", "score", "musical", "theme"], "soundtrack"),
    **dict.fromkeys(
        ["baroque", "classical", "romantic", "opera", "choral", "renaissance", "medieval",
         "modernclassical", "impressionist"],
        "classical",
    ),
    **dict.fromkeys(
        ["boombap", "conscious", "gangsta", "trap", "hardcorehiphop", "jazzyhiphop", "poprap",
         "turntablism", "gfunk", "cloudrap", "thugrap", "hiphop"],
        "hiphop",
    ),
    **dict.fromkeys(
        ["house", "deephouse", "acidhouse", "techno", "minimal", "ambient", "trance",
         "drumnbass", "jungle", "electro", "idm", "downtempo", "triphop", "dubstep", "synthpop",
         "breakbeat", "breaks", "bigbeat", "ukgarage", "electronica"],
        "electronic",
    ),
    **dict.fromkeys(
        ["bop", "hardbop", "bebop", "freejazz", "cooljazz", "modal", "fusion", "swing",
         "bigband", "souljazz", "postbop", "jazzfunk", "contemporaryjazz", "latinjazz",
         "avantgardejazz", "freeimprovisation", "dixieland"],
        "jazz",
    ),
    **dict.fromkeys(
        ["folk", "country", "bluegrass", "celtic", "afrobeat", "bossanova", "samba", "flamenco",
         "highlife", "mpb", "fado"],
        "folk_world",
    ),
    **dict.fromkeys(
        ["punk", "hardrock", "alternativerock", "indierock", "progrock", "psychedelicrock",
         "heavymetal", "grunge", "postpunk", "shoegaze", "garagerock", "bluesrock", "classicrock",
         "artrock", "krautrock", "newwave", "postrock", "rocknroll"],
        "rock",
    ),
}


def normalize_language(lang: str) -> str:
    """Return the code ("fr") for a code, English or native name, or tag ("French", "fr-FR")."""
    key = _fold(lang.strip().replace("_", "-")) if isinstance(lang, str) else ""
    if key in LANGUAGES:
        return key
    primary, sep, _region = key.partition("-")
    if sep and primary in LANGUAGES:
        return primary
    for code, name in LANGUAGES.items():
        if key in (_fold(name), _fold(_NATIVE_NAMES[code])):
            return code
    accepted = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
    raise ValueError(f"unsupported language {lang!r}; accepted: {accepted}")


def genre_family(album: Mapping[str, Any]) -> str:
    """Return the prompt family (one of GENRE_FAMILIES) from Discogs genres, then styles."""
    for tags, table in (("genres", _GENRE_FAMILY), ("styles", _STYLE_FAMILY)):
        found = {table.get(_tag_key(tag)) for tag in _as_list(album.get(tags))}
        for family in GENRE_FAMILIES:
            if family in found:
                return family
    return "general"


def format_facts(
    album: Mapping[str, Any],
    spotify: Mapping[str, Any] | None = None,
    tracklist: list[dict] | None = None,
) -> str:
    """Return the facts we hold about an album, one "Key: value" line each, values on one line."""
    artist = _field(album.get("artist")) or _field(", ".join(_as_list(album.get("artists"))))
    title = _field(album.get("title"))
    lines = [f"Artist: {artist or 'Unknown artist'}", f"Title: {title or 'Untitled'}"]
    if _fold(artist) in ("various", "various artists"):
        lines.append("Compilation: yes, various artists")
    if album.get("year"):
        lines.append(f"Year: {_field(album['year'])}")
    lines += _label_lines(_as_list(album.get("labels")), _as_list(album.get("catnos")))
    _add_list(lines, "Formats", album.get("formats"), "; ")
    _add_list(lines, "Genres", album.get("genres"), ", ")
    _add_list(lines, "Styles", album.get("styles"), ", ")
    if spotify:
        release_date = spotify.get("release_date") or spotify.get("spotify_release_date")
        total_tracks = spotify.get("total_tracks") or spotify.get("spotify_total_tracks")
        if release_date:
            lines.append(f"Spotify release date: {_field(release_date)}")
        if total_tracks:
            lines.append(f"Spotify total tracks: {_field(total_tracks)}")
        copyrights = [c.get("text") for c in _as_list(spotify.get("copyrights"))
                      if isinstance(c, Mapping)]
        _add_list(lines, "Copyright (Spotify)", copyrights[:3], "; ")
    if tracklist:
        tracks = list(_track_lines(tracklist, indent=""))
        if tracks:
            lines.append("Tracklist:")
            lines += tracks[:MAX_TRACKS]
            if len(tracks) > MAX_TRACKS:
                lines.append(f"(and {len(tracks) - MAX_TRACKS} more tracks)")
    return "\n".join(lines)


def build_messages(
    album: Mapping[str, Any],
    language: str = DEFAULT_LANGUAGE,
    max_chars: int = DEFAULT_MAX_CHARS,
    spotify: Mapping[str, Any] | None = None,
    tracklist: list[dict] | None = None,
) -> list[dict]:
    """Return the chat messages (system, user) asking for a description of one album."""
    code = normalize_language(language)
    check_max_chars(max_chars)
    values = {"language_name": LANGUAGES[code], "max_chars": str(max_chars)}
    system = _render("system", values)
    user = _render(
        "user",
        values,
        guidance=_render(f"genre_{genre_family(album)}", values),
        facts=format_facts(album, spotify, tracklist),
        language_note=_render(_language_template(code), values),
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def max_tokens_for(max_chars: int) -> int:
    """Return a completion token budget for max_chars characters (about 3 characters a token)."""
    check_max_chars(max_chars)
    return -(-max_chars // 3) + 64


def prompt_fingerprint() -> str:
    """Return a short hash of every prompt template, pinned to PROMPT_VERSION by the tests."""
    digest = hashlib.sha256()
    for name, text in sorted(_template_files().items()):
        digest.update(f"{name}\0{text}\0".encode())
    return digest.hexdigest()[:16]


@cache
def _template_files() -> dict[str, str]:
    return {
        path.stem: path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for path in sorted(PROMPTS_DIR.glob("*.txt"))
    }


def _language_template(code: str) -> str:
    name = f"language_{code}"
    return name if name in _template_files() else "language_other"


def _render(name: str, values: Mapping[str, str], **more: str) -> str:
    # Template.substitute is one pass: "$" in album data inserted here is never re-expanded.
    return Template(_template_files()[name].strip()).substitute(values, **more)


def check_max_chars(max_chars: int) -> None:
    """Raise ValueError unless max_chars (the description's length limit) is a positive int."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive integer, got {max_chars!r}")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tag_key(tag: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", _fold(str(tag)).replace("&", "and"))


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


_FACTS_TAG = re.compile(r"<\s*/?\s*album_facts[^<>]*>", re.IGNORECASE)


def _field(value: Any) -> str:
    """One fact value on one line, so that no value can add a line or close the facts block."""
    if value is None:
        return ""
    text = "".join(
        " " if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in str(value)
    )
    text = " ".join(text.split())
    while (stripped := _FACTS_TAG.sub("", text)) != text:
        text = stripped
    text = " ".join(text.split())
    if len(text) > MAX_FIELD_CHARS:
        text = text[: MAX_FIELD_CHARS - 1].rstrip() + ELLIPSIS
    return text


def _add_list(lines: list[str], key: str, values: Any, sep: str) -> None:
    cleaned = [_field(v) for v in _as_list(values)]
    cleaned = list(dict.fromkeys(v for v in cleaned if v))
    if cleaned:
        lines.append(f"{key}: {_field(sep.join(cleaned))}")


def _label_lines(labels: list, catnos: list) -> list[str]:
    # Discogs gives labels and catalogue numbers pairwise; "none" is its placeholder catno.
    if labels and len(labels) == len(catnos):
        pairs = []
        for label, catno in zip(labels, catnos, strict=True):
            name, number = _field(label), _field(catno)
            number = "" if number.casefold() == "none" else number
            pair = f"{name} ({number})" if name and number else name or number
            if pair and pair not in pairs:
                pairs.append(pair)
        return [f"Labels: {_field('; '.join(pairs))}"] if pairs else []
    lines: list[str] = []
    _add_list(lines, "Labels", labels, "; ")
    _add_list(lines, "Catalogue numbers", [c for c in catnos if _fold(str(c)) != "none"], "; ")
    return lines


def _track_lines(tracks: Iterable[Any], indent: str) -> Iterable[str]:
    # Discogs tracks: position, title, duration "m:ss", type_ track|heading|index with sub_tracks,
    # artists on compilations. Spotify tracks: track_number, name, duration_ms.
    for track in tracks:
        if not isinstance(track, Mapping):
            continue
        title = _field(track.get("title") or track.get("name"))
        kind = track.get("type_") or "track"
        if kind == "heading":
            if title:
                yield f"{indent}[{title}]"
            continue
        position = _field(track.get("position") or track.get("track_number"))
        duration = _field(track.get("duration")) or _duration(track.get("duration_ms"))
        artists = _track_artists(track.get("artists"))
        line = " – ".join(part for part in (artists, title) if part)
        if position:
            line = f"{position}. {line}"
        if duration:
            line = f"{line} ({duration})"
        if line.strip():
            yield indent + line
        if track.get("sub_tracks"):
            yield from _track_lines(track["sub_tracks"], indent + "  ")


def _track_artists(artists: Any) -> str:
    names = []
    for artist in _as_list(artists):
        if isinstance(artist, Mapping):
            name = artist.get("anv") or artist.get("name") or ""
            names.append(re.sub(r"\s*\(\d+\)$", "", str(name)))
        elif artist:
            names.append(str(artist))
    return _field(", ".join(name for name in names if name))


def _duration(ms: Any) -> str:
    if not isinstance(ms, int) or isinstance(ms, bool) or ms <= 0:
        return ""
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
