"""Discogs: the collection from the API (personal token) or from the website's CSV export."""

from __future__ import annotations

import codecs
import concurrent.futures
import csv
import io
import itertools
import logging
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from tasks.config import register_secret
from tasks.http import (
    USER_AGENT,
    AuthError,
    HeaderAuth,
    RateLimiter,
    ServiceError,
    error_message,
    header_int,
    json_body,
    new_session,
    send,
)
from tasks.normalize import album_key, clean_artist_name, clean_text

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.discogs.com"
RELEASE_URL = "https://www.discogs.com/release/{release_id}"
PER_PAGE = 100  # the API's maximum
RATE_PER_MINUTE = 60  # authenticated; the X-Discogs-Ratelimit header says the real figure
PAGE_WORKERS = 8  # collection pages in flight at once, at most (those the window has free)

# Standard custom fields get columns of their own; user-defined ones go to custom_fields.
STANDARD_FIELDS = {
    "media condition": "media_condition",
    "sleeve condition": "sleeve_condition",
    "notes": "notes",
}

# Every collection has these three fields under these ids (the fields endpoint names them).
STANDARD_FIELD_IDS = {1: "Media Condition", 2: "Sleeve Condition", 3: "Notes"}

# Discogs format names and CSV export abbreviations, to one primary medium.
MEDIA = {
    "vinyl": "Vinyl", "lp": "Vinyl", '7"': "Vinyl", '10"': "Vinyl", '12"': "Vinyl",
    "flexi-disc": "Vinyl", "lathe cut": "Vinyl", "shellac": "Shellac",
    "cd": "CD", "cdr": "CD", "sacd": "CD", "hybrid": "CD", "minidisc": "MiniDisc",
    "cassette": "Cassette", "cass": "Cassette", "file": "File", "flac": "File", "mp3": "File",
    "wav": "File", "dvd": "DVD", "dvdr": "DVD", "blu-ray": "Blu-ray", "box set": "Box Set",
    "8-track cartridge": "8-Track", "reel-to-reel": "Reel-To-Reel", "all media": "All Media",
    "dvd-v": "DVD", "box": "Box Set",
}


class DiscogsClient:
    """A paced, authenticated session on the Discogs API."""

    def __init__(self, token: str, base_url: str = DEFAULT_API_URL,
                 user_agent: str = USER_AGENT, sleep: Callable[[float], None] = time.sleep,
                 limiter: RateLimiter | None = None, time_scale: float = 1.0):
        register_secret(token)
        self.base_url = base_url.rstrip("/")
        self.session = new_session(self.base_url, user_agent,
                                   HeaderAuth(f"Discogs token={token}"), Accept="application/json")
        self.sleep = sleep
        # The headers of each answer correct the limit and the count (_pace).
        self.limiter = limiter or RateLimiter(RATE_PER_MINUTE, period=60.0 * time_scale,
                                              sleep=sleep)
        self.backoff = time_scale
        self._lock = threading.Lock()
        self.requests_made = 0

    def _counted(self) -> None:
        with self._lock:
            self.requests_made += 1

    def _pace(self, response: requests.Response) -> None:
        """Follow the X-Discogs-Ratelimit headers: the server's count beats our own (it knows
        the other clients of the token, and when its moving window frees a place)."""
        limit = header_int(response.headers, "X-Discogs-Ratelimit")
        used = header_int(response.headers, "X-Discogs-Ratelimit-Used")
        remaining = header_int(response.headers, "X-Discogs-Ratelimit-Remaining")
        if used is None and limit is not None and remaining is not None:
            used = limit - remaining
        # A refused call is not in the server's count; an answered one is.
        others = None if used is None else used - (response.status_code != 429)
        self.limiter.sync(others, limit)

    def get(self, path_or_url: str, params: dict[str, Any] | None = None,
            give_up: threading.Event | None = None) -> Any:
        """The answer's JSON; give_up: stop waiting for Discogs' window (http.GaveUp)."""
        url = path_or_url if "://" in path_or_url else f"{self.base_url}{path_or_url}"
        response = send(self.session, "GET", url, service="Discogs", params=params,
                        limiter=self.limiter, sleep=self.sleep, on_response=self._pace,
                        counter=self._counted, backoff=self.backoff, give_up=give_up)
        if response.status_code == 401:
            raise AuthError("Discogs", "the token was refused: check DISCOGS_TOKEN", 401,
                            response.url)
        if response.status_code == 403:
            raise AuthError("Discogs", "access denied (is this your collection? check "
                            "DISCOGS_USERNAME and DISCOGS_TOKEN)", 403, response.url)
        if response.status_code >= 400:
            raise ServiceError("Discogs", error_message(response), response.status_code,
                               response.url)
        return json_body(response, "Discogs")

    def user_path(self, username: str) -> str:
        return f"/users/{quote(username, safe='')}"


