"""Scoring one Spotify candidate against a Discogs album: fields, penalties, and the classical
comparison of composer, work and performers. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from tasks.classical import Work, composer_of, fold, parse_work, work_agreement
from tasks.match_query import (
    VARIOUS_NAMES,
    MatchQuery,
    candidate_artists,
    candidate_year,
    positive_int,
)
from tasks.match_rules import (
    CLASSICAL_PENALTIES,
    PENALTY_RES,
    evidence_rule,
    live_tag_on_own_title,
    only_album_of_year,
    only_span_years_added,
    year_and_tracks_agree,
)
from tasks.match_text import (
    PLACEHOLDER_TITLES,
    abbreviates,
    artist_similarity,
    base_title,
    film_title,
    latin_form,
    scripts_differ,
    similarity,
    title_score,
)
from tasks.normalize import normalize_artist, normalize_title
from tasks.performers import (
    distinctive_word,
    ensemble_kind,
    is_composer_credit,
    is_ensemble,
    performers,
    same_ensemble,
    slavic_fold,
    surname,
)
from tasks.scripts import chinese_name_core, transliterate

WEIGHTS = {"artist": 0.35, "title": 0.45, "year": 0.1, "tracks": 0.05, "type": 0.05}
EDITION_WORD_RE = re.compile(r"\b(?:remaster|deluxe|expanded|anniversary|edition|bonus)")


def artist_score(q: MatchQuery, cand_artists: Sequence[str]) -> float:
    """Best similarity of any Discogs artist against any candidate artist, or the joined names."""
    cand_norm = [normalize_artist(a) for a in cand_artists]
    if q.is_various:
        if any(c in VARIOUS_NAMES for c in cand_norm):
            return 1.0
        return 0.7  # a compilation filed under its curator: no evidence either way
    joined = normalize_artist(" & ".join(cand_artists))
    best = artist_similarity(normalize_artist(q.artist), joined)
    for i, qa in enumerate(q.artists):
        qn = normalize_artist(qa)
        weight = 1.0 if i == 0 else 0.9  # a featured artist alone is weaker evidence
        q_latin = latin_form(qa)
        for c, cn in zip(cand_artists, cand_norm, strict=True):
            best = max(best, weight * artist_similarity(qn, cn))
            c_latin = latin_form(c)
            if q_latin or c_latin:
                # Two scripts: compared in Latin letters, a little below an exact spelling.
                best = max(best, 0.95 * weight * artist_similarity(
                    normalize_artist(q_latin or qa), normalize_artist(c_latin or c)))
            if abbreviates(cn, qn) or abbreviates(qn, cn) or abbreviates(cn, _name_parts(qa)):
                # A renamed band: T. Rex, Lady A; a person's initials, an "O'" a word of its
                # own ("EOB" for Ed O'Brien).
                best = max(best, weight * 0.9)
            q_core, c_core = chinese_name_core(qa), chinese_name_core(c)
            if q_core or c_core:
                # "黑豹" / "黑豹樂隊", "張學友" / "张学友": one name, spelled two ways.
                best = max(best, 0.95 * weight * artist_similarity(
                    normalize_artist(q_core or qa), normalize_artist(c_core or c)))
    return best


def _name_parts(name: str) -> str:
    """A name's comparison form with an apostrophe between words' parts ("Ed O'Brien" ->
    "ed o brien")."""
    return normalize_artist(re.sub(r"(?<=\w)['\u2019](?=\w)", " ", name))


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


def before_first_release(q: MatchQuery, cand_year: int | None) -> bool:
    """A date at least two years before the master year (one year apart is a December release
    or a country's earlier date)."""
    return bool(cand_year and q.master_year and q.master_year - cand_year > 1)


def _tracks_score(q: MatchQuery, total: Any) -> float | None:
    n = positive_int(total)
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


def _performer_similarity(name: str, cand_artists: Sequence[str]) -> float:
    """A performer against the candidate's artists: a person by surname, else by name;
    Cyrillic credits are compared in Latin letters."""
    best = 0.0
    wanted = normalize_artist(transliterate(name))
    last = normalize_artist(transliterate(surname(name))) if not is_ensemble(name) else ""
    for c in cand_artists:
        cn = normalize_artist(c)
        if last and len(last) > 2 and last in cn.split():
            best = max(best, 1.0 if cn.split()[-1] == last else 0.9)
        best = max(best, artist_similarity(wanted, cn))
        if last and cn.split():
            best = max(best, 0.9 * similarity(last, cn.split()[-1]))
            if len(last) > 3 and slavic_fold(last) == slavic_fold(cn.split()[-1]):
                best = max(best, 0.95)  # "Mrawinski" / "Mravinsky": one name, two spellings
        if _same_named_group(name, c):
            best = max(best, 0.95)
    return best


def _same_named_group(a: str, b: str) -> bool:
    """Two credits of one chamber group named after someone or somewhere, in two languages:
    the kind the same and the name's stem shared ("Smetanovo Kvarteto" / "Smetana Quartet",
    "Quartetto Italiano" / "Italian Quartet"). Not for orchestras, which a city names several
    of ("Berliner Philharmoniker" / "Berlin Radio Symphony Orchestra")."""
    if not (is_ensemble(a) and is_ensemble(b)) or ensemble_kind(a) != ensemble_kind(b) or (
        ensemble_kind(a) != "group"
    ):
        return False
    wa, wb = (fold(transliterate(distinctive_word(x))) for x in (a, b))
    return len(wa) >= 5 and len(wb) >= 5 and wa[:5] == wb[:5]


def _swapped_performers(q: MatchQuery, cand_artists: Sequence[str]) -> list[str]:
    """The sleeve's performers the candidate replaces by another of the same role: an
    orchestra, choir or group by another one, a person (conductor, soloist, narrator) by
    another person. That is another recording, whatever the title and year say (Munch with
    the Orchestre de Paris is not Munch with Boston; Karlheinz Böhm narrating in German is
    not Hermione Gingold in English). A performer Spotify leaves out proves nothing, nor does
    one it adds: only both together."""
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
                     artist_similarity(normalize_artist(a), normalize_artist(c)), i, j)
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
        title = max(title_score(q.title, name)[0], title_score(q.title, bare)[0],
                    0.9 * fuzz.token_set_ratio(normalize_title(q.title),
                                               normalize_title(name)) / 100.0)
    elif agreement in (0.65, 0.7) and _holds(cand, owned) and candidate_year(candidate) in (
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
    if agreement in (0.65, 0.7) and _holds(owned, cand) and title < 0.85 and (
        _same_facts(q, candidate, composer_ok, perf, swapped)
    ):
        # The sleeve names a filler Spotify's name leaves out ("Krönungsmesse KV 317 · Ave
        # Verum Corpus KV 618" / "Coronation Mass, K. 317; Ave verum corpus"), and the
        # performers, the year and the track count agree: the recording, linked as below.
        title = 0.85
        details["same_recording_facts"] = True
    if same_recording_facts(q, candidate, agreement, composer_ok, perf, swapped) and (
        title < 0.85
    ):
        # The work unreadable on one side (a Russian or German title, a work without number),
        # but the composer, every performer, the year and the track count agree: the
        # recording. `best_spotify_match` links it only when no other album of theirs has
        # that year and that track count.
        title = 0.85
        details["same_recording_facts"] = True
    cand_year, reference = candidate_year(candidate), q.master_year or q.year
    if agreement in (0.65, 0.7) and _holds(cand, owned) and perf >= 0.95 and not swapped and (
        cand_year and reference and cand_year > reference
    ):
        # The same coupling dated later: the recording reissued on CD with another work (its
        # date is the reissue's). Another recording by the same performers would look the
        # same, so `best_spotify_match` links it only when no other one of them is on offer.
        title = 0.85
        details["reissued_coupling"] = True
    elif agreement is not None and agreement >= 0.95 and perf >= 0.95 and not swapped and (
        cand_year and reference and cand_year > reference + 1
    ) and positive_int(candidate.get("total_tracks")) in (None, q.track_count):
        # The work, the performers and the movements agree, the date is years later: Spotify
        # dates many classical albums by their CD or digital reissue. Another recording by the
        # same performers looks the same (a conductor's later cycle), so `best_spotify_match`
        # links it only when no other one of them is on offer, and one of the right year wins.
        details["reissued_recording"] = True
    return artist, title, details


def same_recording_facts(q: MatchQuery, candidate: Mapping[str, Any], agreement: float | None,
                         composer_ok: bool, perf: float, swapped: Sequence[str]) -> bool:
    """Composer and performers agree (every one credited), the work is unknown on one side, and
    the year (the master's or the pressing's) and the track count are the sleeve's."""
    return agreement is None and _same_facts(q, candidate, composer_ok, perf, swapped)


def _same_facts(q: MatchQuery, candidate: Mapping[str, Any], composer_ok: bool, perf: float,
                swapped: Sequence[str]) -> bool:
    """Composer and every performer agree, and the year (the master's or the pressing's) and
    the track count are the sleeve's."""
    persons, ensembles = performers(q.artists, q.work.composer)
    return composer_ok and perf >= 0.95 and not swapped and bool(
        persons or ensembles
    ) and bool(q.track_count) and positive_int(candidate.get("total_tracks")) == (
        q.track_count
    ) and candidate_year(candidate) in {y for y in (q.master_year, q.year) if y}


def reissued(details: dict) -> bool:
    """True when the classical evidence takes the candidate's date for a reissue's."""
    return bool(details.get("reissued_coupling") or details.get("reissued_recording"))


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
    cand_artists = candidate_artists(candidate)
    classical: dict = {}
    if q.is_classical:
        artist, title, classical = _classical_fields(q, candidate, name, cand_artists)
        number_mismatch = False
    else:
        title, number_mismatch = title_score(q.title, name)
        artist = artist_score(q, cand_artists)
        bare = _without_artist_name(q, name)
        if bare:
            # "Johnny Cash At Folsom Prison" / "At Folsom Prison": the sleeve names the artist
            # in the title, Spotify in the credit only.
            bare_title, bare_mismatch = title_score(bare, name)
            if bare_title > title:
                title, number_mismatch = bare_title, bare_mismatch
        curated = _curated_by_artist(q, name, cand_artists)
        if curated:
            # "Late Night Tales: Air" by Various Artists for Air's "Late Night Tales": a mix
            # series Spotify files under Various Artists, the curator named in the title.
            artist = max(artist, 0.9)
            curated_title, curated_mismatch = title_score(q.title, curated)
            if curated_title > title:
                title, number_mismatch = curated_title, curated_mismatch
        initials = _artist_by_initials(q, name)
        if initials:
            # "Electric Light Orchestra II" / "ELO 2": the artist's name in the title, Spotify
            # spells it with its initials.
            short_title, short_mismatch = title_score(initials, name)
            if short_title > title:
                title, number_mismatch = short_title, short_mismatch
        if number_mismatch and only_span_years_added(q, normalize_title(q.title),
                                                     normalize_title(name)):
            number_mismatch = False  # a career span the sleeve adds ("... 1987-1991")
    agreement = year_and_tracks_agree(q, candidate)
    if agreement and not q.is_classical and not q.is_various:
        rule = evidence_rule(q, name, artist, title, number_mismatch, cand_artists)
        if rule == "renamed_artist":
            # (Its title is the same, or one of the title's forms is: inside brackets, in
            # simplified characters.)
            artist, title = max(artist, 0.85), max(title, 0.95)
        elif rule in ("same_words", "translated_title"):
            title, number_mismatch = max(title, 0.85), False
        elif rule is None and title < 0.8 and only_album_of_year(q, candidate, name,
                                                                  cand_artists, number_mismatch):
            rule = "only_album_of_year"
        if rule in ("year_and_tracks_only", "only_album_of_year"):
            title, number_mismatch = max(title, 0.8), False
        if rule:
            classical = {"rule": rule}
    elif not (q.is_classical or q.is_various) and _scripts_only_differ(
        q, candidate, cand_artists
    ) and evidence_rule(q, name, artist, title, number_mismatch, cand_artists) == (
        "renamed_artist"
    ):
        # No track count to check (a sync gets none from the collection): names in two
        # scripts are unknown, not different, so the sleeve's very title in the master year
        # stands for the album ("Yumi Arai" - "ひこうき雲" / 荒井由実).
        artist, title = max(artist, 0.85), max(title, 0.95)
        classical = {"rule": "renamed_artist_by_year"}
    cand_year = candidate_year(candidate)
    is_edition = bool(EDITION_WORD_RE.search(name.casefold())) or reissued(classical)
    reference = q.master_year or q.year
    # A remaster carries its own, later date: it says nothing about the original's year. Not
    # once dated by its plain namesake on offer: that is the original's date, and an original
    # later than the sleeve's is another album (the 1975 "Fleetwood Mac (Deluxe)" for 1968's).
    later_edition = is_edition and cand_year and reference and cand_year > reference and (
        not candidate.get(DATED_BY_ORIGINAL))
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
    for pname, rx, factor in PENALTY_RES:
        if q.is_classical and pname not in CLASSICAL_PENALTIES:
            continue  # "String Quartet", "plays", "Instrumental" are what classical names say
        if rx.search(cand_words) and not rx.search(query_words):
            if pname == "live" and live_tag_on_own_title(
                q, name, cand_year, positive_int(candidate.get("total_tracks"))
            ):
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
    if classical.get("reissued_recording"):
        penalties["reissue_date"] = 0.97  # a recording of the very year is likelier
    if is_edition and not reissued(classical) and not EDITION_WORD_RE.search(
        q.title.casefold()
    ):
        penalties["edition"] = 0.98
    album_type = candidate.get("album_type")
    if album_type == "single" and fields["type"] is not None and fields["type"] < 1.0:
        penalties["single_for_album"] = 0.6
    if album_type in ("album", "compilation") and q.is_single:
        penalties["album_for_single"] = 0.85
    # A remaster may carry its own date; a compilation's "remastered" namesake is another one.
    dated = bool(candidate.get(DATED_BY_ORIGINAL))
    if cand_year and (q.is_compilation and not q.is_classical or not is_edition or dated) and (
        _far_year(q, cand_year)
    ):
        penalties["year_far"] = 0.85
    if not q.is_classical and before_first_release(q, cand_year):
        # Discogs' master year is the album's first release: an album Spotify dates two years
        # or more before it is another, older one of that name (Santana's 1969 debut for the
        # 1971 "Santana"). A classical album's date may be its recording's.
        penalties["before_first_release"] = 0.75
    tracks = fields["tracks"]
    if q.is_various and not q.master_year and q.year and cand_year and cand_year > q.year and (
        not is_edition
    ):
        # "Indie Anthems" pressed in 2017 is not the "Indie Anthems" of 2018: compilation
        # titles are reused every year, and a record cannot be pressed before it came out.
        penalties["after_pressing"] = 0.75
    expanded = is_edition and bool(cand_year and q.master_year and cand_year > q.master_year) and (
        (positive_int(candidate.get("total_tracks")) or 0) > (q.track_count or 0))
    if q.is_compilation and tracks is not None and tracks < 0.6 and not expanded:
        # A compilation with another track list is another compilation of the same name; not
        # its later edition that says so and holds more ("C86" / "C86 (Deluxe Edition)").
        penalties["compilation_tracks"] = 0.75
    if not (q.is_classical or q.is_various) and tracks is not None and tracks < 1.0 and (
        film_title(q.title) and not film_title(name)
    ):
        # A band's film soundtrack LP against its album of the film's name, with another track
        # list: the soundtrack (with the score's instrumentals: the US "A Hard Day's Night") is
        # another record than the album Spotify names plainly.
        penalties["soundtrack_for_album"] = 0.8
    if not q.is_classical and _year_and_tracks_differ(q, cand_year, later_edition, tracks) and (
        penalties or not distinctive_title(q)
        or min(fields["artist"], title) < 0.97 or fields["type"] not in (None, 1.0)
        or _next_years_version(q, candidate, cand_year, is_edition)
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


def is_edition_name(name: str) -> bool:
    """A name that says it is a remaster, deluxe, expanded or anniversary edition."""
    return bool(EDITION_WORD_RE.search(name.casefold()))


# Set on an edition's copy that `dated_by_original` dated by its plain namesake: its date is the
# original's then, not a reissue's.
DATED_BY_ORIGINAL = "dated_by_original"


def dated_by_original(candidates: Sequence[Any]) -> list[Any]:
    """The candidates, each edition dated by its plain namesake when one is on offer.

    An edition carries its reissue's date ("Santana (Legacy Edition)", 2004), which says
    nothing of which album it reissues; the plain album of that name by the same artists
    ("Santana", 1969) dates the original, so the edition is judged by that year. Left as it is
    when the plain namesakes disagree on the year (a name the artist used twice)."""
    plain: dict[tuple, set[str]] = {}
    for c in candidates:
        if isinstance(c, dict) and c.get("album_type") in ("album", "compilation") and (
            candidate_year(c) and not is_edition_name(str(c.get("name") or ""))
        ):
            key = (normalize_title(str(c.get("name") or "")),
                   tuple(normalize_artist(a) for a in candidate_artists(c)))
            plain.setdefault(key, set()).add(str(c["release_date"]))
    out = []
    for c in candidates:
        name = str(c.get("name") or "") if isinstance(c, dict) else ""
        dates = plain.get((normalize_title(base_title(name)),
                           tuple(normalize_artist(a) for a in candidate_artists(c)))
                          ) if is_edition_name(name) else None
        if dates and len({d[:4] for d in dates}) == 1 and (
            (candidate_year(c) or 0) > int(min(dates)[:4])
        ):
            c = {**c, "release_date": min(dates), DATED_BY_ORIGINAL: True}
        out.append(c)
    return out


def _without_artist_name(q: MatchQuery, name: str) -> str:
    """The sleeve's title without the artist's name in front ("Johnny Cash At Folsom Prison"
    -> "At Folsom Prison") when Spotify's name lacks it; "" otherwise."""
    artist = q.main_artist.strip()
    title = q.title.strip()
    if not artist or not title.casefold().startswith(artist.casefold() + " "):
        return ""
    if normalize_title(name).startswith(normalize_title(artist)):
        return ""
    rest = title[len(artist):].strip(" -:")
    return rest if len(rest.split()) >= 2 else ""


_NAME_PARTS_RE = re.compile(r"\s*(?::|\s[-\u2013\u2014]\s|[()\[\]])\s*")


def _curated_by_artist(q: MatchQuery, name: str, cand_artists: Sequence[str]) -> str:
    """The name of a Various Artists candidate without the part that is the sleeve's artist
    ("Late Night Tales: Air" -> "Late Night Tales"); "" when it is not credited to Various
    Artists or no part of its name is the artist."""
    if q.is_various or not cand_artists or not all(
        normalize_artist(a) in VARIOUS_NAMES for a in cand_artists
    ):
        return ""
    wanted = {normalize_artist(q.main_artist), normalize_artist(q.artist)} - {""}
    parts = [p for p in _NAME_PARTS_RE.split(name) if p.strip()]
    rest = [p for p in parts if normalize_artist(p) not in wanted]
    return " ".join(rest) if rest and len(rest) < len(parts) else ""


def _artist_by_initials(q: MatchQuery, name: str) -> str:
    """The sleeve's title with the artist's name of three words or more, which it begins with,
    in the initials Spotify's name begins with instead ("Electric Light Orchestra II" ->
    "elo ii" against "ELO 2"); "" otherwise."""
    artist = normalize_artist(q.main_artist).split()
    title, cand = normalize_title(q.title).split(), normalize_title(name).split()
    if len(artist) < 3 or title[:len(artist)] != artist or not cand:
        return ""
    short = "".join(w[0] for w in artist)
    if cand[0] != short:
        return ""
    return " ".join([short, *title[len(artist):]])


def _scripts_only_differ(q: MatchQuery, candidate: Mapping[str, Any],
                         cand_artists: Sequence[str]) -> bool:
    """The owned track count unknown, an album of the very master year, credited in another
    script than the sleeve's."""
    return q.track_count is None and bool(q.master_year) and (
        candidate_year(candidate) == q.master_year
    ) and candidate.get("album_type") in ("album", "compilation") and any(
        scripts_differ(q.main_artist, a) for a in cand_artists)


def _next_years_version(q: MatchQuery, candidate: Mapping[str, Any], cand_year: int | None,
                        is_edition: bool) -> bool:
    """A plain album dated the year after the master's first release with another track list:
    another country's version (the 1976 international "High Voltage" for the 1975 Australian
    one), not a remaster (which says so, or keeps the original's date)."""
    return bool(q.master_year and cand_year == q.master_year + 1) and not is_edition and (
        candidate.get("album_type") in ("album", "compilation"))


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


def distinctive_title(q: MatchQuery) -> bool:
    """A title that names one album: not the artist's name, not "Untitled", not a reused
    compilation title ("Classic Rock Anthems"), at least four letters."""
    qn = normalize_title(base_title(q.title) or q.title)
    if q.is_various or not qn or qn in PLACEHOLDER_TITLES:
        return False
    if qn == normalize_title(q.main_artist) or qn == normalize_title(q.artist):
        return False
    return len(qn.replace(" ", "")) >= 4
