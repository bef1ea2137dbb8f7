"""A title and its translation, told apart by their small words (pure).

A pressing may translate an English title ("Una Noche En La Ópera" for "A Night At The
Opera", "Sus Satánicas Majestades Piden" for "Their Satanic Majesties Request"); Spotify keeps
the original. No text similarity compares the two; their articles, prepositions and
possessives say that they are in two languages, which lets year and track count decide.
Their longer words often share a stem ("Satánicas" / "Satanic", "Ópera" / "Opera"), which
tells which of two albums of the year is the translated one.
"""

from __future__ import annotations

import re
import unicodedata

# English small words that no title in Spanish, French, Italian, German or Portuguese uses.
_ENGLISH = frozenset({
    "the", "of", "at", "and", "their", "my", "your", "his", "her", "our", "its", "for", "with",
    "from", "this", "that", "these", "those", "into", "over", "under", "by"})
# Their small words that English titles do not use ("a", "in", "on", "die", "no", "do",
# "as", "me", "son", "so", "to" are words of both, so they say nothing).
_OTHER = frozenset({
    # Spanish
    "el", "la", "los", "las", "una", "unos", "unas", "del", "en", "y", "sus", "su", "con",
    "por", "para", "que", "al", "mi", "tu", "lo",
    # French
    "le", "les", "une", "des", "du", "et", "au", "aux", "sur", "dans", "pour", "avec", "ma",
    "mon", "mes", "ses", "sa", "nous", "vous",
    # Italian
    "il", "gli", "della", "delle", "dei", "di", "nel", "nella", "degli", "per",
    # German
    "der", "das", "den", "dem", "und", "ein", "eine", "einer", "im", "mit", "von", "vom",
    "zum", "zur", "auf", "ist", "nicht",
    # Portuguese
    "os", "um", "uma", "dos", "em", "na", "com"})
_WORD_RE = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD_RE.findall(folded)


def _markers(text: str) -> tuple[int, int]:
    """How many English small words and how many of the other languages' the text has."""
    words = _words(text)
    return sum(w in _ENGLISH for w in words), sum(w in _OTHER for w in words)


def translated_title(sleeve: str, spotify_name: str) -> bool:
    """True when the sleeve's title has small words of another language and none of
    English, while Spotify's name has English ones and none of the others: a translation."""
    s_en, s_other = _markers(sleeve)
    c_en, c_other = _markers(spotify_name)
    return s_other > 0 and s_en == 0 and c_en > 0 and c_other == 0


STEM = 5  # letters two cognates share at least ("majest-ades" / "majest-ies")


def shared_stems(sleeve: str, spotify_name: str) -> int:
    """How many words of at least STEM letters the two titles share by their first STEM
    letters, accents folded: the cognates a translation keeps ("Satánicas Majestades" /
    "Satanic Majesties": 2)."""
    def stems(text: str) -> set[str]:
        return {w[:STEM] for w in _words(text) if len(w) >= STEM}

    return len(stems(sleeve) & stems(spotify_name))
