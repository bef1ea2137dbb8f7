"""`discogs-sync review`: decide the uncertain Spotify matches one key at a time.

Each decision goes into the overrides file at once and into DuckDB; the page is written again
at the end. Nothing here calls Spotify or EurIA, except `--refresh` (a fresh search of the album
shown, through the sync's own paced client).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flows import exit_codes

if TYPE_CHECKING:
    from tasks.review import Decision

KEYS_HELP = ("keys: 1-5 pick that candidate, n not on Spotify, u paste a link, s skip, b back, "
             "q quit")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `discogs-sync review`."""
    parser.description = ("Walk the albums whose Spotify match is uncertain (highest score "
                          f"first) and decide each; {KEYS_HELP}. Each choice is written to the "
                          "overrides file at once; the page is written again at the end.")
    parser.add_argument("--not-found", action="store_true",
                        help="also the albums not found on Spotify (after the uncertain ones)")
    parser.add_argument("--list", action="store_true",
                        help="print what would be asked, and ask nothing")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="of --list (default table)")
    parser.add_argument("--refresh", action="store_true",
                        help="search Spotify again for each album shown (needs the Spotify "
                             "credentials; paced like the sync)")
    parser.add_argument("--db", help="DuckDB file (default: DISCOGS_SYNC_DB or "
                                     "data/collection.duckdb, else the demo's)")
    parser.add_argument("--out", help="page folder to write again (default: DISCOGS_SYNC_OUT "
                                      "or data/site; the demo's beside the demo database)")
    parser.add_argument("--overrides", help="overrides file (default: DISCOGS_SYNC_OVERRIDES "
                                            "or data/overrides.csv)")


@dataclass
class Session:
    """Where a review reads and writes, and what it has decided so far."""

    db_path: Path
    out_dir: Path
    overrides_path: Path
    decisions: dict[str, Decision] = field(default_factory=dict)  # by album_key
    skipped: set[str] = field(default_factory=set)
    backed_up: bool = False


def run(args: argparse.Namespace) -> int:
    """Entry point of the subcommand."""
    from tasks import load, overrides, reports, review
    from tasks.config import DEMO_DB_PATH, DEMO_OUT_DIR, Settings

    settings = Settings.from_env()
    try:
        db_path = reports.find_database(args.db)
    except reports.ReportError as exc:
        print(exc, file=sys.stderr)
        return 1
    demo = db_path.resolve() == Path(DEMO_DB_PATH).resolve()
    out_dir = Path(args.out or (DEMO_OUT_DIR if demo and not os.environ.get("DISCOGS_SYNC_OUT")
                                else settings.out_dir))
    session = Session(db_path=db_path, out_dir=out_dir,
                      overrides_path=Path(args.overrides or settings.overrides_path))
    try:
        manual = overrides.read_overrides(session.overrides_path)
    except (overrides.OverridesError, OSError) as exc:
        print(f"Cannot read the overrides file: {exc}", file=sys.stderr)
        return 1
    try:
        with load.connect(db_path) as con:  # read-write: brings an older database up to date
            items = review.review_queue(con, not_found=args.not_found, decided=manual.keys)
    except load.DatabaseBusy as exc:
        print(exc, file=sys.stderr)
        return 1

    if args.list:
        if args.format == "json":
            print(json.dumps([review.item_to_json(i) for i in items], ensure_ascii=False,
                             indent=1, default=str))
        else:
            print(reports.format_rows(*review.list_rows(items), "table"))
        return 0
    what = "uncertain or not found" if args.not_found else "uncertain"
    if not items:
        print(f"Nothing to review: no Spotify match is {what} in {db_path}.")
        return 0
    if not sys.stdin.isatty():
        again = " ".join(a for a in ("discogs-sync review", *_passed(args)) if a)
        print(f"discogs-sync review asks one key per album, so it needs a terminal: standard "
              f"input is not one.\nRun `{again}` in a terminal, or print the {len(items)} "
              f"album(s) it would ask about with `{again} --list` (--format json too).",
              file=sys.stderr)
        return exit_codes.NEEDS_ATTENTION
    return _interactive(items, session, args.refresh, settings)


