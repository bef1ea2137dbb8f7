"""The label rules of the labeled match set across its files: the files were written apart,
so one Spotify album may be in two catalogues under two ids, or as an edition of another's;
linking any of them is right. Pure, over catalogue items (Spotify simplified albums)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def identical_copies(catalogue: Iterable[dict]) -> dict[str, set[str]]:
    """Each catalogue id with the ids of its copies (itself included).

    The files were written apart, so one Spotify album may be in two of them under two ids
    (`_same_album`). Linking either copy is right. Only items of three tracks or more: one-track
    singles of one name are common."""
    groups: dict[tuple, list[dict]] = {}
    for item in catalogue:
        year = str(item.get("release_date") or "")[:4]
        tracks = item.get("total_tracks")
        if year and isinstance(tracks, int) and tracks >= 3:
            groups.setdefault((item.get("album_type"), year), []).append(item)
    copies: dict[str, set[str]] = {}
    for items in groups.values():
        for i, one in enumerate(items):
            copies.setdefault(one["id"], {one["id"]})
            for other in items[i + 1:]:
                if _same_album(one, other):
                    copies[one["id"]].add(other["id"])
                    copies.setdefault(other["id"], {other["id"]}).add(one["id"])
    return copies


def _same_album(one: dict, other: dict) -> bool:
    """Two items of one type and year that are one album:
    - the same name and artist spelled another way ("КИНО" / "Кино", "Tokyo Jihen" /
      "東京事変", "The Beat" / "The English Beat", "Art Blakey & The Jazz Messengers" / "Art
      Blakey", "The Jazz Messengers"): the same artists or none in common (items that share
      some but not all, a composer with other performers, are other recordings), and the same
      track count, or one apart on the very same date (one file counting a bonus track);
    - or one recording credited at two lengths: one file lists the soloists and the choir,
      another only the composer, orchestra and conductor ("Mozart: Requiem" / "Mozart:
      Requiem, K. 626", Böhm, 1971, 14 tracks): the same track count, one credit list inside
      the other sharing three names at least, one name the other's start."""
    apart = abs(one["total_tracks"] - other["total_tracks"])
    if apart > 1:
        return False
    mine, theirs = _credited(one), _credited(other)
    if str(one.get("name") or "").casefold() == str(other.get("name") or "").casefold():
        return (apart == 0 or one["release_date"] == other["release_date"]) and (
            mine == theirs or not mine & theirs)
    name, other_name = _name_words(one), _name_words(other)
    return apart == 0 and mine != theirs and len(mine & theirs) >= 3 and (
        mine <= theirs or theirs <= mine) and bool(name and other_name) and (
        name.startswith(other_name) or other_name.startswith(name))


def _credited(item: dict) -> set[str]:
    """An item's artists, casefolded, a joint credit ("A & B") as its names."""
    return {name.strip() for a in item.get("artists") or ()
            for name in re.split(r"\s+&\s+|,\s+", str(a.get("name") or "").casefold())
            if name.strip()}


def _name_words(item: dict) -> str:
    return " ".join(re.findall(r"\w+", str(item.get("name") or "").casefold()))


# A suffix naming an edition of the same recording: "(2009 Remaster)", " - Deluxe Edition",
# "(2012 Mix/Master)", "[Expanded]"; not "(Live)", "(Blue Album)" or a subtitle.
_EDITION_SUFFIX = re.compile(
    r"\s*(?:[([]|-\s)[^()\[\]]*\b(?:remaster(?:ed)?|deluxe|expanded|anniversary|edition|"
    r"mix/master|mono|stereo|bonus tracks?)\b[^()\[\]]*[)\]]?\s*$", re.IGNORECASE)


def base_name(name: str) -> str:
    """An album's name without the suffixes that name an edition of it, casefolded."""
    name = str(name or "")
    while True:
        shorter = _EDITION_SUFFIX.sub("", name)
        if shorter == name or not shorter.strip():
            return " ".join(name.casefold().split())
        name = shorter


def editions_by_base_name(catalogue: Iterable[dict]) -> dict[str, set[str]]:
    """Each catalogue id with the ids of the editions of the same album (itself included).

    The label rule: an acceptable album's remaster, deluxe or anniversary editions by the same
    artists are acceptable too. A file lists the editions its own catalogue holds; another
    file may hold the plain album or another edition under an id of its own. An edition has the
    same artists, the same type and the same name once its edition suffix is left out. Where
    two plain albums of that name differ in year (a conductor's two recordings of a symphony,
    named alike), which edition is of which cannot be told: those stay apart."""
    groups: dict[tuple, list[dict]] = {}
    for item in catalogue:
        artists = frozenset(str(a.get("name") or "").casefold() for a in item.get("artists") or ())
        key = (base_name(item.get("name")), item.get("album_type"), artists)
        groups.setdefault(key, []).append(item)
    out: dict[str, set[str]] = {}
    for (base, _, _), items in groups.items():
        plain_years = {str(i.get("release_date") or "")[:4] for i in items
                       if " ".join(str(i.get("name") or "").casefold().split()) == base}
        if len(plain_years) <= 1:
            ids = {i["id"] for i in items}
            out.update((i, ids) for i in ids)
    return out
