"""Pure Spotify matching: the search plan, candidate scoring and the linking decision.

No HTTP here. `tasks/spotify.py` asks `next_search(q, done)` for the next query given what the
earlier ones returned, sends it (at most 10 results), and stops once `decide(q, done)` links an
album; the evaluation (tasks/match_eval.py) runs the same loop. Comparison uses `tasks.normalize`
forms (and `tasks.classical` for classical works); nothing here changes what is displayed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from tasks.classical import Work, composer_of, parse_work, performer_words, work_agreement
from tasks.languages import shared_stems, translated_title
from tasks.normalize import (
    clean_artist_name,
    clean_text,
    normalize_artist,
    normalize_title,
    strip_edition,
)
from tasks.scripts import kana_to_latin, simplified_chinese

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
_CLASSICAL_PENALTIES = frozenset({"karaoke", "made_famous_by", "in_the_style_of",
                                  "originally_performed", "tribute", "live", "interview",
                                  "sped_up", "remix"})
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
            year=_positive_int(album.get("year")),
            master_year=_positive_int(album.get("master_year")),
            track_count=_positive_int(album.get("track_count")),
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


# Sleeve words Spotify drops: "The Original Soundtrack Of X", "Music From The Motion Picture X".
_SOUNDTRACK_LEAD_RE = re.compile(
    r"^(?:the )?(?:original )?(?:motion picture |film |movie )?(?:soundtrack|score) "
    r"(?:from|of|to) (?:the )?(?:(?:motion picture|film|movie|musical) )?"
    r"|^(?:original )?music from the (?:original )?(?:motion picture|film|movie|musical) ",
    re.IGNORECASE)


# "X Original Soundtrack", "X (Original Motion Picture Soundtrack)", "X - Music From The Film":
# the words that say a record is a film's music, around the film's name.
_SOUNDTRACK_TAIL_RE = re.compile(
    r"\s*(?:[-\u2013\u2014:/(\[]\s*)?(?:the )?(?:original |official )?(?:motion picture |film |"
    r"movie |television |tv |broadway |london |original )*(?:(?:cast )?(?:sound ?track|score|"
    r"recording)|music from (?:and inspired by )?(?:the )?(?:original )?(?:motion picture|film|"
    r"movie|musical)|ost|o s t)(?: album)?\s*[)\]]?\s*$", re.IGNORECASE)
_SOUNDTRACK_WORD_RE = re.compile(r"\b(?:sound ?track|score|motion picture|ost|o\.s\.t|cast "
                                 r"recording)\b", re.IGNORECASE)


def _film_title(title: str) -> str:
    """The film's name in a soundtrack's title, "" when the title says nothing of a film."""
    if not _SOUNDTRACK_WORD_RE.search(title) and not _SOUNDTRACK_LEAD_RE.search(title):
        return ""
    core = _SOUNDTRACK_LEAD_RE.sub("", title.strip())
    core = _SOUNDTRACK_TAIL_RE.sub("", core).strip(" -:")
    return core if core and core != title.strip() else ""


def _main_title(title: str) -> str:
    """Display title cut to its core for a fallback search: no edition noise, no bracketed part,
    no side B, translation or subtitle ("Deseo = Desire" -> "Deseo")."""
    core = strip_edition(title)
    core = " ".join(_BRACKETS_RE.sub(" ", core).split()) or core
    core = _TITLE_CUT_RE.split(core, maxsplit=1)[0].strip() or core
    core = _SOUNDTRACK_LEAD_RE.sub("", core).strip() or core
    return _SOUNDTRACK_TAIL_RE.sub("", core).strip() or core


def _main_name(artist: str) -> str:
    """First name of a joined credit: "Prince And The Revolution" -> "Prince"."""
    return _JOIN_RE.split(artist, maxsplit=1)[0].strip() or artist


def _usable(value: str) -> str:
    """The value, or "" when it has no letter or digit for the search to match."""
    return value if any(ch.isalnum() for ch in value) else ""


_FILTER_DROP_RE = re.compile(r"(?:^|\s)(?:&|\+|and|the)(?=\s|$)", re.IGNORECASE)
MAX_SEARCHES = 4  # per album; classical gets one more (CLASSICAL_MAX_SEARCHES)
CLASSICAL_MAX_SEARCHES = 4
YEAR_SLACK = 1  # a year filter spans the known year +- this


@dataclass(frozen=True)
class Search:
    """One planned Spotify search and the name of its form (stored in the evidence)."""

    query: str
    form: str


@dataclass(frozen=True)
class Searched:
    """A search sent and the items it returned."""

    search: Search
    results: tuple[dict, ...]


def _artist_value(name: str) -> str:
    """An artist for an `artist:` filter: no quotes, and no join words ("&", "and", "the") a
    Spotify credit may spell otherwise ("Iggy And The Stooges" / "Iggy & The Stooges")."""
    value = _quote_value(name)
    stripped = " ".join(_FILTER_DROP_RE.sub(" ", value).split())
    return _usable(stripped) or _usable(value)


def _album_value(title: str) -> str:
    """A title for an `album:` filter: no quotes, and no join words ("&", "and", "the") that
    Spotify's name may spell otherwise or leave out ("Simon And Garfunkel's Greatest Hits" /
    "Simon & Garfunkel's Greatest Hits"): every word of a filter must be in the name."""
    value = _quote_value(title)
    stripped = " ".join(_FILTER_DROP_RE.sub(" ", value).split())
    return _usable(stripped) or _usable(value)


def _year_range(q: MatchQuery) -> str | None:
    """`year:` filter value around the original year (the master's; else the pressing's when it
    is the only one); None when no year is known."""
    year = q.master_year or q.year
    if not year:
        return None
    return f"{year - YEAR_SLACK}-{year + YEAR_SLACK}"


def _title_sides(title: str) -> list[str]:
    """The titles of a bilingual pressing "原題 = English Title", Latin script first (Spotify
    uses one of them; a Latin one more often)."""
    parts = [p.strip() for p in _BRACKETS_RE.sub(" ", strip_edition(title)).split(" = ")]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return []
    return sorted(parts, key=lambda p: not _is_latin_text(p))


def _classical_plan(q: MatchQuery) -> list[Search]:
    work = q.work
    composer = _artist_value(work.composer or q.main_artist)
    performers = performer_words(q.artists, work.composer)
    # A performer in another script would only empty the results (see `performer_words`).
    performer = _quote_value(performers[0]) if performers and _is_latin_text(performers[0]) \
        else ""
    plan: list[Search] = []
    catalogue = _quote_value(work.catalogue_words())
    words = _quote_value(work.search_words())
    core = _usable(_quote_value(_main_title(q.title)))
    years = _year_range(q)
    if catalogue:
        plan.append(Search(f"artist:'{composer}' album:'{catalogue}' {performer}".strip(),
                           "classical_catalogue"))
    if words and words != catalogue:
        plan.append(Search(f"artist:'{composer}' album:'{words}' {performer}".strip(),
                           "classical_work"))
    if not work.identified and core:
        plan.append(Search(f"album:'{core}' artist:'{composer}' {performer}".strip(),
                           "classical_title"))
    if performer:
        plan.append(Search(f"artist:'{performer}' {composer}", "classical_performer_list"))
    if years and (catalogue or words):
        # Without the performer's word (spelled otherwise on Spotify: "Mrawinski"), and by the
        # work's number: Spotify's name may leave the opus number out.
        plan.append(Search(f"artist:'{composer}' album:'{words or catalogue}' year:{years}",
                           "classical_work_year"))
    if years and q.master_year:
        # The composer's albums of the year: for a title no work word survives ("Die 12
        # Londoner Sinfonien" / "12 London Symphonies").
        plan.append(Search(f"artist:'{composer}' year:{years}", "classical_composer_year"))
    return plan


def search_plan(q: MatchQuery) -> list[Search]:
    """Every search worth sending for the album, most precise first, before adapting to
    what the searches return (see `next_search`).

    Values go inside single quotes with quote characters removed: Spotify ends a quoted value at
    the first apostrophe, and its tokenizer ignores them ("Dont" finds "Don't").
    """
    title = _album_value(q.title)
    core = _album_value(_main_title(q.title))
    artist = _artist_value(_main_name(q.main_artist))
    years = _year_range(q)
    if q.is_classical and not q.is_various:
        plan = _classical_plan(q)
    elif not title:
        # A title of punctuation only ("( )", "★") makes a broken filter: list the artist.
        plan = [Search(f"artist:'{artist}'", "artist_list")] if artist and not q.is_various \
            else []
    elif q.is_various or not artist:
        plan = [Search(f"album:'{t}'", "album") for t in (title, core) if t]
        if years:
            plan.append(Search(f"album:'{core or title}' year:{years}", "album_year"))
    else:
        sides = _title_sides(q.title)
        # Both titles in one filter find nothing: a bilingual title is searched side by side.
        plan = [] if sides else [Search(f"album:'{title}' artist:'{artist}'", "album_artist")]
        if core and core != title and not sides:
            plan.append(Search(f"album:'{core}' artist:'{artist}'", "core_artist"))
        for side in sides:
            side_value = _album_value(side)
            if side_value:
                plan.append(Search(f"album:'{side_value}' artist:'{artist}'", "side_artist"))
        latin = _latin_form(_main_name(q.main_artist))
        if latin and _usable(_artist_value(latin)):
            # A Greek or Russian credit that Spotify spells in Latin letters: its albums there.
            plan.append(Search(f"artist:'{_artist_value(latin)}' year:{years}"
                               if years and q.master_year else f"artist:'{_artist_value(latin)}'",
                               "latin_artist"))
        if years and q.master_year:
            plan.append(Search(f"artist:'{artist}' year:{years}", "artist_year"))
        else:
            plan.append(Search(f"artist:'{artist}'", "artist_list"))
        # A renamed artist: the title alone, where year and track count must agree.
        plan.append(Search(f"album:'{core or title}' year:{years}" if years
                           else f"album:'{core or title}'", "title_year"))
        if _other_script(q.title) and _is_latin_text(q.main_artist):
            # A title in its own script under a romanized credit ("Yumi Arai" - "ひこうき雲"):
            # Spotify names such an artist in that script too (荒井由実), so the title alone
            # is the search that finds it; the credit's searches come after.
            plan.insert(0, plan.pop())
        if _other_script(q.title):
            # Spotify may file the title in simplified characters, or a romanized reissue of
            # another year under the artist's Latin name: the whole listing.
            simple = _usable(_quote_value(simplified_chinese(_main_title(q.title)) or ""))
            if simple:
                plan.append(Search(f"album:'{simple}' year:{years}" if years
                                   else f"album:'{simple}'", "title_simplified"))
            if years and q.master_year and _is_latin_text(q.main_artist):
                plan.append(Search(f"artist:'{artist}'", "artist_list"))
    unique: dict[str, Search] = {}
    for step in plan:
        unique.setdefault(step.query, step)
    return list(unique.values())


def search_queries(q: MatchQuery) -> list[str]:
    """The query strings of `search_plan`, in order."""
    return [step.query for step in search_plan(q)]


def _artist_known(q: MatchQuery, done: Sequence[Searched]) -> bool:
    """True when some result so far is credited to the album's artist."""
    for searched in done:
        for item in searched.results:
            if _artist_score(q, _candidate_artists(item)) >= 0.85:
                return True
    return False