def iter_collection(client: DiscogsClient, username: str, folder_id: int = 0,
                    per_page: int = PER_PAGE) -> Iterator[dict]:
    """Yield every item of a collection folder, in collection order (oldest addition first).

    Page 1 gives the page count; the later pages are fetched a few at once (as many as Discogs'
    window has free, PAGE_WORKERS at most) and yielded in order. A page that fails ends the
    iteration: the pages before it were yielded, nothing after it is.
    """
    path = f"{client.user_path(username)}/collection/folders/{folder_id}/releases"

    def fetch(page: int, size: int) -> dict:
        params = {"page": page, "per_page": size, "sort": "added", "sort_order": "asc"}
        try:
            body = client.get(path, params)
        except AuthError:
            raise
        except ServiceError as exc:
            if exc.status == 404 and page == 1:
                raise ServiceError("Discogs", f"user {username!r} not found: check "
                                   "DISCOGS_USERNAME", 404) from None
            raise ServiceError("Discogs", f"collection page {page} failed: {exc.detail}",
                               exc.status, exc.url) from None
        if not isinstance(body, dict) or not isinstance(body.get("releases"), list):
            raise ServiceError("Discogs", f"collection page {page} has no 'releases' list")
        return body

    first = fetch(1, per_page)
    yield from first["releases"]
    pagination = first.get("pagination") or {}
    pages = pagination.get("pages")
    if not isinstance(pages, int):
        if (pagination.get("urls") or {}).get("next"):  # the rest would be lost unsaid
            raise ServiceError("Discogs", "collection page 1 has no page count")
        pages = 1
    size = int(pagination.get("per_page") or per_page)  # Discogs clamps what it is asked
    later = iter(range(2, pages + 1))
    ahead: deque[concurrent.futures.Future[dict]] = deque()
    pool = concurrent.futures.ThreadPoolExecutor(PAGE_WORKERS, "discogs-pages")
    try:
        while True:
            # Calls in flight are counted in room already. One page at least, even when the
            # window is full: it waits in the limiter.
            room, _ = client.limiter.free()
            wanted = PAGE_WORKERS if room is None else min(PAGE_WORKERS, len(ahead) + room)
            ahead.extend(pool.submit(fetch, page, size)
                         for page in itertools.islice(later, max(1, wanted) - len(ahead)))
            if not ahead:
                return
            yield from ahead.popleft().result()["releases"]
    finally:
        pool.shutdown(cancel_futures=True)  # after a failure or an early stop: ask no more


def fetch_field_names(client: DiscogsClient, username: str) -> dict[int, str]:
    """The collection's custom fields, id -> name (Media Condition, Sleeve Condition, ...)."""
    body = client.get(f"{client.user_path(username)}/collection/fields")
    return {int(f["id"]): str(f.get("name") or f"Field {f['id']}")
            for f in body.get("fields", []) if isinstance(f, dict) and "id" in f}


def fetch_master_facts(client: DiscogsClient, master_id: int,
                       give_up: threading.Event | None = None) -> tuple[int | None, int | None]:
    """(original year, track count) of a master: one request answers both. Its pressings carry
    their own years; its tracklist is its main release's, the album as first issued (None
    when Discogs shows none). A 404 raises ServiceError(status=404)."""
    body = client.get(f"/masters/{int(master_id)}", give_up=give_up)
    if not isinstance(body, dict):
        return None, None
    return parse_year(body.get("year")), count_tracks(body.get("tracklist"))


def fetch_release_track_count(client: DiscogsClient, release_id: int,
                              give_up: threading.Event | None = None) -> int | None:
    """The number of tracks on a release (what Spotify would list), None when its tracklist is
    empty. A 404 raises ServiceError(status=404): the caller records the release as unknown."""
    body = client.get(f"/releases/{int(release_id)}", give_up=give_up)
    return count_tracks(body.get("tracklist") if isinstance(body, dict) else None)


