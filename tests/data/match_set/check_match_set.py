"""Check the match-set files by hand: `python tests/data/match_set/check_match_set.py`.

Every file loads, album ids are unique across files, every acceptable id is in some catalogue,
an id shared by two catalogues names the same object, the per-file minimum counts hold, and
the fresh slices are marked "holdout_only" and the extra file is not.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMUM = {"classical.json": 110, "non_latin.json": 50, "fresh.json": 200, "fresh2.json": 200,
           "fresh3.json": 240, "extra.json": 150}
# Report on these, never tune on them (fresh3.json: a group of its own, "unseen")
HOLDOUT_ONLY = {"fresh.json", "fresh2.json", "fresh3.json"}
SPLIT = {"extra.json"}  # split into tuning and held-out halves: must not be holdout_only


def main() -> int:
    problems: list[str] = []
    catalogue: dict[str, dict] = {}
    albums: list[tuple[str, dict]] = []
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["catalogue"]:
            known = catalogue.setdefault(item["id"], item)
            if known != item:
                problems.append(f"{path.name}: catalogue id {item['id']} differs from another file")
        albums += [(path.name, a) for a in data["albums"]]
        count = len(data["albums"])
        absent = sum(not a["acceptable"] for a in data["albums"])
        by_category = Counter(a["category"] for a in data["albums"])
        held = " [holdout only]" if data.get("holdout_only") else ""
        print(f"{path.name}{held}: {count} albums ({absent} not on Spotify), "
              f"{len(data['catalogue'])} catalogue items, {dict(by_category)}")
        if path.name in HOLDOUT_ONLY and data.get("holdout_only") is not True:
            problems.append(f"{path.name}: lacks \"holdout_only\": true")
        if path.name in SPLIT and "holdout_only" in data:
            problems.append(f"{path.name}: has \"holdout_only\"; it is split like core")
        if count < MINIMUM.get(path.name, 0):
            problems.append(f"{path.name}: {count} albums, fewer than {MINIMUM[path.name]}")
    ids = Counter(a["id"] for _, a in albums)
    problems += [f"album id {i} used {n} times" for i, n in ids.items() if n > 1]
    for name, album in albums:
        problems += [f"{name} {album['id']}: acceptable {i} not in any catalogue"
                     for i in album["acceptable"] if i not in catalogue]
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