def next_search(q: MatchQuery, done: Sequence[Searched]) -> Search | None:
    """The next search to send given what the earlier ones returned; None when done."""
    limit = CLASSICAL_MAX_SEARCHES if q.is_classical else MAX_SEARCHES
    if not q.is_classical and _other_script(q.title):
        limit += 1  # a title in another script has forms to try (see `search_plan`)
    if len(done) >= limit:
        return None
    sent = {s.search.query for s in done}
    for step in search_plan(q):
        if step.query in sent:
            continue
        # The title alone is for an artist Spotify knows under another name: skip it once any
        # result is credited to the name on the sleeve, unless the title is in another script
        # (Spotify may file a band's Hebrew or Japanese albums under the name in that script).
        if step.form == "title_year" and _is_latin_text(q.title) and _artist_known(q, done):
            continue
        return step
    return None


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


def _abbreviates(short: str, full: str) -> bool:
    """True when `short` spells `full` with initials: "t rex" / "tyrannosaurus rex",
    "lady a" / "lady antebellum", "elo" / "electric light orchestra"."""
    s_words, f_words = short.split(), full.split()
    if not s_words or s_words == f_words:
        return False
    if len(s_words) == 1 and len(f_words) >= 3 and len(s_words[0]) == len(f_words):
        return s_words[0] == "".join(w[0] for w in f_words)
    if len(s_words) != len(f_words) or not any(len(w) == 1 for w in s_words):
        return False
    return all(a == b or len(a) == 1 and b.startswith(a) for a, b in zip(s_words, f_words,
                                                                          strict=True))


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
        q_latin = _latin_form(qa)
        for c, cn in zip(cand_artists, cand_norm, strict=True):
            best = max(best, weight * _artist_similarity(qn, cn))
            c_latin = _latin_form(c)
            if q_latin or c_latin:
                # Two scripts: compared in Latin letters, a little below an exact spelling.
                best = max(best, 0.95 * weight * _artist_similarity(
                    normalize_artist(q_latin or qa), normalize_artist(c_latin or c)))
            if _abbreviates(cn, qn) or _abbreviates(qn, cn):
                best = max(best, weight * 0.9)  # a renamed band: T. Rex, Lady A
    return best


