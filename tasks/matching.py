"""Pure Spotify matching: search query strings, candidate scoring and the linking decision.

No HTTP here. `tasks/spotify.py` runs `search_queries(q)` in order (limit at most 10 per search),
scores each result list with `best_spotify_match`, and stops at the first `matched`.
Comparison uses `tasks.normalize` forms only; nothing here changes what is displayed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from tasks.normalize import (
    clean_artist_name,
    clean_text,
    normalize_artist,
    normalize_title,
    strip_edition,
)

DEFAULT_THRESHOLD = 0.8  # tuned for precision on tests/data/match_set (tuning half)
UNCERTAIN_FLOOR = 0.5  # below it the best candidate is "not_found"; its id stays in evidence
SEARCH_LIMIT = 10  # Spotify development-mode apps: search limit at most 10 (Feb 2026)

WEIGHTS = {"artist": 0.35, "title": 0.45, "year": 0.1, "tracks": 0.05, "type": 0.05}

VARIOUS_NAMES = frozenset({"various", "various artists", "v a", "va"})

# Words that make a candidate a different recording than the album owned, unless the owned
# title says so itself ("Live At Leeds"). Factor multiplies the score.
_PENALTY_PATTERNS: tuple[tuple[str, str, float], ...] = (
    ("karaoke", r"\bkaraoke\b", 0.3),
    ("made_famous_by", r"\b(?:as )?made famous by\b", 0.3),
    ("in_the_style_of", r"\bin the style of\b", 0.3),
    ("originally_performed", r"\boriginally (?:performed|recorded) by\b", 0.3),
    ("tribute", r"\btribute\b", 0.35),
    ("renditions", r"\b(?:renditions?|lullaby versions?|string quartet|8 bit)\b", 0.4),
    ("cover_versions", r"\bcovers?\b|\bperforms?\b|\bplays?\b|\bsings?\b", 0.6),
    ("live", r"\blive\b|\bunplugged\b|\bin concert\b", 0.55),
    ("interview", r"\binterviews?\b|\bcommentary\b|\bspoken\b", 0.5),
    ("instrumental", r"\binstrumentals?\b|\bacapella\b|\ba cappella\b", 0.6),
    ("sped_up", r"\bsped up\b|\bslowed\b", 0.5),
    ("remix", r"\bremix(?:es|ed)?\b|\bmixes\b|\bdub version\b", 0.7),
    ("acoustic", r"\bacoustic\b|\bdemos?\b|\brehearsals?\b|\bsessions\b", 0.75),
)
_PENALTY_RES = tuple((name, re.compile(rx), f) for name, rx, f in _PENALTY_PATTERNS)

# Numbers and roman numerals that tell sequels apart ("Led Zeppelin" versus "Led Zeppelin II").
_NUMBER_WORD_RE = re.compile(r"^(?:\d+|ii|iii|iv|vi|vii|viii|ix|x|xi|xii)$")
_NUMBER_NAMES = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "ii": "2", "iii": "3", "iv": "4", "vi": "6",
    "vii": "7", "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12",
}
_BRACKETS_RE = re.compile(r"[(\[{][^()\[\]{}]*[)\]}]")
_TITLE_CUT_RE = re.compile(r"\s+(?:/|=|•|·|-|–|—)\s+")
_JOIN_RE = re.compile(
    r"\s+(?:&|\+|and|feat\.?|featuring|ft\.?|with|vs\.?|x|/|·|meets)\s+|\s*,\s+", re.IGNORECASE
)
_EDITION_WORD_RE = re.compile(r"\b(?:remaster|deluxe|expanded|anniversary|edition|bonus)")
_SINGLE_FORMAT_RE = re.compile(r"\b(?:single|ep|maxi)\b", re.IGNORECASE)
_SMALL_DISC_RE = re.compile(r'(?:^|[\s,])(?:7|10|12)"')
_LONG_FORMAT_RE = re.compile(r"\b(?:lp|album|comp|compilation)\b", re.IGNORECASE)
_COMP_FORMAT_RE = re.compile(r"\bcomp\b|\bcompilation\b", re.IGNORECASE)


@dataclass(frozen=True)
class MatchQuery:
    """What is known about one Discogs album when matching it on Spotify."""

    artist: str
    artists: tuple[str, ...]
    title: str
    year: int | None
    master_year: int | None = None
    track_count: int | None = None
    is_compilation: bool = False
    is_single: bool = False

    @property
    def is_various(self) -> bool:
        """True for a Discogs "Various" artists compilation."""
        return normalize_artist(self.artist) in VARIOUS_NAMES

    @property
    def main_artist(self) -> str:
        """The first credited artist (display form)."""
        return self.artists[0] if self.artists else self.artist

    @classmethod
    def from_album(cls, album: Mapping[str, Any]) -> MatchQuery:
        """Build from an album record (docs/CONTRACTS.md); cleans names again, harmlessly."""
        artist = clean_artist_name(album.get("artist"))
        artists = tuple(
            a for a in (clean_artist_name(x) for x in album.get("artists") or ()) if a
        ) or ((artist,) if artist else ())
        formats = " ".join(str(f) for f in album.get("formats") or ())
        return cls(
            artist=artist,
            artists=artists,
            title=clean_text(album.get("title")),
            year=_positive_int(album.get("year")),
            master_year=_positive_int(album.get("master_year")),
            track_count=_positive_int(album.get("track_count")),
            is_compilation=normalize_artist(artist) in VARIOUS_NAMES
            or bool(_COMP_FORMAT_RE.search(formats)),
            is_single=_is_single_format(formats),
        )


@dataclass(frozen=True)
class Match:
    """The chosen Spotify album (or none) with its score and the evidence behind it."""

    status: str  # "matched" | "uncertain" | "not_found"
    album: dict | None
    score: float
    evidence: dict = field(default_factory=dict)


def _is_single_format(formats: str) -> bool:
    """A single or EP by its Discogs format: "7\"", "12\", EP", "CD, Maxi" (not "LP, Album")."""
    if _SINGLE_FORMAT_RE.search(formats):
        return True
    return bool(_SMALL_DISC_RE.search(formats)) and not _LONG_FORMAT_RE.search(formats)


def _positive_int(value: Any) -> int | None:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def _quote_value(value: str) -> str:
    """A value for a single-quoted search filter: quotes inside it would end the filter early."""
    value = re.sub("['\u2018\u2019\"`\u00b4\u201c\u201d]", "", value)
    return " ".join(value.split())


def _main_title(title: str) -> str:
    """Display title cut to its core for a fallback search: no edition noise, no bracketed part,
    no side B, translation or subtitle ("Deseo = Desire" -> "Deseo")."""
    core = strip_edition(title)
    core = " ".join(_BRACKETS_RE.sub(" ", core).split()) or core
    core = _TITLE_CUT_RE.split(core, maxsplit=1)[0].strip() or core
    return core


def _main_name(artist: str) -> str:
    """First name of a joined credit: "Prince And The Revolution" -> "Prince"."""
    return _JOIN_RE.split(artist, maxsplit=1)[0].strip() or artist


def _usable(value: str) -> str:
    """The value, or "" when it has no letter or digit for the search to match."""
    return value if any(ch.isalnum() for ch in value) else ""


def search_queries(q: MatchQuery) -> list[str]:
    """Spotify search strings, most precise first; the caller stops at the first match.

    Values go inside single quotes, so quote characters are removed from them (Spotify's
    tokenizer ignores apostrophes: "Dont" finds "Don't"); an empty album filter is never sent.
    """
    title = _usable(_quote_value(q.title))
    core = _usable(_quote_value(_main_title(q.title)))
    artist = _usable(_quote_value(q.main_artist))
    queries: list[str] = []
    if not title:
        # A title of punctuation only ("( )", "★") makes a broken filter: search the artist.
        return [f"artist:'{artist}'"] if artist and not q.is_various else []
    if q.is_various or not artist:
        queries += [f"album:'{t}'" for t in (title, core) if t]
        queries += [core or title]
    else:
        queries += [f"album:'{t}' artist:'{artist}'" for t in (title, core) if t]
        queries += [f"{core or title} {_quote_value(_main_name(q.main_artist))}".strip()]
    return [x for x in dict.fromkeys(queries) if x]


def _candidate_year(candidate: Mapping[str, Any]) -> int | None:
    date = candidate.get("release_date")
    if not isinstance(date, str) or len(date) < 4 or not date[:4].isdigit():
        return None
    return _positive_int(date[:4])


def _candidate_artists(candidate: Mapping[str, Any]) -> list[str]:
    artists = candidate.get("artists")
    names: list[str] = []
    for a in artists if isinstance(artists, (list, tuple)) else ():
        if isinstance(a, Mapping) and isinstance(a.get("name"), str):
            names.append(a["name"])
    return names


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), 0.95 * fuzz.token_sort_ratio(a, b)) / 100.0


def _artist_similarity(a: str, b: str) -> float:
    """Like _similarity, but a name wholly inside the other counts ("Stooges" in "Iggy & ...")."""
    if not a or not b:
        return 0.0
    return max(_similarity(a, b), 0.85 * fuzz.token_set_ratio(a, b) / 100.0)


def _artist_score(q: MatchQuery, cand_artists: Sequence[str]) -> float:
    """Best similarity of any Discogs artist against any candidate artist, or the joined names."""
    cand_norm = [normalize_artist(a) for a in cand_artists]
    if q.is_various:
        if any(c in VARIOUS_NAMES for c in cand_norm):
            return 1.0
        return 0.7  # a compilation filed under its curator: no evidence either way
    joined = normalize_artist(" & ".join(cand_artists))
    best = _artist_similarity(normalize_artist(q.artist), joined)
    for i, qa in enumerate(q.artists):
        qn = normalize_artist(qa)
        weight = 1.0 if i == 0 else 0.9  # a featured artist alone is weaker evidence
        for cn in cand_norm:
            best = max(best, weight * _artist_similarity(qn, cn))
    return best


def _numbers(title_norm: str) -> set[str]:
    words = (_NUMBER_NAMES.get(w, w) for w in title_norm.split())
    return {w.lstrip("0") or "0" for w in words if _NUMBER_WORD_RE.match(w)}


def _base_title(title: str) -> str:
    """The title without any bracketed part: "Weezer (Blue Album)" -> "Weezer"."""
    return " ".join(_BRACKETS_RE.sub(" ", title).split())


def _title_score(q_title: str, c_title: str) -> tuple[float, bool]:
    """Title similarity on comparison forms, with bracketed parts, and per side of "A / B"."""
    qn, cn = normalize_title(q_title), normalize_title(c_title)
    score = _similarity(qn, cn)
    # Spotify and Discogs disagree on bracketed subtitles ("Weezer (Blue Album)", "★ (Blackstar)").
    q_base, c_base = _base_title(q_title), _base_title(c_title)
    for a, b in ((q_base, c_title), (q_title, c_base), (q_base, c_base)):
        if a and b and (a, b) != (q_title, c_title):
            score = max(score, 0.9 * _similarity(normalize_title(a), normalize_title(b)))
    # Discogs titles a single "A-side / B-side" and a bilingual pressing "Deseo = Desire".
    for sep in (" / ", " = "):
        if sep in q_title:
            for side in q_title.split(sep):
                score = max(score, 0.95 * _similarity(normalize_title(side), cn))
    number_mismatch = _numbers(qn) != _numbers(cn)
    return score, number_mismatch


def _year_score(q: MatchQuery, cand_year: int | None) -> float | None:
    if cand_year is None:
        return None
    if q.master_year:
        d = abs(cand_year - q.master_year)
        return max(0.0, 1.0 - 0.1 * d) if d > 1 else 1.0 - 0.05 * d
    if q.year:
        # Without a master year the owned pressing may be a reissue: an earlier Spotify date is
        # plausible (the original), a later one less so.
        if cand_year <= q.year:
            return 1.0 if cand_year == q.year else 0.8
        return max(0.0, 0.9 - 0.1 * (cand_year - q.year))
    return None


def _far_year(q: MatchQuery, cand_year: int) -> bool:
    """A date no edition of the album could have: far from the master year, or well after the
    owned pressing when only that is known."""
    if q.master_year:
        return abs(cand_year - q.master_year) > 3
    return bool(q.year) and cand_year - q.year > 3


def _tracks_score(q: MatchQuery, total: Any) -> float | None:
    n = _positive_int(total)
    if not q.track_count or n is None:
        return None
    return min(n, q.track_count) / max(n, q.track_count)


def _type_score(q: MatchQuery, album_type: Any) -> float | None:
    if album_type == "album":
        return 0.6 if q.is_single else 1.0
    if album_type == "single":
        return 1.0 if q.is_single or (q.track_count is not None and q.track_count <= 4) else 0.3
    if album_type == "compilation":
        return 1.0 if q.is_compilation else 0.7
    return None


def score_candidate(q: MatchQuery, candidate: dict) -> tuple[float, dict]:
    """Score one Spotify simplified album 0..1 against the query, with per-field evidence.

    The base score is the weighted mean of the fields that are known on both sides (WEIGHTS);
    each penalty that applies multiplies it. Missing keys (old search items have no
    release_date or total_tracks) leave their field out rather than count against it.
    """
    name = candidate.get("name") if isinstance(candidate.get("name"), str) else ""
    cand_artists = _candidate_artists(candidate)
    title, number_mismatch = _title_score(q.title, name)
    fields: dict[str, float | None] = {
        "artist": _artist_score(q, cand_artists),
        "title": title,
        "year": _year_score(q, _candidate_year(candidate)),
        "tracks": _tracks_score(q, candidate.get("total_tracks")),
        "type": _type_score(q, candidate.get("album_type")),
    }
    known = {k: v for k, v in fields.items() if v is not None}
    weight = sum(WEIGHTS[k] for k in known)
    base = sum(WEIGHTS[k] * v for k, v in known.items()) / weight

    penalties: dict[str, float] = {}
    query_words = f"{normalize_title(q.title)} {normalize_artist(q.artist)}"
    cand_words = f"{normalize_title(name)} {' '.join(normalize_artist(a) for a in cand_artists)}"
    for pname, rx, factor in _PENALTY_RES:
        if rx.search(cand_words) and not rx.search(query_words):
            penalties[pname] = factor
    if fields["artist"] < 0.75:
        penalties["other_artist"] = 0.5
    if title < 0.8:
        penalties["other_title"] = 0.7
    if number_mismatch:
        penalties["number_mismatch"] = 0.6
    is_edition = bool(_EDITION_WORD_RE.search(name.casefold()))
    # Prefer the plain album to its remaster or deluxe edition when both are offered.
    if is_edition and not _EDITION_WORD_RE.search(q.title.casefold()):
        penalties["edition"] = 0.98
    album_type = candidate.get("album_type")
    if album_type == "single" and fields["type"] is not None and fields["type"] < 1.0:
        penalties["single_for_album"] = 0.6
    if album_type in ("album", "compilation") and q.is_single:
        penalties["album_for_single"] = 0.85
    cand_year = _candidate_year(candidate)
    # A remaster may carry its own date; a compilation's "remastered" namesake is another one.
    if cand_year and (q.is_compilation or not is_edition) and _far_year(q, cand_year):
        penalties["year_far"] = 0.85
    tracks = fields["tracks"]
    if q.is_compilation and tracks is not None and tracks < 0.6:
        # A compilation with another track list is another compilation of the same name.
        penalties["compilation_tracks"] = 0.75
    score = base
    for factor in penalties.values():
        score *= factor
    evidence = {
        **{k: (round(v, 4) if v is not None else None) for k, v in fields.items()},
        "base": round(base, 4),
        "penalties": penalties,
    }
    return round(score, 4), evidence


def best_spotify_match(
    q: MatchQuery, candidates: list[dict], threshold: float = DEFAULT_THRESHOLD
) -> Match:
    """Pick the best candidate; link it only at or above `threshold`, else keep it as uncertain."""
    scored = []
    for i, c in enumerate(candidates or ()):
        if not isinstance(c, dict):
            continue
        score, evidence = score_candidate(q, c)
        scored.append((score, -i, c, evidence))
    if not scored:
        return Match("not_found", None, 0.0, {"candidates": 0})
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    score, _, best, evidence = scored[0]
    evidence = {
        **evidence,
        "candidates": len(scored),
        "spotify_id": best.get("id"),
        "runner_up_score": scored[1][0] if len(scored) > 1 else None,
        "runner_up_id": scored[1][2].get("id") if len(scored) > 1 else None,
        "threshold": threshold,
    }
    if score >= threshold:
        return Match("matched", best, score, evidence)
    if score >= UNCERTAIN_FLOOR:
        return Match("uncertain", best, score, evidence)
    return Match("not_found", None, score, evidence)
