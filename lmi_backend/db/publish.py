"""Copies the built SQLite database into PostgreSQL, so that servers on several hosts read one
copy (`lmi build --db postgresql://...`).

The build itself stays on SQLite (its readers, checks and staging file are unchanged); the copy
then takes every table the schema declares (lmi_backend.db.schema's metadata, so a table added
there is copied without a change here), creates it with its keys and indexes in a staging
schema, copies its rows in key order with PostgreSQL's COPY (inserted statement by statement,
the 1.3 million rows took over a minute), and swaps the staging schema in as `lmi` in one
transaction: readers see the old copy or the new one, never half of one, and a failed copy leaves
the old one in place. A table in the file that the schema does not declare stops the copy with
its name, rather than being left behind unseen.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import AddConstraint, CreateTable

from .engine import SCHEMA, STAGING_SCHEMA, readonly_engine, server_engine
from .schema import indexes_in_order, metadata

BATCH = 20000  # rows per COPY


def undeclared_tables(source: Engine) -> list[str]:
    return sorted(set(inspect(source).get_table_names()) - set(metadata.tables))


def publish(sqlite_file: Path, url: str, out: TextIO = sys.stderr) -> int:
    """Copies every table of `sqlite_file` into the database at `url`; returns the rows copied."""
    source = readonly_engine(sqlite_file)
    target = server_engine(url, schema=STAGING_SCHEMA, readonly=False)
    try:
        stray = undeclared_tables(source)
        if stray:
            raise ValueError(
                f"{sqlite_file} has tables the schema (lmi_backend.db) does not declare: "
                f"{', '.join(stray)}; declare them on its metadata so they are copied"
            )
        with target.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {STAGING_SCHEMA} CASCADE")
            conn.exec_driver_sql(f"CREATE SCHEMA {STAGING_SCHEMA}")
        copied = 0
        with source.connect() as reader, target.begin() as writer:
            # keys and indexes once the rows are in: checked and built in one pass each, not
            # row by row (a foreign key checked per row tripled the copy's time)
            for table in metadata.sorted_tables:
                writer.execute(CreateTable(table, include_foreign_key_constraints=[]))
                count = _copy_table(reader, writer, table)
                print(f"  {table.name}: {count} rows", file=out)
                copied += count
            for table in metadata.sorted_tables:
                for index in indexes_in_order(table):
                    index.create(writer)
                for key in table.foreign_key_constraints:
                    writer.execute(AddConstraint(key))
                writer.exec_driver_sql(f"ANALYZE {writer.dialect.identifier_preparer.format_table(table)}")
        with target.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            conn.exec_driver_sql(f"ALTER SCHEMA {STAGING_SCHEMA} RENAME TO {SCHEMA}")
        return copied
    finally:
        source.dispose()
        target.dispose()


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    rows = reader.execute(select(table).order_by(*table.primary_key.columns))
    columns = ", ".join(writer.dialect.identifier_preparer.quote(c.name) for c in table.columns)
    statement = f"COPY {writer.dialect.identifier_preparer.format_table(table)} ({columns}) FROM STDIN"
    cursor = writer.connection.cursor()
    count = 0
    try:
        for batch in rows.partitions(BATCH):
            cursor.copy_expert(statement, io.StringIO("".join(_lines(batch))))
            count += len(batch)
    finally:
        cursor.close()
    return count


def _lines(rows: Iterable[Sequence[Any]]) -> Iterable[str]:
    """Rows in COPY's text format: tab-separated, \\N for NULL, backslash escapes."""
    for row in rows:
        yield "\t".join(_field(value) for value in row) + "\n"


def _field(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, float):
        return repr(value)  # every digit; PostgreSQL reads inf and nan as written
    return str(value)  # integers; booleans as True/False, which PostgreSQL reads


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
