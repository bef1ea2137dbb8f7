"""Pure parsing of classical titles: composer, work type, numbers, key and catalogue number.

Discogs titles a classical pressing in its own language ("Symphonie Nr. 7 A-dur Op. 92",
"Concerto pour piano n° 2 en sol mineur"); Spotify names the work in English with the composer
in front ("Beethoven: Symphony No. 7 in A Major, Op. 92"). Both sides are parsed into a `Work`
so they can be compared on what identifies a work, and so a search can use words Spotify has.
A small translation table (tasks/classical_words.py) covers the words that matter; anything
else is left alone. Performers' credits are in tasks/performers.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tasks.classical_words import (
    ACCIDENTALS,
    COMMON_WORD_COMPOSERS,
    COMPOSER_FORMS,
    FILLER_WORDS,
    GENERIC_TYPES,
    INSTRUMENT_NAMES,
    INSTRUMENT_WORDS,
    KEY_NOTES,
    MODES,
    NAMED_SEARCH,
    NICKNAMES,
    ORDINAL_WORDS,
    SOLFEGE,
    WORK_WORDS,
)

_WORK_RE = re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{rx})" for i, (rx, _) in
                                           enumerate(WORK_WORDS)) + r")\b")
_QUOTED_RE = re.compile(r'"[^"]{1,40}"|\u201c[^\u201d]{1,40}\u201d|\u00ab[^\u00bb]{1,40}\u00bb|'
                        r'\u00bb[^\u00ab]{1,40}\u00ab')
_SOLO_RE = re.compile(
    r"\b(?:pour|per|fur|for|para|pro|voor|для)\s+(?:(?:le|la|il|das|die|the)\s+)?(\w+)")

_NUMBER_RE = re.compile(
    r"(?:\b(?:nr|nrn|nos?|n|num|numero|nummer|n\.o|c\.(?=\s*\d))\.?|[°º№#])\s*(\d+)"
    r"((?:\s*(?:,|&|\+|-|and|und|et|e|y)\s*(?:(?:nr|no|n)\.?\s*)?\d+)*)")
_ORDINAL_RE = re.compile(r"\b(\d{1,2})\.\s*(?=[a-z])")
# Ordinals in figures, as the sleeves' languages write them ("9th", "5e", "2a").
_NUMERIC_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|eme|er|re|a|o)$")
_CATALOGUE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Op. 27 No. 2": the work is Op. 27's second; the sub-number is not the work's number.
    ("op", re.compile(r"\bop(?:us)?\.?\s*(\d+[a-z]?)\b(?:,?\s*(?:nos?|nr|n)\.?\s*\d+)?")),
    ("bwv", re.compile(r"\bbwv\.?\s*(\d+[a-z]?)\b")),
    ("k", re.compile(r"\bk(?:v|\.v\.)?\.?\s*(\d+[a-z]?)\b")),
    ("d", re.compile(r"\bd\.?\s+(\d{1,3}[a-z]?)\b|\bd\.(\d{1,3}[a-z]?)\b")),
    ("hob", re.compile(r"\bhob\.?\s*([ivxl]+[a-z]?\s*:\s*\d+)")),
    ("rv", re.compile(r"\brv\.?\s*(\d+[a-z]?)\b")),
    ("s", re.compile(r"\bs\.\s*(\d{1,3}[a-z]?)\b")),
    ("hwv", re.compile(r"\bhwv\.?\s*(\d+[a-z]?)\b")),
    ("woo", re.compile(r"\bwoo\.?\s*(\d+)\b")),
)
_GERMAN_KEY_RE = re.compile(r"\b([a-h])(is|es|s)?[\s-](dur|moll)\b")
_ENGLISH_KEY_RE = re.compile(r"\b([a-g])(?:[\s-](flat|sharp))?[\s-](major|minor)\b")
_ROMANCE_KEY_RE = re.compile(
    r"\b(do|ut|re|mi|fa|sol|la|si)(?:\s+(diese|diesis|sostenido|bemol|bemolle))?\s+"
    r"(majeur|mineur|maggiore|minore|mayor|menor)\b")


@dataclass(frozen=True)
class Work:
    """What identifies a classical work in a title (any field may be empty)."""

    composer: str | None = None
    types: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    key: str | None = None  # "a major", "e flat minor"
    catalogue: frozenset[tuple[str, str]] = frozenset()  # {("op", "92")}

    @property
    def identified(self) -> bool:
        """True when the title names a work (a type with a number, or a catalogue number)."""
        return bool(self.catalogue) or bool(self.types and (self.numbers or self.key)) or bool(
            self.named)

    @property
    def named(self) -> frozenset[str]:
        """Works and nicknames known by name ("four seasons", "moonlight", "requiem")."""
        return frozenset(t for t in self.types if t not in GENERIC_TYPES)

    def search_words(self) -> str:
        """Words of the work for an album filter that survive Spotify's plurals ("Piano
        Concertos", "Symphonies Nos. 5 & 7"): the instrument and the number ("Piano 4", "7"),
        else the work's name ("Rite Of Spring"); "" when nothing safe is left."""
        instruments = sorted({t.split()[0] for t in self.types if t in GENERIC_TYPES
                              and len(t.split()) == 2 and t.split()[0] in INSTRUMENT_NAMES})
        instrument = instruments[0].title() if len(instruments) == 1 else ""
        if self.numbers:
            number = min(self.numbers, key=lambda n: int(n))
            return f"{instrument} {number}".strip()
        if self.named:
            name = sorted(self.named, key=lambda n: (-len(n), n))[0]
            return NAMED_SEARCH.get(name, name.title())
        return instrument

    def catalogue_words(self) -> str:
        """The catalogue number as Spotify writes it, notation-proof: "92", "1007", "550"."""
        if not self.catalogue:
            return ""
        kind, number = sorted(self.catalogue)[0]
        return number.replace(":", " ") if kind == "hob" else number


