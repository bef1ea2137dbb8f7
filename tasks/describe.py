"""Album description prompts for EurIA, and cleaning of the model's answer (pure, no HTTP)."""

from __future__ import annotations

import hashlib
import html
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


class EmptyDescription(ValueError):
    """Nothing usable is left of the model's answer."""


# --- prompts ------------------------------------------------------------------------------


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
    _check_max_chars(max_chars)
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
    _check_max_chars(max_chars)
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


def _check_max_chars(max_chars: int) -> None:
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


# --- cleaning -----------------------------------------------------------------------------

_THINK_BLOCK = re.compile(r"<(think|thinking|reasoning)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Chat templates often put the opening <think> in the prompt, so only the closing tag comes back.
_THINK_UNOPENED = re.compile(r"^.*</(?:think|thinking|reasoning)\s*>", re.I | re.S)
# An opening tag with no end: max_tokens ran out while the model was still thinking.
_THINK_UNCLOSED = re.compile(r"<(?:think|thinking|reasoning)\b[^>]*>.*", re.I | re.S)
_SPECIAL_TOKEN = re.compile(r"<\|[^<>|]{0,40}\|>")
_DROP_BLOCK = re.compile(r"<(script|style|head|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_DROP_UNCLOSED = re.compile(r"<(?:script|style)\b[^>]*>.*", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*>|<[!?][^<>]*>")
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr",
})

_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_HEADING = re.compile(r"^#{1,6}(?:\s+(.*?))?\s*#*$")
_BULLET = re.compile(r"^(?:>\s*)*(?:(?:[-*+•‣▪◦]|\d{1,2}[.)])\s+)?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
# Spans are bounded so that a stray "*" costs a short scan, not one to the end of the text.
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_MARKDOWN_LEFTOVERS = re.compile(r"`+|~~|\*{2,}")

_INTERJECTION = (
    r"sure(?:\s+thing)?|certainly|of\s+course|absolutely|okay|ok|alright|all\s+right|great"
    r"|gladly|no\s+problem|happy\s+to\s+help|here\s+you\s+go|bien\s+s[uû]r|certainement"
    r"|absolument|d['’]accord|avec\s+plaisir|volontiers|voil[aà]|gerne|nat[uü]rlich|certo"
    r"|claro|por\s+supuesto"
)
_INTRO = (
    r"here(?:['’]s|\s+is|\s+are)|voici|voil[aà]|hier\s+(?:ist|sind)|ecco"
    r"|aqu[ií]\s+(?:tienes|est[aá])"
)
_LEADING_CHATTER = re.compile(
    rf"^[¡¿]?(?:(?:{_INTERJECTION})\s*[!.,:;]+"
    rf"|(?:{_INTRO})\b[^:\n]{{0,160}}[:\n]"
    r"|(?:(?:short|brief|album|courte)\s+)?(?:description|summary|r[ée]sum[ée])\b[^:\n]{0,40}:)\s*",
    re.I,
)
_TRAILING_CHATTER = re.compile(
    r"(?:^|(?<=[.!?…]))\s*(?:i\s+hope\s+(?:this|that|it)\s+helps|let\s+me\s+know|feel\s+free"
    r"|would\s+you\s+like|if\s+you(?:['’]d|\s+would)\s+like|j['’]esp[èe]re\s+que"
    r"|n['’]h[ée]sitez\s+pas|dites-moi|souhaitez-vous|voulez-vous)\b[^.!?…]*[.!?…]*\s*$"
    r"|\s*\(\s*(?:~|about|approx\.?|environ)?\s*\d+\s*(?:characters|chars|caract[èe]res|words"
    r"|mots)\s*\)\s*$"
    r"|\s*(?:word|character)\s+count\s*:\s*\d+\s*$",
    re.I,
)
_QUOTES = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "«": "»", "»": "«", "„": "“",
           "‚": "‘", "「": "」", "『": "』"}
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?= )|[。！？]+[」』”’)）]*")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "feat", "ft", "vol", "vols", "no",
    "nos", "nr", "op", "pt", "cf", "ca", "approx", "orig", "prod", "arr", "ed", "eds", "mt", "mme",
    "mlle", "mgr", "dept",
})
_DANGLING = " ,;:–—-(/[{&\"'“‘«„"