def fetch_collection_value(client: DiscogsClient, username: str) -> dict[str, str]:
    """Discogs' estimate of the collection's value (formatted strings in the user's currency)."""
    body = client.get(f"{client.user_path(username)}/collection/value")
    return {k: str(body[k]) for k in ("minimum", "median", "maximum") if body.get(k)}


# ---- pure transforms -------------------------------------------------------------------------

def count_tracks(tracklist: Any) -> int | None:
    """The tracks of a Discogs tracklist as Spotify counts them; None when there are none.

    Headings (type_ "heading": a side's or a work's title) are no tracks. An index track
    (type_ "index") only groups tracks that each have their own index on the medium (the
    movements of a work, each a Spotify track): its sub_tracks are counted, or 1 if it has none.
    The sub_tracks of a plain track are unindexed parts of one recording (a medley, "A1a",
    "A1b"): one track, as Spotify lists it.
    """
    if not isinstance(tracklist, list):
        return None
    count = 0
    for entry in tracklist:
        if not isinstance(entry, dict):
            continue
        kind = str(entry.get("type_") or "track").lower()
        if kind == "heading":
            continue
        if kind == "index":
            subs = [t for t in entry.get("sub_tracks") or ()
                    if isinstance(t, dict) and str(t.get("type_") or "track").lower() != "heading"]
            count += len(subs) or 1
            continue
        count += 1
    return count or None


def join_artists(artists: Iterable[dict]) -> tuple[str, list[str]]:
    """Display string and names from Discogs artist objects, with their join strings."""
    names: list[str] = []
    display = ""
    previous_join = ""
    for artist in artists:
        name = clean_artist_name(artist.get("name") or artist.get("anv") or "")
        if not name:
            continue
        if names:
            join = clean_text(previous_join) or ","
            display += ", " if join == "," else f" {join} "
        display += name
        names.append(name)
        previous_join = artist.get("join") or ""
    return display, names


def format_to_text(fmt: dict) -> str:
    """{"name": "Vinyl", "qty": "2", "descriptions": ["LP"], "text": "Gatefold"} -> text."""
    name = clean_text(fmt.get("name"))
    qty = clean_text(str(fmt.get("qty") or ""))
    head = f"{qty}x{name}" if qty and qty != "1" else name
    parts = [head, *(clean_text(d) for d in fmt.get("descriptions") or [])]
    if fmt.get("text"):
        parts.append(clean_text(fmt["text"]))
    return ", ".join(p for p in parts if p)


CONTAINERS = {"Box Set", "All Media"}


def primary_media(formats: Iterable[str]) -> str | None:
    """The first recognised medium in format strings ("2xLP, Album" -> "Vinyl").

    A box set is a container: the medium inside it wins ("Box, Comp + 3xCass" -> Cassette).
    """
    found = [MEDIA[token] for text in formats for token in (
        re.sub(r"^\d+x", "", t.strip()).strip().lower() for t in re.split(r"[,+]", text))
        if token in MEDIA]
    return next((m for m in found if m not in CONTAINERS), found[0] if found else None)


def parse_date(value: str | None) -> str | None:
    """ISO 8601 in UTC from Discogs' and spreadsheet dates; None when empty or unreadable."""
    text = clean_text(value)
    if not text or text.upper() == "NA":
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        when = None
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?",
                             text)
        if not match:
            return None
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        # Spreadsheets re-save the export in the user's locale; day-first unless impossible.
        day, month = (b, a) if b > 12 and a <= 12 else (a, b)
        try:
            when = datetime(year, month, day, int(match[4] or 0), int(match[5] or 0),
                            int(match[6] or 0))
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # the CSV export writes UTC without saying so
    return when.astimezone(UTC).isoformat()


def parse_year(value: Any) -> int | None:
    """A year from 1973, "1973", "2011-04-00"; None for 0 and nonsense."""
    match = re.match(r"\s*(\d{4})", str(value or ""))
    year = int(match[1]) if match else 0
    return year if 1800 <= year <= 2100 else None


def parse_rating(value: Any) -> int | None:
    try:
        rating = int(str(value).strip())
    except ValueError:
        return None
    return rating if 1 <= rating <= 5 else None


def _listing(values: Iterable[Any]) -> list[str]:
    """Cleaned, de-duplicated, order kept ("Epic, Epic" -> ["Epic"])."""
    out: list[str] = []
    for value in values:
        text = clean_text(value if isinstance(value, str) else str(value or ""))
        if text and text not in out:
            out.append(text)
    return out