def fold(text: str) -> str:
    """Lower case, accents off, for parsing (punctuation kept: "Op. 92", "K.550")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae")


def folded_words(text: str) -> list[str]:
    """The words of a text, folded (see `fold`)."""
    return re.sub(r"[\W_]+", " ", fold(text)).split()


@lru_cache(maxsize=1 << 14)
def composer_of(name: str) -> str | None:
    """Spotify's spelling of the composer a credited name is, else None."""
    words = folded_words(name)
    if not words:
        return None
    for n in (2, 1):
        if len(words) >= n:
            found = COMPOSER_FORMS.get(" ".join(words[-n:]))
            if found:
                return found
    joined = " ".join(words)
    return COMPOSER_FORMS.get(joined)


def _key(text: str) -> str | None:
    m = _ROMANCE_KEY_RE.search(text)
    if m:
        note = SOLFEGE[m.group(1)]
        acc = ACCIDENTALS.get(m.group(2) or "", "")
        return " ".join(x for x in (note, acc, MODES[m.group(3)]) if x)
    m = _GERMAN_KEY_RE.search(text)
    if m:
        note = KEY_NOTES[m.group(1)]
        if m.group(2) == "is":
            note = f"{note} sharp"
        elif m.group(2) in ("es", "s"):
            note = f"{note} flat"
        return f"{note} {MODES[m.group(3)]}"
    m = _ENGLISH_KEY_RE.search(text)
    if m:
        return " ".join(x for x in (m.group(1), m.group(2), m.group(3)) if x)
    return None


# A catalogue number with its range or second number ("BWV 1046-1051"), out of the way of work
# numbers.
_CATALOGUE_SPANS = tuple(re.compile(rx.pattern + r"(?:\s*[-\u2013/]\s*\d+[a-z]?\b)?")
                         for _, rx in _CATALOGUE_RES)
_RANGE_RE = re.compile(r"\b(\d{1,3})\s*[-\u2013]\s*(\d{1,3})\b")
_AFTER_TYPE_RE = re.compile(
    r"\s*(\d{1,2})\b(?!\s*(?:\.\d|:))((?:\s*(?:,|&|\+|and|und|et|e|y)\s*\d{1,2}\b)*)")


def _expand_ranges(text: str) -> str:
    """"Nos. 1-6" -> "Nos. 1, 2, 3, 4, 5, 6" (a range of a dozen at most; "1953-1956" stays)."""
    def spell(m: re.Match[str]) -> str:
        low, high = int(m.group(1)), int(m.group(2))
        if 0 < high - low <= 12 and high < 200:
            return ", ".join(str(n) for n in range(low, high + 1))
        return m.group(0)
    return _RANGE_RE.sub(spell, text)


def _composer_in_title(words: list[str]) -> str | None:
    """A composer named among the title's words ("Karajan Dirigiert Beethoven")."""
    for i in range(len(words)):
        for n in (2, 1):
            chunk = " ".join(words[i:i + n])
            if len(words[i:i + n]) == n and chunk in COMPOSER_FORMS and (
                chunk not in COMMON_WORD_COMPOSERS
            ):
                return COMPOSER_FORMS[chunk]
    return None


