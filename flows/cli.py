"""The `discogs-sync` command: run the flow, check credentials."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tasks.config import Settings, install_log_redaction


def _run(args: argparse.Namespace) -> int:
    """Take the database's run lock, then start Prefect and run the flow: a second run stops
    at once, before paying for Prefect's temporary server."""
    from flows import exit_codes, runlock

    settings = Settings.from_env().with_overrides(discogs_username=args.username, db_path=args.db)
    db = runlock.run_database(settings, args.source)
    try:
        wait = runlock.wait_from_env() if args.wait is None else max(0.0, args.wait)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return exit_codes.FAILED

    def waiting(holder: runlock.Holder) -> None:
        print(f"Another sync is running on {db} ({holder.describe()}); waiting for it, up to "
              f"{wait:.0f} s...", file=sys.stderr, flush=True)

    try:
        with runlock.hold(db, wait, on_wait=waiting):
            return _sync(args)
    except runlock.SyncRunning as exc:
        print(exc, file=sys.stderr)
        return exit_codes.SYNC_RUNNING


def _sync(args: argparse.Namespace) -> int:
    import contextlib

    from flows import exit_codes
    from flows.temporary_server import TemporaryServerError, temporary_api

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(temporary_api(say))
            # The flow's imports take seconds: the server boots meanwhile.
            from flows.discogs_sync import discogs_sync
            from flows.live import with_live_display
            from flows.summary import RunFailed
            from tasks.busy import DatabaseHeld

            if server is not None:
                server.wait()
        except TemporaryServerError as exc:
            print(f"\n{exc}", file=sys.stderr)
            return exit_codes.NO_PREFECT_SERVER

        sync = discogs_sync if args.quiet else with_live_display(discogs_sync)
        try:
            summary = sync(
                username=args.username, source=args.source, spotify=not args.no_spotify,
                ai=not args.no_ai, description_max_chars=args.max_chars, language=args.language,
                db_path=args.db, out_dir=args.out, max_ai_calls=args.max_ai_calls,
                confirm_removals=args.confirm_removals,
                max_removed_share=args.max_removed_share)
        except RunFailed as exc:
            print(f"\nThe sync loaded what it could, but needs attention: {exc}",
                  file=sys.stderr)
            return exit_codes.NEEDS_ATTENTION
        except DatabaseHeld as exc:
            print(f"\n{exc}", file=sys.stderr)
            return exit_codes.DATABASE_HELD
        except Exception as exc:  # noqa: BLE001 - the flow logged the details; say it plainly
            print(f"\nThe sync failed: {exc}", file=sys.stderr)
            return exit_codes.FAILED
    demo = " (DEMO: bundled sample collection)" if summary.get("demo") else ""
    print(f"\nSynced{demo}: {summary['albums']} releases in the collection "
          f"({summary['added']} copies added, {summary['removed']} removed); "
          f"{summary['spotify_matched']} albums on Spotify, {summary['ai_described']} described.")
    if summary.get("phases"):
        from flows.progress import phase_times_text

        print(f"Time:     {phase_times_text(summary['phases'].items())}")
    print(f"Database: {summary['db_path']}")
    print(f"Page:     {Path(summary['page']).as_uri()}")
    return exit_codes.OK