def _numbers(title_norm: str) -> set[str]:
    words = (_NUMBER_NAMES.get(w, w) for w in title_norm.split())
    return {w.lstrip("0") or "0" for w in words if _NUMBER_WORD_RE.match(w)}


def _base_title(title: str) -> str:
    """The title without any bracketed part: "Weezer (Blue Album)" -> "Weezer"."""
    return " ".join(_BRACKETS_RE.sub(" ", title).split())


def _title_score(q_title: str, c_title: str) -> tuple[float, bool]:
    """Title similarity on comparison forms, with bracketed parts, and per side of "A / B";
    a Chinese title also in simplified characters, a kana title also in Latin letters."""
    score, number_mismatch = _title_score_of(q_title, c_title)
    q_simple, c_simple = simplified_chinese(q_title), simplified_chinese(c_title)
    if q_simple or c_simple:
        # The same title in the other character set: as good as the same spelling, nearly.
        simple, mismatch = _title_score_of(q_simple or q_title, c_simple or c_title)
        if 0.98 * simple > score:
            score, number_mismatch = 0.98 * simple, mismatch
    q_kana, c_kana = kana_to_latin(q_title), kana_to_latin(c_title)
    if q_kana or c_kana:
        # Kana have no spaces between words: compared without spaces ("Akuma No Uta").
        a = (q_kana or normalize_title(q_title)).replace(" ", "")
        b = (c_kana or normalize_title(c_title)).replace(" ", "")
        score = max(score, 0.95 * _similarity(a, b))
    return score, number_mismatch


def _title_score_of(q_title: str, c_title: str) -> tuple[float, bool]:
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
    q_film, c_film = _film_title(q_title), _film_title(c_title)
    if q_film or c_film:
        # "The Original Soundtrack Of Trainspotting" / "Trainspotting (Music From The Motion
        # Picture)": the film's names compared.
        score = max(score, 0.95 * _similarity(normalize_title(q_film or q_title),
                                              normalize_title(c_film or c_title)))
    q_latin, c_latin = _latin_form(q_title), _latin_form(c_title)
    if q_latin or c_latin:
        score = max(score, 0.95 * _similarity(normalize_title(q_latin or q_title),
                                              normalize_title(c_latin or c_title)))
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


_EP_NAME_RE = re.compile(r"(?:^|[\s(\[-])E\.?P\.?(?:$|[\s)\]])")


def _type_score(q: MatchQuery, album_type: Any, name: str = "") -> float | None:
    if album_type == "album":
        return 0.6 if q.is_single else 1.0
    if album_type == "single":
        if q.is_single or (q.track_count is not None and q.track_count <= 4):
            return 1.0
        # Spotify files an EP as a single named "X - EP": fine for a short record.
        if _EP_NAME_RE.search(name) and (q.track_count is None or q.track_count <= 8):
            return 1.0
        return 0.3
    if album_type == "compilation":
        return 1.0 if q.is_compilation else 0.7
    return None


