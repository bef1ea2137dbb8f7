"""Evidence rules: the words that mark another recording (penalties), and when year and track
count may stand in for a title or an artist name that differs. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from tasks.languages import shared_stems, translated_title
from tasks.match_query import MatchQuery, candidate_artists, candidate_year, positive_int
from tasks.match_text import (
    PLACEHOLDER_TITLES,
    base_title,
    is_latin_text,
    same_title_form,
    scripts_differ,
    title_numbers,
    title_score,
)
from tasks.normalize import normalize_artist, normalize_title

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
CLASSICAL_PENALTIES = frozenset({"karaoke", "made_famous_by", "in_the_style_of",
                                  "originally_performed", "tribute", "live", "interview",
                                  "sped_up", "remix"})
PENALTY_RES = tuple((name, re.compile(rx), f) for name, rx, f in _PENALTY_PATTERNS)


def year_and_tracks_agree(q: MatchQuery, candidate: Mapping[str, Any]) -> bool:
    """The candidate's year is the original year exactly and its track count the owned one's:
    the evidence that may stand in for a title or an artist name that differs."""
    year = q.master_year or (q.year if not q.master_year else None)
    tracks = positive_int(candidate.get("total_tracks"))
    if not (year and q.track_count and tracks == q.track_count
            and candidate_year(candidate) == year):
        return False
    if candidate.get("album_type") in ("album", "compilation"):
        return q.track_count >= 3
    # A single's two sides agree with any other single of that year; only where text cannot
    # compare the artists (two scripts) does that stand for the same record (上を向いて歩こう).
    return candidate.get("album_type") == "single" and q.is_single and any(
        scripts_differ(q.main_artist, a) for a in candidate_artists(candidate))


def evidence_rule(q: MatchQuery, name: str, artist: float, title: float,
                   number_mismatch: bool, cand_artists: Sequence[str] = ()) -> str | None:
    """Which evidence rule lets a candidate whose year and track count agree stand in for
    a different name: `renamed_artist` (same title, another artist name), `same_words`
    (same artist, the title's words inside the other: "Loaded" / "Loaded featuring Lou Reed",
    "Peter Gabriel" / "Peter Gabriel 1: Car", "Standing On A Beach • The Singles" / "Standing
    On A Beach"), `translated_title` (same artist, a translation that kept a cognate: "Sus
    Satánicas Majestades Piden" / "Their Satanic Majesties Request"), `year_and_tracks_only`
    (same artist, a sleeve title in another script than Spotify's: "ΚΕΦΑΛΗΞΘ" / "Psalm 69")."""
    qn, cn = normalize_title(q.title), normalize_title(name)
    if artist < 0.75:
        # A one-word title is too common to stand for the artist; a title in another script
        # is long enough at three characters (はっぴいえんど, 無罪モラトリアム).
        distinctive = len(qn.split()) >= 2 or (
            not is_latin_text(q.title) and len(qn.replace(" ", "")) >= 3)
        # Names in two scripts ("Taeko Ohnuki" / "大貫妙子") are unknown, not different: the
        # same title, year and track count are enough for any real title (吻別, "Sunshower").
        if any(scripts_differ(q.main_artist, a) for a in cand_artists):
            distinctive = bool(qn) and qn not in PLACEHOLDER_TITLES and (
                len(qn.replace(" ", "")) >= 2 if not is_latin_text(q.title) else len(qn) >= 4)
        exact = title >= 0.97 or any(scripts_differ(q.main_artist, a) for a in cand_artists) \
            and same_title_form(q.title, name)
        if exact and distinctive and not number_mismatch:
            return "renamed_artist"
        return None
    if artist < 0.9 or title >= 0.8 and not number_mismatch:
        return None
    q_words, c_words = set(qn.split()), set(cn.split())
    if q_words and c_words and (q_words <= c_words or c_words <= q_words) and (
        not number_mismatch or not title_numbers(qn) or only_span_years_added(q, qn, cn)
    ):
        return "same_words"
    if number_mismatch and title_numbers(qn):
        return None
    if translated_title(q.title, name) and shared_stems(q.title, name):
        # A translation that kept a cognate ("Sus Satánicas Majestades Piden" / "Their Satanic
        # Majesties Request"): the title itself points at this album, not only its length.
        return "translated_title"
    overlap = len(q_words & c_words) / max(1, min(len(q_words), len(c_words)))
    if overlap >= 0.5 and not number_mismatch:
        return "same_words"
    if scripts_differ(q.title, name) or qn in PLACEHOLDER_TITLES or (
        normalize_artist(q.main_artist) and normalize_artist(q.main_artist) in cn
    ) or translated_title(q.title, name):
        # Another script either way ("ΚΕΦΑΛΗΞΘ" / "Psalm 69", "Black Ship" / "黒船"),
        # "Untitled", an album Spotify names after the artist ("David Bowie (aka Space
        # Oddity)" for "Man Of Words / Man Of Music"), or a pressing that translated an English
        # title ("Una Noche En La Ópera" / "A Night At The Opera").
        return "year_and_tracks_only"
    return None


_LIVE_RE = next(rx for name, rx, _ in PENALTY_RES if name == "live")


def only_album_of_year(q: MatchQuery, candidate: Mapping[str, Any], name: str,
                        cand_artists: Sequence[str], number_mismatch: bool) -> bool:
    """The artist's album of the master year with the owned track count may stand in for a
    title Spotify changed ("Electric Café" / "Techno Pop"), whatever the two titles say: the
    artist exactly the sleeve's, an album on both sides (not a single, compilation, live or
    remix record, whose years and lengths repeat), and no other number in the title.
    `best_spotify_match` links it only when no other album of that year, and no album under
    the sleeve's own title, is on offer."""
    if q.is_classical or q.is_various or q.is_compilation or q.is_single or not q.master_year:
        return False  # a pressing year alone may be a reissue's, of any album of that year
    if candidate.get("album_type") != "album" or number_mismatch and title_numbers(
        normalize_title(q.title)
    ):
        return False
    wanted = normalize_artist(q.main_artist)
    if not wanted or wanted not in {normalize_artist(a) for a in cand_artists}:
        return False
    owned = normalize_title(q.title)
    # A live, remix or acoustic record shares its year and length with the studio album.
    return not _LIVE_RE.search(normalize_title(name)) and not any(
        rx.search(owned) for _, rx, _ in PENALTY_RES)


# A bare tag Spotify appends to a live album's name: "(Live)", "[Live]", "(Live Version)".
_LIVE_TAG_RE = re.compile(r"[(\[]\s*live(?:\s+(?:version|album|recording))?\s*[)\]]",
                          re.IGNORECASE)
# "(Live At The Sands Hotel And Casino/1966)": the place is its first word after at/in (the).
_LIVE_AT_RE = re.compile(r"[(\[]\s*live\s+(?:at|in|from)\s+(?:the\s+)?(\w+)[^)\]]*[)\]]",
                         re.IGNORECASE)


def live_tag_on_own_title(q: MatchQuery, name: str, cand_year: int | None,
                          tracks: int | None = None) -> bool:
    """Spotify tags a live album "[Live]" where its sleeve says nothing of a concert ("Grateful
    Dead" / "Grateful Dead (Skull & Roses) [Live]"): the record itself, not a live version of
    it, when the name outside its brackets is the sleeve's title and the date the original
    year (a later concert of the same songs has its own date)."""
    reference = q.master_year or q.year
    place = _LIVE_AT_RE.search(name)
    # A concert the brackets name is the sleeve's only when the sleeve names its place too
    # ("Sinatra At The Sands" / "... (Live At The Sands Hotel And Casino/1966)").
    named_on_sleeve = bool(place) and normalize_title(place.group(1)) in normalize_title(
        q.title).split()
    # Or its track list is the sleeve's: a studio album does not come out in the same year as
    # a concert of its name and length ("The 12 Year Old Genius" / "... (Live At The Regal
    # Theater, Chicago / 1962)"). Not for a title that is the artist's name ("Grateful Dead
    # (Live At The Fillmore)" is the band at a concert).
    named_on_sleeve = named_on_sleeve or bool(place) and bool(q.track_count) and (
        tracks == q.track_count) and normalize_title(base_title(q.title)) not in (
        normalize_title(q.main_artist), normalize_title(q.artist))
    if not (reference and cand_year == reference and (_LIVE_TAG_RE.search(name)
                                                       or named_on_sleeve)):
        return False
    base = normalize_title(base_title(name))
    if not base or _LIVE_RE.search(base):
        return False
    score, number_mismatch = title_score(base_title(q.title), base_title(name))
    # The same title, or written another way ("Volume 1" / "Vol. 1").
    return base == normalize_title(base_title(q.title)) or (score >= 0.9 and not number_mismatch)


def only_span_years_added(q: MatchQuery, qn: str, cn: str) -> bool:
    """The sleeve's title has numbers Spotify's name lacks, and they are all years up to the
    record's own: a career span it drops ("Death To The Pixies 1987-1991" / "Death To The
    Pixies"). Any number of Spotify's must be the sleeve's too ("1970-1980" is not "1980-1990")."""
    reference = q.master_year or q.year
    q_numbers, c_numbers = title_numbers(qn), title_numbers(cn)
    extra = q_numbers - c_numbers
    return bool(reference and extra) and c_numbers <= q_numbers and all(
        len(n) == 4 and n.isdigit() and 1900 <= int(n) <= reference for n in extra)
