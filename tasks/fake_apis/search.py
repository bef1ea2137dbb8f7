"""The fake Spotify album search over a fixed catalogue, with development-mode rules. Pure.

One engine for both paths that measure the matcher: the HTTP fake's `GET /search` (spotify.py)
and the in-process evaluation (tasks/match_eval.py). It answers any query string the way the
real search answers an app in development mode, strictly:

* field filters `album:`, `artist:`, `year:` (a year or a range `year:1970-1979`); a value is
  one bare word, or single-quoted. As on Spotify, the first apostrophe after the opening quote
  closes the value: `album:'What's Going On'` filters on "What" and leaves "s Going On'" as free
  text. A double-quoted filter matches nothing (peers report so). An empty filter (`album:''`,
  `album: artist:x`) is refused (`QueryError`; the HTTP fake answers 400). Other fields
  (track:, genre:, upc:, isrc:, tag:) match no album.
* every word of an `album:` filter must be a word of the album name; every word of an `artist:`
  filter a word of one artist's name; every free word a word of the name or of an artist;
* words are folded (case, accents, apostrophes dropped inside a word, other punctuation splits);
  no synonyms, stemming, prefixes or typo tolerance;
* results ranked by `popularity` (then catalogue order), at most `limit` (10 at most).

Imports nothing of the project, so the evaluation cannot borrow the matcher's own folding.
Ranking uses `popularity` where the catalogue has it, though development-mode answers leave it
out (spotify.dev_mode_album): Spotify ranks by it all the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_LIMIT = 10  # development-mode apps get a 400 above 10 (February 2026)
FIELDS = ("album", "artist", "year", "track", "genre", "upc", "isrc", "tag")

_FIELD_RE = re.compile(r"(?<!\S)(" + "|".join(FIELDS) + r"):")
_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th", "ł": "l",
                          "đ": "d", "ı": "i", "ß": "ss"})
_APOSTROPHES_RE = re.compile("['\u2018\u2019`\u00b4\u02bc]")
_NON_WORD_RE = re.compile(r"[\W_]+")


def fold_words(text: str) -> list[str]:
    """Search words of a text: lower case, accents off, apostrophes dropped, punctuation splits."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES_RE.sub("", text.translate(_LETTERS))
    return _NON_WORD_RE.sub(" ", text).split()


class QueryError(ValueError):
    """A query Spotify refuses with 400 (an empty field filter)."""


@dataclass(frozen=True)
class ParsedQuery:
    """A query split the way Spotify splits it."""

    filters: tuple[tuple[str, str], ...] = ()
    free: str = ""
    double_quoted: bool = False


def parse_query(q: str) -> ParsedQuery:
    """Field filters in order, the free text, and whether a filter was double-quoted."""
    filters: list[tuple[str, str]] = []
    free: list[str] = []
    double_quoted = False
    pos = 0
    while pos < len(q):
        m = _FIELD_RE.search(q, pos)
        if m is None:
            free.append(q[pos:])
            break
        free.append(q[pos:m.start()])
        start = m.end()
        if q.startswith("'", start) or q.startswith('"', start):
            quote = q[start]
            double_quoted = double_quoted or quote == '"'
            close = q.find(quote, start + 1)
            end = len(q) if close < 0 else close
            filters.append((m.group(1), q[start + 1:end]))
            pos = end + 1
        else:
            end = start
            while end < len(q) and not q[end].isspace():
                end += 1
            filters.append((m.group(1), q[start:end]))
            pos = end
    return ParsedQuery(tuple(filters), " ".join(" ".join(free).split()), double_quoted)


def _year_ok(release_date: Any, wanted: str) -> bool:
    year = str(release_date or "")[:4]
    low, _, high = wanted.strip().partition("-")
    if not (year.isdigit() and low.isdigit() and (not high or high.isdigit())):
        return False
    return int(low) <= int(year) <= int(high or low)


@dataclass
class FakeSearch:
    """The search engine over one catalogue of Spotify simplified albums (with popularity)."""

    catalogue: list[dict[str, Any]]
    queries: list[str] = field(default_factory=list)  # every query answered, in order

    def __post_init__(self) -> None:
        unique: dict[str, dict[str, Any]] = {}
        for album in self.catalogue:
            unique.setdefault(str(album.get("id")), album)
        ranked = sorted(enumerate(unique.values()),
                        key=lambda t: (-(t[1].get("popularity") or 0), t[0]))
        self._albums = [a for _, a in ranked]
        self._by_id = {str(a.get("id")): a for a in self._albums}
        self._name_words = [set(fold_words(str(a.get("name") or ""))) for a in self._albums]
        self._artist_words = [
            [set(fold_words(str(x.get("name") or ""))) for x in a.get("artists") or ()
             if isinstance(x, Mapping)]
            for a in self._albums
        ]
        # Every filter word must be a word of the name or of an artist: the albums holding all
        # of a query's words are the only ones worth checking field by field (10,000+ items).
        self._index: dict[str, set[int]] = {}
        for position, (name_words, artist_words) in enumerate(
            zip(self._name_words, self._artist_words, strict=True)
        ):
            for word in name_words.union(*artist_words):
                self._index.setdefault(word, set()).add(position)

    @classmethod
    def from_files(cls, sets: Iterable[Mapping[str, Any]]) -> FakeSearch:
        """The union of the catalogues of several labeled-set files (already parsed)."""
        return cls([album for s in sets for album in s.get("catalogue") or ()])

    def search(self, q: str, limit: int = MAX_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
        """The albums Spotify would return for `q`, most popular first; QueryError for a 400."""
        self.queries.append(q)
        return self.find(q)[offset:offset + min(limit, MAX_LIMIT)]

    def album(self, album_id: str) -> dict[str, Any] | None:
        """The catalogue album with this id (what GET /albums/{id} is built from), or None."""
        return self._by_id.get(album_id)

    def find(self, q: str) -> list[dict[str, Any]]:
        """Every album matching `q`, ranked (no limit; not counted as a search)."""
        parsed = parse_query(q)
        if any(not value.strip() for _, value in parsed.filters):
            raise QueryError("empty field filter")
        if parsed.double_quoted:
            return []
        free = set(fold_words(parsed.free))
        wanted: list[tuple[str, Any]] = []
        for name, value in parsed.filters:
            if name == "year":
                wanted.append((name, value))
            elif name in ("album", "artist"):
                words = set(fold_words(value))
                if not words:
                    return []  # only punctuation (album:'?'): no word can match
                wanted.append((name, words))
            else:
                return []
        if not wanted and not free:
            return []
        words = free.union(*(v for f, v in wanted if f != "year"))
        positions = (sorted(set.intersection(*(self._index.get(w, set()) for w in words)))
                     if words else range(len(self._albums)))
        out = []
        for i in positions:
            album, name_words, artist_words = (self._albums[i], self._name_words[i],
                                               self._artist_words[i])
            if free and not free <= name_words.union(*artist_words):
                continue
            if all(self._field_ok(album, name_words, artist_words, f, v) for f, v in wanted):
                out.append(album)
        return out

    @staticmethod
    def _field_ok(album: Mapping[str, Any], name_words: set[str],
                  artist_words: list[set[str]], name: str, value: Any) -> bool:
        if name == "album":
            return value <= name_words
        if name == "artist":
            return any(value <= words for words in artist_words)
        return _year_ok(album.get("release_date"), value)
