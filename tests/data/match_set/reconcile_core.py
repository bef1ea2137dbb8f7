"""Give core.json's catalogue the ids the other match-set files use for the same Spotify album.

core.json was converted from the old labeled set, whose Spotify names and dates were written
independently of the other files: the same album can appear twice in the union catalogue
("Weezer (Blue Album)" here, "Weezer" in general.json, same date and track count), and the fake
search would then offer two copies of one album, only one of them acceptable for each file.
An item of core.json is the same as an item of another file when the first artist, the year,
the track count and the album type agree and the names agree once brackets are dropped; its id
is replaced (in `acceptable` and `old_candidates` too) and its object removed.

Run: .venv/bin/python tests/data/match_set/reconcile_core.py [folder]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", text.replace("'", "").replace("\u2019", ""))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _key(item: dict) -> tuple:
    artists = item.get("artists") or [{}]
    return (_words(artists[0].get("name") or ""), _words(item.get("name") or ""),
            (item.get("release_date") or "")[:4], item.get("total_tracks"),
            item.get("album_type"))


def write_set(path: Path, data: dict) -> None:
    """One album or catalogue item a line, as the other files are written."""
    lines = ["{", f'  "about": {json.dumps(data["about"], ensure_ascii=False)},', '  "albums": [']
    lines.append(",\n".join("    " + json.dumps(a, ensure_ascii=False) for a in data["albums"]))
    lines += ["  ],", '  "catalogue": [']
    lines.append(",\n".join("    " + json.dumps(c, ensure_ascii=False)
                            for c in data["catalogue"]))
    lines += ["  ]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reconcile(folder: Path) -> dict[str, str]:
    """Rewrite folder/core.json; returns the id replacements made."""
    core_path = folder / "core.json"
    core = json.loads(core_path.read_text(encoding="utf-8"))
    others: dict[tuple, str] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name != "core.json":
            for item in json.loads(path.read_text(encoding="utf-8")).get("catalogue") or ():
                others.setdefault(_key(item), item["id"])
    own_ids = {c["id"] for c in core["catalogue"]}
    replace = {}
    for item in core["catalogue"]:
        other = others.get(_key(item))
        if other and other != item["id"] and other not in own_ids:
            replace[item["id"]] = other
    if replace:
        core["catalogue"] = [c for c in core["catalogue"] if c["id"] not in replace]
        for album in core["albums"]:
            for field in ("acceptable", "old_candidates"):
                if field in album:
                    album[field] = list(dict.fromkeys(replace.get(i, i) for i in album[field]))
        write_set(core_path, core)
    return replace


if __name__ == "__main__":
    done = reconcile(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    for old, new in sorted(done.items()):
        print(f"{old} -> {new}")
    print(f"{len(done)} core items now use another file's id")