def _positive_int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def collection_item_to_album(item: dict, field_names: dict[int, str] | None = None) -> dict:
    """One collection item from the API -> an album record (see docs/CONTRACTS.md)."""
    info = item.get("basic_information") or {}
    release_id = _positive_int(item.get("id") or info.get("id"))
    if release_id is None:
        raise ValueError(f"collection item without a release id (instance "
                         f"{item.get('instance_id')})")
    artist, artists = join_artists(info.get("artists") or [])
    title = clean_text(info.get("title"))
    formats = [format_to_text(f) for f in info.get("formats") or [] if isinstance(f, dict)]
    labels = info.get("labels") or []
    record = {
        "release_id": release_id,
        "instance_id": _positive_int(item.get("instance_id")),
        "copy_no": 1,
        "folder": str(item["folder_id"]) if item.get("folder_id") is not None else None,
        "master_id": _positive_int(info.get("master_id")),
        "artist": artist,
        "artists": artists,
        "title": title,
        "year": parse_year(info.get("year")),
        "labels": _listing(lab.get("name") for lab in labels),
        "catnos": _listing(c for c in (lab.get("catno") for lab in labels)
                           if str(c or "").strip().lower() != "none"),
        "formats": formats,
        "media": primary_media(formats),
        "genres": _listing(info.get("genres") or []),
        "styles": _listing(info.get("styles") or []),
        "cover_image": info.get("cover_image") or None,
        "thumb": info.get("thumb") or None,
        "date_added": parse_date(item.get("date_added")),
        "rating": parse_rating(item.get("rating")),
        "media_condition": None,
        "sleeve_condition": None,
        "notes": None,
        "custom_fields": {},
        "discogs_url": RELEASE_URL.format(release_id=release_id),
        "album_key": album_key(artist, title),
    }
    names = field_names or {}
    for note in item.get("notes") or []:
        if not isinstance(note, dict):
            continue
        name = names.get(_positive_int(note.get("field_id")) or 0, f"Field {note.get('field_id')}")
        value = clean_text(str(note.get("value") or "")) or None
        column = STANDARD_FIELDS.get(name.strip().lower())
        if column:
            record[column] = value
        elif value:
            record["custom_fields"][name] = value
    return record


def number_copies(records: list[dict]) -> list[dict]:
    """Give each copy of a release a stable copy_no: by instance id, else by date and order."""
    groups: dict[int, list[tuple[int, dict]]] = defaultdict(list)
    for position, record in enumerate(records):
        groups[record["release_id"]].append((position, record))
    for copies in groups.values():
        copies.sort(key=lambda pr: (pr[1].get("instance_id") or 0, pr[1].get("date_added") or "",
                                    pr[0]))
        for number, (_, record) in enumerate(copies, start=1):
            record["copy_no"] = number
    return records


def unify_pressings(records: list[dict]) -> list[dict]:
    """Give every pressing of one Discogs master the same album_key, so they share one lookup.

    Titles of pressings drift ("Abbey Road" / "Abbey Road (Super Deluxe Edition)" / a
    translated title); the master says they are one album. The key chosen is the one most of
    the master's pressings have (the smallest on a tie), so it stays put as the collection grows.
    """
    by_master: dict[int, list[dict]] = defaultdict(list)
    for record in records:
        if record.get("master_id"):
            by_master[record["master_id"]].append(record)
    for pressings in by_master.values():
        keys = [r["album_key"] for r in pressings]
        if len(set(keys)) > 1:
            chosen = min(set(keys), key=lambda k: (-keys.count(k), k))
            for record in pressings:
                record["album_key"] = chosen
    return records


# ---- CSV export ------------------------------------------------------------------------------

# Header names as the website writes them, matched loosely ("Catalog#", "Catalog.", "catalog").
CSV_COLUMNS = {
    "catalog": "catalog", "artist": "artist", "title": "title", "label": "label",
    "format": "format", "rating": "rating", "released": "released", "releaseid": "release_id",
    "collectionfolder": "folder", "dateadded": "date_added",
    "collectionmediacondition": "media_condition",
    "collectionsleevecondition": "sleeve_condition", "collectionnotes": "notes",
}
REQUIRED_CSV_COLUMNS = ("artist", "title", "release_id")


class CsvExportError(ValueError):
    """The file cannot be read as a Discogs collection export; the message says where."""


@dataclass
class CsvResult:
    albums: list[dict]
    skipped: list[str] = field(default_factory=list)  # "line 12: ..." for each row left out
    warnings: list[str] = field(default_factory=list)