def _year_and_tracks_agree(q: MatchQuery, candidate: Mapping[str, Any]) -> bool:
    """The candidate's year is the original year exactly and its track count the owned one's:
    the evidence that may stand in for a title or an artist name that differs."""
    year = q.master_year or (q.year if not q.master_year else None)
    tracks = _positive_int(candidate.get("total_tracks"))
    if not (year and q.track_count and tracks == q.track_count
            and _candidate_year(candidate) == year):
        return False
    if candidate.get("album_type") in ("album", "compilation"):
        return q.track_count >= 3
    # A single's two sides agree with any other single of that year; only where text cannot
    # compare the artists (two scripts) does that stand for the same record (上を向いて歩こう).
    return candidate.get("album_type") == "single" and q.is_single and any(
        _scripts_differ(q.main_artist, a) for a in _candidate_artists(candidate))


_PLACEHOLDER_TITLES = frozenset({"untitled", "untitled album", "s t", "st", "no title",
                                 "self titled", "sans titre", "ohne titel", "senza titolo"})


def _is_latin_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _other_script(text: str) -> bool:
    """A text with letters, not all of them Latin ("ひこうき雲"; not "4½", not "( )")."""
    return any(c.isalpha() for c in text) and not _is_latin_text(text)


def _latin_form(text: str) -> str | None:
    """A Greek or Cyrillic text in Latin letters ("Μίκης Θεοδωράκης" -> "mikis theodorakis"),
    as Spotify often spells such names and titles; None for any other text."""
    from tasks.classical import transliterate

    if not text.strip() or _is_latin_text(text):
        return None
    latin = transliterate(text)
    return latin if _is_latin_text(latin) else None


def _scripts_differ(a: str, b: str) -> bool:
    """One name in Latin letters, the other in another script: text cannot compare them."""
    return bool(a.strip() and b.strip()) and _is_latin_text(a) != _is_latin_text(b)


def _title_forms(title: str) -> set[str]:
    """The comparison forms a title may be filed under: whole, each side of " = " or " / ",
    without and inside its brackets, each also in simplified Chinese."""
    parts = {title, _base_title(title)}
    parts |= {m.strip("()[]{} ") for m in _BRACKETS_RE.findall(title)}
    for sep in (" = ", " / "):
        for p in list(parts):
            parts |= {side.strip() for side in p.split(sep)}
    parts |= {simplified_chinese(p) or p for p in parts}
    return {normalize_title(p) for p in parts if p} - {""}


def _same_title_form(q_title: str, name: str) -> bool:
    """True when a form of the sleeve's title is exactly a form of the candidate's name
    ("창밖의 여자" / "조용필 1집 (창밖의 여자)", "新長征路上的搖滾 = ..." / "新长征路上的摇滚")."""
    return bool(_title_forms(q_title) & _title_forms(name))


def _evidence_rule(q: MatchQuery, name: str, artist: float, title: float,
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
            not _is_latin_text(q.title) and len(qn.replace(" ", "")) >= 3)
        # Names in two scripts ("Taeko Ohnuki" / "大貫妙子") are unknown, not different: the
        # same title, year and track count are enough for any real title (吻別, "Sunshower").
        if any(_scripts_differ(q.main_artist, a) for a in cand_artists):
            distinctive = bool(qn) and qn not in _PLACEHOLDER_TITLES and (
                len(qn.replace(" ", "")) >= 2 if not _is_latin_text(q.title) else len(qn) >= 4)
        exact = title >= 0.97 or any(_scripts_differ(q.main_artist, a) for a in cand_artists) \
            and _same_title_form(q.title, name)
        if exact and distinctive and not number_mismatch:
            return "renamed_artist"
        return None
    if artist < 0.9 or title >= 0.8 and not number_mismatch:
        return None
    q_words, c_words = set(qn.split()), set(cn.split())
    if q_words and c_words and (q_words <= c_words or c_words <= q_words) and (
        not number_mismatch or not _numbers(qn) or _only_span_years_added(q, qn, cn)
    ):
        return "same_words"
    if number_mismatch and _numbers(qn):
        return None
    if translated_title(q.title, name) and shared_stems(q.title, name):
        # A translation that kept a cognate ("Sus Satánicas Majestades Piden" / "Their Satanic
        # Majesties Request"): the title itself points at this album, not only its length.
        return "translated_title"
    overlap = len(q_words & c_words) / max(1, min(len(q_words), len(c_words)))
    if overlap >= 0.5 and not number_mismatch:
        return "same_words"
    if _scripts_differ(q.title, name) or qn in _PLACEHOLDER_TITLES or (
        normalize_artist(q.main_artist) and normalize_artist(q.main_artist) in cn
    ) or translated_title(q.title, name):
        # Another script either way ("ΚΕΦΑΛΗΞΘ" / "Psalm 69", "Black Ship" / "黒船"),
        # "Untitled", an album Spotify names after the artist ("David Bowie (aka Space
        # Oddity)" for "Man Of Words / Man Of Music"), or a pressing that translated an English
        # title ("Una Noche En La Ópera" / "A Night At The Opera").
        return "year_and_tracks_only"
    return None


_LIVE_RE = next(rx for name, rx, _ in _PENALTY_RES if name == "live")


