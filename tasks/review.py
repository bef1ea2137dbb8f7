"""Deciding uncertain Spotify matches: the queue, how an album and its candidates read, and the
overrides file each decision is written to (`discogs-sync review`; the keys are in
flows/review_cli.py)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tasks import load
from tasks.files import write_text_atomic
from tasks.normalize import album_key, clean_artist_name, clean_text
from tasks.overrides import Overrides, parse_overrides, spotify_album_id

ALBUM_URL = "https://open.spotify.com/album/{id}"
MAX_CANDIDATES = 5
HEADER = ["artist", "title", "spotify", "note"]
FIELD_NAMES = ("artist", "title", "year", "tracks", "type")  # the evidence, in this order
# Spotify's other kinds of link, named so that a pasted one gets a precise answer.
_OTHER_KINDS = ("track", "artist", "playlist", "show", "episode")


@dataclass(frozen=True)
class Candidate:
    """One Spotify album the sync found for an album, with its score and why."""

    spotify_album_id: str
    name: str
    artists: tuple[str, ...] = ()
    release_date: str | None = None
    album_type: str | None = None
    total_tracks: int | None = None
    score: float | None = None
    evidence: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return ALBUM_URL.format(id=self.spotify_album_id)


@dataclass(frozen=True)
class ReviewItem:
    """An album to decide: its Discogs facts, the lookup's outcome, and its candidates."""

    album_key: str
    artist: str
    title: str
    status: str  # uncertain | not_found
    artists: tuple[str, ...] = ()
    year: int | None = None
    master_year: int | None = None
    labels: tuple[str, ...] = ()
    catnos: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    track_count: int | None = None
    discogs_url: str | None = None
    score: float | None = None
    checked_at: str | None = None
    candidates: tuple[Candidate, ...] = ()
    # (artist, title) to write in overrides.csv: names that map back to album_key
    override_artist: str = ""
    override_title: str = ""

    def facts(self) -> dict:
        """What `lookup_album` reads of an album (for a fresh search)."""
        return {"album_key": self.album_key, "artist": self.artist,
                "artists": list(self.artists), "title": self.title, "year": self.year,
                "master_year": self.master_year, "formats": list(self.formats),
                "labels": list(self.labels), "catnos": list(self.catnos)}


@dataclass(frozen=True)
class Decision:
    """What the person chose for one album: a Spotify album id, or None (not on Spotify)."""

    spotify_album_id: str | None
    note: str

    @property
    def target(self) -> str:
        """The overrides file's spotify cell."""
        return ALBUM_URL.format(id=self.spotify_album_id) if self.spotify_album_id else "none"


# ---- candidates and the queue ----------------------------------------------------------------


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    return None


def _names(value: Any) -> tuple[str, ...]:
    """Artist names from a list of strings or of Spotify artist objects."""
    names = []
    for item in value if isinstance(value, list | tuple) else ():
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return tuple(names)


def parse_candidate(raw: Any) -> Candidate | None:
    """A stored candidate (a dict, keys as the lookup writes them, a few spellings accepted),
    or None when it names no Spotify album."""
    if not isinstance(raw, dict):
        return None
    album_id = _str(raw.get("spotify_album_id")) or _str(raw.get("id"))
    if not album_id:
        url = _str(raw.get("url")) or _str(raw.get("spotify_url"))
        album_id = spotify_album_id(url) if url else None
    if not album_id:
        return None
    date = _str(raw.get("release_date")) or (str(raw["year"]) if _int(raw.get("year")) else None)
    score = raw.get("score")
    evidence = _json(raw.get("evidence"))
    return Candidate(
        spotify_album_id=album_id,
        name=_str(raw.get("name")) or _str(raw.get("spotify_name")) or "(no name)",
        artists=_names(raw.get("artists") or raw.get("spotify_artists")),
        release_date=date,
        album_type=_str(raw.get("album_type")),
        total_tracks=_int(raw.get("total_tracks")),
        score=float(score) if isinstance(score, int | float) and not isinstance(score, bool)
        else None,
        evidence=evidence if isinstance(evidence, dict) else {},
    )


