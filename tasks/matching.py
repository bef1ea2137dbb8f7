"""Pure Spotify matching: the linking decision, over the searches' results.

No HTTP here. `tasks/spotify.py` asks `next_search(q, done)` for the next query given what the
earlier ones returned, sends it (at most 10 results), and stops once `decide(q, done)` links an
album; the evaluation (tasks/match_eval.py) runs the same loop. Comparison uses `tasks.normalize`
forms (and `tasks.classical`, `tasks.performers` for classical works); nothing here changes what is
displayed.

The parts, each pure: `tasks.match_query` (the album and a candidate's fields),
`tasks.match_plan` (which searches to send), `tasks.match_text` (how titles and names compare),
`tasks.match_rules` (penalties, and when year and track count stand in for a name),
`tasks.match_score` (one candidate's score); this module picks the candidate and says which
query found it. Its names below are the matcher's public ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tasks.match_plan import (
    SEARCH_LIMIT,
    Search,
    Searched,
    next_search,
    search_plan,
    search_queries,
)
from tasks.match_query import Match, MatchQuery, candidate_artists, candidate_year, positive_int
from tasks.match_score import (
    dated_by_original,
    distinctive_title,
    is_edition_name,
    reissued,
    score_candidate,
)
from tasks.match_text import base_title, film_title
from tasks.normalize import normalize_title
from tasks.performers import performers

__all__ = [
    "DEFAULT_THRESHOLD", "SEARCH_LIMIT", "UNCERTAIN_FLOOR", "Match", "MatchQuery", "Search",
    "Searched", "best_spotify_match", "decide", "next_search", "score_candidate", "search_plan",
    "search_queries", "top_candidates", "track_count_would_tell",
]

DEFAULT_THRESHOLD = 0.8  # tuned for precision on tests/data/match_set (tuning half)
UNCERTAIN_FLOOR = 0.5  # below it the best candidate is "not_found"; its id stays in evidence


def _namesakes_by_year(q: MatchQuery, scored: list[tuple], threshold: float) -> list[tuple]:
    """Several albums of the artist under one name (Weezer's self-titled albums, a title
    reused): only the year can tell them apart. When one has the year, those of another year
    lose; two distinct ones of the right year leave the choice uncertain."""
    reference = q.master_year or q.year
    if not reference or q.is_classical:
        return scored
    wanted = normalize_title(base_title(q.title))
    names = [i for i, (_, _, c, e) in enumerate(scored)
             if (e.get("artist") or 0) >= 0.9
             and normalize_title(base_title(str(c.get("name") or ""))) == wanted]
    years = {candidate_year(scored[i][2]) for i in names} - {None}
    plain = [i for i in names if not is_edition_name(str(scored[i][2].get("name") or ""))]
    plain_years = {candidate_year(scored[i][2]) for i in plain} - {None}
    if (q.master_year or q.is_various) and len(plain_years) >= 2 and not any(
        abs(y - reference) <= 1 for y in plain_years
    ) and len({positive_int(scored[i][2].get("total_tracks")) for i in plain} - {None}) >= 2:
        # Plain albums of that name with other track lists and other years, none of the
        # sleeve's year (the first release's, or a compilation's pressing): a title used for
        # several records ("Classic Rock Anthems" of 2013 and of 2019 for one pressed in
        # 2016). Nothing tells which: none is linked. (Without a master year an artist's
        # pressing may be a reissue, dated after them all.)
        out = list(scored)
        for i in names:
            score, order, c, e = out[i]
            out[i] = (min(score, round(threshold - 0.01, 4)), order, c,
                      {**e, "ambiguous_namesake": True})
        out.sort(key=lambda t: (t[0], t[1]), reverse=True)
        return out
    # Only when one of them has the very year (a reissue pressing's year may match none).
    if len(years) < 2 or reference not in years:
        return scored
    out = list(scored)
    for i in names:
        score, order, c, e = out[i]
        if candidate_year(c) != reference:
            out[i] = (round(score * 0.8, 4), order, c,
                      {**e, "penalties": {**e["penalties"], "namesake_year": 0.8}})
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    top = [t for t in out[:2] if any(t is out[i] or t[2] is out[i][2] for i in names)]
    if len(top) == 2 and all(candidate_year(t[2]) == reference for t in top) and (
        normalize_title(str(top[0][2].get("name") or ""))
        != normalize_title(str(top[1][2].get("name") or ""))
    ):
        score, order, c, e = out[0]
        out[0] = (min(score, round(threshold - 0.01, 4)), order, c,
                  {**e, "ambiguous_namesake": top[1][2].get("id")})
    return out


_COUNTRY_TAG_RE = re.compile(r"[(\[]\s*(?:uk|us|u\.k\.|u\.s\.|usa|japan(?:ese)?)"
                             r"(?:\s+(?:version|edition|album|mono|stereo))?\s*[)\]]",
                             re.IGNORECASE)


def _country_versions(q: MatchQuery, best: dict, others: list[dict]) -> bool:
    """True when another candidate is the best one's namesake of the same artists and year,
    one of the two tagged with a country ("(UK)", "(US Version)") and the sleeve's title with
    none."""
    if _COUNTRY_TAG_RE.search(q.title):
        return False
    name = str(best.get("name") or "")
    for c in others:
        other = str(c.get("name") or "")
        if bool(_COUNTRY_TAG_RE.search(name)) != bool(_COUNTRY_TAG_RE.search(other)) and (
            normalize_title(base_title(name)) == normalize_title(base_title(other))
            and candidate_artists(c) == candidate_artists(best)
            and candidate_year(c) == candidate_year(best)
        ):
            return True
    return False


def best_spotify_match(
    q: MatchQuery, candidates: list[dict], threshold: float = DEFAULT_THRESHOLD
) -> Match:
    """Pick the best candidate; link it only at or above `threshold`, else keep it as uncertain."""
    scored = []
    # Classical editions are judged by their performers and work (a plain namesake may be
    # another recording).
    judged = candidates if q.is_classical else dated_by_original(list(candidates or ()))
    for i, (c, as_judged) in enumerate(zip(candidates or (), judged, strict=True)):
        if not isinstance(c, dict):
            continue
        score, evidence = score_candidate(q, as_judged)
        if as_judged is not c:
            evidence = {**evidence, "dated_by": as_judged.get("release_date")}
        scored.append((score, -i, c, evidence))
    if not scored:
        return Match("not_found", None, 0.0, {"candidates": 0})
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    scored = _namesakes_by_year(q, scored, threshold)
    score, _, best, evidence = scored[0]
    rule = evidence.get("rule")
    if rule in ("year_and_tracks_only", "only_album_of_year") and any(
        e.get("artist", 0) >= 0.9 and candidate_year(c) == candidate_year(best)
        and c.get("album_type") in ("album", "compilation")
        and normalize_title(str(c.get("name") or "")) != normalize_title(str(best.get("name")))
        for _, _, c, e in scored[1:]
    ):
        # Year and track count stand in for the title only when no other album of the artist
        # from that year is on offer.
        score = min(score, threshold - 0.01)
    if rule == "only_album_of_year" and any(
        e.get("artist", 0) >= 0.9 and e.get("title", 0) >= 0.8 and not e.get("rule")
        and c.get("album_type") in ("album", "compilation")
        and (distinctive_title(q) or not {"year_and_tracks_differ", "before_first_release"}
             & set(e.get("penalties") or ()))
        for _, _, c, e in scored[1:]
    ):
        # The artist has an album under the sleeve's own title (another year, another length):
        # that is the record, not the year's other album. (A single of that name is the title
        # song's: no evidence either way. A self-titled sleeve's namesake whose year and length
        # differ is the artist's other self-titled album, not this one reissued.)
        score = min(score, threshold - 0.01)
    if reissued(evidence.get("classical") or {}) and any(
        (e.get("classical") or {}).get("performer", 0) >= 0.95
        and ((e.get("classical") or {}).get("work") or 0) >= 0.65
        and not (e.get("classical") or {}).get("swapped_performers")
        for _, _, c, e in scored[1:]
    ):
        # Another recording of the work by these performers is on offer: which one the later
        # coupling holds is unknown.
        score = min(score, threshold - 0.01)
    if (evidence.get("classical") or {}).get("same_recording_facts") and any(
        ((e.get("classical") or {}).get("performer") or 0) >= 0.95
        and candidate_year(c) == candidate_year(best)
        and positive_int(c.get("total_tracks")) == positive_int(best.get("total_tracks"))
        and normalize_title(str(c.get("name") or "")) != normalize_title(str(best.get("name")))
        for _, _, c, e in scored[1:]
    ):
        # Another album of these performers with that year and track count: which work the
        # sleeve names is unknown.
        score = min(score, threshold - 0.01)
    if q.is_classical and not any(performers(q.artists, q.work.composer)) and any(
        ((e.get("classical") or {}).get("work") or 0)
        >= ((evidence.get("classical") or {}).get("work") or 0)
        and candidate_artists(c) != candidate_artists(best) and s >= score - 0.05
        for s, _, c, e in scored[1:]
    ):
        # The sleeve credits no performer (a budget label's anonymous orchestra): recordings
        # of the work by others, scored alike, cannot be told from the one it holds.
        score = min(score, threshold - 0.01)
    if _country_versions(q, best, [c for _, _, c, _ in scored[1:]]):
        # Spotify carries a British and an American version of the record under one name of
        # one year ("Out Of Our Heads" / "Out Of Our Heads (UK)"): which one the sleeve is, the
        # names do not say.
        score = min(score, threshold - 0.01)
        evidence = {**evidence, "ambiguous_version": True}
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


def track_count_would_tell(q: MatchQuery, match: Match) -> bool:
    """Whether the owned track count could undo this link, which the sleeve's own facts leave
    open: it is dated in neither the master year nor the pressing's, so it may be another
    album of that name (Françoise Hardy's 1970 self-titled album for her 1968 one), which
    another track list would show (`year_and_tracks_differ`); or the sleeve names a film's
    soundtrack and the link is the band's album of the film's name (the US "A Hard Day's
    Night" soundtrack, with the score's instrumentals, against the Parlophone LP:
    `soundtrack_for_album`). Not for classical albums, which Spotify dates by reissue."""
    if match.status != "matched" or match.album is None or q.track_count or q.is_classical:
        return False
    if not q.is_various and film_title(q.title) and not film_title(
        str(match.album.get("name") or "")
    ):
        return True
    cand_year = candidate_year(match.album)
    dated_by = match.evidence.get("dated_by")
    if dated_by:
        cand_year = positive_int(str(dated_by)[:4])
    # A master year not known yet may be either, or neither: the fetch brings it too.
    return bool(cand_year and (q.master_year or q.master_unknown)) and \
        cand_year not in (q.master_year, q.year)


def _seen(done: Sequence[Searched]) -> list[tuple[dict, Search]]:
    """Distinct items over all searches, each with the first search that returned it."""
    seen: dict[Any, tuple[dict, Search]] = {}
    for searched in done:
        for item in searched.results:
            if isinstance(item, dict):
                seen.setdefault(item.get("id") or id(item), (item, searched.search))
    return list(seen.values())


def _performer_listed(done: Sequence[Searched]) -> bool:
    """True when a search listed the performer's albums of the composer whole (fewer than the
    limit): any other recording of theirs would have been among them."""
    return any(s.search.form == "classical_performer_list" and len(s.results) < SEARCH_LIMIT
               for s in done)


def decide(q: MatchQuery, done: Sequence[Searched], threshold: float = DEFAULT_THRESHOLD
           ) -> Match:
    """The linking decision over everything the searches returned; the evidence says which
    query found the chosen album (`query`, `query_form`)."""
    seen = _seen(done)
    match = best_spotify_match(q, [item for item, _ in seen], threshold)
    if match.status == "matched" and reissued(match.evidence.get("classical") or {}) and (
        next_search(q, done) is not None and not _performer_listed(done)
    ):
        # A later date stands for the owned recording's only once the performer's albums of
        # the composer have all been listed, or every search has been sent, and none brought up
        # another recording of the work by the same performers.
        match = Match("uncertain", match.album, match.score,
                      {**match.evidence, "pending": "reissued"})
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
    seen = _seen(done)
    items = [item for item, _ in seen]
    judged = items if q.is_classical else dated_by_original(items)
    for (item, found_by), as_judged in zip(seen, judged, strict=True):
        score, evidence = score_candidate(q, as_judged)
        urls = item.get("external_urls")
        album_id = item.get("id")
        rows.append({
            "spotify_album_id": album_id,
            "url": (urls.get("spotify") if isinstance(urls, dict) else None)
            or (f"https://open.spotify.com/album/{album_id}" if album_id else None),
            "name": item.get("name"),
            "artists": candidate_artists(item),
            "release_date": item.get("release_date"),
            "album_type": item.get("album_type"),
            "total_tracks": positive_int(item.get("total_tracks")),
            "score": round(score, 4),
            "evidence": {k: v for k, v in evidence.items() if k != "base"}
            | {"query_form": found_by.form},
        })
    rows.sort(key=lambda r: -r["score"])
    return rows[:n]