def _only_album_of_year(q: MatchQuery, candidate: Mapping[str, Any], name: str,
                        cand_artists: Sequence[str], number_mismatch: bool) -> bool:
    """The artist's album of the master year with the owned track count may stand in for a
    title Spotify changed ("Electric Café" / "Techno Pop"), whatever the two titles say: the
    artist exactly the sleeve's, an album on both sides (not a single, compilation, live or
    remix record, whose years and lengths repeat), and no other number in the title.
    `best_spotify_match` links it only when no other album of that year, and no album under
    the sleeve's own title, is on offer."""
    if q.is_classical or q.is_various or q.is_compilation or q.is_single or not q.master_year:
        return False  # a pressing year alone may be a reissue's, of any album of that year
    if candidate.get("album_type") != "album" or number_mismatch and _numbers(
        normalize_title(q.title)
    ):
        return False
    wanted = normalize_artist(q.main_artist)
    if not wanted or wanted not in {normalize_artist(a) for a in cand_artists}:
        return False
    owned = normalize_title(q.title)
    # A live, remix or acoustic record shares its year and length with the studio album.
    return not _LIVE_RE.search(normalize_title(name)) and not any(
        rx.search(owned) for _, rx, _ in _PENALTY_RES)


# A bare tag Spotify appends to a live album's name: "(Live)", "[Live]", "(Live Version)".
_LIVE_TAG_RE = re.compile(r"[(\[]\s*live(?:\s+(?:version|album|recording))?\s*[)\]]",
                          re.IGNORECASE)


def _live_tag_on_own_title(q: MatchQuery, name: str, cand_year: int | None) -> bool:
    """Spotify tags a live album "[Live]" where its sleeve says nothing of a concert ("Grateful
    Dead" / "Grateful Dead (Skull & Roses) [Live]"): the record itself, not a live version of
    it, when the name outside its brackets is the sleeve's title and the date the original
    year (a later concert of the same songs has its own date)."""
    reference = q.master_year or q.year
    if not (reference and cand_year == reference and _LIVE_TAG_RE.search(name)):
        return False
    base = normalize_title(_base_title(name))
    return bool(base) and base == normalize_title(_base_title(q.title)) and not _LIVE_RE.search(
        base)


def _only_span_years_added(q: MatchQuery, qn: str, cn: str) -> bool:
    """The sleeve's title has numbers Spotify's name lacks, and they are all years up to the
    record's own: a career span it drops ("Death To The Pixies 1987-1991" / "Death To The
    Pixies"). Any number of Spotify's must be the sleeve's too ("1970-1980" is not "1980-1990")."""
    reference = q.master_year or q.year
    q_numbers, c_numbers = _numbers(qn), _numbers(cn)
    extra = q_numbers - c_numbers
    return bool(reference and extra) and c_numbers <= q_numbers and all(
        len(n) == 4 and n.isdigit() and 1900 <= int(n) <= reference for n in extra)


def _performer_similarity(name: str, cand_artists: Sequence[str]) -> float:
    """A performer against the candidate's artists: a person by surname, else by name;
    Cyrillic credits are compared in Latin letters."""
    from tasks.classical import is_ensemble, slavic_fold, surname, transliterate

    best = 0.0
    wanted = normalize_artist(transliterate(name))
    last = normalize_artist(transliterate(surname(name))) if not is_ensemble(name) else ""
    for c in cand_artists:
        cn = normalize_artist(c)
        if last and len(last) > 2 and last in cn.split():
            best = max(best, 1.0 if cn.split()[-1] == last else 0.9)
        best = max(best, _artist_similarity(wanted, cn))
        if last and cn.split():
            best = max(best, 0.9 * _similarity(last, cn.split()[-1]))
            if len(last) > 3 and slavic_fold(last) == slavic_fold(cn.split()[-1]):
                best = max(best, 0.95)  # "Mrawinski" / "Mravinsky": one name, two spellings
    return best


def _swapped_performers(q: MatchQuery, cand_artists: Sequence[str]) -> list[str]:
    """The sleeve's performers the candidate replaces by another of the same role: an
    orchestra, choir or group by another one, a person (conductor, soloist, narrator) by
    another person. That is another recording, whatever the title and year say (Munch with
    the Orchestre de Paris is not Munch with Boston; Karlheinz Böhm narrating in German is
    not Hermione Gingold in English). A performer Spotify leaves out proves nothing, nor does
    one it adds: only both together."""
    from tasks.classical import ensemble_kind, is_composer_credit, is_ensemble, same_ensemble

    composer = q.work.composer
    sleeve = [a for a in q.artists if not is_composer_credit(a, composer)]
    cand = [c for c in cand_artists if not is_composer_credit(c, composer)]
    swapped = []
    # Ensembles: the sleeve's one is missing and the candidate names another of its kind.
    sleeve_ens = [a for a in sleeve if is_ensemble(a)]
    cand_ens = [c for c in cand if is_ensemble(c)]
    for a in sleeve_ens:
        kind = ensemble_kind(a)
        rivals = [c for c in cand_ens if ensemble_kind(c) == kind]
        if rivals and all(same_ensemble(a, c) is False for c in rivals) and not any(
            same_ensemble(s, c) for s in sleeve_ens for c in rivals
        ):
            swapped.append(a)
    # Persons, paired one to one, the closest pairs first (the full name breaks a tie of
    # surnames: Karl Böhm conducts, Karlheinz Böhm narrates).
    sleeve_p = [a for a in sleeve if not is_ensemble(a)]
    cand_p = [c for c in cand if not is_ensemble(c)]
    pairs = sorted(((_performer_similarity(a, [c]),
                     _artist_similarity(normalize_artist(a), normalize_artist(c)), i, j)
                    for i, a in enumerate(sleeve_p) for j, c in enumerate(cand_p)),
                   reverse=True)
    paired_s: set[int] = set()
    paired_c: set[int] = set()
    for sim, _, i, j in pairs:
        if sim >= 0.8 and i not in paired_s and j not in paired_c:
            paired_s.add(i)
            paired_c.add(j)
    strangers = [c for j, c in enumerate(cand_p) if j not in paired_c
                 and max((_performer_similarity(a, [c]) for a in sleeve_p), default=0.0) < 0.6]
    if strangers:
        swapped += [a for i, a in enumerate(sleeve_p) if i not in paired_s]
    return swapped


