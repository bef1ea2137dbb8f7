"""Evaluate the Spotify lookup on the labeled match set, through a strict fake search engine.

Every album of tests/data/match_set/*.json goes through the real `tasks.spotify.lookup_album`,
with a client whose searches the fake engine (tasks/fake_apis/search.py) answers over the union
of the files' catalogues, so a new query form needs no new labels. Searches are counted per
album. The HTTP fake Spotify answers with the same engine and the same development-mode shapes;
tests/test_eval_http.py checks that both paths give the same outcome.

By default the lookup gets what a user's sync gives it: the facts of tasks.enrich.ALBUM_FACTS,
and the track count only from the Discogs release fetch it asks for (answered here from the
labeled record; counted per album under "discogs"). `--all-facts` gives it the whole record.

The set is split in two by a stable hash of the album id: the tuning half, whose failures may
guide changes, and the held-out half, on which nothing is fitted. Once the held-out failures
have been read they guide changes too, so a file marked `"holdout_only": true` forms a third
group, "fresh": albums the matcher was never tuned on, whatever their hash. Once the fresh
failures have been read too, a file written later names a group of its own with
`"holdout_group"` ("unseen": written blind to the matcher, its failures never read while
tuning). Every group is printed, overall and per category; the issue's targets are checked on
every group but the tuning half. The
wrong and missed albums are listed for one group (`--failures`, the held-out half by default),
so a helper tuning on one half need never see the others' failures.

Precision = correct links / links made; recall = correct links / albums on Spotify.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tasks.fake_apis.search import FakeSearch, QueryError
from tasks.fake_apis.spotify import dev_mode_album
from tasks.match_labels import editions_by_base_name, identical_copies

DEFAULT_SET_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "match_set"
HALVES = ("tuning", "held_out")
# The groups of holdout_only files: "fresh" by default, or the file's "holdout_group".
HOLDOUT_GROUPS = ("fresh", "unseen")
GROUPS = (*HALVES, *HOLDOUT_GROUPS)
GROUP_TITLES = {"tuning": "tuning half", "held_out": "held-out half",
                "fresh": "fresh (never tuned on)",
                "unseen": "unseen (written blind, failures never read)"}
CHECKED = ("held_out", *HOLDOUT_GROUPS)  # the groups the targets are checked on
# `--failures` choices: the group whose wrong and missed albums are listed.
FAILURE_CHOICES = {"held-out": ("held_out",), "tuning": ("tuning",), "fresh": ("fresh",),
                   "unseen": ("unseen",), "all": GROUPS}
# The targets on the held-out half; the test asserts a looser recall floor.
TARGETS = {"precision": 0.99, "recall": 0.95, "searches": 1.6, "classical_searches": 2.5}


@dataclass(frozen=True)
class LabeledAlbum:
    """One album of the set, with the file it came from."""

    id: str
    category: str
    album: dict
    acceptable: frozenset[str]
    note: str
    source: str
    tags: tuple[str, ...] = ()
    holdout_only: bool = False
    holdout_group: str = "fresh"

    @property
    def half(self) -> str:
        """The group: its file's holdout group for a holdout_only file's album, else its hash
        half."""
        return self.holdout_group if self.holdout_only else half_of(self.id)


def half_of(album_id: str) -> str:
    """"tuning" or "held_out", by the first byte of the id's SHA-256 (stable across runs)."""
    return HALVES[hashlib.sha256(album_id.encode("utf-8")).digest()[0] % 2]


