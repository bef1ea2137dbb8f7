"""Export: collection.json and one self-contained index.html (data, CSS and JS inlined).

The page is built from three static files in `tasks/page/` (template, CSS, JS). The data goes in
a `<script type="application/json">` block with `<`, `>`, `&` and U+2028/2029 escaped, so no
string in the collection can close the block. A Content-Security-Policy meta allows only the
inline style and script whose hashes are computed here, plus images over http(s) and data:.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from tasks.files import StagedText

PAGE_DIR = Path(__file__).parent / "page"
DISCOGS_HOME = "https://www.discogs.com/"
DISCOGS_RELEASE_URL = "https://www.discogs.com/release/{release_id}"
SITE_FILES = {"html": "index.html", "json": "collection.json"}

# Keys of one album in collection.json, in this order (CONTRACTS.md: the record's display keys
# plus the enrichment). Per-copy ids (instance_id, copy_no) are left out: one entry per release.
ALBUM_KEYS = (
    "release_id", "master_id", "artist", "artists", "title", "year", "labels", "catnos",
    "formats", "media", "genres", "styles", "cover_image", "thumb", "date_added", "rating",
    "media_condition", "sleeve_condition", "notes", "custom_fields", "folder", "discogs_url",
    "album_key", "copies", "spotify_status", "spotify_url", "spotify_match_score",
    "spotify_name", "spotify_artists", "spotify_release_date", "spotify_total_tracks",
    "spotify_image", "spotify_candidate_url", "ai_description", "ai_model", "ai_language",
)
LIST_KEYS = frozenset(
    {"artists", "labels", "catnos", "formats", "genres", "styles", "spotify_artists"}
)
URL_KEYS = frozenset({"cover_image", "thumb", "discogs_url", "spotify_url", "spotify_image",
                      "spotify_candidate_url"})

GENRE_CHART_ROWS = 8
_PLACEHOLDER_RE = re.compile(r"\{\{(\w+)\}\}")
# Whitespace and control characters: browsers strip some of them from URLs ("java\tscript:").
_URL_BAD_CHARS_RE = re.compile(r"[\s\x00-\x1f\x7f]")


def safe_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL with a host and no whitespace, else None."""
    if not isinstance(value, str) or not value:
        return None
    if _URL_BAD_CHARS_RE.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value


def _plain(value: Any) -> Any:
    """JSON-ready copy: NaN/NA to None, tuples and arrays to lists, numpy scalars and dates out."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates cannot be written as UTF-8
            return value.encode("utf-8", "replace").decode("utf-8")
        return value
    if isinstance(value, float | Decimal):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {_plain(str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas missing values
        return None
    if hasattr(value, "tolist"):  # numpy arrays and scalars (DuckDB lists via pandas)
        return _plain(value.tolist())
    return str(value)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def album_to_entry(album: dict) -> dict:
    """One collection.json album: ALBUM_KEYS only, lists as lists, unsafe URLs dropped."""
    entry: dict[str, Any] = {}
    for key in ALBUM_KEYS:
        value = _plain(album.get(key))
        if key in LIST_KEYS:
            value = _as_list(value)
        elif key in URL_KEYS:
            value = safe_url(value)
        elif key == "custom_fields" and not isinstance(value, dict):
            value = {}
        elif key == "copies" and value is None:
            value = 1
        entry[key] = value
    release_id = _int_or_none(entry["release_id"])
    if entry["discogs_url"] is None and release_id is not None and release_id > 0:
        entry["discogs_url"] = DISCOGS_RELEASE_URL.format(release_id=release_id)
    return entry


def collection_document(albums: list[dict], summary: dict, generated_at: str) -> dict:
    """The collection.json document: {"generated_at", "summary", "albums"}."""
    return {
        "generated_at": generated_at,
        "summary": _plain(dict(summary or {})),
        "albums": [album_to_entry(a) for a in albums],
    }


def json_for_script(document: dict) -> str:
    """JSON that is safe inside <script type="application/json">: ASCII only, <>& escaped."""
    return _escape_for_script(json.dumps(document, ensure_ascii=True, separators=(",", ":"),
                                         allow_nan=False))


def csp_hash(source: str) -> str:
    """CSP source expression for an inline block: 'sha256-<base64 digest>'."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str) -> str:
    """The page's policy: nothing but these inline blocks and http(s)/data: images."""
    return (
        f"default-src 'none'; img-src https: http: data:; style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; base-uri 'none'; form-action 'none'"
    )


