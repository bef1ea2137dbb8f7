"""Evaluate the Spotify matcher on the labeled set: precision, recall, every wrong or missed link.

Two figures are computed from one file:

* `direct`: each entry's whole candidate list is scored at once (what one search returned).
* `without_master_year_and_tracks`: `direct` with what a CSV export lacks left out.
* `search`: the `search_queries` order is replayed against the same list. A simulated search
  keeps the candidates whose words contain a filter's words (diacritics folded, as Spotify's
  search does), stops at the first `matched` query, and otherwise keeps the best uncertain one.
  It gives the number of requests per album that the query order implies.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from tasks.matching import DEFAULT_THRESHOLD, Match, MatchQuery, best_spotify_match, search_queries
from tasks.normalize import fold_words

DEFAULT_LABELED_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / (
    "spotify_labeled.json"
)

_FILTER_RE = re.compile(r"(album|artist):'([^']*)'")


def load_labeled(path: str | Path = DEFAULT_LABELED_PATH) -> list[dict]:
    """The labeled entries: album, candidates, acceptable ids."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["entries"]


def _all_words(s: str) -> set[str]:
    return set(fold_words(s).split())


def simulate_search(query: str, candidates: list[dict]) -> list[dict]:
    """The candidates a Spotify search for `query` would plausibly return, in their order."""
    filters = _FILTER_RE.findall(query)
    free = _FILTER_RE.sub(" ", query)
    out = []
    for c in candidates:
        name_words = _all_words(str(c.get("name") or ""))
        artist_words = [_all_words(str(a.get("name") or "")) for a in c.get("artists") or ()]
        every = name_words.union(*artist_words) if artist_words else name_words
        ok = True
        for field, value in filters:
            wanted = _all_words(value)
            if field == "album":
                ok = ok and wanted <= name_words
            else:
                ok = ok and any(wanted <= aw for aw in artist_words)
        ok = ok and _all_words(free) <= every
        if ok:
            out.append(c)
    return out


def run_search(q: MatchQuery, candidates: list[dict], threshold: float) -> tuple[Match, int]:
    """Replay the query order: stop at the first matched; else the best uncertain result."""
    best: Match | None = None
    used = 0
    for query in search_queries(q):
        used += 1
        match = best_spotify_match(q, simulate_search(query, candidates), threshold)
        if match.status == "matched":
            return match, used
        if best is None or match.score > best.score:
            best = match
    return best or best_spotify_match(q, [], threshold), used


def _score(results: list[tuple[dict, Match]]) -> dict[str, Any]:
    links = correct = answerable = 0
    wrong: list[dict] = []
    missed: list[dict] = []
    for entry, match in results:
        ok_ids = set(entry["acceptable"])
        answerable += bool(ok_ids)
        chosen = (match.album or {}).get("id")
        row = {
            "id": entry["id"],
            "artist": entry["album"]["artist"],
            "title": entry["album"]["title"],
            "status": match.status,
            "chosen": _label(match.album),
            "score": match.score,
            "runner_up_score": match.evidence.get("runner_up_score"),
            "penalties": match.evidence.get("penalties", {}),
            "note": entry.get("note", ""),
        }
        if match.status == "matched":
            links += 1
            if chosen in ok_ids:
                correct += 1
            else:
                wrong.append(row)
        elif ok_ids:
            missed.append(row)
    return {
        "entries": len(results),
        "answerable": answerable,
        "links": links,
        "correct": correct,
        "precision": round(correct / links, 4) if links else 1.0,
        "recall": round(correct / answerable, 4) if answerable else 1.0,
        "wrong": wrong,
        "missed": missed,
    }


def _label(album: dict | None) -> str | None:
    if not album:
        return None
    artists = ", ".join(a.get("name", "") for a in album.get("artists") or ())
    return f"{artists} - {album.get('name')} ({album.get('album_type')}, {album.get('id')})"


def evaluate(path: str | Path = DEFAULT_LABELED_PATH, threshold: float = DEFAULT_THRESHOLD) -> dict:
    """Precision, recall, counts and the wrong/missed matches, direct and through search."""
    entries = load_labeled(path)
    direct, searched, queries, bare = [], [], [], []
    for entry in entries:
        q = MatchQuery.from_album(entry["album"])
        direct.append((entry, best_spotify_match(q, entry["candidates"], threshold)))
        # What a CSV export gives: no master year, no track count.
        q_bare = replace(q, master_year=None, track_count=None)
        bare.append((entry, best_spotify_match(q_bare, entry["candidates"], threshold)))
        match, used = run_search(q, entry["candidates"], threshold)
        searched.append((entry, match))
        queries.append(used)
    result = _score(direct)
    result["threshold"] = threshold
    result["search"] = {
        **_score(searched),
        "queries_total": sum(queries),
        "queries_per_album": round(sum(queries) / len(queries), 3) if queries else 0.0,
        "queries_max": max(queries, default=0),
    }
    result["without_master_year_and_tracks"] = _score(bare)
    return result


def _print_rows(title: str, rows: list[dict]) -> None:
    print(f"  {title}: {len(rows)}")
    for r in rows:
        print(
            f"    {r['id']} {r['artist']!r} - {r['title']!r}: {r['status']} {r['score']:.3f}"
            f" -> {r['chosen']} penalties={r['penalties']}"
        )


def main(argv: list[str] | None = None) -> int:
    """Print the figures and every wrong or missed match; exit 1 below the targets."""
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else DEFAULT_LABELED_PATH
    r = evaluate(path)
    s = r["search"]
    print(f"labeled set: {path}")
    print(f"threshold {r['threshold']}, entries {r['entries']}, with an answer {r['answerable']}")
    figures = (
        ("direct (whole candidate list)", r),
        ("through search_queries", s),
        ("direct, without master year and track count", r["without_master_year_and_tracks"]),
    )
    for name, x in figures:
        print(
            f"{name}: precision {x['precision']:.4f} ({x['correct']}/{x['links']} links), "
            f"recall {x['recall']:.4f} ({x['correct']}/{x['answerable']})"
        )
        _print_rows("wrong", x["wrong"])
        _print_rows("missed", x["missed"])
    print(f"queries per album {s['queries_per_album']} (max {s['queries_max']}, "
          f"total {s['queries_total']})")
    return 0 if r["precision"] >= 0.98 and r["recall"] >= 0.95 else 1


if __name__ == "__main__":
    raise SystemExit(main())