def _bare_number(words: list[str], composer: str | None) -> tuple[str, ...]:
    """The numbers of a title that is only the composer and numbers or an ordinal ("Mahler 5",
    "Beethoven 5 & 7", "Die Neunte", "Beethoven's Fifth"): symphonies by convention."""
    rest = [w for w in words if w not in FILLER_WORDS and w not in ("and", "und", "et", "no",
                                                                   "nr", "nos")]
    if composer:
        rest = [w for w in rest if COMPOSER_FORMS.get(w) != composer]
    numbers = []
    for w in rest:
        m = _NUMERIC_ORDINAL_RE.match(w)
        if w.isdigit() and 0 < int(w) <= 15:
            numbers.append(str(int(w)))
        elif m:
            numbers.append(m.group(1))
        elif w in ORDINAL_WORDS:
            numbers.append(ORDINAL_WORDS[w])
        else:
            return ()
    # A bare number needs the composer beside it; an ordinal word says "the n-th" by itself.
    if not numbers or not composer and all(w.isdigit() for w in rest):
        return ()
    return tuple(numbers)


@lru_cache(maxsize=1 << 15)
def parse_work(title: str, artists: tuple[str, ...] = ()) -> Work:
    """The work a title names; the composer from the "Composer:" prefix, the credits, or the
    title's words."""
    composer = None
    head, sep, _ = title.partition(":")
    if sep:
        composer = composer_of(head)
    if composer is None:
        for a in artists:
            composer = composer_of(a)
            if composer:
                break
    text = fold(title)
    catalogue = set()
    for kind, rx in _CATALOGUE_RES:
        for m in rx.finditer(text):
            value = next(g for g in m.groups() if g)
            catalogue.add((kind, re.sub(r"\s+", "", value)))
    # Keys and catalogue numbers out of the way, then numbers ("No. 5 & 7") and work words.
    rest = _GERMAN_KEY_RE.sub(" ", text)
    for rx in _CATALOGUE_SPANS:
        rest = rx.sub(" ", rest)
    rest = _expand_ranges(rest)
    # "Rokoko-Variationen", "Matthäus-Passion", "Songe d'une nuit", "Beethoven's Fifth"
    rest_quoted = rest
    rest = re.sub("[-'\u2019\"\u00ab\u00bb\u201c\u201d]", " ", rest)
    numbers = set()
    # A nickname in quotes inside a list of numbers ('Nos. 1 "From My Life" & 2') is not the
    # list's end.
    for m in _NUMBER_RE.finditer(_QUOTED_RE.sub(" ", rest_quoted)):
        numbers.add(m.group(1).lstrip("0") or "0")
        numbers.update(n.lstrip("0") or "0" for n in re.findall(r"\d+", m.group(2) or ""))
    types = set()
    for m in _WORK_RE.finditer(rest):
        kind = next(WORK_WORDS[int(k[1:])][1] for k, v in m.groupdict().items() if v)
        if kind == "concerto":
            solo = _SOLO_RE.search(rest, m.end(), m.end() + 30)
            if solo and solo.group(1) in INSTRUMENT_WORDS:
                kind = f"{INSTRUMENT_WORDS[solo.group(1)]} concerto"
            else:
                before = rest[max(0, m.start() - 12):m.start()].split()
                if before and before[-1] in INSTRUMENT_WORDS:
                    kind = f"{INSTRUMENT_WORDS[before[-1]]} concerto"
        elif kind in ("sonata", "suite"):
            solo = _SOLO_RE.search(rest, m.end(), m.end() + 30)
            before = rest[max(0, m.start() - 12):m.start()].split()
            if solo and solo.group(1) in INSTRUMENT_WORDS:
                kind = f"{INSTRUMENT_WORDS[solo.group(1)]} {kind}"
            elif before and before[-1] in INSTRUMENT_WORDS:
                kind = f"{INSTRUMENT_WORDS[before[-1]]} {kind}"
        elif kind == "quartet" and re.search(r"\b(?:string|cordes|archi|streich)", rest):
            kind = "string quartet"
        types.add(kind)
        if not numbers:
            after = _AFTER_TYPE_RE.match(rest[m.end():])  # "Symphonies 5 & 7"
            if after:
                numbers.update(re.findall(r"\d+", after.group(0)))
        if kind in GENERIC_TYPES and not numbers:
            # "Fifth Symphony", "9th Symphony", "Neunte Sinfonie", "5e Symphonie"
            before = rest[max(0, m.start() - 14):m.start()].split()
            if before:
                ordinal = _NUMERIC_ORDINAL_RE.match(before[-1])
                found = ordinal.group(1) if ordinal else ORDINAL_WORDS.get(before[-1])
                if found:
                    numbers.add(found)
    if types and not numbers:
        for m in _ORDINAL_RE.finditer(rest):  # German "7. Sinfonie"
            numbers.add(m.group(1))
    words = re.sub(r"[\W_]+", " ", rest).split()
    in_title = _composer_in_title(words) if composer is None else None
    if not types and not catalogue:
        bare = _bare_number(words, composer or in_title)
        if bare:
            types.add("symphony")
            numbers.update(bare)
    if composer is None and (types or numbers or catalogue):
        composer = in_title
    # A nickname names its work's number: alone ("Eroica"), or beside numbers a list may have
    # lost ("Piano Sonatas Nos. 8 "Pathétique", 14 "Moonlight" & 23 "Appassionata"").
    implied = [NICKNAMES.get((composer or "", name)) for name in types - GENERIC_TYPES]
    had_numbers = bool(numbers)
    known = list(filter(None, implied))
    if len(known) == 1 and len(numbers) == 1 and known[0][0] in types and (
        len(_WORK_RE.findall(rest)) == 2 and known[0][1] not in numbers
    ):
        # One work, numbered otherwise than its nickname says: an old numbering (Decca's
        # Dvořák "Symphony No. 5 'From The New World'" is the Ninth, Schubert's "Unfinished"
        # the Seventh or the Eighth). The nickname is unambiguous; the number is not.
        numbers = set()
    for kind, number in known:
        if not had_numbers or kind in types or not numbers:
            types.add(kind)
            numbers.add(number)
    return Work(composer, frozenset(types), frozenset(numbers), _key(text),
                frozenset(catalogue))


