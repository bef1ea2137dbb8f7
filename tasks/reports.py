"""Reports: the SQL files of sql/reports/, any read-only query, and their text formats."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from tasks.config import DEFAULT_DB_PATH, DEMO_DB_PATH, Settings
from tasks.load import SQL_DIR, connect

REPORTS_DIR = SQL_DIR / "reports"
FORMATS = ("table", "csv", "json", "markdown")
# Longest cell of the table format; the other formats keep whole values.
TABLE_CELL_MAX = 60

_NAME = re.compile(r"[a-z0-9_]+")

Columns = list[str]
Rows = list[tuple]


class ReportError(ValueError):
    """An unknown report, a missing database, or a format we do not write."""


def list_reports() -> list[tuple[str, str]]:
    """(name, what it answers) for each sql/reports/NAME.sql, by name."""
    reports = []
    for path in sorted(REPORTS_DIR.glob("*.sql")):
        first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
        reports.append((path.stem, first.removeprefix("--").strip()))
    return reports


def report_sql(name: str) -> str:
    """The text of sql/reports/NAME.sql; ReportError naming the reports when there is none."""
    path = REPORTS_DIR / f"{name}.sql"
    if not _NAME.fullmatch(name) or not path.is_file():
        names = ", ".join(n for n, _ in list_reports())
        raise ReportError(f"no report named {name!r}; the reports are: {names}")
    return path.read_text(encoding="utf-8")


def run_report(con: duckdb.DuckDBPyConnection, name: str) -> tuple[Columns, Rows]:
    """Run one report: its column names and rows."""
    return _fetch(con.execute(report_sql(name)))


def find_database(db_path: str | Path | None = None) -> Path:
    """The database to read: the one given, else the configured one, else the demo's."""
    if db_path is not None:
        path = Path(db_path)
    else:
        path = Path(Settings.from_env().db_path)
        # Before any real sync, `make run` has written only the demo database.
        if str(path) == DEFAULT_DB_PATH and not path.exists() and Path(DEMO_DB_PATH).exists():
            path = Path(DEMO_DB_PATH)
    if not path.is_file():
        raise ReportError(f"no database at {path}: run `discogs-sync run` first, "
                          "or pass --db PATH")
    return path


def open_read_only(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection: every write is refused by DuckDB itself."""
    path = Path(db_path)
    if not path.is_file():
        raise ReportError(f"no database at {path}")
    return connect(path, read_only=True)


def run_sql(db_path: str | Path, query: str) -> tuple[Columns, Rows]:
    """Run any query on a read-only connection to the database: its column names and rows."""
    with open_read_only(db_path) as con:
        return _fetch(con.execute(query))


def _fetch(cursor: duckdb.DuckDBPyConnection) -> tuple[Columns, Rows]:
    if cursor.description is None:  # a statement with no result (SET, PRAGMA...)
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def format_rows(columns: Columns, rows: Rows, fmt: str = "table") -> str:
    """The rows as an aligned text table, CSV, JSON (a list of objects) or a Markdown table."""
    if fmt == "table":
        return _table(columns, rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        return out.getvalue().rstrip("\n")
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=_json_default)
    if fmt == "markdown":
        return _markdown(columns, rows)
    raise ReportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _text(value: Any) -> str:
    """One value as display text: lists joined with "; " (formats hold commas), NULL empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _csv_cell(value: Any) -> Any:
    # Lists and structs as JSON, so that a list item holding a comma stays one item.
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _numeric_columns(columns: Columns, rows: Rows) -> list[bool]:
    """A column is numeric when every non-NULL value in it is a number (then right-aligned)."""
    return [
        any(row[i] is not None for row in rows)
        and all(row[i] is None or _is_number(row[i]) for row in rows)
        for i in range(len(columns))
    ]


def _table(columns: Columns, rows: Rows) -> str:
    if not columns:
        return "(no result)"

    def clip(text: str) -> str:
        return text if len(text) <= TABLE_CELL_MAX else text[:TABLE_CELL_MAX - 1] + "…"

    cells = [[clip(_text(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    right = _numeric_columns(columns, rows)

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if r else v.ljust(w)
                 for v, w, r in zip(values, widths, right, strict=True)]
        return "  ".join(parts).rstrip()

    lines = [line(list(columns)), line(["-" * w for w in widths])]
    lines += [line(r) for r in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def _markdown(columns: Columns, rows: Rows) -> str:
    if not columns:
        return ""

    def cell(value: Any) -> str:
        return _text(value).replace("\\", "\\\\").replace("|", "\\|")

    right = _numeric_columns(columns, rows)
    lines = ["| " + " | ".join(cell(c) for c in columns) + " |",
             "|" + "|".join("---:" if r else "---" for r in right) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