def clean_description(text: str | None, max_chars: int) -> str:
    """Return the model's answer as plain prose of at most max_chars, or raise EmptyDescription.

    Over-long text is cut after the last sentence end that keeps at least a third of max_chars;
    failing that, after the last whole word, with "…" appended (counted within max_chars).
    A text whose first word alone does not fit is EmptyDescription: we never cut mid-word.
    """
    _check_max_chars(max_chars)
    if text is None:
        raise EmptyDescription("the model returned no text")
    cleaned = _strip_fixpoint(str(text))
    while True:
        if not any(ch.isalnum() for ch in cleaned):
            raise EmptyDescription("nothing usable is left of the model's answer")
        if len(cleaned) <= max_chars:
            return cleaned
        # Cutting can expose new surrounding quotes or trailing chatter; strip again so the
        # result is a fixed point (clean_description is idempotent on its own output).
        cleaned = _strip_fixpoint(_cut(cleaned, max_chars))


def _strip_fixpoint(text: str) -> str:
    # Each pass that changes normalized text makes it shorter, so this ends; the cap is a guard.
    for _ in range(100):
        stripped = _strip_once(text)
        if stripped == text:
            break
        text = stripped
    return text


def _strip_once(text: str) -> str:
    text = _unescape(text)
    text = _THINK_BLOCK.sub(" ", text)
    text = _THINK_UNOPENED.sub(" ", text)
    text = _THINK_UNCLOSED.sub(" ", text)
    text = _SPECIAL_TOKEN.sub(" ", text)
    text = _COMMENT.sub(" ", text)
    text = _DROP_BLOCK.sub(" ", text)
    text = _DROP_UNCLOSED.sub(" ", text)
    text = _TAG.sub(lambda m: "" if (m.group(1) or "").lower() in _INLINE_TAGS else " ", text)
    text = _strip_markdown(text)
    text = _strip_chatter(text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    text = " ".join(text.split())
    return _strip_quotes(text)


def _unescape(text: str) -> str:
    # "&amp;lt;b&amp;gt;" is doubly escaped HTML: unescape until nothing changes.
    while (unescaped := html.unescape(text)) != text:
        text = unescaped
    return text


def _strip_markdown(text: str) -> str:
    lines: list[tuple[str, str]] = []  # (kind, text), kind heading | item | prose
    for raw in text.splitlines():
        line = raw.strip()
        if _FENCE.match(line) or _RULE.match(line):
            continue
        if heading := _HEADING.match(line):
            lines.append(("heading", heading.group(1) or ""))
        elif (item := _BULLET.sub("", line, count=1)) != line:
            lines.append(("item", item))
        else:
            lines.append(("prose", line))
    # A heading above prose is a title, not description; a lone heading is all we have.
    has_prose = any(line for kind, line in lines if kind != "heading")
    lines = [(kind, line) for kind, line in lines if line and not (kind == "heading" and has_prose)]
    if len(lines) > 1:
        # List items become sentences rather than one run-on line once whitespace collapses.
        lines = [
            (kind, line + "." if kind == "item" and line[-1] not in ".!?…:;," else line)
            for kind, line in lines
        ]
    text = "\n".join(line for _kind, line in lines)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    return _MARKDOWN_LEFTOVERS.sub("", text)


def _strip_chatter(text: str) -> str:
    for pattern in (_LEADING_CHATTER, _TRAILING_CHATTER):
        text = text.strip()
        while (stripped := pattern.sub("", text, count=1).strip()) != text:
            text = stripped
    return text


def _strip_quotes(text: str) -> str:
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        inner = text[1:-1]
        if text[0] not in inner and text[-1] not in inner:
            return inner.strip()
    return text


def _cut(text: str, max_chars: int) -> str:
    best = 0
    for match in _SENTENCE_END.finditer(text, 0, max_chars + 1):
        end = match.end()
        if end > max_chars:
            break
        too_short = end < max_chars // 3
        if too_short or _is_abbreviation(text, match) or text[end + 1 : end + 2].islower():
            continue
        best = end
    if best:
        return text[:best]
    cut = text.rfind(" ", 0, max_chars - len(ELLIPSIS) + 1)
    while cut > 0:
        head = text[:cut].rstrip(_DANGLING)
        if any(ch.isalnum() for ch in head):
            return head if head[-1] in ".!?…" else head + ELLIPSIS
        cut = text.rfind(" ", 0, cut)
    raise EmptyDescription(f"the first word is longer than {max_chars} characters")


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    # "No. 5", "Dr. Dre", "J. S. Bach", "M. Dupont" are not sentence ends.
    if not match.group().startswith(".") or match.group().startswith(".."):
        return False
    word = re.search(r"(\w+)$", text[: match.start()])
    if not word:
        return False
    token = word.group(1)
    return token.casefold() in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