def _classical_fields(q: MatchQuery, candidate: Mapping[str, Any], name: str,
                      cand_artists: Sequence[str]) -> tuple[float, float, dict]:
    """Artist and title scores of a classical candidate: composer, performers, the work."""
    from tasks.classical import performers

    owned = q.work
    cand = parse_work(name, tuple(cand_artists))
    # A coupling names both composers ("Grieg & Schumann: Piano Concertos"): any will do.
    composer_ok = owned.composer is None or cand.composer == owned.composer or any(
        composer_of(a) == owned.composer for a in cand_artists)
    persons, ensembles = performers(q.artists, owned.composer)
    if persons:
        sims = [_performer_similarity(a, cand_artists) for a in persons]
        # The last two persons credited (conductor, soloist or accompanist) must both agree:
        # Fischer-Dieskau with Moore is not Fischer-Dieskau with Demus.
        perf = max(sims) if len(sims) == 1 else 0.5 * max(sims) + 0.5 * min(sims[:2])
    elif ensembles:
        perf = max(_performer_similarity(a, cand_artists) for a in ensembles)
    else:
        perf = 0.8
    artist = (0.35 if composer_ok else 0.0) + 0.65 * perf
    agreement = work_agreement(owned, cand)
    if agreement is None:
        # No work on one side ("Carmina Burana"): the titles, also without "Composer:".
        head, sep, tail = name.partition(":")
        bare = tail.strip() if sep and composer_of(head) else name
        title = max(_title_score(q.title, name)[0], _title_score(q.title, bare)[0],
                    0.9 * fuzz.token_set_ratio(normalize_title(q.title),
                                               normalize_title(name)) / 100.0)
    elif agreement in (0.65, 0.7) and _holds(cand, owned) and _candidate_year(candidate) in (
        q.master_year, q.year
    ):
        # A coupling holding the owned work, by the same performers, of the same year: the
        # recording reissued with another work ("Symphonies Nos. 5 & 7" for the 5th alone).
        title = 0.85
    else:
        title = agreement
    details = {"work": agreement, "composer": composer_ok, "performer": round(perf, 4)}
    swapped = _swapped_performers(q, cand_artists)
    if swapped:
        details["swapped_performers"] = swapped
    cand_year, reference = _candidate_year(candidate), q.master_year or q.year
    if agreement in (0.65, 0.7) and _holds(cand, owned) and perf >= 0.95 and not swapped and (
        cand_year and reference and cand_year > reference
    ):
        # The same coupling dated later: the recording reissued on CD with another work (its
        # date is the reissue's). Another recording by the same performers would look the
        # same, so `best_spotify_match` links it only when no other one of them is on offer.
        title = 0.85
        details["reissued_coupling"] = True
    return artist, title, details


def _holds(big: Work, small: Work) -> bool:
    """True when `big` names every work `small` names, and more."""
    return (small.catalogue < big.catalogue or small.numbers < big.numbers
            or small.named < big.named)


