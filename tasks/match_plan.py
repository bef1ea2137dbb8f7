"""The search plan: which Spotify searches to send for an album, most precise first, adapting to
what the earlier ones returned (`next_search`). Pure: tasks/spotify.py sends them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tasks.match_query import MatchQuery, candidate_artists, candidate_year
from tasks.match_score import EDITION_WORD_RE, artist_score
from tasks.match_text import (
    BRACKETS_RE,
    is_latin_text,
    latin_form,
    main_name,
    main_title,
    other_script,
    quote_value,
    usable,
)
from tasks.normalize import strip_edition
from tasks.performers import performer_words
from tasks.scripts import simplified_chinese, traditional_chinese

SEARCH_LIMIT = 10  # Spotify development-mode apps: search limit at most 10 (Feb 2026)


# The join of a joint credit between two names ("A & B", "A And B", "A With B").
_JOIN_SPLIT_RE = re.compile(r"\s+(?:&|and|with|\+)\s+", re.IGNORECASE)
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
    value = quote_value(name)
    stripped = " ".join(_FILTER_DROP_RE.sub(" ", value).split())
    return usable(stripped) or usable(value)


# A volume's designation, which Spotify spells its own way ("Vol. 4", "Volume IV", "Vol. 1 & 2").
_VOLUME_RE = re.compile(
    r"\b(?:vol|vols|volume|volumes|volumen|pt|part|teil|parte|tome)\b\.?\s*(?:\d+|[ivx]+|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|uno|dos|tres|un|deux|trois|eins|zwei|drei)"
    r"\b(?:\s*(?:&|and|\+|-)\s*(?:\d+|[ivx]+)\b)?", re.IGNORECASE)


def _album_value(title: str) -> str:
    """A title for an `album:` filter: no quotes, and none of the words Spotify's name may spell
    otherwise or leave out: join words ("Simon And Garfunkel's Greatest Hits" / "Simon &
    Garfunkel's Greatest Hits"), a volume's designation ("Vol 4" / "Vol. IV", "Volume
    One" / "Vol. 1": the scoring compares the numbers). Every word of a filter must be in the
    name."""
    value = quote_value(title)
    stripped = " ".join(_FILTER_DROP_RE.sub(" ", _VOLUME_RE.sub(" ", value)).split())
    return usable(stripped.strip(" ,:;-\u2013\u2014\u2022\u00b7/")) or usable(value)


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
    parts = [p.strip() for p in BRACKETS_RE.sub(" ", strip_edition(title)).split(" = ")]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return []
    return sorted(parts, key=lambda p: not is_latin_text(p))


HEAD_WORDS = 4  # a long compilation title's first words, searched when it finds nothing


def _title_head(value: str) -> str:
    """The first HEAD_WORDS words of a filter value of at least HEAD_WORDS + 2 words, "" for
    a shorter one (its head would be most of it)."""
    words = value.split()
    return " ".join(words[:HEAD_WORDS]) if len(words) >= HEAD_WORDS + 2 else ""


def _classical_plan(q: MatchQuery) -> list[Search]:
    work = q.work
    composer = _artist_value(work.composer or q.main_artist)
    performers = performer_words(q.artists, work.composer)
    # A performer in another script would only empty the results (see `performer_words`).
    performer = quote_value(performers[0]) if performers and is_latin_text(performers[0]) \
        else ""
    plan: list[Search] = []
    catalogue = quote_value(work.catalogue_words())
    words = quote_value(work.search_words())
    core = usable(quote_value(main_title(q.title)))
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
    core = _album_value(main_title(q.title))
    artist = _artist_value(main_name(q.main_artist))
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
        head = _title_head(core or title)
        if head:
            # No artist to list: the title's first words stand in for the listing, for a name
            # whose end Spotify has otherwise ("... From Philles Records" / "... From Phil
            # Spector"); year and track count then decide.
            plan.append(Search(f"album:'{head}' year:{years}" if years else f"album:'{head}'",
                               "album_head"))
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
        latin = latin_form(main_name(q.main_artist))
        if latin and usable(_artist_value(latin)):
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
        partner = _artist_value(_JOIN_SPLIT_RE.split(q.main_artist, maxsplit=1)[-1]) \
            if _JOIN_SPLIT_RE.search(q.main_artist) else ""
        if partner and partner != artist and not sides:
            # A joint credit ("Kevin Rowland & Dexys Midnight Runners"): Spotify may credit
            # the record to the second name alone (and date it by the original, which a
            # reissue's year filter misses).
            plan.append(Search(f"album:'{core or title}' artist:'{partner}'", "partner_artist"))
        latin_side = _album_value(sides[0]) if sides and is_latin_text(sides[0]) else ""
        if latin_side and latin_side != (core or title) and other_script(q.main_artist):
            # A bilingual title under a credit in another script ("عمرو دياب" - "تملي معاك =
            # Tamally Maak"): where Spotify names the album by its Latin side it credits the
            # artist in Latin letters too ("Amr Diab"), which no credit search finds.
            plan.append(Search(f"album:'{latin_side}' year:{years}" if years
                               else f"album:'{latin_side}'", "latin_title_year"))
        if other_script(q.title) and is_latin_text(q.main_artist):
            # A title in its own script under a romanized credit ("Yumi Arai" - "ひこうき雲"):
            # Spotify names such an artist in that script too (荒井由実), so the title alone
            # is the search that finds it; the credit's searches come after.
            plan.insert(0, plan.pop())
        if other_script(q.title):
            # Spotify may file the title in simplified characters, or a romanized reissue of
            # another year under the artist's Latin name: the whole listing.
            simple = usable(quote_value(simplified_chinese(main_title(q.title)) or ""))
            if simple:
                plan.append(Search(f"album:'{simple}' year:{years}" if years
                                   else f"album:'{simple}'", "title_simplified"))
            traditional = usable(quote_value(traditional_chinese(main_title(q.title)) or ""))
            if traditional:
                # A Mainland pressing's simplified title that Spotify files in traditional
                # characters ("万能青年旅店" / "萬能青年旅店").
                plan.append(Search(f"album:'{traditional}' year:{years}" if years
                                   else f"album:'{traditional}'", "title_traditional"))
            if years and q.master_year and is_latin_text(q.main_artist):
                plan.append(Search(f"artist:'{artist}'", "artist_list"))
    unique: dict[str, Search] = {}
    for step in plan:
        unique.setdefault(step.query, step)
    return list(unique.values())


def search_queries(q: MatchQuery) -> list[str]:
    """The query strings of `search_plan`, in order."""
    return [step.query for step in search_plan(q)]


def _artist_known(q: MatchQuery, done: Sequence[Searched]) -> bool:
    """True when some result so far is credited to the album's artist and, once the master's
    year is known, dated near it: a band renamed since keeps its earlier albums under the old
    name ("Small Faces" in 1967, "First Step" by Faces in 1970)."""
    for searched in done:
        for item in searched.results:
            if artist_score(q, candidate_artists(item)) >= 0.85 and (
                    not q.master_year or _near_master_year(q, item)):
                return True
    return False


def _near_master_year(q: MatchQuery, item: dict) -> bool:
    """Dated no earlier than the master's year, or undated: the artist still released under
    that name by then. Not a remaster or an anniversary edition dated later: its date is the
    reissue's."""
    year = candidate_year(item)
    if year is None:
        return True
    return year >= q.master_year - YEAR_SLACK and not (
        year > q.master_year + YEAR_SLACK
        and EDITION_WORD_RE.search(str(item.get("name") or "").casefold()))


_FILTER_RE = re.compile(r"\b(album|artist):'([^']*)'|\byear:(\d{4})(?:-(\d{4}))?|(\S+)")


def _constraints(query: str) -> tuple[dict[str, set[str]], tuple[int, int] | None]:
    """The words each field of one of our queries requires ("free" for the bare words), and its
    year span."""
    words: dict[str, set[str]] = {"album": set(), "artist": set(), "free": set()}
    years = None
    for field_name, value, low, high, free in _FILTER_RE.findall(query):
        if field_name:
            words[field_name] |= set(re.findall(r"\w+", value.casefold()))
        elif low:
            years = (int(low), int(high or low))
        else:
            words["free"] |= set(re.findall(r"\w+", free.casefold()))
    return words, years


def within(narrow: str, broad: str) -> bool:
    """True when every album `narrow` can return, `broad` returns too: each of broad's words
    is required by narrow in the same field (a free word in any), and narrow's years lie
    within broad's."""
    n_words, n_years = _constraints(narrow)
    b_words, b_years = _constraints(broad)
    if not (b_words["album"] <= n_words["album"] and b_words["artist"] <= n_words["artist"]):
        return False
    if not b_words["free"] <= n_words["free"] | n_words["album"] | n_words["artist"]:
        return False
    return b_years is None or n_years is not None and (
        b_years[0] <= n_years[0] and n_years[1] <= b_years[1])


def next_search(q: MatchQuery, done: Sequence[Searched]) -> Search | None:
    """The next search to send given what the earlier ones returned; None when done."""
    limit = CLASSICAL_MAX_SEARCHES if q.is_classical else MAX_SEARCHES
    if not q.is_classical and other_script(q.title):
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
        if step.form == "title_year" and is_latin_text(q.title) and _artist_known(q, done) and (
            not _JOIN_SPLIT_RE.search(q.main_artist)
        ):
            continue
        # A search that returned all it found (fewer than the limit) has shown everything a
        # narrower one could: "album:'X' year:1972" after "album:'X'" returned 3 albums.
        if any(len(s.results) < SEARCH_LIMIT and within(step.query, s.search.query)
               for s in done):
            continue
        return step
    return None
