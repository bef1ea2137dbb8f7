"""The eval's holdout groups: a file written after the fresh failures were read reports alone."""

from __future__ import annotations

import json

import pytest

from tasks.match_eval import evaluate, load_set, report


def _album(id_, title, year, acceptable, **extra):
    return {"id": id_, "category": "general", "acceptable": acceptable,
            "album": {"artist": "Nirvana", "artists": ["Nirvana"], "title": title, "year": year,
                      "master_year": year, "track_count": extra.get("tracks", 12)}}


def _item(name, date, tracks, id_):
    return {"album_type": "album", "id": id_, "name": name, "release_date": date,
            "release_date_precision": "day", "total_tracks": tracks, "type": "album",
            "artists": [{"id": "nirvana", "name": "Nirvana", "type": "artist"}],
            "external_urls": {"spotify": f"https://open.spotify.com/album/{id_}"},
            "uri": f"spotify:album:{id_}", "popularity": 50}


def _write(path, albums, catalogue, **extra):
    path.write_text(json.dumps({"about": "test", **extra, "albums": albums,
                                "catalogue": catalogue}), encoding="utf-8")


@pytest.fixture
def set_dir(tmp_path):
    _write(tmp_path / "a.json", [_album("t-1", "Nevermind", 1991, ["nevermind"])],
           [_item("Nevermind", "1991-09-24", 12, "nevermind")])
    _write(tmp_path / "fresh.json", [_album("fr-1", "Bleach", 1989, ["bleach"], tracks=13)],
           [_item("Bleach", "1989-06-15", 13, "bleach")], holdout_only=True)
    _write(tmp_path / "later.json", [
        _album("un-1", "In Utero", 1993, ["in-utero"]),
        _album("un-2", "Bleach", 1989, ["bleach"], tracks=13),  # fresh holds it: left out
        _album("un-3", "Incesticide", 1992, []),
    ], [_item("In Utero", "1993-09-21", 12, "in-utero")], holdout_only=True,
        holdout_group="unseen")
    return tmp_path


def test_a_later_holdout_file_is_a_group_of_its_own(set_dir):
    result = evaluate(set_dir)
    assert result["fresh"]["overall"]["albums"] == 1
    unseen = result["unseen"]["overall"]
    assert (unseen["albums"], unseen["correct"], unseen["on_spotify"]) == (2, 1, 1)
    out = report(result, failures="unseen")
    assert "unseen (written blind, failures never read):" in out
    assert "targets on the unseen (written blind, failures never read):" in out
    assert "wrong and missed, unseen (written blind, failures never read): 0" in out


def test_an_unknown_holdout_group_is_an_error(set_dir):
    data = json.loads((set_dir / "later.json").read_text())
    (set_dir / "later.json").write_text(json.dumps({**data, "holdout_group": "fresh3"}))
    with pytest.raises(ValueError, match="later.json: holdout_group must be one of"):
        load_set(set_dir)