def score_candidate(q: MatchQuery, candidate: dict) -> tuple[float, dict]:
    """Score one Spotify simplified album 0..1 against the query, with per-field evidence.

    The base score is the weighted mean of the fields that are known on both sides (WEIGHTS);
    each penalty that applies multiplies it. Missing keys (old search items have no
    release_date or total_tracks) leave their field out rather than count against it.
    A classical query compares composer, performers and the work instead of names.
    """
    name = candidate.get("name") if isinstance(candidate.get("name"), str) else ""
    cand_artists = _candidate_artists(candidate)
    classical: dict = {}
    if q.is_classical:
        artist, title, classical = _classical_fields(q, candidate, name, cand_artists)
        number_mismatch = False
    else:
        title, number_mismatch = _title_score(q.title, name)
        artist = _artist_score(q, cand_artists)
    agreement = _year_and_tracks_agree(q, candidate)
    if agreement and not q.is_classical and not q.is_various:
        rule = _evidence_rule(q, name, artist, title, number_mismatch, cand_artists)
        if rule == "renamed_artist":
            # (Its title is the same, or one of the title's forms is: inside brackets, in
            # simplified characters.)
            artist, title = max(artist, 0.85), max(title, 0.95)
        elif rule in ("same_words", "translated_title"):
            title, number_mismatch = max(title, 0.85), False
        elif rule is None and title < 0.8 and _only_album_of_year(q, candidate, name,
                                                                  cand_artists, number_mismatch):
            rule = "only_album_of_year"
        if rule in ("year_and_tracks_only", "only_album_of_year"):
            title, number_mismatch = max(title, 0.8), False
        if rule:
            classical = {"rule": rule}
    cand_year = _candidate_year(candidate)
    is_edition = bool(_EDITION_WORD_RE.search(name.casefold())) or bool(
        classical.get("reissued_coupling"))
    reference = q.master_year or q.year
    # A remaster carries its own, later date: it says nothing about the original's year.
    later_edition = is_edition and cand_year and reference and cand_year > reference
    fields: dict[str, float | None] = {
        "artist": artist,
        "title": title,
        "year": None if later_edition else _year_score(q, cand_year),
        "tracks": _tracks_score(q, candidate.get("total_tracks")),
        "type": _type_score(q, candidate.get("album_type"), name),
    }
    known = {k: v for k, v in fields.items() if v is not None}
    weight = sum(WEIGHTS[k] for k in known)
    base = sum(WEIGHTS[k] * v for k, v in known.items()) / weight

    penalties: dict[str, float] = {}
    query_words = f"{normalize_title(q.title)} {normalize_artist(q.artist)}"
    cand_words = f"{normalize_title(name)} {' '.join(normalize_artist(a) for a in cand_artists)}"
    for pname, rx, factor in _PENALTY_RES:
        if q.is_classical and pname not in _CLASSICAL_PENALTIES:
            continue  # "String Quartet", "plays", "Instrumental" are what classical names say
        if rx.search(cand_words) and not rx.search(query_words):
            if pname == "live" and _live_tag_on_own_title(q, name, cand_year):
                continue
            # A classical sleeve seldom says "live" where Spotify does; year and performers
            # tell the concerts apart.
            penalties[pname] = 0.92 if q.is_classical and pname == "live" else factor
    if fields["artist"] < 0.75:
        penalties["other_artist"] = 0.5
    if title < 0.8:
        penalties["other_title"] = 0.7
    if number_mismatch:
        penalties["number_mismatch"] = 0.6
    if classical.get("swapped_performers"):
        penalties["other_performer"] = 0.6
    # Prefer the plain album to its remaster or deluxe edition when both are offered.
    if is_edition and not classical.get("reissued_coupling") and not _EDITION_WORD_RE.search(
        q.title.casefold()
    ):
        penalties["edition"] = 0.98
    album_type = candidate.get("album_type")
    if album_type == "single" and fields["type"] is not None and fields["type"] < 1.0:
        penalties["single_for_album"] = 0.6
    if album_type in ("album", "compilation") and q.is_single:
        penalties["album_for_single"] = 0.85
    # A remaster may carry its own date; a compilation's "remastered" namesake is another one.
    if cand_year and (q.is_compilation and not q.is_classical or not is_edition) and _far_year(
        q, cand_year
    ):
        penalties["year_far"] = 0.85
    tracks = fields["tracks"]
    if q.is_various and not q.master_year and q.year and cand_year and cand_year > q.year and (
        not is_edition
    ):
        # "Indie Anthems" pressed in 2017 is not the "Indie Anthems" of 2018: compilation
        # titles are reused every year, and a record cannot be pressed before it came out.
        penalties["after_pressing"] = 0.75
    if q.is_compilation and tracks is not None and tracks < 0.6:
        # A compilation with another track list is another compilation of the same name.
        penalties["compilation_tracks"] = 0.75
    if not q.is_classical and _year_and_tracks_differ(q, cand_year, later_edition, tracks) and (
        penalties or not _distinctive_title(q)
        or min(fields["artist"], title) < 0.97 or fields["type"] not in (None, 1.0)
    ):
        # Another year and another track list: another album of that name (a self-titled
        # album of another year, a first pressing's other track list), unless the title is the
        # artist's own and all else is exact (a remaster with a bonus track and its own date).
        # The factor puts a perfect base under the link threshold.
        penalties["year_and_tracks_differ"] = 0.78
    score = base
    for factor in penalties.values():
        score *= factor
    evidence = {
        **{k: (round(v, 4) if v is not None else None) for k, v in fields.items()},
        "base": round(base, 4),
        "penalties": penalties,
    }
    if classical.get("rule"):
        evidence["rule"] = classical["rule"]
    elif classical:
        evidence["classical"] = classical
    return round(score, 4), evidence


def _year_and_tracks_differ(q: MatchQuery, cand_year: int | None, later_edition: Any,
                            tracks: float | None) -> bool:
    """Both the year and the track count known on both sides and different: the year from the
    original's (the master's; after the pressing's when only that is known: an earlier date
    may be the original), unless the candidate is an edition dated later."""
    if tracks is None or tracks >= 1.0 or not cand_year or later_edition:
        return False
    if q.master_year:
        return cand_year != q.master_year
    return bool(q.year) and cand_year > q.year


def _distinctive_title(q: MatchQuery) -> bool:
    """A title that names one album: not the artist's name, not "Untitled", not a reused
    compilation title ("Classic Rock Anthems"), at least four letters."""
    qn = normalize_title(_base_title(q.title) or q.title)
    if q.is_various or not qn or qn in _PLACEHOLDER_TITLES:
        return False
    if qn == normalize_title(q.main_artist) or qn == normalize_title(q.artist):
        return False
    return len(qn.replace(" ", "")) >= 4


