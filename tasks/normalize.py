"""Pure text normalisation: display cleanup and the comparison forms used for matching and keys.

Two families of functions live here and must not be mixed up:

* display cleanup (`clean_text`, `clean_artist_name`) keeps what a person should see: case,
  accents, punctuation and joins stay; only invisible or Discogs-internal noise goes.
* comparison forms (`normalize_artist`, `normalize_title`, `album_key`) are for equality and
  fuzzy similarity only, never shown: casefolded, Latin diacritics folded, punctuation dropped,
  edition noise stripped from titles. Non-Latin scripts are kept as they are (casefolded), not
  transliterated: Spotify spells Greek or CJK names in their own script too.

Every function takes any string (or None for the display ones), never raises, and is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Invisible characters seen in real Discogs titles (U+200B in "Sci​-​Fi Lullabies", U+FEFF in
# mid-field), plus their relatives and the soft hyphen.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")
# Half of a surrogate pair cannot be stored or written as UTF-8: it becomes U+FFFD.
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")

# Discogs disambiguates same-named artists with " (n)": "Nirvana (2)". In a joined artist string
# ("Vendetta (2) & Barber (3) & Bad Kid") the suffix is followed by a space or a separator.
_DISAMBIGUATION_RE = re.compile(r"\s\(\d+\)(?=$|[\s,/])")

# Discogs marks an artist name variation (ANV) with a trailing "*" on its website ("Mr Zebre*").
# Decision: a "*" that ends a name is dropped as that marker, unless the name is a real one
# whose asterisk is part of it. The API gives `name` and `anv` as separate fields and the CSV
# export writes canonical names, so real data carries the asterisk only as part of a name
# ("Frost*" in the real CSVs); K*Ners keeps its inner "*" in any case. For comparison the
# asterisk is punctuation and is dropped anyway, so this choice only affects display.
STAR_NAMES = frozenset({"frost*"})
_ANV_STAR_RE = re.compile(r"(?<=[^\s*])\*(?=$|[\s,/])")

_APOSTROPHES_RE = re.compile("['\u2019\u2018\u02bc`\u00b4.]")
_AND_RE = re.compile(r"[&+]")
_ELLIPSIS_RE = re.compile(r"\u2026|\.{2,}")
# Trade mark and copyright signs: NFKC would glue "TM" to the word before them.
_MARKS_RE = re.compile("[\u2122\u00ae\u00a9\u2117\u2120]")

# Letters that NFKD does not decompose into a base letter plus a mark.
_LATIN_SPECIAL = str.maketrans(
    {
        "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ł": "l", "đ": "d",
        "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ſ": "s", "ƒ": "f",
    }
)

# Edition noise: a bracketed or dash-separated segment mentioning one of these is dropped from
# a title's comparison form, unless it also names a different recording (live, a remix, ...).
# "EP" is how Spotify often names a 12" that Discogs titles without it ("Informer EP").
_NOISE_CORE = (
    r"remaster(?:ed|s|ing)?|deluxe|expanded|anniversary|edition|bonus|reissue[ds]?|ep"
)
_NOISE_CORE_RE = re.compile(rf"\b(?:{_NOISE_CORE})\b", re.IGNORECASE)
_NOT_NOISE_RE = re.compile(
    r"\b(?:live|karaoke|tribute|instrumentals?|acoustic|demos?|remix(?:es|ed)?|covers?)\b",
    re.IGNORECASE,
)
_SEGMENT_RE = re.compile(r"\s*[(\[{]([^()\[\]{}]*)[)\]}]")
_DASH_TAIL_RE = re.compile(r"\s+[-\u2013\u2014:/]\s+([^-\u2013\u2014:/]*)$")
# Words a trailing, unbracketed noise phrase may consist of ("... 2011 Remaster", "... Deluxe").
_NOISE_WORD_RE = re.compile(
    rf"^(?:{_NOISE_CORE}|super|special|collectors?|limited|legacy|definitive|digitally|"
    r"version|tracks?|\d{4}|\d+(?:st|nd|rd|th))$"
)
_NOISE_CORE_WORD_RE = re.compile(rf"^(?:{_NOISE_CORE})$")


def clean_text(s: str | None) -> str:
    """Display cleanup: NFC, zero-width characters removed, whitespace collapsed and trimmed."""
    if not s:
        return ""
    s = _ZERO_WIDTH_RE.sub("", _LONE_SURROGATE_RE.sub("\ufffd", s))
    if not s.isprintable():  # control characters, e.g. ESC, left by spreadsheet round trips
        s = "".join(ch for ch in s if ch.isspace() or unicodedata.category(ch) != "Cc")
    s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())


def _strip_artist_marks(s: str, keep_star_names: bool) -> str:
    """Drop "(n)" disambiguation suffixes and ANV "*" markers until nothing changes."""
    while True:
        before = s
        s = _DISAMBIGUATION_RE.sub("", s)
        s = _ANV_STAR_RE.sub(lambda m: _star_or_nothing(m, keep_star_names), s)
        s = " ".join(s.split())
        if s == before:
            return s


def _star_or_nothing(m: re.Match[str], keep_star_names: bool) -> str:
    words = m.string[: m.end()].split()
    if keep_star_names and words and words[-1].casefold() in STAR_NAMES:
        return "*"
    return ""


def clean_artist_name(name: str | None) -> str:
    """Display artist name: clean_text, Discogs "(n)" suffixes and ANV "*" markers removed."""
    return _strip_artist_marks(clean_text(name), keep_star_names=True)


def _fold_latin(s: str) -> str:
    """Fold diacritics off Latin letters only; other scripts keep their marks (が stays が)."""
    out: list[str] = []
    keeps_marks = False  # marks stay only on letters of other scripts; stray marks go
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            if keeps_marks:
                out.append(ch)
            continue
        keeps_marks = ch.isalnum() and not _is_latin(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _is_latin(ch: str) -> bool:
    o = ord(ch)
    return o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2C60 <= o <= 0x2C7F or 0xA720 <= o <= 0xA7FF


def _to_words(s: str) -> str:
    """Comparison words: casefold, fold Latin accents, unify and/&/+, drop punctuation."""
    s = _MARKS_RE.sub(" ", s)
    s = _ELLIPSIS_RE.sub(" ", s)  # "Here…Thank You" is two words; "R.E.M." stays one
    # "Tillerman²" and "4½": keep the number a word of its own once NFKC turns it into digits.
    s = "".join(f" {ch}" if unicodedata.category(ch) == "No" else ch for ch in s)
    s = unicodedata.normalize("NFKC", s).casefold()
    s = _fold_latin(s).translate(_LATIN_SPECIAL).casefold()
    s = _APOSTROPHES_RE.sub("", s)
    s = _AND_RE.sub(" and ", s)
    chars = (ch if ch.isalnum() or unicodedata.combining(ch) else " " for ch in s)
    return " ".join("".join(chars).split())


def _comparable(s: str | None) -> str:
    """clean_text without trade mark signs, the common start of the comparison forms."""
    cleaned = clean_text(s)
    return " ".join(_MARKS_RE.sub(" ", cleaned).split()) or cleaned


def fold_words(s: str | None) -> str:
    """Comparison words of any text, nothing stripped: "Déjà Vu (Live)" -> "deja vu live"."""
    return until_stable(_fold_words_once, _fold_words_once(s))


def _fold_words_once(s: str | None) -> str:
    cleaned = _comparable(s)
    return _to_words(cleaned) or _fallback(cleaned)


def _fallback(cleaned: str) -> str:
    """Comparison form of a name made only of punctuation ("!!!"): casefolded, spaces collapsed."""
    for text in (_MARKS_RE.sub("", cleaned), cleaned):  # a lone "™" still gives a key
        s = unicodedata.normalize("NFKC", text).casefold()
        s = " ".join(unicodedata.normalize("NFKC", s).split())
        if s:
            return s
    return ""


def until_stable(step, s: str, passes: int = 4) -> str:
    """Apply a step until it changes nothing (NFKC can leave work for a second pass on odd
    symbols such as "©℠"), so the forms are idempotent on any text; passes: a guard."""
    for _ in range(passes):
        nxt = step(s)
        if nxt == s:
            break
        s = nxt
    return s


# The matcher compares each album with up to 10 candidates per search, over and over the same
# names: memoized, these pure forms cost a dict lookup instead of a regex pipeline.
@lru_cache(maxsize=1 << 15)
def normalize_artist(s: str) -> str:
    """Comparison form of an artist: "The Beatles", "Beatles, The" and "beatles" are equal."""
    return until_stable(_normalize_artist_once, _normalize_artist_once(s))


def _normalize_artist_once(s: str) -> str:
    # The "(n)" suffix goes before the trade marks too: "℠ (2)" is the artist "℠", not "2".
    cleaned = _strip_artist_marks(
        _comparable(_strip_artist_marks(clean_text(s), keep_star_names=False)),
        keep_star_names=False)
    # "Persuader, The" is how Discogs used to file such names; "The X" is how Spotify spells them.
    if cleaned.casefold().endswith(", the"):
        cleaned = cleaned[: -len(", the")].rstrip()
    words = _to_words(cleaned)
    while words.startswith("the "):
        words = words[len("the "):]
    return words or _fallback(cleaned)


def _strip_title_segments(s: str) -> str:
    """Drop bracketed or dash-separated edition segments: "(2011 Remaster)", " - Deluxe"."""
    def drop_noise(m: re.Match[str]) -> str:
        inner = m.group(1)
        if _NOISE_CORE_RE.search(inner) and not _NOT_NOISE_RE.search(inner):
            return ""
        return m.group(0)

    while True:
        before = s
        s = _SEGMENT_RE.sub(drop_noise, s)
        s = _DASH_TAIL_RE.sub(drop_noise, s)
        s = " ".join(s.split())
        if s == before:
            return s


def _strip_trailing_noise_words(words: str) -> str:
    """Drop a trailing unbracketed noise phrase ("abbey road 2019 remaster" -> "abbey road")."""
    parts = words.split()
    start = len(parts)
    while start > 0 and _NOISE_WORD_RE.match(parts[start - 1]):
        start -= 1
    if any(_NOISE_CORE_WORD_RE.match(w) for w in parts[start:]):
        return " ".join(parts[:start])
    return words


def strip_edition(title: str | None) -> str:
    """Display title without bracketed or dash-separated edition noise, for search queries."""
    cleaned = clean_text(title)
    return _strip_title_segments(cleaned) or cleaned


@lru_cache(maxsize=1 << 15)
def normalize_title(s: str) -> str:
    """Comparison form of a title: like normalize_artist's words, edition noise stripped."""
    return until_stable(_normalize_title_once, _normalize_title_once(s))


def _normalize_title_once(s: str) -> str:
    cleaned = _comparable(s)
    full = _to_words(cleaned)
    if not full:
        return _fallback(cleaned)
    stripped = _strip_trailing_noise_words(_to_words(_strip_title_segments(cleaned)))
    if not stripped:
        return full
    return stripped


def album_key(artist: str, title: str) -> str:
    """Enrichment cache key shared by every pressing of one album: "artist|title"."""
    return f"{normalize_artist(artist)}|{normalize_title(title)}"