def parse_candidates(raw: Any, best: dict | None = None) -> tuple[Candidate, ...]:
    """The stored candidates, best first and distinct; a lookup stored before candidates were
    kept gives its one best candidate (`best`: the spotify_matches columns)."""
    found: dict[str, Candidate] = {}
    items = _json(raw)
    for item in items if isinstance(items, list) else ():
        candidate = parse_candidate(item)
        if candidate and candidate.spotify_album_id not in found:
            found[candidate.spotify_album_id] = candidate
    if not found and best and best.get("spotify_album_id"):
        candidate = parse_candidate({
            "spotify_album_id": best["spotify_album_id"], "name": best.get("spotify_name"),
            "artists": list(best.get("spotify_artists") or []),
            "release_date": best.get("spotify_release_date"),
            "album_type": best.get("spotify_album_type"),
            "total_tracks": best.get("spotify_total_tracks"), "score": best.get("score"),
            "evidence": best.get("evidence")})
        if candidate:
            found[candidate.spotify_album_id] = candidate
    ordered = sorted(found.values(), key=lambda c: -(c.score or 0.0))
    return tuple(ordered[:MAX_CANDIDATES])


def override_names(album_key_: str, pressings: Sequence[dict]) -> tuple[str, str]:
    """An (artist, title) of the album's pressings that the overrides file maps back to its
    key. The pressings of one master share a key taken from one of them, so another pressing's
    title ("Abbey Road (Super Deluxe)") may not give it."""
    names = [(p.get("artist") or "", p.get("title") or "") for p in pressings]
    for artist, title in names:
        if album_key(clean_artist_name(artist), clean_text(title)) == album_key_:
            return clean_artist_name(artist), clean_text(title)
    artist, title = names[0] if names else ("", "")
    return clean_artist_name(artist), clean_text(title)


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or () if v is not None)


def row_to_item(row: dict) -> ReviewItem:
    """One row of sql/review_queue.sql as a ReviewItem."""
    pressings = _json(row.get("pressings")) or []
    artist, title = override_names(row["album_key"], pressings)
    checked = row.get("checked_at")
    return ReviewItem(
        album_key=row["album_key"], artist=row["artist"], title=row["title"],
        status=row["status"], artists=_tuple(row.get("artists")), year=_int(row.get("year")),
        master_year=_int(row.get("master_year")), labels=_tuple(row.get("labels")),
        catnos=_tuple(row.get("catnos")), formats=_tuple(row.get("formats")),
        track_count=_int(row.get("track_count")), discogs_url=row.get("discogs_url"),
        score=row.get("score"),
        checked_at=checked.isoformat() if isinstance(checked, datetime) else checked,
        candidates=parse_candidates(row.get("candidates"), row),
        override_artist=artist, override_title=title)


def review_queue(con: duckdb.DuckDBPyConnection, not_found: bool = False,
                 decided: Iterable[str] = ()) -> list[ReviewItem]:
    """The albums to decide: uncertain ones, highest score first, then (with not_found) those
    not found, likeliest first; albums already decided (overridden, or in `decided`) left out."""
    cursor = con.execute(load.load_sql("review_queue"), {"not_found": not_found})
    names = [d[0] for d in cursor.description]
    skip = set(decided)
    return [row_to_item(row) for row in (dict(zip(names, r, strict=True))
                                         for r in cursor.fetchall())
            if row["album_key"] not in skip]


def item_to_json(item: ReviewItem) -> dict:
    """A ReviewItem for `review --list --format json`."""
    data = asdict(item)
    for name in ("override_artist", "override_title"):
        data.pop(name)
    data["candidates"] = [{**asdict(c), "url": c.url} for c in item.candidates]
    return data


def list_rows(items: Sequence[ReviewItem]) -> tuple[list[str], list[tuple]]:
    """Columns and rows of `review --list` (the table format)."""
    columns = ["n", "status", "score", "artist", "title", "year", "candidates", "best candidate",
               "link"]
    rows = []
    for n, item in enumerate(items, start=1):
        best = item.candidates[0] if item.candidates else None
        rows.append((n, item.status.replace("_", " "),
                     None if item.score is None else round(item.score, 2), item.artist,
                     item.title, item.year, len(item.candidates),
                     _candidate_title(best) if best else None, best.url if best else None))
    return columns, rows


# ---- how an album reads in the terminal ------------------------------------------------------


def _candidate_title(candidate: Candidate) -> str:
    by = ", ".join(candidate.artists)
    return f"{candidate.name} — {by}" if by else candidate.name