def _serve(args: argparse.Namespace) -> int:
    from flows.serve import NoPrefectServer, serve

    try:
        serve(cron=args.cron, timezone=args.timezone)
    except NoPrefectServer as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def _check(args: argparse.Namespace) -> int:
    """With the user's credentials: one collection item, its Spotify search, one description."""
    from flows.credentials import secret_env
    from tasks import discogs, enrich, euria, prompt, spotify
    from tasks.http import ServiceError

    os.environ.update(secret_env())

    settings = Settings.from_env().with_overrides(discogs_username=args.username)
    failures = 0
    album = None

    def report(step: str, ok: bool, text: str) -> None:
        nonlocal failures
        failures += 0 if ok else 1
        print(f"[{'ok' if ok else 'FAILED'}] {step}: {text}")

    missing = settings.missing_discogs()
    if missing:
        report("Discogs", False, f"set {' and '.join(missing)}")
    else:
        try:
            client = discogs.DiscogsClient(settings.discogs_token or "", settings.discogs_api_url)
            fields = discogs.fetch_field_names(client, settings.discogs_username or "")
            item = next(discogs.iter_collection(client, settings.discogs_username or "",
                                                per_page=1), None)
            if item is None:
                report("Discogs", True, "the collection is empty")
            else:
                album = discogs.collection_item_to_album(item, fields)
                report("Discogs", True, f"{album['artist']} - {album['title']} "
                       f"({album['year'] or 'year unknown'}), release {album['release_id']}; "
                       f"custom fields: {', '.join(fields.values()) or 'none'}")
        except ServiceError as exc:
            report("Discogs", False, str(exc))
    if album is None:
        album = {"album_key": "pink floyd|dark side of the moon", "artist": "Pink Floyd",
                 "artists": ["Pink Floyd"], "title": "The Dark Side of the Moon", "year": 1973,
                 "labels": ["Harvest"], "catnos": ["SHVL 804"], "formats": ["Vinyl, LP, Album"],
                 "genres": ["Rock"], "styles": ["Prog Rock"], "release_id": 0}
        print(f"        (using {album['artist']} - {album['title']} for the next checks)")

    missing = settings.missing_spotify()
    if missing:
        report("Spotify", False, f"step off: set {' and '.join(missing)}")
    else:
        try:
            row = spotify.lookup_album(enrich.spotify_client(settings), album)
            report("Spotify", True, f"{row['status']} (score {row['score']}): "
                   f"{row['spotify_name']} by {', '.join(row['spotify_artists'] or [])} "
                   f"{row['spotify_url'] or ''}")
        except ServiceError as exc:
            report("Spotify", False, str(exc))

    missing = settings.missing_euria()
    if missing:
        report("EurIA", False, f"step off: set {' and '.join(missing)}")
    else:
        client = enrich.euria_client(settings)
        try:
            models = client.list_models()
            known = settings.euria_model in models if models else True
            report("EurIA models", known, f"{len(models)} available; EURIA_MODEL="
                   f"{settings.euria_model}{'' if known else ' is NOT among them'}")
        except ServiceError as exc:
            report("EurIA models", False, str(exc))
        try:
            row = euria.describe_album(client, album, prompt.normalize_language(args.language),
                                       args.max_chars)
            report("EurIA", True, f"{len(row['description'])} characters, "
                   f"{row['completion_tokens']} tokens in {row['seconds']} s:\n\n"
                   f"{row['description']}\n")
        except ServiceError as exc:
            report("EurIA", False, str(exc))
    print("All checks passed." if not failures else f"{failures} check(s) failed.")
    return 0 if not failures else 1


def _database(args: argparse.Namespace) -> Path:
    """--db, else DISCOGS_SYNC_DB / data/collection.duckdb, else the demo's database."""
    from tasks.reports import DEMO_DB_PATH, find_database

    path = find_database(args.db)
    if args.db is None and path == Path(DEMO_DB_PATH):
        print(f"(no sync yet: reading the demo database {path})", file=sys.stderr)
    return path


def _report(args: argparse.Namespace) -> int:
    from tasks import reports
    from tasks.load import DatabaseBusy

    if args.name is None:
        listed = reports.list_reports()
        width = max(len(name) for name, _ in listed)
        for name, description in listed:
            print(f"{name.ljust(width)}  {description}")
        print("\nPrint one with: discogs-sync report NAME [--format table|csv|json|markdown]")
        return 0
    try:
        with reports.open_read_only(_database(args)) as con:
            columns, rows = reports.run_report(con, args.name)
    except (reports.ReportError, DatabaseBusy) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(reports.format_rows(columns, rows, args.format))
    return 0


def _sql(args: argparse.Namespace) -> int:
    import duckdb

    from tasks import reports
    from tasks.load import DatabaseBusy

    query = sys.stdin.read() if args.query == "-" else args.query
    try:
        columns, rows = reports.run_sql(_database(args), query)
    except (reports.ReportError, DatabaseBusy, duckdb.Error) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(reports.format_rows(columns, rows, args.format))
    return 0


def _export_parquet(args: argparse.Namespace) -> int:
    from tasks import parquet, reports
    from tasks.load import DatabaseBusy

    try:
        written = parquet.export_parquet(_database(args), args.dir)
    except (reports.ReportError, DatabaseBusy) as exc:
        print(exc, file=sys.stderr)
        return 1
    for item in written:
        print(f"{item.path}  {item.rows} rows")
    return 0