class PageStats:
    """The header counts and the charts' counts, added up one album at a time."""

    def __init__(self) -> None:
        self.albums = self.spotify = self.described = 0
        self.artists: set[str] = set()
        self.genres: Counter[str] = Counter()
        self.decades: Counter[int | None] = Counter()

    def add(self, album: dict) -> None:
        self.albums += 1
        names = [n for n in _as_list(album.get("artists")) if isinstance(n, str) and n.strip()]
        if not names and isinstance(album.get("artist"), str) and album["artist"].strip():
            names = [album["artist"]]
        self.artists.update(n.strip().casefold() for n in names)
        self.spotify += bool(safe_url(album.get("spotify_url")))
        self.described += bool(isinstance(album.get("ai_description"), str)
                               and album["ai_description"].strip())
        genres = {g.strip() for g in _as_list(album.get("genres")) if isinstance(g, str)}
        self.genres.update(g for g in genres if g)
        year = _int_or_none(album.get("year"))
        self.decades[year // 10 * 10 if year and year > 0 else None] += 1

    @classmethod
    def of(cls, albums: Iterable[dict]) -> PageStats:
        stats = cls()
        for album in albums:
            stats.add(album)
        return stats

    def header(self) -> dict:
        return {"albums": self.albums, "artists": len(self.artists), "spotify": self.spotify,
                "described": self.described}

    def genre_counts(self) -> list[tuple[str, int]]:
        return sorted(self.genres.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def decade_counts(self) -> list[tuple[int | None, int]]:
        known = sorted((d, n) for d, n in self.decades.items() if d is not None)
        return known + ([(None, self.decades[None])] if self.decades[None] else [])


def page_stats(albums: list[dict]) -> dict:
    """Header counts: albums, distinct artists, albums on Spotify and with a description."""
    return PageStats.of(albums).header()


def genre_counts(albums: list[dict]) -> list[tuple[str, int]]:
    """(genre, albums) pairs, most albums first, then by name."""
    return PageStats.of(albums).genre_counts()


def decade_counts(albums: list[dict]) -> list[tuple[int | None, int]]:
    """(decade, albums) pairs in time order; None (unknown year) last when present."""
    return PageStats.of(albums).decade_counts()


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _fmt_int(value: Any) -> str:
    number = _int_or_none(value)
    return "—" if number is None else f"{number:,}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _hash_link(key: str, value: str) -> str:
    return f"#{key}={quote(value, safe='')}"


def genre_chart_svg(counts: list[tuple[str, int]]) -> str:
    """Horizontal bars for the most common genres; each bar links to that filter."""
    rows = counts[:GENRE_CHART_ROWS]
    if not rows:
        return '<p class="chart-empty">No genre data.</p>'
    top = rows[0][1]
    row_h, label_w, bar_w = 26, 158, 196
    width, height = label_w + bar_w + 46, row_h * len(rows)
    parts = [
        f'<svg class="chart chart-genre" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="group" aria-label="Albums by genre">'
    ]
    for i, (genre, n) in enumerate(rows):
        y = i * row_h
        bar = max(2, round(bar_w * n / top))
        name = f"{genre}: {n:,} album{'s' if n != 1 else ''}"
        parts.append(
            f'<a href="{_e(_hash_link("genre", genre))}">'
            f"<title>{_e(name)}</title>"
            f'<text class="chart-label" x="{label_w - 8}" y="{y + 17}" text-anchor="end">'
            f"{_e(_short(genre, 22))}</text>"
            f'<rect class="chart-bar" x="{label_w}" y="{y + 5}" width="{bar}" height="16" '
            'rx="3"/>'
            f'<text class="chart-value" x="{label_w + bar + 6}" y="{y + 17}">{n:,}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def decade_chart_svg(counts: list[tuple[int | None, int]]) -> str:
    """Columns by decade of release; unknown years last; each column links to that filter."""
    if not counts:
        return '<p class="chart-empty">No release years.</p>'
    top = max(n for _, n in counts)
    col_w, plot_h = 46, 110
    width, height = col_w * len(counts), plot_h + 40
    parts = [
        f'<svg class="chart chart-decade" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="group" aria-label="Albums by decade">'
    ]
    for i, (decade, n) in enumerate(counts):
        x = i * col_w
        bar = max(2, round((plot_h - 18) * n / top))
        label = f"{decade}s" if decade is not None else "?"
        value = str(decade) if decade is not None else "unknown"
        name = f"{label if decade is not None else 'Unknown year'}: {n:,} album" + (
            "s" if n != 1 else ""
        )
        parts.append(
            f'<a href="{_e(_hash_link("decade", value))}">'
            f"<title>{_e(name)}</title>"
            f'<rect class="chart-bar" x="{x + 7}" y="{plot_h - bar}" '
            f'width="{col_w - 14}" height="{bar}" rx="3"/>'
            f'<text class="chart-value" x="{x + col_w / 2:g}" y="{plot_h - bar - 5}" '
            f'text-anchor="middle">{n:,}</text>'
            f'<text class="chart-label" x="{x + col_w / 2:g}" y="{plot_h + 18}" '
            f'text-anchor="middle">{_e(label)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _format_time(value: Any) -> tuple[str, str]:
    """(datetime attribute, human text in UTC) for an ISO timestamp; raw text when unparsable."""
    if not isinstance(value, str) or not value:
        return "", "unknown"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "", value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return value, moment.strftime("%-d %b %Y, %H:%M") + (" UTC" if moment.tzinfo else "")


def _stat(value: str, label: str, title: str = "") -> str:
    tip = f' title="{_e(title)}"' if title else ""
    return (
        f'<div class="stat"{tip}><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>'
    )


def _header_html(stats: dict) -> str:
    n = stats["albums"]
    return (
        '<dl class="stats">'
        + _stat(_fmt_int(n), "Albums")
        + _stat(_fmt_int(stats["artists"]), "Artists")
        + _stat(_percent(stats["spotify"], n), "On Spotify",
                f"{stats['spotify']:,} of {n:,} albums have a Spotify link")
        + _stat(_percent(stats["described"], n), "AI described",
                f"{stats['described']:,} of {n:,} albums have a description")
        + "</dl>"
    )


def _footer_html(summary: dict, generated_at: Any) -> str:
    stamp, text = _format_time(summary.get("synced_at") or generated_at)
    when = f'<time datetime="{_e(stamp)}">{_e(text)}</time>' if stamp else _e(text)
    facts = [
        ("albums", "albums"), ("artists", "artists"), ("added", "added"),
        ("removed", "removed"), ("spotify_matched", "matched on Spotify"),
        ("ai_described", "described"),
    ]
    run = [f"{_fmt_int(summary[k])} {label}" for k, label in facts if summary.get(k) is not None]
    if summary.get("source"):
        run.append(f"source: {summary['source']}")
    run_html = (
        f'<p class="run">This run: {_e(" · ".join(run))}</p>' if run else ""
    )
    return (
        f'<p>Last synced {when}.</p>{run_html}'
        f'<p>Data provided by <a href="{DISCOGS_HOME}">Discogs</a>. This page uses the '
        "Discogs API but is not affiliated with, sponsored or endorsed by Discogs. "
        "“Discogs” is a trademark of Zink Media, LLC. Album links from Spotify. "
        "Descriptions are written by an AI model and may contain mistakes.</p>"
    )


def _read_page_file(name: str) -> str:
    return (PAGE_DIR / name).read_text(encoding="utf-8")


def _page_around_data(summary: dict, generated_at: Any, stats: PageStats) -> tuple[str, str]:
    """The page before and after its data block (which is json_for_script's text)."""
    style = _read_page_file("style.css")
    script = _read_page_file("app.js")
    # A literal "</" in the static files would end the inline block early.
    if "</" in style or "</" in script:
        raise ValueError("page assets must not contain '</'")
    demo = bool(summary.get("demo"))
    values = {
        "csp": _e(content_security_policy(style, script)),
        "title": "Record collection" + (" (demo)" if demo else ""),
        "style": style,
        "script": script,
        "demo_banner": (
            '<p class="demo-banner" role="note"><strong>DEMO</strong> This page shows sample '
            "data, not a real Discogs collection.</p>"
            if demo else ""
        ),
        "stats": _header_html(stats.header()),
        "genre_chart": genre_chart_svg(stats.genre_counts()),
        "decade_chart": decade_chart_svg(stats.decade_counts()),
        "footer": _footer_html(summary, generated_at),
    }
    before, after = _read_page_file("template.html").split("{{data}}")
    return tuple(_PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], part)
                 for part in (before, after))


def render_page(document: dict) -> str:
    """The whole self-contained index.html for a collection document."""
    summary = dict(document.get("summary") or {})
    data = {
        "generated_at": document.get("generated_at"),
        "summary": _plain(summary),
        "albums": [album_to_entry(a) for a in document.get("albums") or []],
    }
    before, after = _page_around_data(summary, data["generated_at"],
                                      PageStats.of(data["albums"]))
    return before + json_for_script(data) + after


def _head(generated_at: str, summary: dict, **dumps: Any) -> str:
    """A document's JSON up to its first album: `...,"albums":[`."""
    text = json.dumps({"generated_at": generated_at, "summary": summary, "albums": []}, **dumps)
    cut = text.rindex("[]")
    return text[:cut + 1]


def _escape_for_script(text: str) -> str:
    # Outside strings JSON has none of these characters; inside them the escapes are equivalent.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


COPY_CHUNK = 1 << 20


def write_site(
    albums: Iterable[dict], summary: dict, out_dir: Path, generated_at: str | None = None
) -> dict[str, Path]:
    """Write out_dir/collection.json and out_dir/index.html atomically; return their paths."""
    return stage_site(albums, summary, out_dir, generated_at).publish()


class StagedSite:
    """Both site files written under temporary names beside their places, not yet in them."""

    def __init__(self, files: dict[str, StagedText]):
        self.files = files

    def publish(self) -> dict[str, Path]:
        """Rename both files into place (the data first, then the page showing it)."""
        try:
            return {kind: self.files[kind].publish() for kind in ("json", "html")}
        finally:
            self.discard()

    def discard(self) -> None:
        for staged in self.files.values():
            staged.discard()


def stage_site(
    albums: Iterable[dict], summary: dict, out_dir: Path, generated_at: str | None = None
) -> StagedSite:
    """Write collection.json and index.html beside their places, album by album (the albums
    can be a stream: no list of them, nor the page's text, is held whole); publish() puts
    them in place. The files are byte for byte those of collection_document and render_page.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if generated_at is None:
        generated_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    summary = _plain(dict(summary or {}))
    paths = {kind: out_dir / name for kind, name in SITE_FILES.items()}
    files: dict[str, StagedText] = {}
    # The page's data block comes after the counts shown above it: written aside first.
    data = StagedText(out_dir / ".collection-data")
    try:
        files["json"] = StagedText(paths["json"])
        files["html"] = StagedText(paths["html"])
        stats = PageStats()
        document_dumps = {"ensure_ascii": False, "indent": 1}
        script_dumps = {"ensure_ascii": True, "separators": (",", ":"), "allow_nan": False}
        files["json"].write(_head(generated_at, summary, **document_dumps))
        data.write(_escape_for_script(_head(generated_at, summary, **script_dumps)))
        count = 0
        for album in albums:
            entry = album_to_entry(album)
            stats.add(entry)
            # An album sits two levels deep in collection.json: its lines two spaces in.
            files["json"].write(("\n  " if not count else ",\n  ")
                                + json.dumps(entry, **document_dumps).replace("\n", "\n  "))
            data.write(("," if count else "") + _escape_for_script(json.dumps(entry,
                                                                            **script_dumps)))
            count += 1
        files["json"].write(("\n ]\n}" if count else "]\n}") + "\n")
        data.write("]}")
        data.close()
        before, after = _page_around_data(summary, generated_at, stats)
        files["html"].write(before)
        with open(data.tmp, encoding="utf-8", newline="") as block:
            while chunk := block.read(COPY_CHUNK):
                files["html"].write(chunk)
        files["html"].write(after)
        for staged in files.values():
            staged.close()
    except BaseException:
        for staged in files.values():
            staged.discard()
        raise
    finally:
        data.discard()
    return StagedSite(files)
