"""Make core.json agree with the other match-set files: one id and one object per real album.

core.json was converted from the old labeled set, whose Spotify names, dates and popularity were
written independently of the other files (classical.json, general.json, non_latin.json, which
are final and win every conflict). Four steps, each idempotent:

1. A core album that another file also holds (same artist and title once folded) is dropped:
   the other file's entry, with its fuller record and note, is the label, and its catalogue
   holds the right album: the items only the dropped core album accepted are dropped too (they
   are that album under the old set's names, "Cat Stevens - Tea For The Tillerman" for
   "Yusuf / Cat Stevens - Tea For The Tillerman", or, where the other file says the album is not
   on Spotify, an album that does not exist: a UK NOW! compilation).
2. A core catalogue item whose id another file also uses is dropped: the other file's object
   (its popularity, track count) is the one the search serves.
3. A core item that is the same Spotify album as another file's item under another id (same
   artists, same name, same type; the year decides between two of that name, as the dates of the
   old set were approximate) takes that id, in `acceptable` and `old_candidates` too; its object
   is dropped.
4. A core item that no core album accepts and whose album another file already describes (same
   artists, name and type, any year) is dropped: a second copy of a decoy would be a second
   Spotify album that does not exist, and an unlabelled edition of another file's right album.

Run: .venv/bin/python tests/data/match_set/reconcile_core.py [folder]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tasks.normalize import normalize_artist, normalize_title  # noqa: E402


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u200b", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text.replace("'", "").replace("\u2019", "")).split())


def _album_key(album: dict) -> tuple[str, str]:
    return _words(album["album"]["artist"]), _words(album["album"]["title"])


def identity(item: dict) -> tuple:
    """Artists, name without edition words, and type: what two copies of one album share."""
    artists = " ".join(normalize_artist(str(a.get("name") or "")) for a in item.get("artists") or ())
    words = set(artists.split()) - {"and", "the"}  # "Prince & The Revolution" / two credits
    return (" ".join(sorted(words)), normalize_title(str(item.get("name") or "")),
            item.get("album_type"))


def _name(item: dict) -> tuple:
    return identity(item)[0], _words(str(item.get("name") or "")), item.get("album_type")


def _year(item: dict) -> str:
    return (item.get("release_date") or "")[:4]


def write_set(path: Path, data: dict) -> None:
    """One album or catalogue item a line, as the other files are written."""
    lines = ["{", f'  "about": {json.dumps(data["about"], ensure_ascii=False)},', '  "albums": [']
    lines.append(",\n".join("    " + json.dumps(a, ensure_ascii=False) for a in data["albums"]))
    lines += ["  ],", '  "catalogue": [']
    lines.append(",\n".join("    " + json.dumps(c, ensure_ascii=False)
                            for c in data["catalogue"]))
    lines += ["  ]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reconcile(folder: Path) -> dict[str, list[str]]:
    """Rewrite folder/core.json; returns what each step changed."""
    core_path = folder / "core.json"
    core = json.loads(core_path.read_text(encoding="utf-8"))
    other_albums: dict[tuple[str, str], list] = {}
    other_items: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name != "core.json":
            data = json.loads(path.read_text(encoding="utf-8"))
            for a in data.get("albums") or ():
                other_albums.setdefault(_album_key(a), []).append(a["acceptable"])
            for item in data.get("catalogue") or ():
                other_items.setdefault(item["id"], item)
    by_identity: dict[tuple, list[dict]] = {}
    by_name: dict[tuple, list[dict]] = {}
    for item in other_items.values():
        by_identity.setdefault(identity(item), []).append(item)
        by_name.setdefault(_name(item), []).append(item)

    done: dict[str, list[str]] = {"albums dropped": [], "ids shared": [], "ids replaced": [],
                                  "decoys dropped": []}
    kept, absent = [], set()
    for album in core["albums"]:
        labels = other_albums.get(_album_key(album))
        if labels is None:
            kept.append(album)
            continue
        done["albums dropped"].append(album["id"])
        absent |= set(album["acceptable"])
    core["albums"] = kept
    absent -= {i for a in kept for i in a["acceptable"]}
    done["right albums dropped"] = sorted(absent)
    core["catalogue"] = [c for c in core["catalogue"] if c["id"] not in absent]

    replace: dict[str, str] = {}
    catalogue = []
    for item in core["catalogue"]:
        if item["id"] in other_items:
            done["ids shared"].append(item["id"])
            continue
        twins = by_name.get(_name(item), [])
        if len(twins) > 1:
            twins = [t for t in twins if _year(t) == _year(item)]
        if len(twins) == 1:
            replace[item["id"]] = twins[0]["id"]
            done["ids replaced"].append(f"{item['id']} -> {twins[0]['id']}")
            continue
        catalogue.append(item)
    for album in core["albums"]:
        for field in ("acceptable", "old_candidates"):
            if field in album:
                album[field] = list(dict.fromkeys(replace.get(i, i) for i in album[field]))
    accepted = {i for a in core["albums"] for i in a["acceptable"]}
    core["catalogue"] = []
    for item in catalogue:
        if item["id"] not in accepted and identity(item) in by_identity:
            done["decoys dropped"].append(f"{item['id']} {item['name']}")
        else:
            core["catalogue"].append(item)
    write_set(core_path, core)
    return done


if __name__ == "__main__":
    for step, changes in reconcile(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE).items():
        print(f"{step}: {len(changes)}")
        for change in changes:
            print(f"  {change}")