def _review(args: argparse.Namespace) -> int:
    from flows import review_cli

    return review_cli.run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discogs-sync",
        description="Sync a Discogs collection into DuckDB, with Spotify links and AI "
                    "descriptions, and write a static collection page.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the sync flow now (the demo when no credentials)")
    run.add_argument("--username", help="Discogs user (default: DISCOGS_USERNAME)")
    run.add_argument("--source", default="api",
                     help="'api' (default) or the path of a Discogs collection CSV export")
    run.add_argument("--no-spotify", action="store_true", help="skip the Spotify lookups")
    run.add_argument("--no-ai", action="store_true", help="skip the AI descriptions")
    run.add_argument("--max-chars", type=int, default=500,
                     help="description length limit (default 500)")
    run.add_argument("--language", default="en", help="description language (en, fr, ...)")
    run.add_argument("--max-ai-calls", type=int, default=None,
                     help="at most N descriptions this run (the oldest additions first)")
    run.add_argument("--confirm-removals", action="store_true",
                     help="apply removals even when more than --max-removed-share is gone")
    run.add_argument("--max-removed-share", type=float, default=0.1,
                     help="the share of the collection that may be marked removed in one run "
                          "without --confirm-removals (default 0.1)")
    run.add_argument("--db", help="DuckDB file (default: DISCOGS_SYNC_DB or "
                                  "data/collection.duckdb)")
    run.add_argument("--out", help="page folder (default: DISCOGS_SYNC_OUT or data/site)")
    run.add_argument("--quiet", action="store_true",
                     help="no live progress display in the terminal (the log lines stay)")
    run.add_argument("--wait", nargs="?", type=float, const=3600.0, default=None,
                     metavar="SECONDS",
                     help="when another sync is running on the database, wait for it (up to "
                          "SECONDS, default 3600) instead of stopping at once (exit code 3); "
                          "default: DISCOGS_SYNC_LOCK_WAIT, else no wait")
    run.set_defaults(func=_run)

    check = sub.add_parser("check", help="try your credentials on one album, print the result")
    check.add_argument("--username", help="Discogs user (default: DISCOGS_USERNAME)")
    check.add_argument("--language", default="en")
    check.add_argument("--max-chars", type=int, default=500)
    check.set_defaults(func=_check)

    serve_cmd = sub.add_parser("serve", help="serve the nightly deployment in this process: its "
                               "schedule and UI runs, no worker (needs PREFECT_API_URL)")
    serve_cmd.add_argument("--cron", default="0 3 * * *", help="schedule (default: 03:00 daily)")
    serve_cmd.add_argument("--timezone",
                           help="schedule timezone (default: DISCOGS_SYNC_TIMEZONE or UTC)")
    serve_cmd.set_defaults(func=_serve)

    formats = ("table", "csv", "json", "markdown")  # tasks.reports.FORMATS
    db_help = ("DuckDB file (default: DISCOGS_SYNC_DB or data/collection.duckdb, else the "
               "demo's)")

    report = sub.add_parser("report", help="list the reports, or print one",
                            description="Without NAME: list the reports (sql/reports/*.sql).")
    report.add_argument("name", nargs="?", help="the report to print")
    report.add_argument("--format", choices=formats, default="table")
    report.add_argument("--db", help=db_help)
    report.set_defaults(func=_report)

    sql = sub.add_parser("sql", help="run any SQL query on the database, read-only")
    sql.add_argument("query", help="the query, or - to read it from stdin")
    sql.add_argument("--format", choices=formats, default="table")
    sql.add_argument("--db", help=db_help)
    sql.set_defaults(func=_sql)

    export = sub.add_parser("export-parquet", help="write every table and view as Parquet")
    export.add_argument("dir", help="folder for the NAME.parquet files (created if needed)")
    export.add_argument("--db", help=db_help)
    export.set_defaults(func=_export_parquet)

    from flows.review_cli import add_arguments as review_arguments

    review = sub.add_parser("review", help="decide the uncertain Spotify matches, one key per "
                            "album (writes data/overrides.csv)")
    review_arguments(review)
    review.set_defaults(func=_review)

    from tasks import match_eval

    evaluate = sub.add_parser("eval", help="measure the Spotify matcher on the labeled set "
                              "(precision, recall, searches per album)")
    match_eval.add_arguments(evaluate)
    evaluate.set_defaults(func=match_eval.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from flows.malloc import limit_arenas

    limit_arenas()  # before any thread starts (flows/malloc.py)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    args = build_parser().parse_args(argv)
    install_log_redaction()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