def evidence_text(evidence: dict) -> str:
    """The per-field scores and penalties behind a score, in one line."""
    parts = []
    for name in FIELD_NAMES:
        value = evidence.get(name)
        # A field unknown on either side (None) did not count: left out.
        if isinstance(value, int | float) and not isinstance(value, bool):
            parts.append(f"{name} {value:.2f}")
    penalties = evidence.get("penalties")
    if isinstance(penalties, dict) and penalties:
        parts.append("penalties: " + ", ".join(
            f"{k.replace('_', ' ')} ×{v:g}" if isinstance(v, int | float) else str(k)
            for k, v in penalties.items()))
    if evidence.get("query"):
        parts.append(f"found by {evidence['query']}")
    return " · ".join(parts)


def _link(text: str, url: str | None, style: str = "") -> Text:
    """Text that is a terminal hyperlink (OSC 8) where the console writes styles."""
    if not url:
        return Text(text, style=style)
    return Text(text, style=Style.parse(style or "none") + Style(link=url))


def _label_lines(item: ReviewItem) -> list[str]:
    lines = []
    for i in range(max(len(item.labels), len(item.catnos))):
        label = item.labels[i] if i < len(item.labels) else ""
        catno = item.catnos[i] if i < len(item.catnos) else ""
        lines.append(" ".join(p for p in (label, catno and f"({catno})") if p))
    return lines


