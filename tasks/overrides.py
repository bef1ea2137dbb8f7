"""Manual Spotify overrides: a CSV the user keeps to pin an album's link or mark it absent."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from tasks.normalize import album_key, clean_artist_name, clean_text

DEFAULT_PATH = "data/overrides.csv"
NOT_ON_SPOTIFY = {"none", "-", "not on spotify", "no"}
_ALBUM_ID = re.compile(
    r"^(?:https?://open\.spotify\.com/(?:intl-[a-z-]+/)?album/|spotify:album:)"
    r"([A-Za-z0-9]{22})(?:[/?#].*)?$")


def spotify_album_id(text: str) -> str | None:
    """The album id of an album link (open.spotify.com/album/ID, with or without a locale or
    ?si=) or URI (spotify:album:ID); None for anything else."""
    match = _ALBUM_ID.match(text.strip())
    return match[1] if match else None


class OverridesError(ValueError):
    """The overrides file cannot be used; the message names the line."""


@dataclass
class Overrides:
    rows: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line 4: ..." for rows left out

    @property
    def keys(self) -> set[str]:
        return {row["album_key"] for row in self.rows}


def parse_overrides(text: str, source: str = "overrides.csv") -> Overrides:
    """Rows of `artist,title,spotify[,note]`; spotify is an album URL / URI, or "none".

    A line whose first cell starts with "#" is a comment."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    skip = 0  # comments and blank lines above the header
    while skip < len(lines) and (not lines[skip].strip() or lines[skip].lstrip().startswith("#")):
        skip += 1
    reader = csv.DictReader(io.StringIO("".join(lines[skip:]), newline=""))
    header = [clean_text(h).lower() for h in reader.fieldnames or []]
    missing = [c for c in ("artist", "title", "spotify") if c not in header]
    if missing:
        raise OverridesError(f"{source}, line {skip + 1}: missing column(s) {', '.join(missing)} "
                             "(expected: artist,title,spotify[,note])")
    reader.fieldnames = header
    result = Overrides()
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num + skip
        if (row.get(header[0]) or "").lstrip().startswith("#"):
            continue
        artist = clean_artist_name(row.get("artist"))
        title = clean_text(row.get("title"))
        target = clean_text(row.get("spotify"))
        if not artist or not title:
            result.problems.append(f"{source}, line {line}: artist and title are both needed")
            continue
        if target.lower() in NOT_ON_SPOTIFY:
            album_id = url = None
        elif album_id := spotify_album_id(target):
            url = f"https://open.spotify.com/album/{album_id}"
        else:
            result.problems.append(f"{source}, line {line}, column spotify: {target!r} is "
                                   "neither a Spotify album link nor 'none'")
            continue
        key = album_key(artist, title)
        if key in seen:
            result.problems.append(f"{source}, line {line}: {artist} - {title} is already "
                                   f"overridden on line {seen[key]}; the later line wins")
            result.rows = [r for r in result.rows if r["album_key"] != key]
        seen[key] = line
        result.rows.append({"album_key": key, "artist": artist, "title": title,
                            "spotify_album_id": album_id, "spotify_url": url,
                            "note": clean_text(row.get("note")) or None})
    return result


def read_overrides(path: str | Path) -> Overrides:
    """The overrides file, or no overrides when it does not exist."""
    path = Path(path)
    if not path.exists():
        return Overrides()
    return parse_overrides(path.read_text(encoding="utf-8-sig"), source=path.name)