def _header_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", clean_text(name).lower())


def decode_export(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; a line that is not UTF-8 is read as
    Windows-1252 (as Excel writes it), with a warning naming it, the rest staying UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines, bad = [], []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            bad.append(number)
    shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
    where = f"line {shown}" if len(bad) == 1 else f"lines {shown}"
    return "".join(lines), [f"{source}: {where} not UTF-8; read as Windows-1252"]


def parse_csv_export(text: str, source: str = "CSV export") -> CsvResult:
    """Rows of a Discogs collection CSV export -> album records; bad rows skipped and named."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvExportError(f"{source} is empty: expected a header line starting with "
                             "'Catalog#,Artist,Title'") from None
    except csv.Error as exc:
        raise CsvExportError(f"{source}, line 1: {exc}") from None
    columns: dict[str, int] = {}
    extra: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _header_key(name)
        if key in CSV_COLUMNS and CSV_COLUMNS[key] not in columns:
            columns[CSV_COLUMNS[key]] = index
        elif key.startswith("collection") and clean_text(name):
            extra[clean_text(name)[len("Collection"):].strip() or clean_text(name)] = index
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in columns]
    if missing:
        wanted = {"artist": "Artist", "title": "Title", "release_id": "release_id"}
        raise CsvExportError(
            f"{source}, line 1: missing column(s) {', '.join(wanted[c] for c in missing)}; "
            f"found {', '.join(repr(clean_text(h)) for h in header) or 'nothing'}")
    result = CsvResult(albums=[])
    while True:
        line = reader.line_num + 1  # where this record starts (a quoted field may span lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.skipped.append(f"line {line}: unreadable row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue  # spreadsheets leave blank lines
        if reader.line_num > line and len(row) < len(header):
            result.skipped.append(
                f"line {line}: a quote opened here is never closed (lines {line}-"
                f"{reader.line_num} read as one row)")
            continue

        def cell(name: str, row: list[str] = row) -> str:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else ""

        release_id = _positive_int(clean_text(cell("release_id")))
        if release_id is None:
            result.skipped.append(f"line {line}, column release_id: "
                                  f"{clean_text(cell('release_id'))!r} is not a release id")
            continue
        if len(row) != len(header):
            result.warnings.append(f"line {line}: {len(row)} fields where the header has "
                                   f"{len(header)}")
        artist = clean_artist_name(cell("artist"))
        title = clean_text(cell("title"))
        if not artist and not title:
            result.skipped.append(f"line {line}, columns Artist/Title: both empty")
            continue
        formats = [clean_text(cell("format")).rstrip(", ")] if clean_text(cell("format")) else []
        custom = {name: clean_text(row[i]) for name, i in extra.items()
                  if i < len(row) and clean_text(row[i])}
        result.albums.append({
            "release_id": release_id,
            "instance_id": None,
            "copy_no": 1,
            "folder": clean_text(cell("folder")) or None,
            "master_id": None,
            "artist": artist,
            "artists": [artist] if artist else [],
            "title": title,
            "year": parse_year(cell("released")),
            "labels": _listing(_split_list(cell("label"))),
            "catnos": _listing(_split_list(cell("catalog"))),
            "formats": formats,
            "media": primary_media(formats),
            "genres": [],
            "styles": [],
            "cover_image": None,
            "thumb": None,
            "date_added": parse_date(cell("date_added")),
            "rating": parse_rating(cell("rating")),
            "media_condition": clean_text(cell("media_condition")) or None,
            "sleeve_condition": clean_text(cell("sleeve_condition")) or None,
            "notes": clean_text(cell("notes")) or None,
            "custom_fields": custom,
            "discogs_url": RELEASE_URL.format(release_id=release_id),
            "album_key": album_key(artist, title),
        })
    number_copies(result.albums)
    return result


def _split_list(value: str) -> list[str]:
    """The export joins several labels or catalogue numbers with ", "."""
    text = clean_text(value)
    if not text or text.lower() == "none":
        return []
    return [part for part in (p.strip() for p in text.split(", "))
            if part and part.lower() != "none"]


def read_csv_export(path: str | Path) -> CsvResult:
    """Read and parse a Discogs CSV export file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvExportError(f"cannot read the CSV export {path}: {exc.strerror}") from None
    text, warnings = decode_export(data, path.name)
    result = parse_csv_export(text, source=path.name)
    result.warnings[:0] = warnings
    return result
