"""Parquet export: every table and view of the database, one file each, for other engines."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tasks.reports import open_read_only

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParquetFile:
    """One exported table or view."""

    name: str
    path: Path
    rows: int


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def list_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The user tables, then the user views, of the main schema, by name."""
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' "
        "AND NOT internal AND NOT temporary ORDER BY table_name").fetchall()
    views = con.execute(
        "SELECT view_name FROM duckdb_views() "
        "WHERE database_name = current_database() AND schema_name = 'main' "
        "AND NOT internal AND NOT temporary ORDER BY view_name").fetchall()
    return [name for (name,) in tables + views]


def write_parquet(con: duckdb.DuckDBPyConnection, out_dir: str | Path) -> list[ParquetFile]:
    """COPY each table and view to OUT_DIR/NAME.parquet (zstd), replacing older files."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in list_relations(con):
        path = out_dir / f"{name}.parquet"
        # The name is an identifier read from the catalog, quoted; the path is bound.
        con.execute(f"COPY (SELECT * FROM {_quote(name)}) TO $path "
                    "(FORMAT parquet, COMPRESSION zstd)", {"path": str(path)})
        rows = con.execute(f"SELECT count(*) FROM {_quote(name)}").fetchall()[0][0]
        written.append(ParquetFile(name=name, path=path, rows=rows))
    log.info("Wrote %d Parquet files to %s", len(written), out_dir)
    return written


def export_parquet(db_path: str | Path, out_dir: str | Path) -> list[ParquetFile]:
    """Open the database read-only and write every table and view as Parquet."""
    with open_read_only(db_path) as con:
        return write_parquet(con, out_dir)
