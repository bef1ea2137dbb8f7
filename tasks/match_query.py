"""The two sides of a match: what is known of a Discogs album (`MatchQuery`), the fields of a
Spotify candidate, and the outcome (`Match`). Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tasks.classical import Work, parse_work
from tasks.normalize import clean_artist_name, clean_text, normalize_artist

VARIOUS_NAMES = frozenset({"various", "various artists", "v a", "va"})
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
    # A Discogs master whose year is not known yet (a first sync fetches few up front): the
    # lookup may ask for it.
    master_unknown: bool = False
    track_count: int | None = None
    is_compilation: bool = False
    is_single: bool = False
    genres: tuple[str, ...] = ()

    @property
    def work(self) -> Work:
        """The classical work the title names (empty for other music)."""
        return parse_work(self.title, self.artists)

    @property
    def is_classical(self) -> bool:
        """A classical recording: a composer credited or named, and a work or the genre."""
        work = self.work
        if "Classical" in self.genres:
            return work.composer is not None or work.identified
        # Without the genre (a CSV export) both must be there; a genre list without Classical
        # says no ("Sebastian Bach" sings rock).
        return not self.genres and work.composer is not None and work.identified

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
            year=positive_int(album.get("year")),
            master_year=positive_int(album.get("master_year")),
            master_unknown=bool(positive_int(album.get("master_id")))
            and not positive_int(album.get("master_year")),
            track_count=positive_int(album.get("track_count")),
            is_compilation=normalize_artist(artist) in VARIOUS_NAMES
            or bool(_COMP_FORMAT_RE.search(formats)),
            is_single=_is_single_format(formats),
            genres=tuple(str(g) for g in album.get("genres") or ()),
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


def positive_int(value: Any) -> int | None:
    """The value as a positive int, or None."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def candidate_year(candidate: Mapping[str, Any]) -> int | None:
    """The year of a candidate's release_date ("1991-09-24", "1991"), or None."""
    date = candidate.get("release_date")
    if not isinstance(date, str) or len(date) < 4 or not date[:4].isdigit():
        return None
    return positive_int(date[:4])


def candidate_artists(candidate: Mapping[str, Any]) -> list[str]:
    """The names of a candidate's artists, skipping malformed entries."""
    artists = candidate.get("artists")
    names: list[str] = []
    for a in artists if isinstance(artists, (list, tuple)) else ():
        if isinstance(a, Mapping) and isinstance(a.get("name"), str):
            names.append(a["name"])
    return names