def load_set(set_dir: str | Path = DEFAULT_SET_DIR) -> tuple[list[LabeledAlbum], FakeSearch]:
    """The albums of every file in the folder, and the engine over all their catalogues."""
    files = sorted(Path(set_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no labeled set files in {set_dir}")
    albums: list[LabeledAlbum] = []
    sets = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        sets.append(data)
        group = data.get("holdout_group") or "fresh"
        if group not in HOLDOUT_GROUPS:
            raise ValueError(f"{path.name}: holdout_group must be one of "
                             f"{', '.join(HOLDOUT_GROUPS)}, not {group!r}")
        for a in data.get("albums") or ():
            albums.append(LabeledAlbum(
                id=a["id"], category=a.get("category") or "general", album=a["album"],
                acceptable=frozenset(a.get("acceptable") or ()), note=a.get("note") or "",
                source=path.name, tags=tuple(a.get("tags") or ()),
                holdout_only=data.get("holdout_only") is True, holdout_group=group))
    ids = [a.id for a in albums]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"album ids used twice: {', '.join(dupes[:5])}")
    albums = one_label_per_release(albums)
    catalogue = [item for data in sets for item in data.get("catalogue") or ()]
    copies = identical_copies(catalogue)
    editions = editions_by_base_name(catalogue)
    albums = [replace(a, acceptable=frozenset(
        e for i in a.acceptable for c in copies.get(i, {i}) for e in editions.get(c, {c})))
        for a in albums]
    engine = FakeSearch.from_files(sets)
    return albums, engine


def release_key(album: dict) -> tuple[str, Any]:
    """What tells one Discogs release from another across files: its title and year."""
    return unicodedata.normalize("NFKC", str(album.get("title") or "")).casefold().strip(), \
        album.get("year")


def one_label_per_release(albums: list[LabeledAlbum]) -> list[LabeledAlbum]:
    """The albums, with one label for a release that several files hold.

    Files written apart may hold one release twice, each with its own copy of the right
    Spotify album: either copy is right, so each gets both. A holdout album that a file of
    an earlier group also holds (the halves, then fresh, then unseen) is left out: the matcher
    may have been tuned on it."""
    groups: dict[tuple, list[LabeledAlbum]] = {}
    for a in albums:
        groups.setdefault(release_key(a.album), []).append(a)
    out = []
    for a in albums:
        same = groups[release_key(a.album)]
        if any(_group_rank(b) < _group_rank(a) for b in same):
            continue
        out.append(replace(a, acceptable=frozenset().union(*(b.acceptable for b in same))))
    return out


def _group_rank(album: LabeledAlbum) -> int:
    """0 for the halves, then each holdout group in the order it was written."""
    return HOLDOUT_GROUPS.index(album.holdout_group) + 1 if album.holdout_only else 0


class EngineClient:
    """What `lookup_album` needs of a SpotifyClient, answered in-process by the fake engine.

    As Spotify answers a development-mode app (and as the HTTP fake does): at most 10 items a
    search, no popularity, label or markets, a 400 for an empty field filter, and the album
    endpoint answered (its call is not a search).
    """

    def __init__(self, engine: FakeSearch) -> None:
        self.engine = engine
        self.album_endpoint_refused = False
        self.searches: list[str] = []
        self.album_calls: list[str] = []
        self.discogs_calls = 0  # release fetches (a track count), as-synced only

    def search_albums(self, query: str, limit: int = 10) -> list[dict]:
        from tasks.http import ServiceError

        self.searches.append(query)
        try:
            return [dev_mode_album(a) for a in self.engine.search(query, limit=limit)]
        except QueryError as exc:
            raise ServiceError("Spotify", f"Bad search query: {exc}", 400) from exc

    def fetch_album(self, album_id: str) -> dict:
        from tasks.http import ServiceError

        self.album_calls.append(album_id)
        album = self.engine.album(album_id)
        if album is None:
            raise ServiceError("Spotify", "Resource not found", 404)
        return dev_mode_album(album)


def _default_lookup(client: EngineClient, album: dict,
                    more_facts: Callable[..., dict] | None = None) -> dict:
    from tasks.spotify import lookup_album

    return lookup_album(client, album, more_facts=more_facts)


def discogs_release_facts(client: EngineClient, record: dict,
                          master_year: bool = False) -> Callable[..., dict]:
    """What a sync's Discogs fetches give the matcher (tasks.enrich.release_facts): the
    track count, and with master_year the master's year too (a first sync knows none up
    front), here the labeled ones; only: the facts asked (the year alone, before the artist's
    listing). One Discogs request, the first time anything is asked: the master answers both
    (an album of no master, here one with no labeled master year, has its release fetched
    for the count, and no year to ask)."""
    has_master = bool(record.get("master_year"))
    asked = False

    def fetch(only: tuple[str, ...] = ("track_count", "master_year")) -> dict:
        nonlocal asked
        out = {}
        if "track_count" in only and record.get("track_count"):
            out["track_count"] = record["track_count"]
        if master_year and "master_year" in only and has_master:
            out["master_year"] = record["master_year"]
        if not asked and ("track_count" in only or (master_year and has_master)):
            client.discogs_calls += 1
            asked = True
        return {**out, "source": "discogs"} if out else {}
    return fetch


def synced_facts(first_sync: bool = False) -> frozenset[str]:
    """The facts of an album record the sync hands the matcher (tasks.enrich.ALBUM_FACTS); in
    a first sync, no master year (a few are fetched up front: the others only when a lookup
    asks for more facts)."""
    from tasks.enrich import ALBUM_FACTS

    return frozenset(f for f in ALBUM_FACTS if not (first_sync and f == "master_year"))


def run_album(item: LabeledAlbum, engine: FakeSearch,
              lookup: Callable[..., dict] = _default_lookup,
              facts: frozenset[str] | None = None) -> dict:
    """Look one album up; the outcome with what was linked, how many searches it took and how
    many Discogs requests.

    facts: keep only these keys of the labeled record (None: all of them, and no Discogs
    request); the track count then comes only as a sync gets it, from a Discogs release fetch
    the lookup asks for. A Spotify error fails the album as the sync fails it: an error row,
    nothing linked."""
    from tasks.http import ServiceError
    from tasks.spotify import error_row

    client = EngineClient(engine)
    record = item.album if facts is None else {k: v for k, v in item.album.items() if k in facts}
    album = {**record, "album_key": item.id}
    if facts is not None and "master_year" not in facts and item.album.get("master_year"):
        album.setdefault("master_id", 1)  # a stand-in: the sync knows the master, not its year
    try:
        row = lookup(client, album) if facts is None else lookup(
            client, album, discogs_release_facts(client, item.album, "master_year" not in facts))
    except ServiceError as exc:
        row = error_row(album, exc)
    linked = row.get("spotify_album_id") if row.get("status") == "matched" else None
    if linked is None:
        outcome = "missed" if item.acceptable else "right_none"
    else:
        outcome = "correct" if linked in item.acceptable else "wrong"
    return {"item": item, "row": row, "linked": linked, "outcome": outcome,
            "searches": len(client.searches), "queries": list(client.searches),
            "discogs": client.discogs_calls,
            "album_calls": list(client.album_calls)}


def figures(results: Iterable[dict]) -> dict[str, Any]:
    """Precision, recall and searches per album of some results."""
    results = list(results)
    links = sum(1 for r in results if r["linked"])
    correct = sum(1 for r in results if r["outcome"] == "correct")
    on_spotify = sum(1 for r in results if r["item"].acceptable)
    searches = sum(r["searches"] for r in results)
    discogs = sum(r.get("discogs", 0) for r in results)
    return {
        "albums": len(results), "on_spotify": on_spotify, "links": links, "correct": correct,
        "wrong": sum(1 for r in results if r["outcome"] == "wrong"),
        "missed": sum(1 for r in results if r["outcome"] == "missed"),
        "precision": correct / links if links else 1.0,
        "recall": correct / on_spotify if on_spotify else 1.0,
        "searches_per_album": searches / len(results) if results else 0.0,
        "searches_max": max((r["searches"] for r in results), default=0),
        "discogs_per_album": discogs / len(results) if results else 0.0,
    }


def evaluate(set_dir: str | Path = DEFAULT_SET_DIR,
             lookup: Callable[..., dict] = _default_lookup,
             as_synced: bool = True, first_sync: bool = True) -> dict[str, Any]:
    """Figures per group (the two halves, and each holdout group a holdout_only file names),
    overall and per category, and every result.

    as_synced (the default): give the matcher what a user's sync gives it: no track count up
    front (the collection API has no tracklist), only through the Discogs release fetch the
    lookup asks for when it needs one. False: every fact of the labeled record (the matcher's
    best).

    first_sync (the default, with as_synced): no master year up front, only with the track
    count when the lookup asks for more facts, as a first sync gets it for all but the few
    master years it fetches up front. False: every master year known up front, as for albums
    added after the first sync."""
    albums, engine = load_set(set_dir)
    facts = synced_facts(first_sync) if as_synced else None
    results = [run_album(item, engine, lookup, facts) for item in albums]
    out: dict[str, Any] = {"set_dir": str(set_dir), "results": results,
                           "files": sorted({a.source for a in albums}), "as_synced": as_synced,
                           "first_sync": as_synced and first_sync}
    for half in GROUPS:
        part = [r for r in results if r["item"].half == half]
        if not part and half not in HALVES:
            continue
        categories = sorted({r["item"].category for r in part})
        out[half] = {
            "overall": figures(part),
            "categories": {c: figures(r for r in part if r["item"].category == c)
                           for c in categories},
        }
    return out


def targets_met(half: dict[str, Any]) -> dict[str, bool]:
    """Each target of the issue, met or not, on one group."""
    o = half["overall"]
    classical = half["categories"].get("classical")
    return {
        f"precision >= {TARGETS['precision']}": o["precision"] >= TARGETS["precision"],
        f"recall >= {TARGETS['recall']}": o["recall"] >= TARGETS["recall"],
        f"searches/album <= {TARGETS['searches']}": o["searches_per_album"] <= TARGETS["searches"],
        f"classical searches/album <= {TARGETS['classical_searches']}":
            classical is None or classical["searches_per_album"] <= TARGETS["classical_searches"],
    }


def _line(name: str, f: dict[str, Any]) -> str:
    return (f"  {name:<16} {f['albums']:>5} {f['on_spotify']:>5} {f['links']:>5} "
            f"{f['wrong']:>5} {f['missed']:>6}  {f['precision']:>9.4f} {f['recall']:>7.4f} "
            f"{f['searches_per_album']:>9.2f} {f['searches_max']:>4} "
            f"{f['discogs_per_album']:>8.3f}")


def _label(row: dict) -> str:
    if not row.get("spotify_album_id"):
        return "nothing"
    artists = ", ".join(row.get("spotify_artists") or ())
    return (f"{artists} - {row.get('spotify_name')} ({row.get('spotify_album_type')}, "
            f"{(row.get('spotify_release_date') or '')[:4]}, {row.get('spotify_total_tracks')} "
            f"tracks)")


def failure_lines(results: Iterable[dict]) -> list[str]:
    """One block per wrong or missed album: what it is, what was linked or seen, the queries."""
    lines = []
    for r in results:
        if r["outcome"] not in ("wrong", "missed"):
            continue
        item, row = r["item"], r["row"]
        a = item.album
        lines.append(f"  {r['outcome'].upper():<6} {item.id} [{item.category}] {a['artist']!r} - "
                     f"{a['title']!r} ({a.get('year')}, master {a.get('master_year')}, "
                     f"{a.get('track_count')} tracks)")
        seen = "linked" if r["linked"] else f"best seen ({row.get('status')})"
        lines.append(f"         {seen}: {_label(row)} score {row.get('score')}")
        if item.note:
            lines.append(f"         note: {item.note}")
        lines.append(f"         queries: {' | '.join(r['queries'])}")
    return lines


def report(result: dict[str, Any], failures: str = "held-out") -> str:
    """The printed evaluation: every group's figures, and the failures of the chosen group."""
    if failures not in FAILURE_CHOICES:
        raise ValueError(f"failures must be one of {', '.join(FAILURE_CHOICES)}: {failures!r}")
    out = [f"labeled set: {result['set_dir']} ({', '.join(result['files'])})"]
    if result.get("first_sync"):
        out.append("first sync: the matcher gets only the facts a first sync has (a track count "
                   "and the master's year only from Discogs fetches when it asks for more "
                   "facts, counted under 'discogs')")
    elif result.get("as_synced"):
        out.append("as synced, master years known: the matcher gets only the facts a sync has "
                   "once the master years are fetched (a track count only from a Discogs "
                   "release fetch, counted under 'discogs')")
    else:
        out.append("all facts: the matcher gets every fact of the labeled record, track count "
                   "included (no Discogs request)")
    header = ("  category         albums onSp links wrong missed  precision  recall "
              "searches  max  discogs")
    groups = [g for g in GROUPS if g in result]
    for half in groups:
        h = result[half]
        out += ["", f"{GROUP_TITLES[half]}:", header, _line("ALL", h["overall"])]
        out += [_line(c, f) for c, f in h["categories"].items()]
    for half in (g for g in CHECKED if g in result):
        out += ["", f"targets on the {GROUP_TITLES[half]}:"]
        out += [f"  [{'met' if ok else 'NOT MET'}] {name}"
                for name, ok in targets_met(result[half]).items()]
    for half in (g for g in FAILURE_CHOICES[failures] if g in result):
        part = [r for r in result["results"] if r["item"].half == half]
        n = sum(1 for r in part if r["outcome"] in ("wrong", "missed"))
        out += ["", f"wrong and missed, {GROUP_TITLES[half]}: {n}"]
        out += failure_lines(part)
    return "\n".join(out)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments (shared by `discogs-sync eval` and `python -m`)."""
    parser.add_argument("set_dir", nargs="?", default=str(DEFAULT_SET_DIR),
                        help="folder of labeled set files (default: tests/data/match_set)")
    parser.add_argument("--failures", choices=tuple(FAILURE_CHOICES), default="held-out",
                        help="whose wrong and missed albums to list (default: held-out)")
    parser.add_argument("--tuning-failures", dest="failures", action="store_const",
                        const="tuning", help="the same as --failures tuning")
    parser.add_argument("--as-synced", dest="as_synced", action="store_true", default=True,
                        help="give the matcher only the facts a sync has, the track count only "
                        "through a Discogs release fetch (the default)")
    parser.add_argument("--all-facts", dest="as_synced", action="store_false",
                        help="give the matcher every fact of the labeled record, track count "
                        "included (the matcher's best, not what a sync gets)")
    parser.add_argument("--master-years-known", dest="first_sync", action="store_false",
                        default=True,
                        help="as synced, with every master year known up front (albums added "
                        "after the first sync); by default, as a first sync: a master year only "
                        "when the lookup asks Discogs for more facts")


def run(args: argparse.Namespace) -> int:
    """Print the figures; exit 1 when a target is not met on a group other than tuning."""
    result = evaluate(args.set_dir, as_synced=getattr(args, "as_synced", True),
                      first_sync=getattr(args, "first_sync", True))
    print(report(result, failures=args.failures))
    return 0 if all(ok for g in CHECKED if g in result
                    for ok in targets_met(result[g]).values()) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tasks.match_eval",
                                     description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