def _namesakes_by_year(q: MatchQuery, scored: list[tuple], threshold: float) -> list[tuple]:
    """Several albums of the artist under one name (Weezer's self-titled albums, a title
    reused): only the year can tell them apart. When one has the year, those of another year
    lose; two distinct ones of the right year leave the choice uncertain."""
    reference = q.master_year or q.year
    if not reference or q.is_classical:
        return scored
    wanted = normalize_title(_base_title(q.title))
    names = [i for i, (_, _, c, e) in enumerate(scored)
             if (e.get("artist") or 0) >= 0.9
             and normalize_title(_base_title(str(c.get("name") or ""))) == wanted]
    years = {_candidate_year(scored[i][2]) for i in names} - {None}
    # Only when one of them has the very year (a reissue pressing's year may match none).
    if len(years) < 2 or reference not in years:
        return scored
    out = list(scored)
    for i in names:
        score, order, c, e = out[i]
        if _candidate_year(c) != reference:
            out[i] = (round(score * 0.8, 4), order, c,
                      {**e, "penalties": {**e["penalties"], "namesake_year": 0.8}})
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    top = [t for t in out[:2] if any(t is out[i] or t[2] is out[i][2] for i in names)]
    if len(top) == 2 and all(_candidate_year(t[2]) == reference for t in top) and (
        normalize_title(str(top[0][2].get("name") or ""))
        != normalize_title(str(top[1][2].get("name") or ""))
    ):
        score, order, c, e = out[0]
        out[0] = (min(score, round(threshold - 0.01, 4)), order, c,
                  {**e, "ambiguous_namesake": top[1][2].get("id")})
    return out


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
    scored = _namesakes_by_year(q, scored, threshold)
    score, _, best, evidence = scored[0]
    rule = evidence.get("rule")
    if rule in ("year_and_tracks_only", "only_album_of_year") and any(
        e.get("artist", 0) >= 0.9 and _candidate_year(c) == _candidate_year(best)
        and c.get("album_type") in ("album", "compilation")
        and normalize_title(str(c.get("name") or "")) != normalize_title(str(best.get("name")))
        for _, _, c, e in scored[1:]
    ):
        # Year and track count stand in for the title only when no other album of the artist
        # from that year is on offer.
        score = min(score, threshold - 0.01)
    if rule == "only_album_of_year" and any(
        e.get("artist", 0) >= 0.9 and e.get("title", 0) >= 0.8
        and c.get("album_type") in ("album", "compilation") for _, _, c, e in scored[1:]
    ):
        # The artist has an album under the sleeve's own title (another year, another length):
        # that is the record, not the year's other album. (A single of that name is the title
        # song's: no evidence either way.)
        score = min(score, threshold - 0.01)
    if (evidence.get("classical") or {}).get("reissued_coupling") and any(
        (e.get("classical") or {}).get("performer", 0) >= 0.95
        and (e.get("classical") or {}).get("work") in (0.65, 0.7, 1.0)
        and not (e.get("classical") or {}).get("swapped_performers")
        for _, _, c, e in scored[1:]
    ):
        # Another recording of the work by these performers is on offer: which one the later
        # coupling holds is unknown.
        score = min(score, threshold - 0.01)
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


def _seen(done: Sequence[Searched]) -> list[tuple[dict, Search]]:
    """Distinct items over all searches, each with the first search that returned it."""
    seen: dict[Any, tuple[dict, Search]] = {}
    for searched in done:
        for item in searched.results:
            if isinstance(item, dict):
                seen.setdefault(item.get("id") or id(item), (item, searched.search))
    return list(seen.values())


def decide(q: MatchQuery, done: Sequence[Searched], threshold: float = DEFAULT_THRESHOLD
           ) -> Match:
    """The linking decision over everything the searches returned; the evidence says which
    query found the chosen album (`query`, `query_form`)."""
    seen = _seen(done)
    match = best_spotify_match(q, [item for item, _ in seen], threshold)
    if match.status == "matched" and (match.evidence.get("classical") or {}).get(
        "reissued_coupling"
    ) and next_search(q, done) is not None:
        # A later coupling stands for the owned recording only once every search has been
        # sent and none brought up another recording of the work by the same performers.
        match = Match("uncertain", match.album, match.score,
                      {**match.evidence, "pending": "reissued_coupling"})
    if match.album is not None or match.evidence.get("spotify_id"):
        wanted = match.album.get("id") if match.album else match.evidence.get("spotify_id")
        found_by = next((s for item, s in seen if item.get("id") == wanted), None)
        if found_by is not None:
            match = Match(match.status, match.album, match.score,
                          {**match.evidence, "query": found_by.query,
                           "query_form": found_by.form})
    return match


def top_candidates(q: MatchQuery, done: Sequence[Searched], n: int = 5) -> list[dict]:
    """The n best distinct candidates seen, as plain dicts for review: what a person needs to
    choose one (its scores per field, penalties with their factors, the query form that found
    it)."""
    rows = []
    for item, found_by in _seen(done):
        score, evidence = score_candidate(q, item)
        urls = item.get("external_urls")
        album_id = item.get("id")
        rows.append({
            "spotify_album_id": album_id,
            "url": (urls.get("spotify") if isinstance(urls, dict) else None)
            or (f"https://open.spotify.com/album/{album_id}" if album_id else None),
            "name": item.get("name"),
            "artists": _candidate_artists(item),
            "release_date": item.get("release_date"),
            "album_type": item.get("album_type"),
            "total_tracks": _positive_int(item.get("total_tracks")),
            "score": round(score, 4),
            "evidence": {k: v for k, v in evidence.items() if k != "base"}
            | {"query_form": found_by.form},
        })
    rows.sort(key=lambda r: -r["score"])
    return rows[:n]