def _passed(args: argparse.Namespace) -> list[str]:
    """The options given, to repeat them in a hint."""
    out = ["--not-found" if args.not_found else ""]
    for name in ("db", "out", "overrides"):
        if getattr(args, name):
            out.append(f"--{name} {shlex.quote(getattr(args, name))}")
    return out


def read_key(stream=None) -> str:
    """One key press, without Enter (the terminal in cbreak mode just for the read); keys typed
    ahead stay queued for the next read."""
    import select
    import termios
    import tty

    fd = (stream or sys.stdin).fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        data = os.read(fd, 1)
        # An arrow key is an escape sequence; a non-ASCII key, several UTF-8 bytes.
        while data[:1] == b"\x1b" and len(data) < 3 and select.select([fd], [], [], 0.05)[0]:
            data += os.read(fd, 1)
        if data[:1] >= b"\xc0":
            size = 2 if data[0] < 0xE0 else 3 if data[0] < 0xF0 else 4
            data += os.read(fd, size - 1)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)
    if not data or data == b"\x04":  # end of input (Ctrl-D)
        return "q"
    if data in (b"\x1b[D", b"\x1bOD"):
        return "b"  # left arrow
    if data in (b"\x1b[C", b"\x1bOC"):
        return "s"  # right arrow
    return data.decode("utf-8", "ignore")[:1].lower()


def _interactive(items: list, session: Session, refresh: bool, settings) -> int:
    from rich.console import Console

    from tasks import review

    console = Console(highlight=False)
    total = len(items)
    index = 0
    note = ""
    refreshed: set[str] = set()
    try:
        while 0 <= index < total:
            item = items[index]
            if refresh and item.album_key not in refreshed:
                refreshed.add(item.album_key)
                item, message = _refresh(item, session, settings, console)
                items[index] = item
                note = "\n".join(filter(None, [note, message]))
                if message.startswith("--refresh needs"):
                    refresh = False
            console.clear()
            console.print(review.render_item(item, index + 1, total,
                                             session.decisions.get(item.album_key), note))
            note = ""
            key = read_key()
            if key in "12345" and key:
                n = int(key)
                if n > len(item.candidates):
                    note = (f"There is no candidate {n}." if item.candidates else
                            "There is no candidate: n, u, s, b or q.")
                    continue
                chosen = item.candidates[n - 1]
                decision = review.Decision(chosen.spotify_album_id, _note(
                    f"candidate {n} of {len(item.candidates)}"
                    + (f", score {chosen.score:.2f}" if chosen.score is not None else "")))
            elif key == "n":
                decision = review.Decision(None, _note("not on Spotify"))
            elif key == "u":
                decision = _ask_link(console, item)
                if decision is None:
                    continue
            elif key == "s":
                session.skipped.add(item.album_key)  # a decision made before stays
                index += 1
                continue
            elif key == "b":
                if index == 0:
                    note = "This is the first album."
                else:
                    index -= 1
                continue
            elif key == "q":
                break
            else:
                note = f"Unknown key. {KEYS_HELP}."
                continue
            saved = _save(item, decision, session, console)
            if saved:
                index += 1
            else:
                note = "Not saved (see above)."
    except KeyboardInterrupt:
        console.print("\nStopped.")
    return _finish(items, session, console)


def _note(what: str) -> str:
    return f"review {datetime.now(UTC).date().isoformat()}: {what}"


def _ask_link(console, item):
    from tasks import review

    while True:
        try:
            text = console.input("Paste the album's Spotify link or spotify:album:ID "
                                 "(Enter alone: back): ").strip()
        except EOFError:
            return None
        if not text:
            return None
        album_id, problem = review.check_link(text)
        if album_id:
            picked = next((n for n, c in enumerate(item.candidates, start=1)
                           if c.spotify_album_id == album_id), None)
            what = f"link pasted (candidate {picked})" if picked else "link pasted"
            return review.Decision(album_id, _note(what))
        console.print(f"[yellow]{problem}[/yellow]")