def work_agreement(owned: Work, candidate: Work) -> float | None:
    """How surely two titles name the same work(s): 1 same, ~0.1 different, None unknown.

    Catalogue numbers decide first, then work numbers within a work type, then works known by
    name ("Má vlast", "Moonlight"); a key or a work type that differs rules a match out.
    0.65-0.7 means one album holds the other's work and more (a coupling).
    """
    def kinds(w: Work) -> set[str]:
        return {k for k, _ in w.catalogue}

    if ("highlights" in owned.types) != ("highlights" in candidate.types):
        return 0.3  # excerpts of an opera and the whole of it: two albums

    shared = kinds(owned) & kinds(candidate)
    named_owned, named_cand = owned.named, candidate.named
    if shared:
        mine = {c for c in owned.catalogue if c[0] in shared}
        theirs = {c for c in candidate.catalogue if c[0] in shared}
        if mine == theirs:
            score = 1.0
        elif mine & theirs:
            score = 0.7  # one album holds a work more than the other
        else:
            return 0.1
    elif owned.numbers and candidate.numbers and _same_family(owned, candidate):
        if owned.numbers == candidate.numbers:
            score = 0.95
        elif owned.numbers & candidate.numbers:
            score = 0.65
        else:
            return 0.1
    elif named_owned and named_cand:
        if named_owned == named_cand:
            score = 0.95
        elif named_owned & named_cand:
            score = 0.65
        else:
            return 0.15
    elif owned.types and candidate.types and not owned.numbers and not owned.catalogue and (
        owned.types <= candidate.types or candidate.types <= owned.types
    ):
        # "Requiem" / "Requiem in D Minor, K. 626": the type is all the sleeve says.
        score = 0.85
    elif owned.types and candidate.types and not candidate.numbers and not candidate.catalogue and (
        not owned.numbers and (owned.types <= candidate.types or candidate.types <= owned.types)
    ):
        # "Cellokonzert H-moll Op. 104" / "Dvořák: Cello Concerto / Bloch: Schelomo": the type
        # is all Spotify's name says, and the sleeve numbers no work of that type either (a
        # "Symphony No. 5" against "The 9 Symphonies" is one of many).
        score = 0.85
    elif owned.types and candidate.types and not _same_family(owned, candidate):
        return 0.2
    else:
        return None
    if owned.key and candidate.key and owned.key != candidate.key and score >= 0.95:
        # (A coupling's key may be its other work's: "Piano Sonata In B Flat, D. 960 /
        # Allegretto In C Minor, D. 915".)
        return 0.1
    if owned.types and candidate.types and not _same_family(owned, candidate):
        score = min(score, 0.5)
    return score


def _same_family(a: Work, b: Work) -> bool:
    """Work types agree when one is unknown or they share a word ("concerto")."""
    if not a.types or not b.types:
        return True
    words_a = {w for t in a.types for w in t.split()}
    words_b = {w for t in b.types for w in t.split()}
    return bool(a.types & b.types) or bool(words_a & words_b - {"st"})