def render_item(item: ReviewItem, position: int, total: int,
                decision: Decision | None = None, note: str = "") -> Group:
    """One album as the review shows it: progress, Discogs facts, numbered candidates."""
    status = "uncertain" if item.status == "uncertain" else "not found"
    head = Text.assemble((f"{position} of {total}", "bold"), "  ·  ", (status, "yellow"))
    if item.score is not None:
        head.append(f", best score {item.score:.2f}")
    parts: list[Any] = [head, Text()]
    title = Text.assemble((item.artist, "bold"), " — ", (item.title, "bold"))
    parts.append(title)
    if len(item.artists) > 1:
        parts.append(Text(f"Artists: {', '.join(item.artists)}"))
    year = str(item.year) if item.year else "unknown"
    if item.master_year and item.master_year != item.year:
        year += f" (first released {item.master_year})"
    elif item.master_year:
        year += " (the original year)"
    parts.append(Text(f"Year: {year}"))
    labels = _label_lines(item)
    if labels:
        parts.append(Text(f"Label: {'; '.join(labels)}"))
    if item.formats:
        parts.append(Text(f"Format: {'; '.join(item.formats)}"))
    if item.track_count:
        parts.append(Text(f"Tracks: {item.track_count}"))
    if item.discogs_url:
        parts.append(Text.assemble("Discogs: ", _link(item.discogs_url, item.discogs_url,
                                                      "blue")))
    parts.append(Text())
    if item.candidates:
        parts.append(Text("Spotify candidates, best first:", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, style="cyan", justify="right")
        grid.add_column()
        for n, c in enumerate(item.candidates, start=1):
            name = _link(c.name, c.url, "bold")
            if c.artists:
                name.append(f" — {', '.join(c.artists)}")
            details = [c.release_date or "date unknown", c.album_type or "type unknown",
                       f"{c.total_tracks} tracks" if c.total_tracks else "tracks unknown"]
            lines = [name, Text(" · ".join(details), style="dim")]
            evidence = evidence_text(c.evidence)
            if evidence:
                lines.append(Text(evidence, style="dim"))
            lines.append(_link(c.url, c.url, "blue"))
            grid.add_row(Text(f" {n} ", style="bold reverse"),
                         "?" if c.score is None else f"{c.score:.2f}",
                         Text("\n").join(lines))
        parts.append(grid)
    else:
        parts.append(Text("The sync found no candidate on Spotify.", style="italic"))
    parts.append(Text())
    if decision is not None:
        parts.append(Text(f"Decided this session: {decision.target}", style="green"))
    if note:
        parts.append(Text(note, style="yellow"))
    keys = [f"[1-{len(item.candidates)}] pick" if len(item.candidates) > 1
            else "[1] pick" if item.candidates else None,
            "[n] not on Spotify", "[u] paste a link", "[s] skip", "[b] back", "[q] quit"]
    parts.append(Text("  ".join(k for k in keys if k), style="bold"))
    return Group(*parts)


def check_link(text: str) -> tuple[str | None, str]:
    """(album id, "") for a pasted album link or URI, else (None, what is wrong with it)."""
    text = text.strip()
    album_id = spotify_album_id(text)
    if album_id:
        return album_id, ""
    lowered = text.lower()
    for kind in _OTHER_KINDS:
        if f"/{kind}/" in lowered or f"spotify:{kind}:" in lowered:
            return None, (f"that is a Spotify {kind} link; paste the album's link (Share > "
                          "Copy link to album) or spotify:album:ID")
    return None, ("not a Spotify album link: paste https://open.spotify.com/album/ID or "
                  "spotify:album:ID")


# ---- the overrides file ----------------------------------------------------------------------


def _records(text: str) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """The file's physical lines and its CSV records as (first line, end line, cells)."""
    lines = io.StringIO(text, newline="").readlines()  # split as the csv reader splits
    records = []
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 0
    for cells in reader:
        end = reader.line_num
        records.append((start, end, cells))
        start = end
    return lines, records


def set_override(text: str, artist: str, title: str, decision: Decision) -> str:
    """The overrides file with this album's line added, or put in place of the line that
    decided it before; every other line (comments, blank lines, odd rows) is kept as it was."""
    key = album_key(clean_artist_name(artist), clean_text(title))
    newline = "\r\n" if "\r\n" in text else "\n"
    lines, records = _records(text)
    header_at = next((i for i, (_, _, cells) in enumerate(records)
                      if cells and not cells[0].lstrip().startswith("#")), None)
    if header_at is None:
        header = HEADER
        prefix = text if not text or text.endswith(("\n", "\r")) else text + newline
        return prefix + _csv_line(HEADER, header, newline) + _csv_line(
            [artist, title, decision.target, decision.note], header, newline)
    header = [clean_text(h).lower() for h in records[header_at][2]]
    if not {"artist", "title", "spotify"} <= set(header):
        raise ValueError("the overrides file has no artist,title,spotify header")
    values = {"artist": artist, "title": title, "spotify": decision.target,
              "note": decision.note}
    new_line = _csv_line([values.get(h, "") for h in header], header, newline)
    if "note" not in header:
        # Without a note column the reason goes in a comment above the line.
        new_line = f"# {decision.note}{newline}{new_line}" if decision.note else new_line
    for start, end, cells in reversed(records[header_at + 1:]):
        if not cells or cells[0].lstrip().startswith("#"):
            continue
        row = dict(zip(header, cells, strict=False))
        if album_key(clean_artist_name(row.get("artist")), clean_text(row.get("title"))) == key:
            ending = lines[end - 1][len(lines[end - 1].rstrip("\r\n")):] or newline
            return "".join(lines[:start]) + new_line.rstrip("\r\n") + ending + "".join(
                lines[end:])
    body = "".join(lines)
    if body and not body.endswith(("\n", "\r")):
        body += newline
    return body + new_line


def _csv_line(cells: list[str], header: list[str], newline: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow(cells[:len(header)] if header else cells)
    return out.getvalue()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_override(path: Path, artist: str, title: str, decision: Decision,
                   backup: bool) -> Overrides:
    """Write this decision into the overrides file at once (atomically); with backup, first
    copy the file as it was to NAME.bak. Returns the file as the sync will read it."""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    new_text = set_override(text, artist, title, decision)
    parsed = parse_overrides(new_text, source=path.name)
    if album_key(clean_artist_name(artist), clean_text(title)) not in parsed.keys:
        raise ValueError(f"{artist} - {title}: the overrides line would not be read back")
    path.parent.mkdir(parents=True, exist_ok=True)
    if backup and path.exists():
        shutil.copy2(path, backup_path(path))
    write_text_atomic(path, new_text)
    return parsed


def load_overrides(con: duckdb.DuckDBPyConnection, rows: list[dict], now: datetime) -> None:
    """Replace the spotify_overrides table with the file's rows, as a sync does."""
    con.register("incoming_overrides", load.frame(rows, load.OVERRIDE_COLUMNS))
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(load.load_sql("replace_spotify_overrides"), {"now": now})
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("incoming_overrides")


def store_lookup(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    """Store a fresh Spotify lookup (review --refresh), as a sync would."""
    con.register("incoming_spotify", load.frame([row], load.SPOTIFY_COLUMNS))
    try:
        con.execute(load.load_sql("upsert_spotify_matches"))
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("incoming_spotify")