def _save(item, decision, session: Session, console) -> bool:
    """Write the decision to the file, then load the file into DuckDB; False if not written."""
    from tasks import load, review
    from tasks.overrides import OverridesError

    try:
        parsed = review.write_override(session.overrides_path, item.override_artist,
                                       item.override_title, decision,
                                       backup=not session.backed_up)
    except (OSError, ValueError, OverridesError) as exc:
        console.print(f"[red]Could not write {session.overrides_path}: {exc}[/red]")
        console.input("Press Enter to go on.")
        return False
    session.backed_up = True
    session.decisions[item.album_key] = decision
    try:
        with load.connect(session.db_path) as con:
            review.load_overrides(con, parsed.rows, datetime.now(UTC))
    except load.DatabaseBusy:
        pass  # the file is the truth: the end of the review (or the next sync) loads it
    return True


def _refresh(item, session: Session, settings, console):
    """A fresh Spotify search for this album, stored as a sync would store it."""
    from tasks import enrich, load, review, spotify
    from tasks.http import ServiceError

    missing = settings.missing_spotify()
    if missing:
        return item, f"--refresh needs {' and '.join(missing)}: showing what the sync stored."
    console.print(f"Searching Spotify again for {item.artist} — {item.title}…")
    try:
        row = spotify.lookup_album(enrich.spotify_client(settings), item.facts(),
                                   threshold=settings.spotify_threshold)
    except ServiceError as exc:
        return item, f"Spotify search failed ({exc}): showing what the sync stored."
    try:
        with load.connect(session.db_path) as con:
            review.store_lookup(con, row)
    except load.DatabaseBusy:
        pass  # shown all the same; the next sync searches again
    fresh = replace(item, score=row.get("score"), checked_at=row.get("checked_at"),
                    candidates=review.parse_candidates(row.get("candidates"), row))
    status = row["status"].replace("_", " ")
    return fresh, f"Searched again just now: {status}" + (
        f" (score {row['score']:.2f})" if row.get("score") is not None else "") + "."


def _finish(items: list, session: Session, console) -> int:
    """Load the file if the database was busy, write the page again, say what happened."""
    from tasks import load, review
    from tasks.overrides import read_overrides

    decided = session.decisions
    linked = sum(1 for d in decided.values() if d.spotify_album_id)
    left = sum(1 for i in items if i.album_key not in decided)
    skipped = len(session.skipped - set(decided))
    console.print(f"\n{len(decided)} decided ({linked} linked, {len(decided) - linked} not on "
                  f"Spotify); {left} still to decide ({skipped} skipped).")
    if not decided:
        return 0
    console.print(f"Overrides: {session.overrides_path}"
                  + (f" (previous version: {review.backup_path(session.overrides_path)})"
                     if review.backup_path(session.overrides_path).exists() else ""))
    try:
        with load.connect(session.db_path) as con:
            # Again, from the file: a sync that ran meanwhile loaded the file it read before.
            review.load_overrides(con, read_overrides(session.overrides_path).rows,
                                  datetime.now(UTC))
            page = write_page(con, session.out_dir)
    except load.DatabaseBusy as exc:
        console.print(f"The page was not written again ({exc}); the sync running now will "
                      "write it with your choices.")
        return 0
    console.print(f"Page:      {page.as_uri()}")
    return 0


def write_page(con, out_dir: Path) -> Path:
    """Export the page again from the database (no API call), keeping the last run's summary."""
    from tasks import export, load

    out_dir = Path(out_dir)
    previous = {}
    with_json = out_dir / export.SITE_FILES["json"]
    if with_json.exists():
        try:
            previous = json.loads(with_json.read_text(encoding="utf-8")).get("summary") or {}
        except (ValueError, AttributeError):
            previous = {}
    summary = {**previous, **load.collection_counts(con)}
    paths = export.write_site(load.export_albums(con), summary, out_dir)
    return Path(paths["html"]).resolve()
